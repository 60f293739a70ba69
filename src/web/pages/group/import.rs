//! Bringing responses into a group: many files chosen or dropped at once (responses CSV, JSON exports
//! of one response or a set), or the person's own completed assessment with one click; a progress bar
//! while large files are read; and the import summary afterwards.
//!
//! A CSV file is parsed in slices of a few milliseconds with [`CsvImporter::next_batch`], yielding to
//! the browser between slices, so that the page keeps responding while 100,000 rows are read. What a
//! file yields is staged and joins the group only once the whole file has been read without being
//! refused (or stopped): a refused file changes nothing. Every row left out is listed as the engine
//! reports it.

use std::io::Cursor;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::engine::csv_format::{CsvImporter, ImportOptions, ImportSummary, MAX_IMPORT_BYTES};
use crate::engine::intake::decode_text;
use crate::engine::json_format::from_json;
use crate::engine::ImportError;
use crate::model::format::{self, plural};
use crate::model::groups::{totals, FileKind, FileReport, JsonImport, Outcome};
use crate::web::browser::{long_date, now};
use crate::web::components::{file_list, table_scroll};
use crate::web::stores::book::Session;
use crate::web::stores::groups::GroupStore;

/// How long one parsing slice may block the page, in milliseconds: well under a frame budget at
/// 30 frames a second, so typing and clicking stay immediate.
const SLICE_MS: f64 = 12.0;

/// Rows parsed between two looks at the clock.
const ROWS_PER_STEP: usize = 100;

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
    fn percent(&self) -> u32 {
        if self.bytes_total == 0 {
            return 0;
        }
        ((self.bytes_read as f64 / self.bytes_total as f64) * 100.0).round() as u32
    }
}

/// The import's state on the page.
#[derive(Clone, Copy)]
pub struct Importer {
    /// Set while files are being read.
    pub progress: RwSignal<Option<Progress>>,
    /// The last import's summary.
    pub last: RwSignal<Option<Vec<FileReport>>>,
    /// Set by "Stop"; the file being read is then left out whole.
    stop: RwSignal<bool>,
}

impl Default for Importer {
    fn default() -> Importer {
        Importer {
            progress: RwSignal::new(None),
            last: RwSignal::new(None),
            stop: RwSignal::new(false),
        }
    }
}

impl Importer {
    /// Reads `files` into the group `group_id`, one after the other.
    pub fn start(self, store: GroupStore, group_id: String, files: Vec<web_sys::File>) {
        if files.is_empty() || self.progress.get_untracked().is_some() {
            return;
        }
        self.stop.set(false);
        self.last.set(None);
        spawn_local(async move {
            let count = files.len();
            let mut reports = Vec::with_capacity(count);
            for (i, file) in files.into_iter().enumerate() {
                let name = file.name();
                self.progress.set(Some(Progress {
                    file: name.clone(),
                    file_number: i + 1,
                    file_count: count,
                    bytes_read: 0,
                    bytes_total: file.size() as u64,
                    rows_read: 0,
                }));
                let outcome = self.read_file(store, &group_id, &file, i + 1, count).await;
                reports.push(FileReport { name, outcome });
                if self.stop.get_untracked() {
                    break;
                }
            }
            self.progress.set(None);
            self.last.set(Some(reports));
            focus_summary();
        });
    }

    /// Adds the person's own completed assessment to the group.
    pub fn add_own(self, store: GroupStore, group_id: &str, session: Session, assessment_id: &str) {
        let Some((name, response)) = session.book.with_untracked(|b| {
            b.get(assessment_id)
                .map(|a| (a.name.clone(), a.exported_response()))
        }) else {
            return;
        };
        let outcome = match store.change(group_id, |g| g.add_own(&response, &now())) {
            Some(Ok(())) => Outcome::Own,
            Some(Err(e)) => Outcome::Json(JsonImport {
                added: 0,
                rejected: vec![crate::model::groups::JsonRejection {
                    position: 1,
                    response_id: Some(response.id.clone()),
                    reason: e.to_string(),
                    duplicate: true,
                }],
            }),
            None => return,
        };
        self.last.set(Some(vec![FileReport {
            name: format!("Your assessment “{name}”"),
            outcome,
        }]));
        focus_summary();
    }

