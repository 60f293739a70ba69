//! A facilitator's groups: named sets of colleagues' responses, pooled for the group report.
//!
//! This module owns the group as data (its stored shape and schema version), how responses from a
//! JSON file or from the person's own assessment join a group (duplicates reported, never added
//! twice), and what an import did, file by file, for the import summary; how this tab's list of
//! groups follows what other tabs saved ([`put_stored`], [`refresh_all`]); which responses are
//! partial and whether the report counts them ([`Partial`]); and the rules and words of the report's
//! controls (names, minimum group size, download names, the withheld-figures notice). CSV files
//! are read by the engine's [`CsvImporter`](crate::engine::CsvImporter); their [`ImportSummary`] is
//! kept as the engine reports it. Where each response came from, when and for which round is kept
//! beside the responses ([`origin`], which also removes and puts back); answers codes and share links
//! pasted from e-mails join through [`paste`].
//!
//! Pure: no browser crate, no storage, no clock (times and ids come in from the caller). It must never
//! add a response it has not reported, nor drop one silently. Numbers shown in the report are the
//! engine's; [`format`] only prints them, [`tables`] and [`report`] only lay them out, and
//! [`summary`] puts an import into words.

pub mod free_text;
pub mod guide;
pub mod origin;
pub mod paste;
pub mod report;
pub mod summary;
pub mod tables;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::engine::aggregate::{GroupOptions, GroupReport, ResponseFilter, DEFAULT_MIN_GROUP_SIZE};
use crate::engine::csv_format::ImportSummary;
use crate::engine::error::RejectReason;
use crate::engine::Response;
use crate::model::actions::{Plan, PlanEdit, PlanError};
use crate::model::format;
use crate::model::invite::Invitation;

use origin::{Origin, Origins, Source};

/// The stored shape of a group (the storage envelope's `schema`).
/// Shape 2 added the group's invitations; shape 1 still loads (tests/fixtures/storage/group-v1.json).
pub const GROUP_SCHEMA: u32 = 2;

/// Storage names of groups start with this (one key per group, so that a group too large for the
/// browser's storage does not stop the others from being saved).
pub const GROUP_NAME_PREFIX: &str = "group-";

/// The longest name a group may have, in characters: long enough for any real name ("Health and
/// social care partnership, North West, spring 2026 survey"), short enough to fit a heading, a list
/// of groups and a file name.
pub const NAME_MAX_CHARS: usize = 120;

/// A named set of responses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Unique in this browser.
    pub id: String,
    /// The facilitator's name for it.
    pub name: String,
    /// ISO 8601 date-time it was created.
    pub created_at: String,
    /// ISO 8601 date-time of the last change.
    pub updated_at: String,
    /// The responses, in the order they were added.
    pub responses: Vec<Response>,
    /// The rounds the facilitator invited colleagues to, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invitations: Vec<Invitation>,
    /// Where each response came from, when, and for which round, in the order of `responses`. A
    /// group saved before sources were kept has none: its responses' source is shown as not recorded.
    #[serde(default, skip_serializing_if = "Origins::is_empty")]
    pub origins: Origins,
    /// What the group agreed to do, recorded on its report (absent when none, as in shape 1).
    #[serde(default, skip_serializing_if = "Plan::is_empty")]
    pub actions: Plan,
}

/// Why stored data could not be read as a group.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoredGroupError {
    #[error("it was saved by a newer version of this app (format {0})")]
    Newer(u32),
    #[error("it is not in a format this app knows: {0}")]
    Unreadable(String),
}

/// Why a change to a group could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GroupError {
    #[error("A name is needed.")]
    EmptyName,
    #[error("The name must be {NAME_MAX_CHARS} characters or fewer (this one has {0}).")]
    NameTooLong(usize),
    #[error("“{0}” is already in this group.")]
    AlreadyInGroup(String),
}

impl Group {
    /// An empty group.
    pub fn new(id: String, name: &str, now: &str) -> Result<Group, GroupError> {
        let name = checked_name(name)?;
        Ok(Group {
            id,
            name,
            created_at: now.to_string(),
            updated_at: now.to_string(),
            responses: Vec::new(),
            invitations: Vec::new(),
            origins: Origins::default(),
            actions: Plan::default(),
        })
    }

    /// Changes the group's agreed actions (the same edits as a person's plan).
    pub fn edit_actions(&mut self, edit: PlanEdit, now: &str) -> Result<(), PlanError> {
        if self.actions.edit(edit)? {
            self.updated_at = now.to_string();
        }
        Ok(())
    }

    /// The group as its JSON download: every response, and the agreed actions when there are any.
    pub fn export_json(&self) -> String {
        crate::engine::json_format::set_with_plan_to_json(
            &self.responses,
            self.actions.to_json().as_deref(),
        )
    }

    /// Reads a stored group of any shipped shape.
    pub fn from_stored(schema: u32, data: &str) -> Result<Group, StoredGroupError> {
        match schema {
            1 | 2 => {
                let mut group: Group = serde_json::from_str(data)
                    .map_err(|e| StoredGroupError::Unreadable(e.to_string()))?;
                group.origins.fit(group.responses.len());
                Ok(group)
            }
            newer if newer > GROUP_SCHEMA => Err(StoredGroupError::Newer(newer)),
            other => Err(StoredGroupError::Unreadable(format!(
                "unknown format {other}"
            ))),
        }
    }

    /// The ids of the rounds this group invited colleagues to.
    pub fn round_ids(&self) -> impl Iterator<Item = &str> {
        self.invitations.iter().map(|i| i.round.as_str())
    }

