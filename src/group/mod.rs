//! A facilitator's groups: named sets of colleagues' responses, pooled for the group report.
//!
//! This module owns the group as data (its stored shape and schema version), how responses from a
//! JSON file or from the person's own assessment join a group (duplicates reported, never added
//! twice), and what an import did, file by file, for the import summary. CSV files are read by the
//! engine's [`CsvImporter`](crate::engine::CsvImporter); their [`ImportSummary`] is kept as the
//! engine reports it.
//!
//! Pure: no browser crate, no storage, no clock (times and ids come in from the caller). It must never
//! add a response it has not reported, nor drop one silently. Numbers shown in the report are the
//! engine's; [`format`] only prints them, [`tables`] only lays them out.

pub mod format;
pub mod tables;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::engine::csv_format::ImportSummary;
use crate::engine::error::RejectReason;
use crate::engine::Response;

/// The stored shape of a group (the storage envelope's `schema`).
pub const GROUP_SCHEMA: u32 = 1;

/// Storage names of groups start with this (one key per group, so that a group too large for the
/// browser's storage does not stop the others from being saved).
pub const GROUP_NAME_PREFIX: &str = "group-";

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
        })
    }

    /// Reads a stored group of any shipped shape.
    pub fn from_stored(schema: u32, data: &str) -> Result<Group, StoredGroupError> {
        match schema {
            1 => {
                serde_json::from_str(data).map_err(|e| StoredGroupError::Unreadable(e.to_string()))
            }
            newer if newer > GROUP_SCHEMA => Err(StoredGroupError::Newer(newer)),
            other => Err(StoredGroupError::Unreadable(format!(
                "unknown format {other}"
            ))),
        }
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

    /// Adds responses that an import has already checked (the CSV importer was given [`Group::ids`]).
    pub fn extend(&mut self, responses: Vec<Response>, now: &str) {
        if !responses.is_empty() {
            self.responses.extend(responses);
            self.updated_at = now.to_string();
        }
    }

    /// Adds the responses of a JSON document: each one whose id is new is added; a duplicate (of the
    /// group or of an earlier response in the same document), or one that fails the checks of every
    /// route in ([`crate::engine::intake::check`]: no id, a bad date, another instrument, over-long
    /// text) is reported and not added.
    pub fn add_json(&mut self, responses: Vec<Response>, now: &str) -> JsonImport {
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
        self.extend(added, now);
        report
    }

    /// Adds the person's own completed assessment. Answers hidden by the q1 branch are left out, as
    /// in every export.
    pub fn add_own(&mut self, response: &Response, now: &str) -> Result<(), GroupError> {
        if self.responses.iter().any(|r| r.id == response.id) {
            return Err(GroupError::AlreadyInGroup(response.id.clone()));
        }
        self.extend(vec![response.without_hidden_answers()], now);
        Ok(())
    }
}

/// The storage name of the group with this id.
pub fn storage_name(id: &str) -> String {
    format!("{GROUP_NAME_PREFIX}{id}")
}

fn checked_name(name: &str) -> Result<String, GroupError> {
    let name = name.trim();
    if name.is_empty() {
        Err(GroupError::EmptyName)
    } else {
        Ok(name.to_string())
    }
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

/// A file name for a download about a group: the group's name in letters, digits and dashes.
pub fn file_stem(group_name: &str, what: &str) -> String {
    match crate::slug::slug(group_name) {
        slug if slug.is_empty() => format!("group-{what}"),
        slug => format!("group-{slug}-{what}"),
    }
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
        let report = g.add_json(from_json(&doc).unwrap(), "t2");
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
    fn stored_groups_round_trip_and_newer_shapes_are_refused() {
        let mut g = group();
        g.extend(vec![response("a")], "t");
        let data = serde_json::to_string(&g).unwrap();
        assert_eq!(Group::from_stored(GROUP_SCHEMA, &data).unwrap(), g);
        assert_eq!(
            Group::from_stored(2, &data),
            Err(StoredGroupError::Newer(2))
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
        assert_eq!(
            file_stem("Partnership <2026>!", "responses"),
            "group-partnership-2026-responses"
        );
        assert_eq!(file_stem("¿?", "report"), "group-report");
    }
}