    async fn read_file(
        self,
        store: GroupStore,
        group_id: &str,
        file: &web_sys::File,
        number: usize,
        count: usize,
    ) -> Outcome {
        // Checked before reading: a file over the limit is refused without being held in memory.
        if file.size() as u64 > MAX_IMPORT_BYTES {
            return Outcome::Refused(
                ImportError::TooLarge {
                    limit: MAX_IMPORT_BYTES,
                }
                .to_string(),
            );
        }
        let bytes = match read_bytes(file).await {
            Ok(bytes) => bytes,
            Err(message) => return Outcome::Refused(message),
        };
        let head = &bytes[..bytes.len().min(64)];
        match FileKind::detect(&file.name(), head) {
            FileKind::Json => {
                // The same text rules as every other import (UTF-8, or UTF-16 with its mark).
                let text = match decode_text(&bytes) {
                    Ok(text) => text,
                    Err(e) => return Outcome::Refused(e.to_string()),
                };
                match from_json(&text) {
                    Ok(responses) => store
                        .change(group_id, |g| Outcome::Json(g.add_json(responses, &now())))
                        .unwrap_or_else(group_gone),
                    Err(e) => Outcome::Refused(e.to_string()),
                }
            }
            FileKind::Csv => {
                let existing = store.with(group_id, |g| g.map(|g| g.ids()));
                let Some(existing) = existing else {
                    return group_gone();
                };
                let total = bytes.len() as u64;
                let options = ImportOptions {
                    existing_ids: existing,
                    declared_len: Some(file.size() as u64),
                    ..ImportOptions::default()
                };
                let mut importer = match CsvImporter::new(Cursor::new(bytes), options) {
                    Ok(importer) => importer,
                    Err(e) => return Outcome::Refused(e.to_string()),
                };
                let mut staged = Vec::new();
                while !importer.is_finished() {
                    let started = js_sys::Date::now();
                    while !importer.is_finished() && js_sys::Date::now() - started < SLICE_MS {
                        match importer.next_batch(ROWS_PER_STEP) {
                            Ok(batch) => staged.extend(batch),
                            Err(e) => return Outcome::Refused(e.to_string()),
                        }
                    }
                    let p = importer.progress();
                    self.progress.set(Some(Progress {
                        file: file.name(),
                        file_number: number,
                        file_count: count,
                        bytes_read: p.bytes_read.min(total),
                        bytes_total: total,
                        rows_read: p.rows_read,
                    }));
                    yield_to_browser().await;
                    if self.stop.get_untracked() {
                        return Outcome::Cancelled;
                    }
                }
                let summary: ImportSummary = importer.summary().clone();
                store
                    .change(group_id, move |g| {
                        Outcome::Csv(g.join_csv(staged, summary, &now()))
                    })
                    .unwrap_or_else(group_gone)
            }
        }
    }
}

fn group_gone() -> Outcome {
    Outcome::Refused(
        "The group was deleted while the file was being read, so nothing was added.".into(),
    )
}

/// The whole file as bytes (not as text: a file that is not UTF-8 must be refused, not repaired).
async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "The file could not be read by the browser.".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Lets the browser handle input and paint before the next slice of work.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Moves focus to the import summary, unless the person has meanwhile started typing or choosing
/// somewhere else on the page (taking focus from a field in use would lose their keystrokes).
fn focus_summary() {
    // After the summary is in the page: a task later than the signal's re-render.
    spawn_local(async {
        yield_to_browser().await;
        let busy_elsewhere = document().active_element().is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                && el.id() != "response-files"
        });
        if !busy_elsewhere {
            crate::web::components::focus_id("import-summary");
        }
    });
}