    /// The response ids in the group (for the CSV importer's duplicate check).
    pub fn ids(&self) -> HashSet<String> {
        self.responses.iter().map(|r| r.id.clone()).collect()
    }

    /// Renames the group.
    pub fn rename(&mut self, name: &str, now: &str) -> Result<(), GroupError> {
        self.name = checked_name(name)?;
        self.updated_at = now.to_string();
        Ok(())
    }

    /// Adds responses whose source is not known (as in a group saved before sources were kept), on
    /// the terms of [`Group::add_origins`].
    pub fn extend(&mut self, responses: Vec<Response>, now: &str) -> u64 {
        self.add_checked(responses, std::iter::repeat(None), now)
    }

    /// Adds responses from one source, each recorded as added `now`, on the terms of
    /// [`Group::add_origins`].
    pub fn add_from(&mut self, responses: Vec<Response>, source: Source, now: &str) -> u64 {
        let origin = Origin {
            source,
            added_at: now.to_string(),
            round: None,
        };
        self.add_checked(responses, std::iter::repeat(Some(&origin)), now)
    }

    /// Adds responses that an import has already checked (the CSV importer was given [`Group::ids`]),
    /// each with its origin. The group may have gained responses since (another tab added them while
    /// the file was read): one whose id is now taken is not added twice. Returns how many were left
    /// out so.
    pub fn add_origins(&mut self, responses: Vec<(Response, Origin)>, now: &str) -> u64 {
        let (responses, origins): (Vec<Response>, Vec<Origin>) = responses.into_iter().unzip();
        self.add_checked(responses, origins.iter().map(Some), now)
    }

    /// Adds each response whose id is new to the group (and to those before it in `responses`), with
    /// the origin `origins` gives it in turn. Ids are compared as borrowed text, and a file that
    /// brings only new responses to an empty group becomes its list as it is: a national survey's
    /// 100,000 responses are neither copied nor held twice.
    fn add_checked<'o>(
        &mut self,
        mut responses: Vec<Response>,
        origins: impl Iterator<Item = Option<&'o Origin>>,
        now: &str,
    ) -> u64 {
        self.origins.fit(self.responses.len());
        let fresh: Vec<bool> = {
            let mut ids: HashSet<&str> = self.responses.iter().map(|r| r.id.as_str()).collect();
            responses
                .iter()
                .map(|r| ids.insert(r.id.as_str()))
                .collect()
        };
        let added = fresh.iter().filter(|f| **f).count();
        let left_out = (responses.len() - added) as u64;
        for (origin, _) in origins.zip(&fresh).filter(|(_, fresh)| **fresh) {
            self.origins.push(origin);
        }
        if left_out > 0 {
            let mut fresh = fresh.into_iter();
            responses.retain(|_| fresh.next() == Some(true));
        }
        self.append_fresh(responses, now);
        left_out
    }

    /// Puts `fresh`, responses whose ids are new to the group (their origins already recorded),
    /// after the group's own: an empty group takes the list as it is, so that a national survey's
    /// 100,000 responses are neither copied nor held twice.
    fn append_fresh(&mut self, mut fresh: Vec<Response>, now: &str) {
        if fresh.is_empty() {
            return;
        }
        if self.responses.is_empty() {
            self.responses = fresh;
        } else {
            self.responses.append(&mut fresh);
        }
        self.updated_at = now.to_string();
    }

    /// Where the response with this id came from, when recorded.
    pub fn origin_of(&self, id: &str) -> Option<&Origin> {
        let index = self.responses.iter().position(|r| r.id == id)?;
        self.origins.get(index)
    }

    /// Adds what a CSV import staged and returns its summary, counting as duplicates the rows whose
    /// ids the group gained while the file was read (so that the summary adds up to what joined).
    ///
    /// The importer let no id through twice, nor one the group had when it started: only the ids
    /// the group holds now are looked up, and an empty group takes the staged list as it is, with
    /// one origin for all (100,000 responses join without a set of their ids being made).
    pub fn join_csv(
        &mut self,
        mut staged: Vec<Response>,
        mut summary: ImportSummary,
        file: &str,
        now: &str,
    ) -> ImportSummary {
        let before = staged.len();
        if !self.responses.is_empty() {
            let ids: HashSet<&str> = self.responses.iter().map(|r| r.id.as_str()).collect();
            staged.retain(|r| !ids.contains(r.id.as_str()));
        }
        let added = staged.len();
        let origin = Origin {
            source: Source::Csv { file: file.into() },
            added_at: now.to_string(),
            round: None,
        };
        self.origins.fit(self.responses.len());
        self.origins.push_n(Some(&origin), added);
        self.append_fresh(staged, now);
        let late = (before - added) as u64;
        summary.imported -= late;
        summary.rejected_count += late;
        summary.duplicate_count += late;
        summary
    }

    /// Adds the responses of a JSON document: each one whose id is new is added; a duplicate (of the
    /// group or of an earlier response in the same document), or one that fails the checks of every
    /// route in ([`crate::engine::intake::check`]: no id, a bad date, another instrument, over-long
    /// text) is reported and not added.
    pub fn add_json(&mut self, responses: Vec<Response>, file: &str, now: &str) -> JsonImport {
        let ids: HashSet<&str> = self.responses.iter().map(|r| r.id.as_str()).collect();
        let mut first_position = std::collections::HashMap::new();
        let mut report = JsonImport::default();
        let mut added = Vec::new();
        for (i, response) in responses.into_iter().enumerate() {
            let position = i + 1;
            let id = response.id.trim().to_string();
            let rejection = |reason: String, duplicate: bool| JsonRejection {
                position,
                response_id: (!id.is_empty()).then(|| id.clone()),
                reason,
                duplicate,
            };
            // The checks of every route in (the same as the CSV importer's and share links').
            let problems = crate::engine::intake::check(&response);
            let problem = if !problems.is_empty() {
                Some(rejection(crate::engine::intake::describe(&problems), false))
            } else if let Some(first) = first_position.get(&id) {
                Some(rejection(
                    format!("duplicate of response {first} in this file"),
                    true,
                ))
            } else if ids.contains(id.as_str()) {
                Some(rejection(RejectReason::AlreadyInGroup.to_string(), true))
            } else {
                None
            };
            match problem {
                Some(rejected) => report.rejected.push(rejected),
                None => {
                    first_position.insert(id.clone(), position);
                    let mut response = response;
                    response.id = id;
                    added.push(response);
                }
            }
        }
        report.added = added.len() as u64;
        self.add_from(added, Source::Json { file: file.into() }, now);
        report
    }

    /// Adds the person's own completed assessment. Answers hidden by the q1 branch are left out, as
    /// in every export.
    pub fn add_own(&mut self, response: &Response, now: &str) -> Result<(), GroupError> {
        if self.responses.iter().any(|r| r.id == response.id) {
            return Err(GroupError::AlreadyInGroup(response.id.clone()));
        }
        self.add_from(vec![response.without_hidden_answers()], Source::Own, now);
        Ok(())
    }
}

