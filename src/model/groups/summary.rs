//! The words of an import while it runs and after it: the progress bar's label, the summary's first
//! sentence, each file's headline and notes, and the rows or responses left out as tables (text from
//! the file appears only there, as plain text). The page only draws them.

use super::{totals, FileReport, JsonImport, Outcome};
use crate::engine::csv_format::ImportSummary;
use crate::model::format::{count, plural};
use crate::model::table::{Column, Table};

/// A running import, for the progress bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub file: String,
    pub file_number: usize,
    pub file_count: usize,
    pub bytes_read: u64,
    pub bytes_total: u64,
    pub rows_read: u64,
}

impl Progress {
    /// How much of the file is read, as a whole percentage (0 for an empty file).
    pub fn percent(&self) -> u32 {
        if self.bytes_total == 0 {
            return 0;
        }
        crate::model::format::percent(self.bytes_read as f64 / self.bytes_total as f64) as u32
    }

    /// The progress bar's label: which file, how far, how many rows.
    pub fn label(&self) -> String {
        format!(
            "Reading {} (file {} of {}): {}%, {} read",
            self.file,
            self.file_number,
            self.file_count,
            self.percent(),
            plural(self.rows_read, "row", "rows")
        )
    }
}

/// The summary's first sentence: responses added, duplicates and rows left out, files refused.
pub fn totals_sentence(files: &[FileReport]) -> String {
    let t = totals(files);
    let mut parts = vec![
        format!("{} added", plural(t.added, "response", "responses")),
        plural(t.duplicates, "duplicate", "duplicates") + " left out",
        plural(t.rejected, "row rejected", "rows rejected"),
    ];
    if t.refused_files > 0 {
        parts.push(plural(
            t.refused_files as u64,
            "file not imported",
            "files not imported",
        ));
    }
    format!("{}.", parts.join(", "))
}

/// What happened to one file, in a sentence.
pub fn file_headline(file: &FileReport) -> String {
    match &file.outcome {
        Outcome::Refused(reason) => {
            format!("Not imported: {reason} Nothing from this file was added.")
        }
        Outcome::Cancelled => "Stopped before the end, so nothing from this file was added.".into(),
        Outcome::Own => "Added.".into(),
        Outcome::Csv(_) | Outcome::Json(_) => format!(
            "{} added, {} left out, {}.",
            plural(file.added(), "response", "responses"),
            plural(file.duplicates(), "duplicate", "duplicates"),
            plural(file.rejected(), "rejected", "rejected")
        ),
    }
}

/// What else a CSV file's summary says, each when it applies: columns ignored, ids assigned, and
/// rejected rows counted but not listed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvNotes {
    pub unknown_columns: Option<String>,
    pub assigned_ids: Option<String>,
    pub unlisted: Option<String>,
}

/// The notes of a CSV file's summary.
pub fn csv_notes(summary: &ImportSummary) -> CsvNotes {
    let unlisted = summary.unlisted_rejections();
    CsvNotes {
        unknown_columns: (!summary.unknown_columns.is_empty()).then(|| {
            format!(
                "Columns that are not part of the format were ignored: {}.",
                summary.unknown_columns.join(", ")
            )
        }),
        assigned_ids: (summary.assigned_ids > 0).then(|| {
            format!(
                "{} no response_id and got one.",
                plural(summary.assigned_ids, "row had", "rows had")
            )
        }),
        unlisted: (unlisted > 0).then(|| {
            format!(
                "{} more rejected rows are counted but not listed.",
                count(unlisted)
            )
        }),
    }
}

