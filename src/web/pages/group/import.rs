//! Bringing responses into a group: many files chosen or dropped at once (responses CSV, JSON exports
//! of one response or a set), or the person's own completed assessment with one click; a progress bar
//! while large files are read; and the import summary afterwards.
//!
//! A CSV file is parsed in slices of a few milliseconds with [`FileImporter::step`], yielding to the
//! browser between slices, so that the page keeps responding while 100,000 rows are read. What a
//! file yields is staged and joins the group only once the whole file has been read without being
//! refused (or stopped): a refused file changes nothing. Every row left out is listed as the engine
//! reports it. What the import did is shown by [`super::import_summary`].

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::engine::csv_format::{ImportOptions, MAX_IMPORT_BYTES};
use crate::engine::file_import::{FileImporter, STEP_BYTES};
use crate::engine::intake::decode_text;
use crate::engine::json_format::from_json;
use crate::engine::ImportError;
use crate::model::groups::summary::Progress;
use crate::model::groups::{FileKind, FileReport, JsonImport, Outcome};
use crate::web::browser::{long_date, now, yield_to_browser};
use crate::web::components::file_list;
use crate::web::stores::book::Session;
use crate::web::stores::groups::GroupStore;

use super::paste::{PasteAnswers, Paster};

/// How long one parsing slice may block the page, in milliseconds: under the 50 ms after which a
/// browser counts a task as long, so typing and clicking stay immediate, and long enough that the
/// pauses between slices add little to the import.
const SLICE_MS: f64 = 30.0;

/// The import's state on the page.
#[derive(Clone, Copy)]
pub struct Importer {
    /// Set while files are being read.
    pub progress: RwSignal<Option<Progress>>,
    /// The last import's summary.
    pub last: RwSignal<Option<Vec<FileReport>>>,
    /// Set by "Stop"; the file being read is then left out whole.
    stop: RwSignal<bool>,
    /// Pasting answers, beside the files (one summary at a time: each clears the other's).
    pub paster: Paster,
}

impl Default for Importer {
    fn default() -> Importer {
        Importer {
            progress: RwSignal::new(None),
            last: RwSignal::new(None),
            stop: RwSignal::new(false),
            paster: Paster::default(),
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
        self.paster.pasted.set(None);
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
        self.paster.pasted.set(None);
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
        let head = bytes.subarray(0, bytes.length().min(64)).to_vec();
        match FileKind::detect(&file.name(), &head) {
            FileKind::Json => {
                // The same text rules as every other import (UTF-8, or UTF-16 with its mark).
                let bytes = bytes.to_vec();
                let text = match decode_text(&bytes) {
                    Ok(text) => text,
                    Err(e) => return Outcome::Refused(e.to_string()),
                };
                match from_json(&text) {
                    Ok(responses) => store
                        .change_saving_later(group_id, |g| {
                            Outcome::Json(g.add_json(responses, &file.name(), &now()))
                        })
                        .unwrap_or_else(group_gone),
                    Err(e) => Outcome::Refused(e.to_string()),
                }
            }
            FileKind::Csv => {
                let existing = store.with(group_id, |g| g.map(|g| g.ids()));
                let Some(existing) = existing else {
                    return group_gone();
                };
                let total = u64::from(bytes.length());
                let options = ImportOptions {
                    existing_ids: existing,
                    declared_len: Some(file.size() as u64),
                    ..ImportOptions::default()
                };
                // The browser holds the whole file, so it can be read again from its start should
                // the quick way not do (see `engine::file_import`).
                let open = || JsBytes::new(bytes.clone());
                let mut importer = match FileImporter::new(open, options, STEP_BYTES) {
                    Ok(importer) => importer,
                    Err(e) => return Outcome::Refused(e.to_string()),
                };
                while !importer.is_finished() {
                    let started = js_sys::Date::now();
                    while !importer.is_finished() && js_sys::Date::now() - started < SLICE_MS {
                        if let Err(e) = importer.step() {
                            return Outcome::Refused(e.to_string());
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
                let (staged, summary) = importer.finish();
                // Saved a task later, once the summary is drawn (see `change_saving_later`).
                store
                    .change_saving_later(group_id, move |g| {
                        Outcome::Csv(g.join_csv(staged, summary, &file.name(), &now()))
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

/// The whole file as bytes (not as text: a file that is not UTF-8 must be refused, not repaired),
/// held by the browser.
async fn read_bytes(file: &web_sys::File) -> Result<js_sys::Uint8Array, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "The file could not be read by the browser.".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

/// A file's bytes read from the browser's copy a block at a time, so that a 30 MB file never sits
/// in the app's WebAssembly memory (which only grows) beside the responses read from it.
struct JsBytes {
    bytes: js_sys::Uint8Array,
    at: u32,
}

impl JsBytes {
    fn new(bytes: js_sys::Uint8Array) -> JsBytes {
        JsBytes { bytes, at: 0 }
    }
}

impl std::io::Read for JsBytes {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.bytes.length() - self.at;
        let n = left.min(u32::try_from(buf.len()).unwrap_or(u32::MAX));
        self.bytes
            .subarray(self.at, self.at + n)
            .copy_to(&mut buf[..n as usize]);
        self.at += n;
        Ok(n as usize)
    }
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
                "Choose or drop the files your colleagues exported (responses CSV files and JSON exports, "
                "several at once), or paste the e-mails they sent. Everything is read in this browser; nothing is uploaded."
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
            <PasteAnswers store=store group_id=group_id paster=importer.paster files=importer.last
                files_running=importer.progress/>
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
                let label = p.label();
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
