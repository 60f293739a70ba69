//! Where each response of a group came from and when: the file it was read from (CSV or JSON), a
//! pasted answers code or share link, or the person's own assessment; the date it was added; and the
//! round it was given for (from the code, when it carries one). The group's list of responses shows
//! this ([`rows`], [`sources`]), and a response is removed one at a time or with every other one of
//! its source, and put back by an undo ([`Removed`]).
//!
//! A group saved before sources were kept has none for its responses: they are shown as from "a file
//! or your own assessment" (the only ways in then), added on a date that was not recorded.
//!
//! Pure: the caller gives the time, and dates are printed by the page in the person's time zone.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::Group;
use crate::engine::instrument::Choice;
use crate::engine::Response;
use crate::model::format;

/// How a response reached the group.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// A responses CSV file, by its name.
    Csv { file: String },
    /// A JSON export (one response or a set), by its name.
    Json { file: String },
    /// An answers code pasted on the group page.
    Code,
    /// A share link pasted on the group page.
    Link,
    /// The person's own assessment in this browser.
    Own,
}

impl Source {
    /// The source as the list of responses names it.
    pub fn label(&self) -> String {
        match self {
            Source::Csv { file } => format!("CSV file “{file}”"),
            Source::Json { file } => format!("JSON file “{file}”"),
            Source::Code => "Pasted answers code".into(),
            Source::Link => "Pasted share link".into(),
            Source::Own => "Your own assessment".into(),
        }
    }
}

/// The source of responses a group had before sources were kept.
pub const UNKNOWN_SOURCE: &str = "A file or your own assessment (not recorded)";

/// The label of a source that may be unknown.
pub fn source_label(source: Option<&Source>) -> String {
    source.map_or_else(|| UNKNOWN_SOURCE.to_string(), Source::label)
}

/// Which responses of a source, inside a sentence ("… from CSV file “north.csv”").
pub fn from_source(source: Option<&Source>) -> String {
    match source {
        Some(Source::Code) => " from pasted answers codes".into(),
        Some(Source::Link) => " from pasted share links".into(),
        Some(Source::Own) => " from your own assessments".into(),
        Some(file) => format!(" from {}", file.label()),
        None => " whose source was not recorded".into(),
    }
}

/// Where one response came from, when, and for which round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub source: Source,
    /// ISO 8601 date-time it joined the group.
    pub added_at: String,
    /// The round the colleague answered for, when the code carried one.
    pub round: Option<String>,
}

/// The origins of a group's responses, in the responses' order, as runs: the responses that joined
/// together (one file, one paste of codes from one round) share one origin, so that a file of
/// 100,000 responses adds one entry, not 100,000 copies of its name and date.
///
/// Stored as a list of runs, `[{"count": 40, "source": "csv", "file": "north.csv", "added_at": …}]`;
/// a run without a source is of responses whose source was not recorded. A group describes as many
/// responses as it has ([`Origins::fit`]): what storage says beyond them is dropped, and those it
/// does not cover have no recorded source.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<StoredRun>", into = "Vec<StoredRun>")]
pub struct Origins {
    runs: Vec<Run>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Run {
    count: usize,
    origin: Option<Origin>,
}

impl Origins {
    /// True when no response has a recorded origin (a group saved before sources were kept): such a
    /// group is stored without the field, as it was.
    pub fn is_empty(&self) -> bool {
        self.runs.iter().all(|r| r.origin.is_none())
    }

    /// How many responses the runs describe (what the tests check them against).
    #[cfg(test)]
    fn total(&self) -> usize {
        self.runs.iter().map(|r| r.count).sum()
    }

    /// The origin of each of the first `n` responses in turn (`None`: not recorded).
    pub fn each(&self, n: usize) -> impl Iterator<Item = Option<&Origin>> {
        self.runs
            .iter()
            .flat_map(|r| std::iter::repeat_n(r.origin.as_ref(), r.count))
            .chain(std::iter::repeat(None))
            .take(n)
    }

