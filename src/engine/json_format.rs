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
//! - **Version 2** (current): `{"format": "collaboration-readiness/responses", "schema_version": 2,
//!   "responses": [Response…]}` (or `"response": Response`), where a [`Response`] carries its id,
//!   `submitted_at`, `instrument_version` and typed answers (codes, lists of codes, text).
//!
//! This is a storage and transfer format, so answers hidden by the q1 branch are kept (see
//! [`Response::without_hidden_answers`] for what to share).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::error::{JsonError, RejectReason};
use super::instrument::{Field, InstrumentVersion};
use super::response::{is_iso8601_date_or_datetime, Response};

/// The schema version written.
pub const SCHEMA_VERSION: u32 = 2;

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
}

/// Writes one response (pretty-printed, current schema).
pub fn to_json(response: &Response) -> String {
    write(Envelope {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        response: Some(response),
        responses: None,
    })
}

/// Writes a set of responses (pretty-printed, current schema).
pub fn set_to_json(responses: &[Response]) -> String {
    write(Envelope {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        response: None,
        responses: Some(responses),
    })
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
                        .restore_cell(field, &cell)
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
            "it has both `response` and `responses`".to_string(),
        )),
        (None, None) => Err(JsonError::Shape(
            "it has neither `response` nor `responses`".to_string(),
        )),
    }
}

/// Reads a document of any known schema version (one response or a set) and upgrades it.
pub fn from_json(text: &str) -> Result<Vec<Response>, JsonError> {
    let shape = |e: serde_json::Error| JsonError::Shape(e.to_string());
    let Probe { schema_version } = serde_json::from_str(text).map_err(shape)?;
    match schema_version {
        1 => {
            let v1: EnvelopeV1 = serde_json::from_str(text).map_err(shape)?;
            one_or_many(v1.response, v1.responses)?
                .into_iter()
                .enumerate()
                .map(|(i, r)| r.upgrade(i + 1))
                .collect()
        }
        2 => {
            let v2: EnvelopeV2 = serde_json::from_str(text).map_err(shape)?;
            if let Some(format) = v2.format.filter(|f| f != FORMAT) {
                return Err(JsonError::Shape(format!(
                    "it is a `{format}` document, not `{FORMAT}`"
                )));
            }
            one_or_many(v2.response, v2.responses)
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