/// The storage name of the group with this id.
pub fn storage_name(id: &str) -> String {
    format!("{GROUP_NAME_PREFIX}{id}")
}

fn checked_name(name: &str) -> Result<String, GroupError> {
    let name = name.trim();
    let len = name.chars().count();
    if name.is_empty() {
        Err(GroupError::EmptyName)
    } else if len > NAME_MAX_CHARS {
        Err(GroupError::NameTooLong(len))
    } else {
        Ok(name.to_string())
    }
}

/// Puts a group as storage holds it (saved by another tab, or read just before a change) in the list
/// in place of this tab's copy, or adds it where it belongs by creation time. Returns false when the
/// list already held exactly that group, so that nothing is drawn again for nothing.
pub fn put_stored(groups: &mut Vec<Group>, stored: Group) -> bool {
    match groups.iter_mut().find(|g| g.id == stored.id) {
        Some(g) if *g == stored => false,
        Some(g) => {
            *g = stored;
            true
        }
        None => {
            let at = groups.partition_point(|g| g.created_at <= stored.created_at);
            groups.insert(at, stored);
            true
        }
    }
}

/// Takes the list to what storage holds after another tab changed it: every stored group in place of
/// this tab's copy, and a group storage no longer has (deleted in another tab) out of the list. A group
/// kept only in memory (`kept_in_memory`: storage could not take it) stays as this tab has it, since
/// it holds more than storage does. Returns true when the list changed.
pub fn refresh_all(
    groups: &mut Vec<Group>,
    stored: Vec<Group>,
    kept_in_memory: &HashSet<String>,
) -> bool {
    let stored_ids: HashSet<String> = stored.iter().map(|g| g.id.clone()).collect();
    let before = groups.len();
    groups.retain(|g| stored_ids.contains(&g.id) || kept_in_memory.contains(&g.id));
    let mut changed = groups.len() != before;
    for group in stored {
        if !kept_in_memory.contains(&group.id) {
            changed |= put_stored(groups, group);
        }
    }
    changed
}

/// True when a response leaves some question it was shown unanswered (free text is never needed):
/// a partial response, which the report counts only in the questions it answered.
pub fn is_partial(response: &Response) -> bool {
    !response.all_required_answered()
}

/// Whether the group report counts partial responses (see [`is_partial`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Partial {
    /// Counted, each only in the questions it answered (the engine never counts a missing answer).
    #[default]
    Include,
    /// Left out of the report altogether.
    LeaveOut,
}

impl Partial {
    /// Of `partial_n` partial responses, how many this choice leaves out of the report: only those
    /// could bring a withheld report (and its guide and written answers) back.
    pub fn left_out(self, partial_n: u64) -> u64 {
        match self {
            Partial::LeaveOut => partial_n,
            Partial::Include => 0,
        }
    }
}

/// The partial responses among those the filter keeps: the report's "n of them are partial".
pub fn partial_count(responses: &[Response], filter: &ResponseFilter) -> u64 {
    responses
        .iter()
        .filter(|r| filter.matches(r) && is_partial(r))
        .count() as u64
}

/// The group report over `responses`, with or without the partial ones. Left out, they are not
/// counted as "left out by the filter" either: the page says how many there are apart.
pub fn group_report(
    responses: &[Response],
    options: GroupOptions,
    partial: Partial,
) -> GroupReport {
    match partial {
        Partial::Include => GroupReport::from_responses(responses, options),
        Partial::LeaveOut => {
            GroupReport::from_responses(responses.iter().filter(|r| !is_partial(r)), options)
        }
    }
}

/// The responses a report made by [`group_report`] with this filter and choice covers, in order (for
/// what the report shows beyond its figures: the workshop guide's areas, the free-text answers).
pub fn covered<'a>(
    responses: &'a [Response],
    filter: &'a ResponseFilter,
    partial: Partial,
) -> impl Iterator<Item = &'a Response> + 'a {
    responses
        .iter()
        .filter(move |r| filter.matches(r) && (partial == Partial::Include || !is_partial(r)))
}

