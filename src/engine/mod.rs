//! The engine: the *State of Collaboration* instrument as data, responses and their validation,
//! scoring, group aggregation, the 2018 benchmark, and the CSV and JSON formats.
//!
//! Everything here is plain Rust on `std`, `serde`, `serde_json`, `csv` and `thiserror`, compiled and
//! tested natively. The engine must never depend on a browser or UI crate, never touch storage, the
//! network or the clock, and never print: the UI calls it and shows what it returns.
//!
//! | module | owns |
//! |---|---|
//! | [`instrument`] | questions, codes, labels, scales, branch, factors, sections — the one definition |
//! | [`response`] | typed answers, answer actions, visibility, validation, completion |
//! | [`scoring`] | one response: factor scores, gaps, indices, readiness, priorities, action areas |
//! | [`aggregate`] | many responses: streaming accumulator and group report |
//! | [`benchmark`] | the 2018 published figures and comparisons |
//! | [`csv_format`] | the responses CSV: streaming import, bad-row report, export |
//! | [`file_import`] | the import of a whole file at hand (the browser's): the quick way, as fast as a native report thread |
//! | `csv_split` | the CSV's records split from raw bytes, and where a chunk of them may end |
//! | [`report`] | a CSV file's group report in one call, natively on every core or on one |
//! | [`json_format`] | versioned JSON envelope for one or many responses |
//! | [`intake`] | the rules of every way in: which bytes are text, what an imported response must be |
//! | [`error`] | error and rejection messages |
//! | [`rounding`] | four-decimal rounding of report figures |

pub mod aggregate;
pub mod benchmark;
pub mod csv_format;
mod csv_split;
pub mod error;
pub mod file_import;
pub mod instrument;
pub mod intake;
pub mod json_format;
pub mod report;
pub mod response;
pub mod rounding;
pub mod scoring;

pub use aggregate::{GroupAccumulator, GroupOptions, GroupReport, ResponseFilter};
pub use benchmark::{compare_group, compare_response, BENCHMARK_2018};
pub use csv_format::{
    export_csv, import_csv, CsvExporter, CsvImporter, ImportOptions, ImportSummary, RejectedRow,
};
pub use error::{AnswerError, ImportError, JsonError};
pub use instrument::{Factor, Field, Measure, QuestionId, Scale, INSTRUMENT};
pub use json_format::{from_json, to_json};
pub use response::{AnswerAction, Completion, Response, ValidationIssue};
pub use scoring::{score, ResponseScore};
