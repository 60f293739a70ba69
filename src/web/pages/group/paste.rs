//! "Paste answers": the facilitator pastes one answers code, or a whole mailbox of e-mails, and every
//! code and share link in it joins the group; the summary says what became of each one, and offers to
//! add anyway the answers given for another round.
//!
//! The text is searched a slice at a time ([`find_in_slices`]), yielding to the browser whenever a
//! slice has taken a few milliseconds, so that the page keeps responding through a long mailbox; what
//! was found then joins the group in one change ([`import`]), applied to the group as storage holds
//! it, so that another tab's responses are kept and that tab sees the pasted ones. What is found and
//! decided is [`crate::model::groups::paste`]'s; this module only reads the text and draws.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::format::plural;
use crate::model::groups::paste::{find_in_slices, import, too_large, PasteReport, SLICE_BYTES};
use crate::model::groups::summary::Progress;
use crate::model::groups::FileReport;
use crate::web::browser::{now, yield_to_browser};
use crate::web::components::table::DataTable;
use crate::web::components::{focus_after_draw, focus_id};
use crate::web::stores::groups::GroupStore;

/// How long the search may block the page before the browser gets a turn, in milliseconds.
const SLICE_MS: f64 = 12.0;

/// How far a running search is: bytes read of all, codes found so far.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Searching {
    read: usize,
    total: usize,
    found: usize,
}

/// Pasting's state on the page.
#[derive(Clone, Copy)]
pub struct Paster {
    /// Set while a pasted text is being searched.
    searching: RwSignal<Option<Searching>>,
    /// The last paste's summary.
    pub pasted: RwSignal<Option<PasteReport>>,
    /// What adding answers from another round anyway did, under the summary.
    note: RwSignal<Option<String>>,
    /// The group the last paste went to (answers held back join it, whichever group is shown now).
    group: RwSignal<String>,
}

impl Default for Paster {
    fn default() -> Paster {
        Paster {
            searching: RwSignal::new(None),
            pasted: RwSignal::new(None),
            note: RwSignal::new(None),
            group: RwSignal::new(String::new()),
        }
    }
}

/// Searches `text` and adds what it holds to the group; the summary then takes focus.
fn run(
    paster: Paster,
    files: RwSignal<Option<Vec<FileReport>>>,
    store: GroupStore,
    group_id: String,
    text: String,
) {
    if paster.searching.get_untracked().is_some() {
        return;
    }
    files.set(None);
    paster.group.set(group_id.clone());
    paster.pasted.set(None);
    paster.note.set(None);
    spawn_local(async move {
        let report = match too_large(text.len()) {
            Some(report) => Some(report),
            None => {
                let total = text.len();
                let mut found = Vec::new();
                let mut read = 0;
                let mut slices = find_in_slices(&text, SLICE_BYTES);
                let mut done = false;
                paster.searching.set(Some(Searching {
                    read,
                    total,
                    found: 0,
                }));
                while !done {
                    let slice_started = js_sys::Date::now();
                    while js_sys::Date::now() - slice_started < SLICE_MS {
                        match slices.next() {
                            Some((end, more)) => {
                                read = end;
                                found.extend(more);
                            }
                            None => {
                                done = true;
                                break;
                            }
                        }
                    }
                    paster.searching.set(Some(Searching {
                        read,
                        total,
                        found: found.len(),
                    }));
                    yield_to_browser().await;
                }
                store.change(&group_id, |g| import(g, found, &now()))
            }
        };
        paster.searching.set(None);
        let report = report.unwrap_or_else(|| {
            PasteReport::refused_whole(
                "The group was deleted while the text was being searched.".into(),
            )
        });
        paster.pasted.set(Some(report));
        focus_after_draw("paste-summary");
    });
}

