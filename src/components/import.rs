//! Importing one's own answers from files (JSON or responses CSV exported by this app, on this or
//! another device) into the book of assessments. Nothing invalid is added; every problem is listed.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::components::file_list;
use crate::engine::csv_format::{import_csv, ImportOptions};
use crate::engine::json_format::{self, AssessmentInfo};
use crate::engine::response::Response;
use crate::session::{now, Session};
use crate::state::{Action, BookError};

/// What became of one file.
#[derive(Clone, Debug, PartialEq)]
struct FileOutcome {
    file: String,
    added: usize,
    duplicates: usize,
    problems: Vec<String>,
}

async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_string())
}

/// What a file holds: its responses, the export's details of the assessment (a JSON export of one
/// of the person's assessments has them), the problems of rows left out, and how many were
/// already in this browser.
type Parsed = (Vec<Response>, Option<AssessmentInfo>, Vec<String>, usize);

/// Parses a file's text into responses, or says why it is refused whole.
fn parse(name: &str, text: &str, existing: HashSet<String>) -> Result<Parsed, String> {
    let looks_json = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with(['{', '[']);
    if looks_json || name.to_lowercase().ends_with(".json") {
        let (responses, info) = json_format::document_from_json(text).map_err(|e| e.to_string())?;
        return Ok((responses, info, Vec::new(), 0));
    }
    let options = ImportOptions {
        existing_ids: existing,
        declared_len: Some(text.len() as u64),
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
                format!(
                    "Line {}{}: {}{}",
                    r.line,
                    p.column
                        .as_ref()
                        .map(|c| format!(", column {c}"))
                        .unwrap_or_default(),
                    p.value
                        .as_ref()
                        .map(|v| format!("\u{201c}{v}\u{201d}: "))
                        .unwrap_or_default(),
                    p.reason
                )
            })
        })
        .collect();
    Ok((import.responses, None, problems, duplicates))
}

/// A file picker that adds the answers in the chosen files as assessments.
#[component]
pub fn ImportAnswers() -> impl IntoView {
    let session = Session::get();
    let outcomes = RwSignal::new(Vec::<FileOutcome>::new());
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
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
                match read_text(&file)
                    .await
                    .and_then(|text| parse(&name, &text, existing))
                {
                    Err(reason) => outcome
                        .problems
                        .push(format!("The file was not imported: {reason}")),
                    Ok((responses, info, problems, duplicates)) => {
                        outcome.problems = problems;
                        outcome.duplicates = duplicates;
                        for (i, response) in responses.into_iter().enumerate() {
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
                                Ok(()) => outcome.added += 1,
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
