//! Importing one's own answers from files (JSON or responses CSV exported by this app, on this or
//! another device) into the book of assessments. Nothing invalid is added; every problem is listed.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::engine::csv_format::{import_csv, ImportOptions};
use crate::engine::json_format::AssessmentInfo;
use crate::engine::response::Response;
use crate::engine::{intake, json_format};
use crate::model::actions::{Plan, PlanEdit};
use crate::model::book::{Action, BookError};
use crate::web::browser::now;
use crate::web::components::file_list;
use crate::web::stores::book::Session;

/// What became of one file.
#[derive(Clone, Debug, PartialEq)]
struct FileOutcome {
    file: String,
    added: usize,
    duplicates: usize,
    problems: Vec<String>,
}

/// The file's bytes: the engine decides what is text (`intake::decode_text`), not the browser, whose
/// `File.text()` would turn a UTF-16 or Latin-1 file into replacement characters without a word.
async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// What a file holds: its responses, the export's details of the assessment (a JSON export of one
/// of the person's assessments has them, and its action plan), the problems of rows left out, and
/// how many were already in this browser.
type Parsed = (
    Vec<Response>,
    Option<AssessmentInfo>,
    Option<Plan>,
    Vec<String>,
    usize,
);

/// Parses a file's bytes into responses, or says why it is refused whole.
fn parse(name: &str, bytes: &[u8], existing: HashSet<String>) -> Result<Parsed, String> {
    let text = intake::decode_text(bytes).map_err(|e| e.to_string())?;
    let text = text.as_ref();
    let looks_json = text.trim_start().starts_with(['{', '[']);
    if looks_json || name.to_lowercase().ends_with(".json") {
        let import = json_format::import_json(text).map_err(|e| e.to_string())?;
        let mut problems: Vec<String> = import.rejected.iter().map(|r| r.to_string()).collect();
        // A plan that cannot be read does not stop the answers beside it.
        let plan = match import.plan.map(|p| Plan::from_json(p.0.get())) {
            Some(Ok(plan)) => Some(plan),
            Some(Err(e)) => {
                problems.push(e.to_string());
                None
            }
            None => None,
        };
        return Ok((import.responses, import.assessment, plan, problems, 0));
    }
    let options = ImportOptions {
        existing_ids: existing,
        declared_len: Some(bytes.len() as u64),
        ..ImportOptions::default()
    };
    let import = import_csv(text.as_bytes(), options).map_err(|e| e.to_string())?;
    let duplicates = import.summary.duplicate_count as usize;
    let problems = import
        .summary
        .rejected
        .iter()
        .filter(|r| !r.is_duplicate())
        .flat_map(|r| {
            r.problems.iter().map(move |p| {
                // The reason quotes the value where it helps (a wrong code), never a whole text.
                format!(
                    "Line {}{}: {p}",
                    r.line,
                    p.column
                        .as_ref()
                        .map(|c| format!(", column {c}"))
                        .unwrap_or_default(),
                )
            })
        })
        .collect();
    Ok((import.responses, None, None, problems, duplicates))
}

/// A file picker that adds the answers in the chosen files as assessments.
#[component]
pub fn ImportAnswers() -> impl IntoView {
    let session = Session::get();
    let outcomes = RwSignal::new(Vec::<FileOutcome>::new());
    let on_change = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(files) = input.files() else { return };
        let files = file_list(Some(files));
        input.set_value("");
        spawn_local(async move {
            let mut results = Vec::new();
            for file in files {
                let name = file.name();
                let mut outcome = FileOutcome {
                    file: name.clone(),
                    added: 0,
                    duplicates: 0,
                    problems: Vec::new(),
                };
                let existing: HashSet<String> = session
                    .book
                    .with_untracked(|b| b.assessments.iter().map(|a| a.id().to_string()).collect());
                match read_bytes(&file)
                    .await
                    .and_then(|bytes| parse(&name, &bytes, existing))
                {
                    Err(reason) => outcome
                        .problems
                        .push(format!("The file was not imported: {reason}")),
                    Ok((responses, info, plan, problems, duplicates)) => {
                        outcome.problems = problems;
                        outcome.duplicates = duplicates;
                        for (i, response) in responses.into_iter().enumerate() {
                            let id = response.id.clone();
                            let label = name.trim_end_matches(".json").trim_end_matches(".csv");
                            let action = Action::Import {
                                response,
                                name: if i == 0 {
                                    format!("Imported: {label}")
                                } else {
                                    format!("Imported: {label} ({})", i + 1)
                                },
                                info: info.clone().map(Box::new),
                                now: now(),
                            };
                            match session.dispatch(action) {
                                Ok(()) => {
                                    outcome.added += 1;
                                    // Only an export of one assessment carries a plan.
                                    if let Some(plan) = plan.clone().filter(|_| i == 0) {
                                        let edit = Action::Plan {
                                            id,
                                            edit: PlanEdit::Merge(plan),
                                            now: now(),
                                        };
                                        if let Err(e) = session.dispatch(edit) {
                                            outcome.problems.push(e.to_string());
                                        }
                                    }
                                }
                                Err(BookError::DuplicateId) => outcome.duplicates += 1,
                                Err(e) => outcome.problems.push(e.to_string()),
                            }
                        }
                    }
                }
                results.push(outcome);
            }
            outcomes.set(results);
        });
    };
    view! {
        <div class="form-group">
            <label class="label" for="import-answers">"Import answers from a file"</label>
            <p class="hint" id="import-answers-hint">
                "A JSON or CSV file downloaded from this app, on this or another device. You can choose several files."
            </p>
            <input class="file-input" type="file" id="import-answers" multiple
                accept=".json,.csv,application/json,text/csv" aria-describedby="import-answers-hint" on:change=on_change/>
        </div>
        <Show when=move || !outcomes.get().is_empty()>
            <div class="notice import-summary" role="status">
                <h3>"Import summary"</h3>
                <ul>
                    {move || outcomes.get().into_iter().map(|o| view! {
                        <li>
                            <strong>{o.file.clone()}</strong>
                            {format!(": {} added, {} already in this browser.", o.added, o.duplicates)}
                            {(!o.problems.is_empty()).then(|| view! {
                                <ul>{o.problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