/// The rows of a CSV file left out, each with every problem found (its column, the value as written
/// and the engine's reason, one per line); `None` when none is listed.
pub fn csv_rejections_table(summary: &ImportSummary) -> Option<Table> {
    if summary.rejected.is_empty() {
        return None;
    }
    let table = Table::new(
        "Rows left out",
        vec![
            Column::number("Line"),
            Column::text("Response id"),
            Column::text("Column").class("column-name"),
            Column::text("Value").class("cell-value"),
            Column::text("Reason"),
        ],
    )
    .without_row_headers();
    Some(summary.rejected.iter().fold(table, |t, row| {
        let each = |f: &dyn Fn(&crate::engine::csv_format::RowProblem) -> String| {
            row.problems.iter().map(f).collect::<Vec<_>>()
        };
        t.list_row(
            row.line.to_string(),
            vec![
                row.response_id.iter().cloned().collect(),
                each(&|p| p.column.clone().unwrap_or_else(|| "whole row".into())),
                each(&|p| p.value.clone().unwrap_or_default()),
                each(&|p| p.reason.to_string()),
            ],
        )
    }))
}

/// The responses of a JSON document left out, by position, with the reason; `None` when none was.
pub fn json_rejections_table(json: &JsonImport) -> Option<Table> {
    if json.rejected.is_empty() {
        return None;
    }
    let table = Table::new(
        "Responses left out",
        vec![
            Column::number("Position in file"),
            Column::text("Response id"),
            Column::text("Reason"),
        ],
    )
    .without_row_headers();
    Some(json.rejected.iter().fold(table, |t, r| {
        t.row(
            r.position.to_string(),
            vec![r.response_id.clone().unwrap_or_default(), r.reason.clone()],
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::csv_format::{import_csv, ImportOptions};
    use crate::model::groups::JsonRejection;

    fn csv(imported: u64, rejected: u64, duplicates: u64) -> ImportSummary {
        ImportSummary {
            rows_read: imported + rejected,
            imported,
            assigned_ids: 0,
            rejected_count: rejected,
            duplicate_count: duplicates,
            rejected: Vec::new(),
            unknown_columns: Vec::new(),
        }
    }

    fn file(outcome: Outcome) -> FileReport {
        FileReport {
            name: "f.csv".into(),
            outcome,
        }
    }

    fn json_rejection(duplicate: bool) -> JsonRejection {
        JsonRejection {
            position: 1,
            response_id: None,
            reason: "r".into(),
            duplicate,
        }
    }

    #[test]
    fn the_progress_bar_rounds_halves_up_and_counts_rows() {
        let p = |read, total, rows| Progress {
            file: "big.csv".into(),
            file_number: 2,
            file_count: 3,
            bytes_read: read,
            bytes_total: total,
            rows_read: rows,
        };
        for (read, total, expected) in
            [(0, 0, 0), (0, 10, 0), (1, 8, 13), (1, 40, 3), (10, 10, 100)]
        {
            assert_eq!(p(read, total, 0).percent(), expected, "{read} of {total}");
        }
        assert_eq!(
            p(1, 8, 1).label(),
            "Reading big.csv (file 2 of 3): 13%, 1 row read"
        );
        assert_eq!(
            p(5, 10, 12_345).label(),
            "Reading big.csv (file 2 of 3): 50%, 12,345 rows read"
        );
    }

    #[test]
    fn the_first_sentence_adds_up_every_file_and_names_refused_ones_only_when_there_are() {
        let cases: Vec<(Vec<FileReport>, &str)> =
            vec![
            (
                vec![file(Outcome::Csv(csv(40, 0, 0)))],
                "40 responses added, 0 duplicates left out, 0 rows rejected.",
            ),
            (
                vec![file(Outcome::Csv(csv(3, 5, 1)))],
                "3 responses added, 1 duplicate left out, 4 rows rejected.",
            ),
            (
                vec![
                    file(Outcome::Own),
                    file(Outcome::Json(JsonImport {
                        added: 1,
                        rejected: vec![json_rejection(true), json_rejection(false)],
                    })),
                    file(Outcome::Refused("No.".into())),
                ],
                "2 responses added, 1 duplicate left out, 1 row rejected, 1 file not imported.",
            ),
            (
                vec![file(Outcome::Cancelled), file(Outcome::Refused("No.".into()))],
                "0 responses added, 0 duplicates left out, 0 rows rejected, 2 files not imported.",
            ),
        ];
        for (files, expected) in cases {
            assert_eq!(totals_sentence(&files), expected);
        }
    }

    #[test]
    fn each_file_says_what_happened_to_it() {
        let cases = [
            (
                Outcome::Refused("The file is too large.".into()),
                "Not imported: The file is too large. Nothing from this file was added.",
            ),
            (
                Outcome::Cancelled,
                "Stopped before the end, so nothing from this file was added.",
            ),
            (Outcome::Own, "Added."),
            (
                Outcome::Csv(csv(1, 3, 1)),
                "1 response added, 1 duplicate left out, 2 rejected.",
            ),
            (
                Outcome::Json(JsonImport {
                    added: 0,
                    rejected: vec![json_rejection(false)],
                }),
                "0 responses added, 0 duplicates left out, 1 rejected.",
            ),
        ];
        for (outcome, expected) in cases {
            assert_eq!(file_headline(&file(outcome)), expected);
        }
    }

    #[test]
    fn csv_notes_appear_only_when_they_apply() {
        assert_eq!(csv_notes(&csv(3, 0, 0)), CsvNotes::default());
        let mut s = csv(3, 120, 0);
        s.assigned_ids = 1;
        s.unknown_columns = vec!["favourite_colour".into(), "x".into()];
        let notes = csv_notes(&s);
        assert_eq!(
            notes.unknown_columns.as_deref(),
            Some("Columns that are not part of the format were ignored: favourite_colour, x.")
        );
        assert_eq!(
            notes.assigned_ids.as_deref(),
            Some("1 row had no response_id and got one.")
        );
        assert_eq!(
            notes.unlisted.as_deref(),
            Some("120 more rejected rows are counted but not listed.")
        );
        s.assigned_ids = 2_000;
        assert_eq!(
            csv_notes(&s).assigned_ids.as_deref(),
            Some("2,000 rows had no response_id and got one.")
        );
    }

    #[test]
    fn rows_left_out_list_every_problem_of_a_row_apart() {
        let file = std::fs::read("tests/fixtures/bad-rows.csv").unwrap();
        let summary = import_csv(file.as_slice(), ImportOptions::default())
            .unwrap()
            .summary;
        let t = csv_rejections_table(&summary).unwrap();
        assert!(!t.row_headers, "the line is data, not a row's name");
        assert_eq!(t.rows().count(), summary.rejected.len());
        let headers: Vec<&str> = t.columns.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(
            headers,
            ["Line", "Response id", "Column", "Value", "Reason"]
        );
        assert!(t.columns[0].numeric && t.columns[1..].iter().all(|c| !c.numeric));
        assert_eq!(t.columns[2].class, Some("column-name"));
        for (row, rejected) in t.rows().zip(&summary.rejected) {
            assert_eq!(row.header, rejected.line.to_string());
            assert_eq!(
                row.entries[0].len(),
                usize::from(rejected.response_id.is_some())
            );
            for entries in &row.entries[1..] {
                assert_eq!(
                    entries.len(),
                    rejected.problems.len(),
                    "line {}",
                    row.header
                );
            }
        }
        let short = summary
            .rejected
            .iter()
            .find(|r| r.problems.iter().any(|p| p.column.is_none()))
            .unwrap();
        assert!(
            t.find(&short.line.to_string()).unwrap().entries[1].contains(&"whole row".to_string())
        );
        assert_eq!(csv_rejections_table(&csv(3, 0, 0)), None);
    }

    #[test]
    fn responses_left_out_of_a_json_file_by_position() {
        let json = JsonImport {
            added: 1,
            rejected: vec![
                JsonRejection {
                    position: 2,
                    response_id: Some("r-2".into()),
                    reason: "Already in this group.".into(),
                    duplicate: true,
                },
                json_rejection(false),
            ],
        };
        let t = json_rejections_table(&json).unwrap();
        assert!(!t.row_headers && t.columns[0].numeric);
        assert_eq!(t.cell("2", "Response id"), Some("r-2"));
        assert_eq!(t.cell("2", "Reason"), Some("Already in this group."));
        assert_eq!(t.cell("1", "Response id"), Some(""));
        assert_eq!(
            json_rejections_table(&JsonImport {
                added: 1,
                rejected: vec![]
            }),
            None
        );
    }
}