/// What a report says about its partial responses, after its size; `None` when it has none.
pub fn partial_text(count: u64, partial: Partial) -> Option<String> {
    (count > 0).then(|| match partial {
        Partial::Include => format!(
            " {} {} partial (not every question answered): each counts only in the questions it answered.",
            format::count(count),
            if count == 1 { "of them is" } else { "of them are" }
        ),
        Partial::LeaveOut => format!(
            " {} (not every question answered) {} left out.",
            format::plural(count, "partial response", "partial responses"),
            if count == 1 { "is" } else { "are" }
        ),
    })
}

/// The hint of the report's choice about partial responses: how many there are among those the
/// filter keeps.
pub fn partial_hint(count: u64) -> String {
    match count {
        0 => "None of the responses is partial (not every question answered).".to_string(),
        1 => "1 response is partial: not every question it was shown is answered.".to_string(),
        n => format!(
            "{} responses are partial: not every question they were shown is answered.",
            format::count(n)
        ),
    }
}

/// Reads the minimum group size a facilitator typed. Anything but a whole number of at least
/// [`DEFAULT_MIN_GROUP_SIZE`] is refused with a message that says the report keeps `in_effect`, the
/// size it uses now, so that the page can put that value back in the field: the field never shows a
/// size the report does not use.
pub fn min_group_size_from(text: &str, in_effect: usize) -> Result<usize, String> {
    let still = format!("The report still uses a minimum of {in_effect}.");
    match text.trim().parse::<usize>() {
        Ok(n) if n >= DEFAULT_MIN_GROUP_SIZE => Ok(n),
        Ok(n) => Err(format!(
            "Enter a whole number of {DEFAULT_MIN_GROUP_SIZE} or more: with {n}, a breakdown could \
             show how one person answered. {still}"
        )),
        Err(_) => Err(format!(
            "Enter a whole number of {DEFAULT_MIN_GROUP_SIZE} or more. {still}"
        )),
    }
}

/// Why a report shows no figures, and what would make it show them: more responses; a wider filter
/// only when one is set; partial responses only when they are left out; a lower minimum group size
/// only when it is above the floor ([`DEFAULT_MIN_GROUP_SIZE`]), never below it.
pub fn withheld_notice(report: &GroupReport, partial_left_out: u64) -> String {
    let min = report.min_group_size;
    let mut remedies = vec!["add responses".to_string()];
    if !report.filter.is_empty() {
        remedies.push("widen the filter".into());
    }
    if partial_left_out > 0 {
        remedies.push("include the partial responses".into());
    }
    if min > DEFAULT_MIN_GROUP_SIZE {
        remedies.push(format!(
            "lower the minimum group size (it cannot go below {DEFAULT_MIN_GROUP_SIZE})"
        ));
    }
    let last = remedies.pop().expect("adding responses is always a remedy");
    let remedies = if remedies.is_empty() {
        last
    } else {
        format!("{} or {last}", remedies.join(", "))
    };
    let mut remedies = remedies;
    remedies[..1].make_ascii_uppercase();
    format!(
        "The figures are withheld: this report covers {}, fewer than the minimum group size of {min}. \
         With so few responses, figures could reveal how a single person answered. {remedies}.",
        format::plural(report.n_responses, "response", "responses")
    )
}

/// A response of a JSON document that was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonRejection {
    /// 1-based position of the response in the document.
    pub position: usize,
    /// Its id, if it has one.
    pub response_id: Option<String>,
    /// Why, in words.
    pub reason: String,
    /// True when it was left out only because its id is taken.
    pub duplicate: bool,
}

/// What adding a JSON document did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonImport {
    /// Responses added.
    pub added: u64,
    /// Responses not added, in document order.
    pub rejected: Vec<JsonRejection>,
}

/// How a file's content is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A responses CSV.
    Csv,
    /// A JSON export of one response or a set.
    Json,
}

impl FileKind {
    /// By the file name's extension; without a telling one, by the first character that is not
    /// white space (a JSON document starts with `{`).
    pub fn detect(name: &str, start: &[u8]) -> FileKind {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".json") {
            return FileKind::Json;
        }
        if lower.ends_with(".csv") || lower.ends_with(".txt") {
            return FileKind::Csv;
        }
        // After any byte-order mark; a UTF-16 file's NUL bytes are not its first character.
        let start = [&[0xEF, 0xBB, 0xBF][..], &[0xFF, 0xFE], &[0xFE, 0xFF]]
            .iter()
            .find_map(|mark| start.strip_prefix(*mark))
            .unwrap_or(start);
        match start.iter().find(|b| !b.is_ascii_whitespace() && **b != 0) {
            Some(b'{') => FileKind::Json,
            _ => FileKind::Csv,
        }
    }
}

/// What happened to one file (or to the person's own assessment).
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A CSV file was read to the end: the engine's summary.
    Csv(ImportSummary),
    /// A JSON document was read.
    Json(JsonImport),
    /// The person's own assessment was added.
    Own,
    /// The file was refused whole; nothing from it was added.
    Refused(String),
    /// The person stopped the import; nothing from this file was added.
    Cancelled,
}

/// One file's line in the import summary.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    /// The file name (or a description of what was added).
    pub name: String,
    /// What happened.
    pub outcome: Outcome,
}

impl FileReport {
    /// Responses added from this file.
    pub fn added(&self) -> u64 {
        match &self.outcome {
            Outcome::Csv(s) => s.imported,
            Outcome::Json(j) => j.added,
            Outcome::Own => 1,
            Outcome::Refused(_) | Outcome::Cancelled => 0,
        }
    }

