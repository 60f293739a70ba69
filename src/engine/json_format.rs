//! The JSON format for one response or a set of responses: a schema-versioned envelope, written at
//! the current version and read at every version ever written.
//!
//! This module owns the envelope and the upgrade path between schema versions. Old versions are
//! private, deserialize-only shapes that are frozen forever (their tests read frozen fixture files);
//! each is upgraded to the current [`Response`] on reading. It must never change what an old version
//! means, and never write anything but the current version.
//!
//! - **Version 1** (legacy): `{"schema_version": 1, "responses": [{"response_id": …, "q1": "yes",
//!   "q3": "ccg;nhs_trust", "q13_places": "3", …}]}` (or `"response": {…}` for one). Each response is
//!   a flat map of CSV column to cell text, read exactly as CSV cells are (codes or labels, `;` lists),
//!   and was given to instrument version 1.
//! - **Version 2**: `{"format": "collaboration-readiness/responses", "schema_version": 2,
//!   "responses": [Response…]}` (or `"response": Response`), where a [`Response`] carries its id,
//!   `submitted_at`, `instrument_version` and typed answers (codes, lists of codes, text).
//! - **Version 3** (current): version 2 plus an optional `"assessment": {"name", "started_at",
//!   "completed_at"}` beside a single `response`: what the person's own export says about the
//!   assessment, so that importing it elsewhere keeps its name and dates. A document without it is
//!   still written as version 2, so that earlier versions of the app keep reading group exports and
//!   share links; one with it is version 3, so that they say it comes from a newer version instead of
//!   failing on a field they do not know.
//! - **Version 4** (current): version 3 plus an optional `"plan"`: the action plan of the person's
//!   assessment (beside its `response`) or of a group (beside its `responses`). The engine carries
//!   it as JSON without reading it (its shape and checks belong to the app, `model::actions`); it is
//!   written only when there is one, so that a file without a plan is still version 2 or 3.
//!
//! This is a storage and transfer format, so answers hidden by the q1 branch are kept (see
//! [`Response::without_hidden_answers`] for what to share).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::error::{JsonError, RejectReason};
use super::instrument::{Field, InstrumentVersion};
use super::intake::{self, RowProblem};
use super::response::{is_iso8601_date_or_datetime, Response};

/// The newest schema version, read and written.
pub const SCHEMA_VERSION: u32 = 4;

/// The version written for one assessment's details without a plan.
const DETAILS_VERSION: u32 = 3;

/// The version written for documents without assessment details (readable by every version since 2).
const PLAIN_VERSION: u32 = 2;

/// What the person's own export says about the assessment beside its answers (version 3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentInfo {
    /// The person's name for it.
    pub name: String,
    /// When it was started (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    /// When it was last finished (ISO 8601), if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
}

/// An action plan as a version 4 document carries it: JSON text, which the app reads and checks.
#[derive(Clone, Debug, Deserialize)]
#[serde(transparent)]
pub struct PlanJson(pub Box<RawValue>);

impl PartialEq for PlanJson {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

/// The `format` tag of version 2 documents.
pub const FORMAT: &str = "collaboration-readiness/responses";

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    schema_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    response: Option<&'a Response>,
    #[serde(skip_serializing_if = "Option::is_none")]
    responses: Option<&'a [Response]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assessment: Option<&'a AssessmentInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a RawValue>,
}

/// Writes one response (pretty-printed, version 2).
pub fn to_json(response: &Response) -> String {
    with_plan_to_json(response, None)
}

/// Writes one of the person's assessments: its response and what is known of the assessment
/// (pretty-printed, version 3).
pub fn assessment_to_json(response: &Response, info: &AssessmentInfo) -> String {
    assessment_with_plan_to_json(response, info, None)
}

/// Writes one of the person's assessments with its action plan, as the app serialised it
/// (version 4; version 3 when there is no plan).
pub fn assessment_with_plan_to_json(
    response: &Response,
    info: &AssessmentInfo,
    plan: Option<&RawValue>,
) -> String {
    write(Envelope {
        format: FORMAT,
        schema_version: version_with(plan, DETAILS_VERSION),
        response: Some(response),
        responses: None,
        assessment: Some(info),
        plan,
    })
}

/// Writes a set of responses (pretty-printed, version 2).
pub fn set_to_json(responses: &[Response]) -> String {
    set_with_plan_to_json(responses, None)
}

/// Writes a set of responses with the group's action plan, as the app serialised it (version 4;
/// version 2 when there is no plan).
pub fn set_with_plan_to_json(responses: &[Response], plan: Option<&RawValue>) -> String {
    write(Envelope {
        format: FORMAT,
        schema_version: version_with(plan, PLAIN_VERSION),
        response: None,
        responses: Some(responses),
        assessment: None,
        plan,
    })
}

