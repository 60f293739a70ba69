//! Every error and rejection reason the engine reports, as `thiserror` enums whose messages tell a
//! person what is wrong and what to do.
//!
//! This module owns wording only. It must never decide *whether* something is an error (the modules that
//! raise these do) and must never panic or log.

use std::fmt;

use thiserror::Error;

use super::instrument::{Field, QuestionId, Scale, INSTRUMENT};

/// Longest part of a question's wording quoted in a message, in characters.
const QUOTED_WORDS: usize = 60;

/// A question named for a person: its code and its words (cut at a word boundary), and for the
/// factor grids the factor rated. `q13_places (“How important do you think this factor is to…”,
/// Collaborative Places)`.
pub struct QuestionName(pub Field);

impl fmt::Display for QuestionName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = self.0;
        let words = shorten(INSTRUMENT.question(field.question()).text, QUOTED_WORDS);
        write!(f, "{} (\u{201c}{words}\u{201d}", field.column())?;
        match field {
            Field::Score(_, factor) => write!(f, ", {})", factor.name()),
            Field::Q3Other => f.write_str(", the \u{201c}Other\u{201d} text)"),
            _ => f.write_str(")"),
        }
    }
}

/// The question with this id (`q17`), named as [`QuestionName`] names its first field.
fn question_name(id: &str) -> String {
    match QuestionId::from_id(id) {
        Some(q) => QuestionName(INSTRUMENT.question(q).fields[0]).to_string(),
        None => id.to_string(),
    }
}

/// `text` cut to at most `max` characters at a word boundary, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rfind(' ').filter(|i| *i > max / 2).unwrap_or(cut.len());
    format!(
        "{}\u{2026}",
        cut[..at_word].trim_end_matches([' ', ',', ';', ':'])
    )
}

/// What a scale takes, in words.
fn scale_answers(scale: Scale) -> &'static str {
    match scale {
        Scale::Extent => "0\u{2013}3 or na",
        Scale::Extent4 => "0\u{2013}3",
    }
}

/// The codes a question takes, for "use one of: …".
fn codes_of(id: &str) -> String {
    QuestionId::from_id(id)
        .map(|q| super::instrument::codes_list(INSTRUMENT.question(q).kind().options()))
        .unwrap_or_default()
}

/// Why an answer could not be set on a response (the UI sent a code or action the field does not take).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AnswerError {
    /// The code is not one of the field's options.
    #[error(
        "\u{201c}{}\u{201d} is not an answer to {field}; use one of: {expected}",
        echo(code)
    )]
    UnknownCode {
        /// The field.
        field: Field,
        /// The code given.
        code: String,
        /// The codes the field takes, comma separated.
        expected: String,
    },
    /// The action does not fit the field's kind (e.g. text for a choice).
    #[error("{field} {takes}; this action does not apply to it")]
    WrongKind {
        /// The field.
        field: Field,
        /// What the field takes, in words.
        takes: &'static str,
    },
    /// The field is hidden by the q1 branch, so it cannot be answered now.
    #[error("{field} is only asked when q1 is Yes; change q1 first")]
    HiddenByBranch {
        /// The field.
        field: Field,
    },
}

/// Why a single cell (CSV, or a legacy JSON value) cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CellError {
    /// A rating cell with a value that is not on its scale.
    #[error("\u{201c}{}\u{201d} is not an answer to {question}: use {answers}", echo(value), question = QuestionName(*field), answers = scale_answers(*scale))]
    NotOnScale {
        /// The cell as written.
        value: String,
        /// The field rated.
        field: Field,
        /// Its scale.
        scale: Scale,
    },
    /// A choice cell with a value that is neither a code nor a label of the question.
    #[error("\u{201c}{}\u{201d} is not an answer to {name}: use one of: {codes}", echo(value), name = question_name(question), codes = codes_of(question))]
    NotAnOption {
        /// The value as written (for multiple choice: the one item that is wrong).
        value: String,
        /// The question id (`q17`).
        question: &'static str,
    },
    /// Free text longer than the instrument allows.
    #[error("the text is {len} characters long; at most {max} are allowed")]
    TooLong {
        /// Length in characters.
        len: usize,
        /// The limit.
        max: usize,
    },
}

/// Why an imported row was reported and not imported.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RejectReason {
    /// A cell could not be read.
    #[error("{0}")]
    Cell(CellError),
    /// One of q2–q6 (or q3_other) answered although q1 = `no` skips them.
    #[error("answered although q1 is No, which skips {}", QuestionName(*field))]
    AnsweredWhileHidden {
        /// The field answered.
        field: Field,
    },
    /// The response has no id (JSON and share links; a CSV row without one is given one).
    #[error("it has no response_id")]
    NoId,
    /// The row has a different number of fields than the header.
    #[error("{found} fields where the header has {expected}")]
    FieldCount {
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// The response id was already used by an earlier row of the same file.
    #[error("duplicate of line {first_line}")]
    DuplicateInFile {
        /// Line of the row that was imported with this id.
        first_line: u64,
    },
    /// The response id is already in the group the file is imported into.
    #[error("already in the group")]
    AlreadyInGroup,
    /// Every cell of the row is empty.
    #[error("the row is empty")]
    EmptyRow,
    /// `submitted_at` is not an ISO 8601 date or date-time.
    #[error(
        "\u{201c}{}\u{201d} is not a date in the form 2026-01-10 or a date and time in the form 2026-01-10T09:00:00Z",
        echo(.0)
    )]
    BadSubmittedAt(String),
    /// The row names an instrument version this app does not ask.
    #[error("the answers were given to another version of the questionnaire ({}); this app reads {expected}", echo(found))]
    OtherInstrument {
        /// As written in the file.
        found: String,
        /// The current instrument (`id/version`).
        expected: String,
    },
}