    /// Responses left out because they were already there.
    pub fn duplicates(&self) -> u64 {
        match &self.outcome {
            Outcome::Csv(s) => s.duplicate_count,
            Outcome::Json(j) => j.rejected.iter().filter(|r| r.duplicate).count() as u64,
            _ => 0,
        }
    }

    /// Rows or responses rejected for another reason than being a duplicate.
    pub fn rejected(&self) -> u64 {
        match &self.outcome {
            Outcome::Csv(s) => s.rejected_count - s.duplicate_count,
            Outcome::Json(j) => j.rejected.iter().filter(|r| !r.duplicate).count() as u64,
            _ => 0,
        }
    }
}

/// Totals over the files of one import, for the summary's first sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub added: u64,
    pub duplicates: u64,
    pub rejected: u64,
    pub refused_files: usize,
}

/// Adds up an import's file reports.
pub fn totals(files: &[FileReport]) -> Totals {
    files.iter().fold(Totals::default(), |t, f| Totals {
        added: t.added + f.added(),
        duplicates: t.duplicates + f.duplicates(),
        rejected: t.rejected + f.rejected(),
        refused_files: t.refused_files
            + usize::from(matches!(
                f.outcome,
                Outcome::Refused(_) | Outcome::Cancelled
            )),
    })
}

/// Characters of the group's name a download's file name keeps.
const STEM_NAME_CHARS: usize = 32;

/// A file name (without extension) for a download about a group: the group's name in letters, digits
/// and dashes, cut to [`STEM_NAME_CHARS`] at a dash where it can be, what the file holds, and the date
/// and time to the minute of `at` (`YYYY-MM-DDTHH:MM…`, the clock's local time), so that two downloads
/// of one day do not overwrite or shadow each other. A cut name ends in four characters drawn from the
/// whole name, so that two long names that begin alike still give two names.
pub fn file_stem(group_name: &str, what: &str, at: &str) -> String {
    let slug = crate::model::format::slug(group_name);
    let name = if slug.chars().count() <= STEM_NAME_CHARS {
        slug
    } else {
        let cut = crate::model::format::cut(&slug, STEM_NAME_CHARS);
        format!("{cut}-{}", crate::model::format::mark(&slug, 4))
    };
    let mut parts = vec!["group".to_string()];
    if !name.is_empty() {
        parts.push(name);
    }
    parts.push(what.to_string());
    if let Some(minute) = minute_of(at) {
        parts.push(minute);
    }
    parts.join("-")
}