    /// The origin of the response at `index` (0-based).
    pub fn get(&self, index: usize) -> Option<&Origin> {
        let mut start = 0usize;
        for run in &self.runs {
            start = start.saturating_add(run.count);
            if index < start {
                return run.origin.as_ref();
            }
        }
        None
    }

    /// The runs in order: how many responses, and their origin.
    fn runs(&self) -> impl Iterator<Item = (usize, Option<&Origin>)> {
        self.runs.iter().map(|r| (r.count, r.origin.as_ref()))
    }

    /// Records the origin of `count` more responses, after those already described.
    pub fn push_n(&mut self, origin: Option<&Origin>, count: usize) {
        if count == 0 {
            return;
        }
        match self.runs.last_mut() {
            // Saturating: storage may claim more than any group holds, until `fit` cuts it.
            Some(last) if last.origin.as_ref() == origin => {
                last.count = last.count.saturating_add(count)
            }
            _ => self.runs.push(Run {
                count,
                origin: origin.cloned(),
            }),
        }
    }

    /// Records the origin of one more response.
    pub fn push(&mut self, origin: Option<&Origin>) {
        self.push_n(origin, 1);
    }

    /// Makes the runs describe exactly `n` responses: what lies beyond is dropped, and the responses
    /// not covered get no recorded source. For what storage held, which may have been changed by hand.
    pub fn fit(&mut self, n: usize) {
        let mut left = n;
        let mut kept = 0;
        for run in &mut self.runs {
            if left == 0 {
                break;
            }
            run.count = run.count.min(left);
            left -= run.count;
            kept += 1;
        }
        self.runs.truncate(kept);
        self.push_n(None, left);
    }
}

/// A run as storage holds it: flat, with the kind of source a plain name, so that reading it needs
/// none of the buffering a tagged or flattened enum's reader brings into the app's WebAssembly.
#[derive(Clone, Serialize, Deserialize)]
struct StoredRun {
    count: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<Kind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    added_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    round: Option<String>,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Csv,
    Json,
    Code,
    Link,
    Own,
}

impl From<Vec<StoredRun>> for Origins {
    fn from(stored: Vec<StoredRun>) -> Origins {
        let mut origins = Origins::default();
        for s in stored {
            let origin = s.source.map(|kind| {
                let file = s.file.unwrap_or_default();
                Origin {
                    source: match kind {
                        Kind::Csv => Source::Csv { file },
                        Kind::Json => Source::Json { file },
                        Kind::Code => Source::Code,
                        Kind::Link => Source::Link,
                        Kind::Own => Source::Own,
                    },
                    added_at: s.added_at.unwrap_or_default(),
                    round: s.round,
                }
            });
            origins.push_n(origin.as_ref(), s.count);
        }
        origins
    }
}

impl From<Origins> for Vec<StoredRun> {
    fn from(origins: Origins) -> Vec<StoredRun> {
        let run = |Run { count, origin }| match origin {
            None => StoredRun {
                count,
                source: None,
                file: None,
                added_at: None,
                round: None,
            },
            Some(o) => {
                let (source, file) = match o.source {
                    Source::Csv { file } => (Kind::Csv, Some(file)),
                    Source::Json { file } => (Kind::Json, Some(file)),
                    Source::Code => (Kind::Code, None),
                    Source::Link => (Kind::Link, None),
                    Source::Own => (Kind::Own, None),
                };
                StoredRun {
                    count,
                    source: Some(source),
                    file,
                    added_at: Some(o.added_at),
                    round: o.round,
                }
            }
        };
        origins.runs.into_iter().map(run).collect()
    }
}

/// One line of the group's list of responses. Never a free-text answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseRow {
    /// 1-based position in the group.
    pub position: usize,
    /// The response's id (for removing it; not shown).
    pub id: String,
    /// When it was added (ISO 8601), when recorded.
    pub added_at: Option<String>,
    /// The round, as the list names it ("—" without one).
    pub round: String,
    /// The role answered (q15), or "Not answered".
    pub role: String,
    /// The sector answered (q16), or "Not answered".
    pub sector: String,
    /// Where it came from.
    pub source: Option<Source>,
}