/// Writes one response with an action plan (version 4; version 2 without one): what a share link
/// carries when the person chooses to share their plan.
pub fn with_plan_to_json(response: &Response, plan: Option<&RawValue>) -> String {
    write(Envelope {
        format: FORMAT,
        schema_version: version_with(plan, PLAIN_VERSION),
        response: Some(response),
        responses: None,
        assessment: None,
        plan,
    })
}

/// The version a file is written in: the plan's version when it carries a plan, else `without`, the
/// version older apps read.
fn version_with(plan: Option<&RawValue>, without: u32) -> u32 {
    if plan.is_some() {
        SCHEMA_VERSION
    } else {
        without
    }
}

fn write(envelope: Envelope<'_>) -> String {
    serde_json::to_string_pretty(&envelope).expect("responses always serialise to JSON")
}

#[derive(Deserialize)]
struct Probe {
    schema_version: u32,
}

/// Version 2, as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeV2 {
    #[serde(default)]
    format: Option<String>,
    /// Read by `Probe`; declared so that `deny_unknown_fields` accepts it.
    #[allow(dead_code)]
    schema_version: u32,
    #[serde(default)]
    response: Option<Response>,
    #[serde(default)]
    responses: Option<Vec<Response>>,
    /// Version 3 and later.
    #[serde(default)]
    assessment: Option<AssessmentInfo>,
    /// Version 4 only.
    #[serde(default)]
    plan: Option<PlanJson>,
}

/// Version 1 (frozen legacy shape; deserialize only).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeV1 {
    /// Read by `Probe`; declared so that `deny_unknown_fields` accepts it.
    #[allow(dead_code)]
    schema_version: u32,
    #[serde(default)]
    response: Option<ResponseV1>,
    #[serde(default)]
    responses: Option<Vec<ResponseV1>>,
}

/// A version 1 response: CSV column → cell text.
#[derive(Deserialize)]
#[serde(transparent)]
struct ResponseV1(BTreeMap<String, String>);

impl ResponseV1 {
    /// Upgrades to the current shape. `index` (1-based) only labels errors.
    fn upgrade(self, index: usize) -> Result<Response, JsonError> {
        let mut response = Response::new(String::new());
        response.instrument_version = InstrumentVersion {
            id: super::instrument::INSTRUMENT_ID.to_string(),
            version: 1,
        };
        for (key, cell) in self.0 {
            let cell_error = |problem: RejectReason| JsonError::Cell {
                index,
                column: key.clone(),
                problem,
            };
            match key.as_str() {
                "response_id" => response.id = cell.trim().to_string(),
                "submitted_at" => {
                    let at = cell.trim();
                    if !at.is_empty() {
                        if !is_iso8601_date_or_datetime(at) {
                            return Err(cell_error(RejectReason::BadSubmittedAt(at.to_string())));
                        }
                        response.submitted_at = Some(at.to_string());
                    }
                }
                column => {
                    let field =
                        Field::from_column(column).ok_or_else(|| JsonError::UnknownKey {
                            index,
                            key: key.clone(),
                        })?;
                    response
                        .read_cell(field, &cell)
                        .map_err(|e| cell_error(e.into()))?;
                }
            }
        }
        if response.id.is_empty() {
            return Err(JsonError::MissingId { index });
        }
        Ok(response)
    }
}

fn one_or_many<T>(one: Option<T>, many: Option<Vec<T>>) -> Result<Vec<T>, JsonError> {
    match (one, many) {
        (Some(one), None) => Ok(vec![one]),
        (None, Some(many)) => Ok(many),
        (Some(_), Some(_)) => Err(JsonError::Shape(
            "it has both \u{201c}response\u{201d} and \u{201c}responses\u{201d}".to_string(),
        )),
        (None, None) => Err(JsonError::Shape(
            "it has neither \u{201c}response\u{201d} nor \u{201c}responses\u{201d}".to_string(),
        )),
    }
}

/// serde's messages quote names in backticks (`` unknown field `x` ``); a person reads quotation
/// marks.
fn plain_quotes(message: &str) -> String {
    let mut open = true;
    message
        .chars()
        .map(|c| match c {
            '`' => {
                open = !open;
                if open {
                    '\u{201d}'
                } else {
                    '\u{201c}'
                }
            }
            c => c,
        })
        .collect()
}

/// Reads a document of any known schema version (one response or a set) and upgrades it.
pub fn from_json(text: &str) -> Result<Vec<Response>, JsonError> {
    document_from_json(text).map(|(responses, _)| responses)
}

/// Reads a document of any known schema version, with the assessment details a version 3 export
/// of one assessment carries.
pub fn document_from_json(
    text: &str,
) -> Result<(Vec<Response>, Option<AssessmentInfo>), JsonError> {
    read_document(text).map(|d| (d.responses, d.assessment))
}

/// A document as read: its responses, and what an export of one assessment carries beside them.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub responses: Vec<Response>,
    pub assessment: Option<AssessmentInfo>,
    /// The action plan a version 4 export carries, as JSON, for the app to read and check.
    pub plan: Option<PlanJson>,
}