/// The "Add responses" section: file chooser and drop zone, the person's own assessments, progress.
#[component]
pub fn AddResponses(
    store: GroupStore,
    group_id: Signal<String>,
    importer: Importer,
) -> impl IntoView {
    let session = Session::get();
    let (dragging, set_dragging) = signal(false);
    let running = move || importer.progress.with(Option::is_some);
    let on_files = move |files: Vec<web_sys::File>| {
        importer.start(store, group_id.get_untracked(), files);
    };
    let completed = move || {
        session.book.with(|b| {
            b.assessments
                .iter()
                .filter_map(|a| {
                    a.completed_at
                        .as_ref()
                        .map(|at| (a.id().to_string(), a.name.clone(), long_date(at)))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="add-heading" class="group-section no-print">
            <h2 id="add-heading">"Add responses"</h2>
            <p>
                "Choose or drop the files your colleagues exported: responses CSV files and JSON exports, "
                "several at once. They are read in this browser; nothing is uploaded."
            </p>
            <div
                class="drop-zone"
                class:drop-zone-active=dragging
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    set_dragging.set(true);
                }
                on:dragleave=move |_| set_dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    set_dragging.set(false);
                    let files = file_list(ev.data_transfer().and_then(|d| d.files()));
                    on_files(files);
                }
            >
                <label class="label" for="response-files">"Response files (CSV or JSON)"</label>
                <p class="hint" id="response-files-hint">"You can also drop files anywhere in this box."</p>
                <input
                    id="response-files"
                    class="file-input"
                    type="file"
                    multiple=true
                    accept=".csv,.json,.txt,text/csv,application/json"
                    aria-describedby="response-files-hint"
                    disabled=running
                    on:change:target=move |ev| {
                        let input = ev.target();
                        let files = file_list(input.files());
                        // Cleared so that choosing the same file again is noticed.
                        input.set_value("");
                        on_files(files);
                    }
                />
            </div>
            <Show when=move || !completed().is_empty()>
                <h3>"Your own assessments"</h3>
                <ul class="own-assessments">
                    {move || completed().into_iter().map(|(id, name, date)| {
                        let label = format!("Add “{name}” to this group");
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    disabled=running
                                    on:click=move |_| importer.add_own(store, &group_id.get_untracked(), session, &id)
                                >{label}</button>
                                " "<span class="hint">"completed "{date}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            {move || importer.progress.get().map(|p| {
                let label = format!(
                    "Reading {} (file {} of {}): {}%, {} read",
                    p.file, p.file_number, p.file_count, p.percent(), plural(p.rows_read, "row", "rows")
                );
                view! {
                    <div class="import-progress">
                        <label for="import-progress-bar" id="import-progress-label">{label}</label>
                        <progress id="import-progress-bar" max="100" value=p.percent().to_string()>
                            {format!("{}%", p.percent())}
                        </progress>
                        <button type="button" class="button button-secondary" on:click=move |_| importer.stop.set(true)>
                            "Stop importing"
                        </button>
                    </div>
                }
            })}
            <p class="visually-hidden" role="status">
                {move || if running() { "Importing files…" } else { "" }}
            </p>
        </section>
    }
}

/// What the last import did, file by file.
#[component]
pub fn ImportSummaryView(importer: Importer) -> impl IntoView {
    move || {
        importer.last.get().map(|files| {
            let t = totals(&files);
            let mut parts = vec![format!(
                "{} added",
                plural(t.added, "response", "responses")
            )];
            parts.push(plural(t.duplicates, "duplicate", "duplicates") + " left out");
            parts.push(plural(t.rejected, "row rejected", "rows rejected"));
            if t.refused_files > 0 {
                parts.push(plural(t.refused_files as u64, "file not imported", "files not imported"));
            }
            view! {
                <section class="import-summary" id="import-summary" tabindex="-1" aria-labelledby="import-summary-heading">
                    <h2 id="import-summary-heading">"Import summary"</h2>
                    <p class="import-totals"><strong>{parts.join(", ")}"."</strong></p>
                    {files.into_iter().map(file_view).collect_view()}
                    <button type="button" class="button-link no-print" on:click=move |_| importer.last.set(None)>
                        "Hide the import summary"
                    </button>
                </section>
            }
        })
    }
}

fn file_view(file: FileReport) -> impl IntoView {
    let headline = match &file.outcome {
        Outcome::Refused(reason) => {
            format!("Not imported: {reason} Nothing from this file was added.")
        }
        Outcome::Cancelled => "Stopped before the end, so nothing from this file was added.".into(),
        Outcome::Own => "Added.".into(),
        _ => format!(
            "{} added, {} left out, {}.",
            plural(file.added(), "response", "responses"),
            plural(file.duplicates(), "duplicate", "duplicates"),
            plural(file.rejected(), "rejected", "rejected")
        ),
    };
    let details = match file.outcome {
        Outcome::Csv(summary) => csv_details(summary).into_any(),
        Outcome::Json(json) => json_details(json).into_any(),
        _ => ().into_any(),
    };
    view! {
        <div class="import-file">
            <h3 class="import-file-name">{file.name}</h3>
            <p>{headline}</p>
            {details}
        </div>
    }
}

fn csv_details(summary: ImportSummary) -> impl IntoView {
    let unknown = (!summary.unknown_columns.is_empty()).then(|| {
        view! {
            <p>
                "Columns that are not part of the format were ignored: "
                {summary.unknown_columns.join(", ")}"."
            </p>
        }
    });
    let assigned = (summary.assigned_ids > 0).then(|| {
        view! { <p>{plural(summary.assigned_ids, "row had", "rows had")}" no response_id and got one."</p> }
    });
    let unlisted = summary.unlisted_rejections();
    let more = (unlisted > 0).then(|| {
        view! { <p>{format!("{} more rejected rows are counted but not listed.", format::count(unlisted))}</p> }
    });
    let table = (!summary.rejected.is_empty()).then(|| {
        let rows = summary
            .rejected
            .into_iter()
            .map(|row| {
                let problems = row.problems;
                let cell = |f: &dyn Fn(&crate::engine::csv_format::RowProblem) -> String| {
                    problems
                        .iter()
                        .map(|p| view! { <span class="problem">{f(p)}</span> })
                        .collect_view()
                };
                let columns = cell(&|p| p.column.clone().unwrap_or_else(|| "whole row".into()));
                let values = cell(&|p| p.value.clone().unwrap_or_default());
                let reasons = cell(&|p| p.reason.to_string());
                view! {
                    <tr>
                        <td class="num">{row.line}</td>
                        <td>{row.response_id.unwrap_or_default()}</td>
                        <td class="column-name">{columns}</td>
                        <td class="cell-value">{values}</td>
                        <td>{reasons}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            {table_scroll("Rows left out", view! {
                <table class="rejected-rows">
                    <caption>"Rows left out"</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="num">"Line"</th>
                            <th scope="col">"Response id"</th>
                            <th scope="col">"Column"</th>
                            <th scope="col">"Value"</th>
                            <th scope="col">"Reason"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            })}
        }
    });
    view! { {unknown} {assigned} {table} {more} }
}

fn json_details(json: JsonImport) -> impl IntoView {
    (!json.rejected.is_empty()).then(|| {
        let rows = json
            .rejected
            .into_iter()
            .map(|r| {
                view! {
                    <tr>
                        <td class="num">{r.position}</td>
                        <td>{r.response_id.unwrap_or_default()}</td>
                        <td>{r.reason}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            {table_scroll("Responses left out", view! {
                <table class="rejected-rows">
                    <caption>"Responses left out"</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="num">"Position in file"</th>
                            <th scope="col">"Response id"</th>
                            <th scope="col">"Reason"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            })}
        }
    })
}