/// Rows shown per page of the list: enough to see a workshop's responses at once, few enough that a
/// national survey's group does not draw 100,000 rows.
pub const ROWS_PER_PAGE: usize = 50;

/// The number of pages of a list of `n` responses (at least one).
pub fn page_count(n: usize) -> usize {
    n.div_ceil(ROWS_PER_PAGE).max(1)
}

/// The rows of page `page` (0-based; a page past the end shows the last one) of the list.
pub fn rows(group: &Group, page: usize) -> Vec<ResponseRow> {
    let page = page.min(page_count(group.responses.len()) - 1);
    let start = page * ROWS_PER_PAGE;
    group
        .responses
        .iter()
        .enumerate()
        .skip(start)
        .take(ROWS_PER_PAGE)
        .map(|(i, r)| row(group, i, r))
        .collect()
}

fn row(group: &Group, index: usize, response: &Response) -> ResponseRow {
    let origin = group.origins.get(index);
    let a = response.answers();
    let answered = |label: Option<&'static str>| label.unwrap_or("Not answered").to_string();
    ResponseRow {
        position: index + 1,
        id: response.id.clone(),
        added_at: origin.map(|o| o.added_at.clone()),
        round: origin
            .and_then(|o| o.round.as_deref())
            .map_or_else(|| "—".to_string(), |r| round_label(group, r)),
        role: answered(a.q15().map(Choice::label)),
        sector: answered(a.q16().map(Choice::label)),
        source: origin.map(|o| o.source.clone()),
    }
}

/// A round as the list names it: the invitation's name when the group made it, else its id.
pub fn round_label(group: &Group, round: &str) -> String {
    match group.invitations.iter().find(|i| i.round == round) {
        Some(invitation) => format!("{} ({round})", invitation.group),
        None => format!("{round} (not invited from this group)"),
    }
}

/// How many of the group's responses came from one source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceCount {
    /// `None`: not recorded (a group saved before sources were kept).
    pub source: Option<Source>,
    pub count: usize,
}

impl SourceCount {
    /// "CSV file “north.csv”: 12 responses".
    pub fn label(&self) -> String {
        format!(
            "{}: {}",
            source_label(self.source.as_ref()),
            format::responses(self.count as u64)
        )
    }
}

impl SourceCount {
    /// The button that removes them, and its full name (which says from where).
    pub fn remove_button(&self) -> (String, String) {
        let short = match self.count {
            1 => "Remove this response".to_string(),
            n => format!("Remove these {}", format::responses(n as u64)),
        };
        // The visible words start the full name, as a person using speech input says them.
        let full = format!("{short}{}", from_source(self.source.as_ref()));
        (short, full)
    }
}

/// The group's sources, in the order they first appear in the group, with how many responses each.
pub fn sources(group: &Group) -> Vec<SourceCount> {
    let mut out: Vec<SourceCount> = Vec::new();
    for (count, origin) in group.origins.runs() {
        let source = origin.map(|o| &o.source);
        match out.iter_mut().find(|s| s.source.as_ref() == source) {
            Some(s) => s.count += count,
            None => out.push(SourceCount {
                source: source.cloned(),
                count,
            }),
        }
    }
    out
}

/// What a removal took out of a group, to put it back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Removed {
    /// Each response removed, with its 0-based position before the removal (ascending).
    entries: Vec<(usize, Response)>,
    /// Their origins, in the same order.
    origins: Origins,
}

impl Removed {
    /// How many responses were removed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing was removed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Group {
    /// Removes the responses with these ids (an id not in the group is ignored).
    pub fn remove_responses(&mut self, ids: &HashSet<&str>, now: &str) -> Removed {
        self.remove_where(|r, _| ids.contains(r.id.as_str()), now)
    }