/// Reads a document of any known schema version, with everything it carries.
pub fn read_document(text: &str) -> Result<Document, JsonError> {
    let shape = |e: serde_json::Error| JsonError::Shape(plain_quotes(&e.to_string()));
    let Probe { schema_version } = serde_json::from_str(text).map_err(shape)?;
    match schema_version {
        1 => {
            let v1: EnvelopeV1 = serde_json::from_str(text).map_err(shape)?;
            one_or_many(v1.response, v1.responses)?
                .into_iter()
                .enumerate()
                .map(|(i, r)| r.upgrade(i + 1))
                .collect::<Result<_, _>>()
                .map(|responses| Document {
                    responses,
                    assessment: None,
                    plan: None,
                })
        }
        2..=SCHEMA_VERSION => {
            let v2: EnvelopeV2 = serde_json::from_str(text).map_err(shape)?;
            if let Some(format) = v2.format.filter(|f| f != FORMAT) {
                return Err(JsonError::Shape(format!(
                    "it is a \u{201c}{format}\u{201d} document, not \u{201c}{FORMAT}\u{201d}"
                )));
            }
            let assessment = match (schema_version, v2.assessment) {
                (2, Some(_)) => {
                    return Err(JsonError::Shape(
                        "it has assessment details, which only version 3 documents have"
                            .to_string(),
                    ))
                }
                (_, assessment) => assessment,
            };
            let dates_ok = assessment.as_ref().is_none_or(|a| {
                [&a.started_at, &a.completed_at]
                    .into_iter()
                    .flatten()
                    .all(|d| is_iso8601_date_or_datetime(d))
            });
            if !dates_ok {
                return Err(JsonError::Shape(
                    "a date in its assessment details is not a date".to_string(),
                ));
            }
            if assessment.is_some() && v2.responses.is_some() {
                return Err(JsonError::Shape(
                    "it has assessment details beside a set of responses".to_string(),
                ));
            }
            let plan = match (schema_version, v2.plan) {
                (..=3, Some(_)) => {
                    return Err(JsonError::Shape(
                        "it has an action plan, which only version 4 documents have".to_string(),
                    ))
                }
                (_, plan) => plan,
            };
            one_or_many(v2.response, v2.responses).map(|responses| Document {
                responses,
                assessment,
                plan,
            })
        }
        v if v > SCHEMA_VERSION => Err(JsonError::NewerSchema {
            found: v,
            supported: SCHEMA_VERSION,
        }),
        v => Err(JsonError::UnknownSchema(v)),
    }
}

/// Reads a document that must hold exactly one response.
pub fn response_from_json(text: &str) -> Result<Response, JsonError> {
    let mut responses = from_json(text)?;
    match responses.len() {
        1 => Ok(responses.remove(0)),
        n => Err(JsonError::Shape(format!(
            "it holds {n} responses where one was expected"
        ))),
    }
}

/// A response of a document that an import leaves out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedResponse {
    /// 1-based position in the document.
    pub position: usize,
    /// Its id, if it has one.
    pub response_id: Option<String>,
    /// Every problem [`intake::check`] found.
    pub problems: Vec<RowProblem>,
}

impl std::fmt::Display for RejectedResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Response {}", self.position)?;
        if let Some(id) = &self.response_id {
            write!(f, " (\u{201c}{}\u{201d})", intake::echo(id))?;
        }
        write!(f, ": {}", intake::describe(&self.problems))
    }
}

/// A document read for import: the responses that pass [`intake::check`] (ids trimmed), in document
/// order, and those left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JsonImport {
    /// Responses that may be imported.
    pub responses: Vec<Response>,
    /// Responses left out, in document order.
    pub rejected: Vec<RejectedResponse>,
    /// The assessment's details, when the document is an export of one of the person's assessments.
    pub assessment: Option<AssessmentInfo>,
    /// The action plan such an export carries (version 4), as JSON for the app to read.
    pub plan: Option<PlanJson>,
}

/// Reads a document for import: [`from_json`], then the checks every route in makes, response by
/// response (a bad response is left out and reported; the others are kept).
pub fn import_json(text: &str) -> Result<JsonImport, JsonError> {
    let Document {
        responses,
        assessment,
        plan,
    } = read_document(text)?;
    let mut out = JsonImport {
        assessment,
        plan,
        ..JsonImport::default()
    };
    for (i, mut response) in responses.into_iter().enumerate() {
        let problems = intake::check(&response);
        if problems.is_empty() {
            response.id = response.id.trim().to_string();
            out.responses.push(response);
        } else {
            let id = response.id.trim();
            out.rejected.push(RejectedResponse {
                position: i + 1,
                response_id: (!id.is_empty()).then(|| id.to_string()),
                problems,
            });
        }
    }
    Ok(out)
}