/// `2026-12-01T19:40:54.123Z` → `2026-12-01-1940`; `None` for anything not of that shape.
fn minute_of(at: &str) -> Option<String> {
    let b = at.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let shaped = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && b.get(10) == Some(&b'T')
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16);
    shaped.then(|| format!("{}-{}{}", &at[..10], &at[11..13], &at[14..16]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::csv_format::{import_csv, ImportOptions};
    use crate::engine::instrument::{Factor, Field, Measure};
    use crate::engine::json_format::{from_json, set_to_json};

    fn response(id: &str) -> Response {
        let mut r = Response::new(id);
        r.choose(Field::Score(Measure::Importance, Factor::Places), "3")
            .unwrap();
        r
    }

    fn group() -> Group {
        Group::new("g1".into(), "  Partnership  ", "2026-01-01T00:00:00Z").unwrap()
    }

    #[test]
    fn a_group_needs_a_name_and_keeps_it_trimmed() {
        assert_eq!(group().name, "Partnership");
        assert_eq!(
            Group::new("g".into(), " ", "t").unwrap_err(),
            GroupError::EmptyName
        );
        let mut g = group();
        assert_eq!(g.rename("", "t2"), Err(GroupError::EmptyName));
        assert_eq!(g.name, "Partnership");
        g.rename("Foundation 2026", "t2").unwrap();
        assert_eq!(
            (g.name.as_str(), g.updated_at.as_str()),
            ("Foundation 2026", "t2")
        );
    }

    #[test]
    fn json_responses_join_once_and_every_one_left_out_is_reported() {
        let mut g = group();
        g.extend(vec![response("a")], "t1");
        let mut other_instrument = response("c");
        other_instrument.instrument_version.version = 9;
        let doc = set_to_json(&[
            response("b"),
            response("a"),
            response("b"),
            response(" "),
            other_instrument,
            response("d"),
        ]);
        let report = g.add_json(from_json(&doc).unwrap(), "set.json", "t2");
        assert_eq!(report.added, 2);
        let ids: Vec<&str> = g.responses.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "d"]);
        let rejected: Vec<(usize, bool, &str)> = report
            .rejected
            .iter()
            .map(|r| (r.position, r.duplicate, r.reason.as_str()))
            .collect();
        assert_eq!(rejected[0], (2, true, "already in the group"));
        assert_eq!(
            rejected[1],
            (3, true, "duplicate of response 1 in this file")
        );
        assert_eq!(rejected[2], (4, false, "it has no response_id"));
        assert_eq!(rejected[3].0, 5);
        assert!(
            rejected[3].2.contains("state-of-collaboration/9"),
            "{}",
            rejected[3].2
        );
        assert_eq!(g.updated_at, "t2");

        let file = FileReport {
            name: "set.json".into(),
            outcome: Outcome::Json(report),
        };
        assert_eq!(
            (file.added(), file.duplicates(), file.rejected()),
            (2, 2, 2)
        );
    }

    #[test]
    fn the_own_assessment_is_added_once_without_hidden_answers() {
        let mut g = group();
        let mut own = response("own-1");
        own.choose(Field::Q1, "yes").unwrap();
        own.choose(Field::Q4, "3").unwrap();
        own.choose(Field::Q1, "no").unwrap();
        assert!(own.has_hidden_answers());
        g.add_own(&own, "t").unwrap();
        assert!(!g.responses[0].has_hidden_answers());
        assert_eq!(
            g.add_own(&own, "t"),
            Err(GroupError::AlreadyInGroup("own-1".into()))
        );
        assert_eq!(g.responses.len(), 1);
    }

    #[test]
    fn stored_groups_of_every_shipped_schema_load() {
        let v1 = include_str!("../../../tests/fixtures/storage/group-v1.json");
        let envelope: serde_json::Value = serde_json::from_str(v1).unwrap();
        let g = Group::from_stored(
            envelope["schema"].as_u64().unwrap() as u32,
            &envelope["data"].to_string(),
        )
        .unwrap();
        assert_eq!(g.name, "Northshire partnership");
        assert_eq!(g.responses.len(), 2);
        assert!(g.responses[1].is_complete());
        assert!(g.invitations.is_empty());
        assert!(g.actions.is_empty());
    }

    #[test]
    fn agreed_actions_are_kept_with_the_group_and_its_json() {
        use crate::model::actions::{Draft, Topic};
        let mut g = group();
        g.extend(vec![response("a")], "t");
        let plain = g.export_json();
        assert!(!plain.contains("\"plan\""), "no plan, no key: {plain}");
        g.edit_actions(
            PlanEdit::Add {
                id: "g-1".into(),
                draft: Draft {
                    topic: Topic::from_id("area:place"),
                    what: "Hold a joint session on the town centre".into(),
                    who: "All partners".into(),
                    by: "2027-02-01".into(),
                    ..Draft::default()
                },
            },
            "t2",
        )
        .unwrap();
        assert_eq!(g.updated_at, "t2");
        let data = serde_json::to_string(&g).unwrap();
        assert_eq!(Group::from_stored(GROUP_SCHEMA, &data).unwrap(), g);
        let doc = crate::engine::json_format::read_document(&g.export_json()).unwrap();
        assert_eq!(doc.responses, g.responses);
        assert_eq!(
            Plan::from_json(doc.plan.unwrap().0.get()),
            Ok(g.actions.clone())
        );
        assert_eq!(
            g.edit_actions(PlanEdit::Remove { id: "nope".into() }, "t3"),
            Err(PlanError::NoSuchAction)
        );
        assert_eq!(g.updated_at, "t2");
    }

    #[test]
    fn stored_groups_round_trip_and_newer_shapes_are_refused() {
        let mut g = group();
        g.extend(vec![response("a")], "t");
        let data = serde_json::to_string(&g).unwrap();
        assert_eq!(Group::from_stored(GROUP_SCHEMA, &data).unwrap(), g);
        assert_eq!(
            Group::from_stored(GROUP_SCHEMA + 1, &data),
            Err(StoredGroupError::Newer(GROUP_SCHEMA + 1))
        );
        assert!(matches!(
            Group::from_stored(1, r#"{"id": 3}"#),
            Err(StoredGroupError::Unreadable(_))
        ));
        assert_eq!(storage_name(&g.id), "group-g1");
    }

    #[test]
    fn file_kinds_follow_the_extension_then_the_content() {
        assert_eq!(FileKind::detect("a.JSON", b"x"), FileKind::Json);
        assert_eq!(FileKind::detect("a.csv", b"{"), FileKind::Csv);
        assert_eq!(
            FileKind::detect("export", b"\xEF\xBB\xBF \n{"),
            FileKind::Json
        );
        assert_eq!(FileKind::detect("export", b"response_id,q1"), FileKind::Csv);
        // defect 4: a UTF-16 export is read as what it is.
        assert_eq!(FileKind::detect("export", b"\xFF\xFE{\0"), FileKind::Json);
        assert_eq!(
            FileKind::detect("export", b"\xFE\xFF\0 \0{"),
            FileKind::Json
        );
        assert_eq!(FileKind::detect("export", b"\xFF\xFEr\0e\0"), FileKind::Csv);
    }

    #[test]
    fn totals_count_added_duplicates_rejections_and_refused_files() {
        let bad = std::fs::read("tests/fixtures/bad-rows.csv").unwrap();
        let summary = import_csv(
            bad.as_slice(),
            ImportOptions::default().with_existing_ids(["ok-3".to_string()]),
        )
        .unwrap()
        .summary;
        let files = [
            FileReport {
                name: "bad-rows.csv".into(),
                outcome: Outcome::Csv(summary),
            },
            FileReport {
                name: "notes.csv".into(),
                outcome: Outcome::Refused("no header".into()),
            },
            FileReport {
                name: "Your assessment".into(),
                outcome: Outcome::Own,
            },
        ];
        // bad-rows.csv: ok-1 and ok-2 added; ok-1 again and ok-3 (already in the group) are
        // duplicates; four rows are rejected for other reasons.
        assert_eq!(
            totals(&files),
            Totals {
                added: 3,
                duplicates: 2,
                rejected: 4,
                refused_files: 1
            }
        );
    }

    #[test]
    fn download_names_are_safe() {
        // Without a readable time, the name alone (as before the time was added).
        assert_eq!(
            file_stem("Partnership <2026>!", "responses", ""),
            "group-partnership-2026-responses"
        );
        assert_eq!(file_stem("¿?", "report", ""), "group-report");
    }

    /// The 40 complete responses of the fixture.
    fn group_40() -> Vec<Response> {
        let csv = std::fs::read("tests/fixtures/group-40.csv").unwrap();
        import_csv(csv.as_slice(), ImportOptions::default())
            .unwrap()
            .responses
    }

    #[test]
    fn defect_01_a_change_applied_to_the_stored_group_keeps_both_tabs_responses() {
        let rows = group_40();
        let created = group();
        // Both tabs opened the empty group; tab A then imported the first 20 rows and saved.
        let mut tab_a = vec![created.clone()];
        let mut tab_b = vec![created.clone()];
        tab_a[0].extend(rows[..20].to_vec(), "t-a");
        let stored = tab_a[0].clone();
        // Tab B's change starts from what storage holds, not from its own, older copy.
        assert!(put_stored(&mut tab_b, stored.clone()));
        assert!(
            !put_stored(&mut tab_b, stored),
            "the same group again changes nothing"
        );
        let left_out = tab_b[0].extend(rows[20..].to_vec(), "t-b");
        assert_eq!(left_out, 0);
        let ids: Vec<&str> = tab_b[0].responses.iter().map(|r| r.id.as_str()).collect();
        let expected: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, expected);
        // Tab A, told by a storage event, takes B's group: 40 there too.
        let b_saved = tab_b[0].clone();
        assert!(refresh_all(&mut tab_a, vec![b_saved], &HashSet::new()));
        assert_eq!(tab_a[0].responses.len(), 40);
    }

    #[test]
    fn defect_01_responses_another_tab_added_meanwhile_join_once_and_count_as_duplicates() {
        let rows = group_40();
        let mut g = group();
        // The CSV was checked against the group while it was empty ...
        let csv = std::fs::read("tests/fixtures/group-40.csv").unwrap();
        let import = import_csv(csv.as_slice(), ImportOptions::default()).unwrap();
        // ... and meanwhile another tab added 5 of its rows.
        g.extend(rows[..5].to_vec(), "t0");
        let summary = g.join_csv(import.responses, import.summary, "group-40.csv", "t1");
        assert_eq!(g.responses.len(), 40);
        assert_eq!(g.ids().len(), 40);
        assert_eq!(
            (
                summary.imported,
                summary.duplicate_count,
                summary.rejected_count
            ),
            (35, 5, 5)
        );
        let file = FileReport {
            name: "group-40.csv".into(),
            outcome: Outcome::Csv(summary),
        };
        assert_eq!(
            (file.added(), file.duplicates(), file.rejected()),
            (35, 5, 0)
        );
    }

    #[test]
    fn defect_01_another_tabs_changes_refresh_the_list_and_groups_kept_in_memory_stay() {
        let older = Group::new("g0".into(), "Older", "2026-01-01T00:00:00Z").unwrap();
        let mut kept = Group::new("g2".into(), "Too large", "2026-01-03T00:00:00Z").unwrap();
        kept.extend(vec![response("big")], "t");
        let deleted = Group::new("g3".into(), "Deleted there", "2026-01-04T00:00:00Z").unwrap();
        let mut list = vec![older.clone(), kept.clone(), deleted];
        // Storage: the older group renamed there, a new one made there, g2 at an earlier state
        // (storage could not take this tab's), and g3 gone.
        let mut renamed = older.clone();
        renamed.rename("Renamed there", "t").unwrap();
        let made_there = Group::new("g1".into(), "Made there", "2026-01-02T00:00:00Z").unwrap();
        let stale_kept = Group::new("g2".into(), "Too large", "2026-01-03T00:00:00Z").unwrap();
        let in_memory: HashSet<String> = ["g2".to_string()].into();
        assert!(refresh_all(
            &mut list,
            vec![made_there, stale_kept, renamed],
            &in_memory
        ));
        let names: Vec<&str> = list.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["Renamed there", "Made there", "Too large"]);
        assert_eq!(list[2], kept, "the group kept only in memory is this tab's");
        let again = list.clone();
        assert!(!refresh_all(&mut list, again.clone(), &in_memory));
        assert_eq!(list, again);
    }

    /// A response that answered q1 and q7 only.
    fn nearly_empty(id: &str) -> Response {
        let mut r = Response::new(id);
        r.choose(Field::Q1, "yes").unwrap();
        r.choose(Field::Q7, "critical").unwrap();
        r
    }

    #[test]
    fn defect_06_partial_responses_are_counted_and_can_be_left_out() {
        let mut responses = group_40();
        assert_eq!(partial_count(&responses, &ResponseFilter::default()), 0);
        responses.push(nearly_empty("p1"));
        responses.push(nearly_empty("p2"));
        assert!(is_partial(&responses[40]) && !is_partial(&responses[0]));
        assert_eq!(partial_count(&responses, &ResponseFilter::default()), 2);

        let complete = GroupReport::from_responses(&responses[..40], GroupOptions::default());
        let included = group_report(&responses, GroupOptions::default(), Partial::Include);
        let left_out = group_report(&responses, GroupOptions::default(), Partial::LeaveOut);
        assert_eq!((included.n_responses, left_out.n_responses), (42, 40));
        assert_eq!(left_out, complete);
        assert_eq!(left_out.n_filtered_out, 0);
        // Included, they count only where they answered: in q7, not in q9 or any factor.
        let (inc, com) = (
            included.statistics.as_ref().unwrap(),
            complete.statistics.as_ref().unwrap(),
        );
        assert_eq!(
            inc.headline.q7_important_or_critical.of,
            com.headline.q7_important_or_critical.of + 2
        );
        assert_eq!(
            inc.headline.q9_collaborating_better,
            com.headline.q9_collaborating_better
        );
        assert_eq!(inc.factors, com.factors);

        // Counted among the responses the filter keeps (they answered no sector).
        let public = ResponseFilter {
            sector: Some(crate::engine::instrument::Sector::Public),
            ..ResponseFilter::default()
        };
        assert_eq!(partial_count(&responses, &public), 0);

        assert_eq!(
            partial_hint(2),
            "2 responses are partial: not every question they were shown is answered."
        );
        assert!(partial_hint(1).starts_with("1 response is partial: "));
        assert!(partial_hint(0).starts_with("None of the responses is partial"));
        assert_eq!(partial_text(0, Partial::Include), None);
        assert_eq!(
            partial_text(2, Partial::Include).unwrap(),
            " 2 of them are partial (not every question answered): each counts only in the questions it answered."
        );
        assert_eq!(
            partial_text(1, Partial::LeaveOut).unwrap(),
            " 1 partial response (not every question answered) is left out."
        );
    }

    #[test]
    fn defect_09_group_names_are_at_most_120_characters_with_a_message() {
        let longest = "é".repeat(NAME_MAX_CHARS);
        assert_eq!(Group::new("g".into(), &longest, "t").unwrap().name, longest);
        let too_long = format!("{longest}x");
        let error = Group::new("g".into(), &too_long, "t").unwrap_err();
        assert_eq!(error, GroupError::NameTooLong(121));
        assert_eq!(
            error.to_string(),
            "The name must be 120 characters or fewer (this one has 121)."
        );
        // Spaces around the name do not count; a rename is held to the same rule.
        assert!(Group::new("g".into(), &format!("  {longest}  "), "t").is_ok());
        let mut g = group();
        assert_eq!(g.rename(&too_long, "t2"), Err(GroupError::NameTooLong(121)));
        assert_eq!(g.name, "Partnership");
    }

    #[test]
    fn defect_09_group_file_names_are_short_and_distinct() {
        let at = "2026-12-01T19:40:54.123Z";
        assert_eq!(
            file_stem("Partnership 2026", "responses", at),
            "group-partnership-2026-responses-2026-12-01-1940"
        );
        // Two exports of one day, minutes apart, do not share a name.
        assert_ne!(
            file_stem("Partnership 2026", "responses", "2026-12-01T09:15"),
            file_stem("Partnership 2026", "responses", "2026-12-01T16:02")
        );
        // A long name is cut, at a dash, and two long names that begin alike stay apart.
        let long_a = format!("{} north", "Health and social care partnership ".repeat(3));
        let long_b = format!("{} south", "Health and social care partnership ".repeat(3));
        let (a, b) = (
            file_stem(&long_a, "report-tables", at),
            file_stem(&long_b, "report-tables", at),
        );
        assert_ne!(a, b);
        for stem in [&a, &b] {
            assert!(stem.chars().count() <= 80, "{stem}");
            assert!(stem.starts_with("group-health-and-social-care-"), "{stem}");
            assert!(stem.ends_with("-report-tables-2026-12-01-1940"), "{stem}");
            assert!(!stem.contains("--"), "{stem}");
        }
        let longest = file_stem(&"x".repeat(NAME_MAX_CHARS), "report-tables", at);
        assert!(longest.chars().count() <= 80, "{longest}");
        // The same name gives the same stem (nothing random in it).
        assert_eq!(a, file_stem(&long_a, "report-tables", at));
        // A time of another shape is left out rather than printed wrongly.
        assert_eq!(
            file_stem("Partnership", "responses", "1 December"),
            "group-partnership-responses"
        );
    }

    #[test]
    fn defect_13_a_minimum_group_size_below_the_floor_is_refused_and_the_size_in_effect_kept() {
        assert_eq!(min_group_size_from(" 12 ", 8), Ok(12));
        assert_eq!(min_group_size_from("5", 8), Ok(5));
        for text in ["3", "0", "4"] {
            let message = min_group_size_from(text, 8).unwrap_err();
            assert!(
                message.starts_with("Enter a whole number of 5 or more"),
                "{message}"
            );
            assert!(
                message.ends_with("The report still uses a minimum of 8."),
                "{message}"
            );
        }
        for text in ["", "2.5", "-6", "five", "99999999999999999999999"] {
            assert_eq!(
                min_group_size_from(text, 5),
                Err(
                    "Enter a whole number of 5 or more. The report still uses a minimum of 5."
                        .into()
                ),
                "{text:?}"
            );
        }
    }

    #[test]
    fn defect_17_the_withheld_notice_suggests_a_lower_minimum_only_above_the_floor() {
        let three = &group_40()[..3];
        let at_floor = GroupReport::from_responses(three, GroupOptions::default());
        let notice = withheld_notice(&at_floor, 0);
        assert_eq!(
            notice,
            "The figures are withheld: this report covers 3 responses, fewer than the minimum group size \
             of 5. With so few responses, figures could reveal how a single person answered. Add responses."
        );
        assert!(!notice.contains("lower"));

        let above = GroupReport::from_responses(
            &group_40(),
            GroupOptions::default().with_min_group_size(41),
        );
        assert!(withheld_notice(&above, 0)
            .ends_with("Add responses or lower the minimum group size (it cannot go below 5)."));

        let filtered = GroupReport::from_responses(
            three,
            GroupOptions::default().with_filter(ResponseFilter {
                sector: Some(crate::engine::instrument::Sector::Public),
                ..ResponseFilter::default()
            }),
        );
        assert!(withheld_notice(&filtered, 2)
            .ends_with("Add responses, widen the filter or include the partial responses."));
    }
}