    /// Removes every response from `source` (`None`: those whose source was not recorded).
    pub fn remove_source(&mut self, source: Option<&Source>, now: &str) -> Removed {
        self.remove_where(|_, origin| origin.map(|o| &o.source) == source, now)
    }

    fn remove_where(
        &mut self,
        mut take: impl FnMut(&Response, Option<&Origin>) -> bool,
        now: &str,
    ) -> Removed {
        let mut removed = Removed::default();
        let n = self.responses.len();
        let origins = std::mem::take(&mut self.origins);
        let mut kept = Vec::with_capacity(n);
        let each = std::mem::take(&mut self.responses)
            .into_iter()
            .zip(origins.each(n))
            .enumerate();
        for (i, (r, origin)) in each {
            if take(&r, origin) {
                removed.entries.push((i, r));
                removed.origins.push(origin);
            } else {
                kept.push(r);
                self.origins.push(origin);
            }
        }
        self.responses = kept;
        if !removed.is_empty() {
            self.updated_at = now.to_string();
        }
        removed
    }

    /// Puts back what a removal took out, each response where it was (or at the end, when the group
    /// has fewer responses now), with its origin. A response whose id the group has again (another
    /// tab added it meanwhile) is not added twice. Returns how many were put back.
    pub fn restore(&mut self, removed: &Removed, now: &str) -> usize {
        let back: Vec<bool> = {
            let mut ids: HashSet<&str> = self.responses.iter().map(|r| r.id.as_str()).collect();
            removed
                .entries
                .iter()
                .map(|(_, r)| ids.insert(r.id.as_str()))
                .collect()
        };
        let restored = back.iter().filter(|b| **b).count();
        if restored == 0 {
            return 0;
        }
        // One merge rather than an insertion each (which moves every later response along): a
        // response goes back at its old position once the group has that many before it.
        let n = self.responses.len();
        let old_origins = std::mem::take(&mut self.origins);
        let mut kept = std::mem::take(&mut self.responses)
            .into_iter()
            .zip(old_origins.each(n));
        let mut returning = removed
            .entries
            .iter()
            .zip(removed.origins.each(removed.entries.len()))
            .zip(back)
            .filter_map(|(entry, back)| back.then_some(entry))
            .peekable();
        let mut out = Vec::with_capacity(n + restored);
        loop {
            let due = returning
                .peek()
                .is_some_and(|((at, _), _)| *at <= out.len());
            let next = if due { None } else { kept.next() };
            let (response, origin) = match next {
                Some(k) => k,
                None => match returning.next() {
                    Some(((_, r), origin)) => (r.clone(), origin),
                    None => break,
                },
            };
            out.push(response);
            self.origins.push(origin);
        }
        self.responses = out;
        self.updated_at = now.to_string();
        restored
    }
}

/// What the page says after a removal, with its undo beside it.
pub fn removed_text(removed: usize, what: &str) -> String {
    format!(
        "{} removed{what}. You can undo this until you leave this page.",
        format::plural(removed as u64, "response", "responses")
    )
}