/// The text area and its button, under the file chooser.
#[component]
pub(super) fn PasteAnswers(
    store: GroupStore,
    group_id: Signal<String>,
    paster: Paster,
    /// The file import's summary, hidden when a paste starts.
    files: RwSignal<Option<Vec<FileReport>>>,
    /// Set while files are read (a paste waits for them).
    files_running: RwSignal<Option<Progress>>,
) -> impl IntoView {
    let area = NodeRef::<leptos::html::Textarea>::new();
    let (empty_error, set_empty_error) = signal(false);
    let running =
        move || paster.searching.with(Option::is_some) || files_running.with(Option::is_some);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(el) = area.get_untracked() else {
            return;
        };
        let text = el.value();
        if text.trim().is_empty() {
            set_empty_error.set(true);
            focus_id("paste-text");
            return;
        }
        set_empty_error.set(false);
        run(paster, files, store, group_id.get_untracked(), text);
    };
    view! {
        <form class="paste-answers" on:submit=submit novalidate>
            <div class="form-group" class:form-group-error=empty_error>
                <label class="label" for="paste-text">"Paste answers"</label>
                <p class="hint" id="paste-text-hint">
                    "Paste the e-mails your colleagues sent: one, several or a whole mailbox. Every answers code "
                    "(it starts with “CRI1-”) and every share link in the text is found; the rest of the text is ignored "
                    "and kept nowhere."
                </p>
                {move || empty_error.get().then(|| view! {
                    <p class="error-message" id="paste-text-error">"Paste the e-mails or codes first."</p>
                })}
                <textarea
                    id="paste-text"
                    class="textarea"
                    rows="6"
                    spellcheck="false"
                    autocomplete="off"
                    node_ref=area
                    aria-describedby=move || if empty_error.get() { "paste-text-hint paste-text-error" } else { "paste-text-hint" }
                ></textarea>
            </div>
            <button type="submit" class="button" disabled=running>"Add the pasted answers"</button>
            {move || paster.searching.get().map(|s| {
                let percent = (s.read * 100).checked_div(s.total).unwrap_or(100);
                let label = format!("Searching the pasted text: {percent}%, {} found", plural(s.found as u64, "code", "codes"));
                view! {
                    <div class="import-progress">
                        <label for="paste-progress-bar">{label}</label>
                        <progress id="paste-progress-bar" max="100" value=percent.to_string()>{format!("{percent}%")}</progress>
                    </div>
                }
            })}
        </form>
    }
}

/// What the last paste did: the totals, each code's verdict, and the answers held back.
#[component]
pub(super) fn PasteSummary(store: GroupStore, paster: Paster) -> impl IntoView {
    let add_anyway = move |numbers: Option<Vec<usize>>| {
        let Some(mut report) = paster.pasted.get_untracked() else {
            return;
        };
        let asked = numbers.as_ref().map_or(report.held().len(), Vec::len);
        let added = store
            .change(&paster.group.get_untracked(), |g| {
                report.add_anyway(g, numbers.as_deref(), &now())
            })
            .unwrap_or(0);
        paster.note.set(Some(match asked - added {
            0 => format!(
                "{} added anyway.",
                plural(added as u64, "response", "responses")
            ),
            n => format!(
                "{} added anyway; {} already in the group, so not added twice.",
                plural(added as u64, "response", "responses"),
                plural(n as u64, "was", "were")
            ),
        }));
        paster.pasted.set(Some(report));
        focus_after_draw("paste-summary");
    };
    move || {
        paster.pasted.get().map(|report| {
            let headline = report.headline();
            let unlisted = report.unlisted();
            let table = report
                .table()
                .map(|t| view! { <DataTable table=t class="rejected-rows"/> });
            let held = report.held();
            let held_view = (!held.is_empty()).then(|| {
                let rounds: Vec<(usize, String)> = held
                    .iter()
                    .map(|&n| {
                        let c = &report.codes[n - 1];
                        (n, format!("Code {n} (line {}): round “{}”", c.line, c.round.clone().unwrap_or_default()))
                    })
                    .collect();
                let all = held.len();
                view! {
                    <h3>"Answers from another round"</h3>
                    <p>
                        "These answers were given for a round this group did not invite colleagues to (an older "
                        "invitation, or another group's). Add them only if they belong here."
                    </p>
                    <ul class="held-codes">
                        {rounds.into_iter().map(|(n, text)| view! {
                            <li>
                                {text}" "
                                <button type="button" class="button button-secondary"
                                    on:click=move |_| add_anyway(Some(vec![n]))>{format!("Add code {n} anyway")}</button>
                            </li>
                        }).collect_view()}
                    </ul>
                    {(all > 1).then(|| view! {
                        <button type="button" class="button button-secondary" on:click=move |_| add_anyway(None)>
                            {format!("Add all {all} anyway")}
                        </button>
                    })}
                }
            });
            view! {
                <section class="import-summary" id="paste-summary" tabindex="-1" aria-labelledby="paste-summary-heading">
                    <h2 id="paste-summary-heading">"Import summary: pasted text"</h2>
                    <p class="import-totals"><strong>{headline}</strong></p>
                    {move || paster.note.get().map(|t| view! { <p role="status">{t}</p> })}
                    {unlisted.map(|t| view! { <p>{t}</p> })}
                    {table}
                    {held_view}
                    <button type="button" class="button-link no-print" on:click=move |_| {
                        paster.note.set(None);
                        paster.pasted.set(None);
                    }>"Hide the import summary"</button>
                </section>
            }
        })
    }
}