impl RejectReason {
    /// True for the two duplicate reasons.
    pub fn is_duplicate(&self) -> bool {
        matches!(
            self,
            RejectReason::DuplicateInFile { .. } | RejectReason::AlreadyInGroup
        )
    }
}

impl From<CellError> for RejectReason {
    fn from(e: CellError) -> Self {
        RejectReason::Cell(e)
    }
}

/// Why a CSV file was refused whole. Nothing from a refused file may be stored.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    /// Larger than the import limit.
    #[error("The file is larger than the import limit of {limit} bytes ({limit_mb} MB). Split it into smaller files and import them one by one.", limit_mb = limit / 1_000_000)]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// Bytes that are not UTF-8.
    #[error("The file is not UTF-8 text (the first problem is on line {line}). Save it as \"CSV UTF-8\" (or as UTF-8 text) and import it again.")]
    NotUtf8 {
        /// Line of the first invalid byte sequence (1-based).
        line: u64,
    },
    /// A UTF-16 file (it starts with a UTF-16 byte-order mark) with a damaged character.
    #[error("The file is UTF-16 text, but a character on line {line} is damaged. Save it as \"CSV UTF-8\" (or as UTF-8 text) and import it again.")]
    DamagedUtf16 {
        /// Line of the damaged character (1-based).
        line: u64,
    },
    /// Empty file, or a first row without any column name.
    #[error("The file has no header row. A responses file starts with a row naming its columns: response_id, q1, q2, …, q13_behaviours, …, q18.")]
    NoHeader,
    /// A header without any q13_*/q14_* column.
    #[error("This is not a responses file: its header has no q13_… or q14_… column (the factor ratings). Check that you chose the right file and that its first row holds the column names.")]
    NotResponsesFile,
    /// The same known column twice.
    #[error("The column \u{201c}{}\u{201d} appears twice in the header (columns {first} and {second}). Remove one of them and import again.", echo(column))]
    DuplicateColumn {
        /// Column name.
        column: String,
        /// 1-based position of the first occurrence.
        first: usize,
        /// 1-based position of the second occurrence.
        second: usize,
    },
    /// The file could not be read at all.
    #[error("The file could not be read: {0}")]
    Io(String),
}

/// Why writing an export failed (only I/O can fail: every response can be exported).
#[derive(Debug, Error)]
pub enum ExportError {
    /// The destination could not be written.
    #[error("The export could not be written: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed (it wraps an I/O error).
    #[error("The export could not be written: {0}")]
    Csv(#[from] csv::Error),
}

/// Why a JSON document could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum JsonError {
    /// Not JSON, or not shaped like a responses document.
    #[error("This is not a Collaboration Readiness responses document: {0}")]
    Shape(String),
    /// A schema version newer than this app knows.
    #[error("This document was written by a newer version of the app (schema version {found}); this app reads versions up to {supported}. Update the app and try again.")]
    NewerSchema {
        /// Version in the document.
        found: u32,
        /// Newest version this app reads.
        supported: u32,
    },
    /// A schema version that never existed.
    #[error("Schema version {0} is not a known version of the responses format.")]
    UnknownSchema(u32),
    /// A legacy (version 1) response without a response id.
    #[error("Response {index} has no response_id.")]
    MissingId {
        /// 1-based position in the document.
        index: usize,
    },
    /// A legacy (version 1) response with an unknown key.
    #[error("Response {index} has an unknown key \u{201c}{}\u{201d}.", echo(key))]
    UnknownKey {
        /// 1-based position in the document.
        index: usize,
        /// The key.
        key: String,
    },
    /// A legacy (version 1) response with a value that cannot be read.
    #[error("Response {index}, {}: {problem}", echo(column))]
    Cell {
        /// 1-based position in the document.
        index: usize,
        /// The key.
        column: String,
        /// What is wrong.
        problem: RejectReason,
    },
}

/// Longest part of a value echoed back in a report, in characters.
pub const ECHO_CHARS: usize = 80;

/// A value from a file as it may be echoed back to a person (a report's stderr, a list of problems):
/// control characters and the characters that reorder text are written as escapes (`\n`, `\u{1b}`),
/// so that a value cannot move a terminal's cursor, recolour it or forge a line of the report; and
/// only the first [`ECHO_CHARS`] characters are kept, with "…" when cut, so that a huge field gives a
/// short line. Reads no more of `value` than it keeps.
pub fn echo(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    for c in chars.by_ref().take(ECHO_CHARS) {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || is_reordering(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    if chars.next().is_some() {
        out.push('\u{2026}');
    }
    out
}

/// Characters that change the order in which a terminal or page shows the text around them.
fn is_reordering(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod echo_tests {
    use super::*;

    #[test]
    fn echoed_values_are_escaped_and_cut() {
        assert_eq!(echo("plain"), "plain");
        assert_eq!(
            echo("a\nline 9: forged\u{1b}[2J\\"),
            "a\\nline 9: forged\\u{1b}[2J\\\\"
        );
        assert_eq!(echo("\u{202e}evil"), "\\u{202e}evil");
        let long = "é".repeat(200);
        assert_eq!(echo(&long), format!("{}\u{2026}", "é".repeat(ECHO_CHARS)));
        assert_eq!(echo(&"x".repeat(ECHO_CHARS)), "x".repeat(ECHO_CHARS));
    }
}