/// What the page says after an undo.
pub fn restored_text(restored: usize, asked: usize) -> String {
    let back = format!(
        "{} put back.",
        format::plural(restored as u64, "response", "responses")
    );
    match asked - restored.min(asked) {
        0 => back,
        n => format!(
            "{back} {} already in the group again, so not added twice.",
            format::plural(n as u64, "was", "were")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instrument::{Field, Role, Sector};
    use crate::model::invite::Invitation;

    fn response(id: &str) -> Response {
        let mut r = Response::new(id);
        r.choose(Field::Q15, Role::ChiefExecutive.code()).unwrap();
        r
    }

    fn csv(file: &str) -> Source {
        Source::Csv { file: file.into() }
    }

    /// A group with a1, a2 from a CSV file, b1 pasted for round "r1", and o1 from an old shape.
    fn group() -> Group {
        let mut g = Group::new("g".into(), "Partnership", "t0").unwrap();
        g.invitations.push(Invitation {
            group: "Round 2027".into(),
            round: "r1".into(),
            contact: None,
            closes: None,
            free_text: false,
        });
        g.extend(vec![response("o1")], "t0");
        g.add_from(vec![response("a1"), response("a2")], csv("north.csv"), "t1");
        g.add_origins(
            vec![(
                response("b1"),
                Origin {
                    source: Source::Code,
                    added_at: "t2".into(),
                    round: Some("r1".into()),
                },
            )],
            "t2",
        );
        g
    }

    fn ids(g: &Group) -> Vec<&str> {
        g.responses.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn every_row_says_where_and_when_never_free_text() {
        let mut g = group();
        g.responses[3]
            .set_text(Field::Q2, "Our secret project")
            .unwrap();
        g.responses[3]
            .choose(Field::Q16, Sector::Public.code())
            .unwrap();
        let rows = rows(&g, 0);
        let shown: Vec<(usize, Option<&str>, &str, &str, String)> = rows
            .iter()
            .map(|r| {
                (
                    r.position,
                    r.added_at.as_deref(),
                    r.round.as_str(),
                    r.sector.as_str(),
                    source_label(r.source.as_ref()),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                (1, None, "—", "Not answered", UNKNOWN_SOURCE.to_string()),
                (
                    2,
                    Some("t1"),
                    "—",
                    "Not answered",
                    "CSV file “north.csv”".into()
                ),
                (
                    3,
                    Some("t1"),
                    "—",
                    "Not answered",
                    "CSV file “north.csv”".into()
                ),
                (
                    4,
                    Some("t2"),
                    "Round 2027 (r1)",
                    Sector::Public.label(),
                    "Pasted answers code".into()
                ),
            ]
        );
        assert_eq!(rows[0].role, Role::ChiefExecutive.label());
        assert!(!format!("{rows:?}").contains("secret"));
        assert_eq!(round_label(&g, "zz"), "zz (not invited from this group)");
    }

    #[test]
    fn sources_are_counted_in_order_of_first_appearance() {
        let g = group();
        let labels: Vec<String> = sources(&g).iter().map(SourceCount::label).collect();
        assert_eq!(
            sources(&g)[1].remove_button(),
            (
                "Remove these 2 responses".to_string(),
                "Remove these 2 responses from CSV file “north.csv”".to_string()
            )
        );
        assert_eq!(sources(&g)[0].remove_button().0, "Remove this response");
        assert_eq!(
            labels,
            [
                format!("{UNKNOWN_SOURCE}: 1 response"),
                "CSV file “north.csv”: 2 responses".into(),
                "Pasted answers code: 1 response".into(),
            ]
        );
    }

    #[test]
    fn pages_cover_every_response_once() {
        let mut g = Group::new("g".into(), "P", "t").unwrap();
        let n = ROWS_PER_PAGE * 2 + 3;
        g.add_from(
            (0..n).map(|i| response(&format!("r{i}"))).collect(),
            Source::Code,
            "t",
        );
        assert_eq!(page_count(n), 3);
        assert_eq!(page_count(0), 1);
        let all: Vec<usize> = (0..3)
            .flat_map(|p| rows(&g, p).into_iter().map(|r| r.position))
            .collect();
        assert_eq!(all, (1..=n).collect::<Vec<_>>());
        assert_eq!(rows(&g, 9), rows(&g, 2), "a page past the end is the last");
    }

    #[test]
    fn a_removal_is_undone_exactly() {
        let before = group();
        let mut g = before.clone();
        let removed = g.remove_responses(&["a2", "zz"].into(), "t3");
        assert_eq!(removed.len(), 1);
        assert_eq!(ids(&g), ["o1", "a1", "b1"]);
        assert_eq!(
            g.origins.total(),
            3,
            "the removed one takes its origin with it"
        );
        assert_eq!(g.updated_at, "t3");
        assert_eq!(g.restore(&removed, "t4"), 1);
        assert_eq!(
            (g.responses.clone(), g.origins.clone()),
            (before.responses, before.origins)
        );

        let mut g = group();
        let removed = g.remove_source(Some(&csv("north.csv")), "t3");
        assert_eq!((removed.len(), ids(&g)), (2, vec!["o1", "b1"]));
        let unknown = g.remove_source(None, "t3");
        assert_eq!((unknown.len(), ids(&g)), (1, vec!["b1"]));
        g.restore(&unknown, "t4");
        g.restore(&removed, "t4");
        assert_eq!(ids(&g), ["o1", "a1", "a2", "b1"]);
        assert_eq!(g.origins, group().origins);
        assert!(g.remove_source(Some(&Source::Link), "t5").is_empty());
        assert_eq!(
            from_source(Some(&Source::Code)),
            " from pasted answers codes"
        );
        assert_eq!(from_source(None), " whose source was not recorded");
    }

    #[test]
    fn an_undo_after_another_tab_added_the_response_again_adds_it_once() {
        let mut g = group();
        let removed = g.remove_source(Some(&csv("north.csv")), "t3");
        g.add_from(vec![response("a1")], Source::Link, "t4");
        assert_eq!(g.restore(&removed, "t5"), 1);
        assert_eq!(ids(&g), ["o1", "b1", "a2", "a1"]);
        assert_eq!(g.ids().len(), 4);
        assert_eq!(
            g.origin_of("a1").unwrap().source,
            Source::Link,
            "the one added again stays"
        );
        assert_eq!(
            restored_text(1, 2),
            "1 response put back. 1 was already in the group again, so not added twice."
        );
        assert_eq!(restored_text(2, 2), "2 responses put back.");
        assert_eq!(
            removed_text(2, &from_source(Some(&csv("north.csv")))),
            "2 responses removed from CSV file “north.csv”. You can undo this until you leave this page."
        );
    }

    #[test]
    fn every_way_in_records_its_source_and_an_old_group_has_none() {
        use crate::engine::csv_format::{import_csv, ImportOptions};
        use crate::engine::json_format::{from_json, set_to_json};
        let mut g = Group::new("g".into(), "P", "t0").unwrap();
        let csv_bytes = std::fs::read("tests/fixtures/group-40.csv").unwrap();
        let import = import_csv(csv_bytes.as_slice(), ImportOptions::default()).unwrap();
        let first = import.responses[0].id.clone();
        g.join_csv(import.responses, import.summary, "group-40.csv", "t1");
        let doc = set_to_json(&[response("j1"), response(&first)]);
        let json = g.add_json(from_json(&doc).unwrap(), "set.json", "t2");
        assert_eq!(json.added, 1);
        g.add_own(&response("own"), "t3").unwrap();
        assert!(
            g.responses.iter().all(|r| g.origin_of(&r.id).is_some()),
            "one origin per response"
        );
        assert_eq!(
            g.origin_of(&first).unwrap(),
            &Origin {
                source: csv("group-40.csv"),
                added_at: "t1".into(),
                round: None
            }
        );
        assert_eq!(
            g.origin_of("j1").unwrap().source,
            Source::Json {
                file: "set.json".into()
            }
        );
        assert_eq!(
            (
                g.origin_of("own").unwrap().source.clone(),
                g.origin_of("own").unwrap().added_at.as_str()
            ),
            (Source::Own, "t3")
        );
        // Stored and read back, the origins stay; a duplicate never overwrote the first origin.
        let again = Group::from_stored(
            super::super::GROUP_SCHEMA,
            &serde_json::to_string(&g).unwrap(),
        )
        .unwrap();
        assert_eq!(again, g);

        let v1 = include_str!("../../../tests/fixtures/storage/group-v1.json");
        let envelope: serde_json::Value = serde_json::from_str(v1).unwrap();
        let old = Group::from_stored(1, &envelope["data"].to_string()).unwrap();
        assert!(old.origins.is_empty());
        assert!(rows(&old, 0)
            .iter()
            .all(|r| r.source.is_none() && r.added_at.is_none()));
        assert_eq!(
            sources(&old),
            [SourceCount {
                source: None,
                count: 2
            }]
        );
        // Stored as runs, each flat: one per file or source, however many responses it brought.
        assert_eq!(
            serde_json::to_value(&g.origins).unwrap(),
            serde_json::json!([
                {"count": 40, "source": "csv", "file": "group-40.csv", "added_at": "t1"},
                {"count": 1, "source": "json", "file": "set.json", "added_at": "t2"},
                {"count": 1, "source": "own", "added_at": "t3"},
            ])
        );
        let mut pasted = Origins::default();
        pasted.push_n(
            Some(&Origin {
                source: Source::Code,
                added_at: "t".into(),
                round: Some("r1".into()),
            }),
            2,
        );
        pasted.push(None);
        assert_eq!(
            serde_json::to_value(pasted).unwrap(),
            serde_json::json!([
                {"count": 2, "source": "code", "added_at": "t", "round": "r1"},
                {"count": 1},
            ])
        );
        // Without origins the stored shape has no such field: nothing new is written for nothing.
        assert!(!serde_json::to_string(&old).unwrap().contains("origins"));
    }

    /// A stored group of 4 responses whose origins are `runs` (JSON).
    fn stored_with(runs: &str) -> Result<Group, crate::model::groups::StoredGroupError> {
        let mut g = Group::new("g".into(), "P", "t0").unwrap();
        g.extend((1..=4).map(|i| response(&format!("r{i}"))).collect(), "t0");
        let mut data = serde_json::to_value(&g).unwrap();
        data["origins"] = serde_json::from_str(runs).unwrap();
        Group::from_stored(super::super::GROUP_SCHEMA, &data.to_string())
    }

    #[test]
    fn stored_runs_are_fitted_to_the_responses_whatever_they_claim() {
        let code = r#""source": "code", "added_at": "t""#;
        let cases: &[(&str, &[Option<Source>])] = &[
            // Exactly covered.
            (
                &format!(r#"[{{"count": 4, {code}}}]"#),
                &[
                    Some(Source::Code),
                    Some(Source::Code),
                    Some(Source::Code),
                    Some(Source::Code),
                ],
            ),
            // Claims far more than the group has (even past any sum): cut at the responses.
            (
                &format!(
                    r#"[{{"count": 3, {code}}}, {{"count": 18446744073709551615, {code}}}, {{"count": 9}}]"#
                ),
                &[
                    Some(Source::Code),
                    Some(Source::Code),
                    Some(Source::Code),
                    Some(Source::Code),
                ],
            ),
            // Covers fewer: the rest were not recorded.
            (
                &format!(r#"[{{"count": 1, {code}}}]"#),
                &[Some(Source::Code), None, None, None],
            ),
            // Empty runs and runs without a source.
            (
                &format!(r#"[{{"count": 0, {code}}}, {{"count": 2}}, {{"count": 2, {code}}}]"#),
                &[None, None, Some(Source::Code), Some(Source::Code)],
            ),
            ("[]", &[None, None, None, None]),
        ];
        for (runs, expected) in cases {
            let g = stored_with(runs).unwrap();
            let got: Vec<Option<Source>> = g
                .origins
                .each(g.responses.len())
                .map(|o| o.map(|o| o.source.clone()))
                .collect();
            assert_eq!(&got, expected, "{runs}");
            assert_eq!(g.origins.total(), 4, "{runs}");
            assert_eq!(
                sources(&g).iter().map(|s| s.count).sum::<usize>(),
                4,
                "{runs}"
            );
        }
        for broken in [
            r#"[{"count": -1}]"#,
            r#"[{"count": 1, "source": "fax"}]"#,
            r#"{"r1": {"source": "code", "added_at": "t"}}"#,
            r#"[{"source": "code"}]"#,
        ] {
            assert!(stored_with(broken).is_err(), "{broken}");
        }
    }

    #[test]
    fn a_file_of_many_responses_is_one_run() {
        let mut g = Group::new("g".into(), "P", "t").unwrap();
        g.add_from(
            (0..10_000).map(|i| response(&format!("r{i}"))).collect(),
            csv("national.csv"),
            "t1",
        );
        g.add_from(vec![response("r5"), response("new")], Source::Link, "t2");
        assert_eq!(g.responses.len(), 10_001);
        assert_eq!(g.origins.runs().count(), 2);
        assert_eq!(g.origin_of("new").unwrap().source, Source::Link);
        assert_eq!(g.origin_of("r5").unwrap().source, csv("national.csv"));
    }

    use proptest::prelude::*;

    /// The reference undo: each response put back by an insertion at its old position, in order.
    fn restored_one_by_one(
        mut list: Vec<(String, Option<Source>)>,
        removed: &[(usize, String, Option<Source>)],
    ) -> Vec<(String, Option<Source>)> {
        for (at, id, source) in removed {
            if list.iter().any(|(i, _)| i == id) {
                continue;
            }
            let at = (*at).min(list.len());
            list.insert(at, (id.clone(), source.clone()));
        }
        list
    }

    fn listed(g: &Group) -> Vec<(String, Option<Source>)> {
        g.responses
            .iter()
            .zip(g.origins.each(g.responses.len()))
            .map(|(r, o)| (r.id.clone(), o.map(|o| o.source.clone())))
            .collect()
    }

    proptest! {
        /// Whatever is removed, whatever another tab adds or removes meanwhile, the undo puts back
        /// what one insertion at a time would, each response with its origin.
        #[test]
        fn an_undo_puts_back_what_insertions_would(
            sources_of in proptest::collection::vec(0u8..4, 0..40),
            removed_mask in proptest::collection::vec(any::<bool>(), 40),
            meanwhile_mask in proptest::collection::vec(any::<bool>(), 40),
            added_meanwhile in 0usize..5,
        ) {
            let source = |k: u8| match k {
                0 => None,
                1 => Some(Source::Code),
                2 => Some(csv("a.csv")),
                _ => Some(Source::Link),
            };
            let mut g = Group::new("g".into(), "P", "t").unwrap();
            for (i, k) in sources_of.iter().enumerate() {
                let r = vec![response(&format!("r{i}"))];
                match source(*k) {
                    None => { g.extend(r, "t"); }
                    Some(s) => { g.add_from(r, s, "t"); }
                }
            }
            let before = listed(&g);
            let ids: HashSet<String> = (0..sources_of.len())
                .filter(|i| removed_mask[*i])
                .map(|i| format!("r{i}"))
                .collect();
            let removed = g.remove_responses(&ids.iter().map(String::as_str).collect(), "t");
            let entries: Vec<(usize, String, Option<Source>)> = before
                .iter()
                .enumerate()
                .filter(|(_, (id, _))| ids.contains(id))
                .map(|(at, (id, s))| (at, id.clone(), s.clone()))
                .collect();
            prop_assert_eq!(removed.len(), entries.len());
            // Another tab meanwhile: removes some of what is left, adds new ones and one removed here.
            let gone: HashSet<String> = listed(&g)
                .into_iter()
                .enumerate()
                .filter(|(i, _)| meanwhile_mask[*i])
                .map(|(_, (id, _))| id)
                .collect();
            g.remove_responses(&gone.iter().map(String::as_str).collect(), "t");
            let mut again: Vec<Response> = (0..added_meanwhile).map(|i| response(&format!("n{i}"))).collect();
            if let Some((_, id, _)) = entries.first() {
                again.push(response(id));
            }
            g.add_from(again, Source::Own, "t");
            let expected = restored_one_by_one(listed(&g), &entries);
            g.restore(&removed, "t");
            prop_assert_eq!(listed(&g), expected);
            prop_assert_eq!(g.origins.total(), g.responses.len());
        }
    }
}
