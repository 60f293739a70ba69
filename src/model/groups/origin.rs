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

use std::collections::{BTreeMap, HashSet};

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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredOrigin", into = "StoredOrigin")]
pub struct Origin {
    pub source: Source,
    /// ISO 8601 date-time it joined the group.
    pub added_at: String,
    /// The round the colleague answered for, when the code carried one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
}

/// An origin as storage holds it: `{"source": "csv", "file": "north.csv", "added_at": …}`. Flat, with
/// the kind of source a plain name, so that reading it needs none of the buffering a tagged enum's
/// reader brings into the app's WebAssembly.
#[derive(Serialize, Deserialize)]
struct StoredOrigin {
    source: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    added_at: String,
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

impl From<StoredOrigin> for Origin {
    fn from(s: StoredOrigin) -> Origin {
        let file = s.file.unwrap_or_default();
        Origin {
            source: match s.source {
                Kind::Csv => Source::Csv { file },
                Kind::Json => Source::Json { file },
                Kind::Code => Source::Code,
                Kind::Link => Source::Link,
                Kind::Own => Source::Own,
            },
            added_at: s.added_at,
            round: s.round,
        }
    }
}

impl From<Origin> for StoredOrigin {
    fn from(o: Origin) -> StoredOrigin {
        let (source, file) = match o.source {
            Source::Csv { file } => (Kind::Csv, Some(file)),
            Source::Json { file } => (Kind::Json, Some(file)),
            Source::Code => (Kind::Code, None),
            Source::Link => (Kind::Link, None),
            Source::Own => (Kind::Own, None),
        };
        StoredOrigin {
            source,
            file,
            added_at: o.added_at,
            round: o.round,
        }
    }
}

/// The origins of a group's responses, by response id (the storage shape: a map, so that a removed
/// response takes its origin with it and an old group simply has none).
pub type Origins = BTreeMap<String, Origin>;

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
    let origin = group.origins.get(&response.id);
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
    for r in &group.responses {
        let source = group.origins.get(&r.id).map(|o| &o.source);
        match out.iter_mut().find(|s| s.source.as_ref() == source) {
            Some(s) => s.count += 1,
            None => out.push(SourceCount {
                source: source.cloned(),
                count: 1,
            }),
        }
    }
    out
}

/// What a removal took out of a group, to put it back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Removed {
    /// Each response removed, its 0-based position before the removal (ascending), and its origin.
    entries: Vec<(usize, Response, Option<Origin>)>,
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
        let mut kept = Vec::with_capacity(self.responses.len());
        for (i, r) in std::mem::take(&mut self.responses).into_iter().enumerate() {
            if take(&r, self.origins.get(&r.id)) {
                let origin = self.origins.remove(&r.id);
                removed.entries.push((i, r, origin));
            } else {
                kept.push(r);
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
        let mut ids = self.ids();
        let mut restored = 0;
        for (at, response, origin) in &removed.entries {
            if !ids.insert(response.id.clone()) {
                continue;
            }
            let at = (*at).min(self.responses.len());
            self.responses.insert(at, response.clone());
            if let Some(origin) = origin {
                self.origins.insert(response.id.clone(), origin.clone());
            }
            restored += 1;
        }
        if restored > 0 {
            self.updated_at = now.to_string();
        }
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
        assert!(!g.origins.contains_key("a2"));
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
            g.origins["a1"].source,
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
        assert_eq!(
            g.origins.len(),
            g.responses.len(),
            "one origin per response"
        );
        assert_eq!(
            g.origins[&first],
            Origin {
                source: csv("group-40.csv"),
                added_at: "t1".into(),
                round: None
            }
        );
        assert_eq!(
            g.origins["j1"].source,
            Source::Json {
                file: "set.json".into()
            }
        );
        assert_eq!(
            (
                g.origins["own"].source.clone(),
                g.origins["own"].added_at.as_str()
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
        // The stored shape of an origin is flat.
        assert_eq!(
            serde_json::to_value(&g.origins[&first]).unwrap(),
            serde_json::json!({"source": "csv", "file": "group-40.csv", "added_at": "t1"})
        );
        assert_eq!(
            serde_json::to_value(Origin {
                source: Source::Code,
                added_at: "t".into(),
                round: Some("r1".into())
            })
            .unwrap(),
            serde_json::json!({"source": "code", "added_at": "t", "round": "r1"})
        );
        // Without origins the stored shape has no such field: nothing new is written for nothing.
        assert!(!serde_json::to_string(&old).unwrap().contains("origins"));
    }
}
