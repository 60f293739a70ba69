//! The person's assessments: each named and dated, with its progress; open, rename, download or
//! delete one (with confirmation), start another, or delete them all.

use leptos::prelude::*;

use crate::model::book::{set_aside_file, Action, Assessment, SetAside, MAX_NAME_CHARS};
use crate::model::flow;
use crate::model::routes::Route;
use crate::web::browser::download;
use crate::web::browser::{long_date, new_id, now, today_long};
use crate::web::components::go;
use crate::web::components::import::ImportAnswers;
use crate::web::components::notices::download_assessment;
use crate::web::stores::book::Session;

/// Starts a new assessment and goes to its first page.
pub fn start_new(session: Session) {
    if create_new(session) {
        go(Route::Question(flow::Step::Example));
    }
}

/// Starts a new assessment and opens it; false if it could not be.
pub fn create_new(session: Session) -> bool {
    let name = session.book.with_untracked(|b| b.new_name(&today_long()));
    let action = Action::Create {
        id: new_id("a"),
        name,
        now: now(),
    };
    session.dispatch(action).is_ok()
}

/// Opens an assessment where the person left it.
pub fn resume(session: Session, id: &str) {
    if session
        .dispatch(Action::Open { id: id.to_string() })
        .is_err()
    {
        return;
    }
    let target = session.book.with_untracked(|b| {
        let a = b.get(id)?;
        let saved = a
            .page
            .as_deref()
            .and_then(flow::Step::from_slug)
            .filter(|s| s.is_shown(&a.response));
        Some(match saved.or_else(|| flow::resume_at(&a.response)) {
            Some(step) => Route::Question(step),
            None => Route::Check,
        })
    });
    go(target.unwrap_or(Route::Check));
}

fn status(a: &Assessment) -> String {
    if a.completed_at.is_some() && a.response.is_complete() {
        return "Complete".into();
    }
    let c = a.response.completion();
    format!("In progress: {} of {} answers given", c.answered, c.visible)
}

/// The list of assessments.
#[component]
pub fn AssessmentsPage() -> impl IntoView {
    let session = Session::get();
    let confirm_all = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let ids = Memo::new(move |_| {
        session.book.with(|b| {
            b.assessments
                .iter()
                .rev()
                .map(|a| a.id().to_string())
                .collect::<Vec<_>>()
        })
    });

    view! {
        <h1 tabindex="-1">"Your assessments"</h1>
        <p>"These are kept in this browser only. Download an assessment to keep a copy or to give it to a facilitator."</p>
        {move || message.get().map(|m| view! { <div class="notice" role="status"><p>{m}</p></div> })}
        <p><button type="button" class="button" on:click=move |_| start_new(session)>"Start a new assessment"</button></p>
        <ImportAnswers/>
        <SetAsidePanel/>
        <Show when=move || ids.with(|ids| ids.len() >= 2)>
            <p><a href=Route::Compare.href()>"Compare two of your assessments"</a></p>
        </Show>
        <Show when=move || !ids.get().is_empty() fallback=|| view! { <p>"You have not started an assessment in this browser yet."</p> }>
            <ul class="assessment-list">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <AssessmentItem id=id message=message/>
                </For>
            </ul>
            <div class="danger-zone">
                <Show when=move || confirm_all.get() fallback=move || view! {
                    <button type="button" class="button button-warning" on:click=move |_| confirm_all.set(true)>
                        "Delete all assessments"
                    </button>
                }>
                    <div class="confirm" role="group" aria-labelledby="confirm-all-title">
                        <p id="confirm-all-title"><strong>"Delete all your assessments from this browser? This cannot be undone."</strong></p>
                        <div class="button-group">
                            <button type="button" class="button button-warning" on:click=move |_| {
                                if session.dispatch(Action::DeleteAll).is_ok() {
                                    message.set(Some("All your assessments were deleted.".into()));
                                }
                                confirm_all.set(false);
                            }>"Yes, delete them all"</button>
                            <button type="button" class="button button-secondary" on:click=move |_| confirm_all.set(false)>"Cancel"</button>
                        </div>
                    </div>
                </Show>
            </div>
        </Show>
    }
}

#[component]
fn AssessmentItem(id: String, message: RwSignal<Option<String>>) -> impl IntoView {
    let session = Session::get();
    let confirming = RwSignal::new(false);
    let renaming = RwSignal::new(false);
    let assessment = {
        let id = id.clone();
        Memo::new(move |_| session.book.with(|b| b.get(&id).cloned()))
    };
    let name = move || assessment.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let heading_id = format!("name-{id}");
    let rename_id = format!("rename-{id}");
    let (rename_error, set_rename_error) = signal(None::<String>);
    let id_open = id.clone();
    let id_download = id.clone();
    let id_results = id.clone();
    let id_delete = id.clone();
    let id_rename = id.clone();
    view! {
        <li class="assessment" aria-labelledby=heading_id.clone()>
            <h2 class="assessment-name" id=heading_id.clone()>{name}</h2>
            <p class="assessment-meta">
                {move || assessment.with(|a| a.as_ref().map(|a| format!("Started {}. Last changed {}.", long_date(&a.created_at), long_date(&a.updated_at))))}
                <br/>
                {move || assessment.with(|a| a.as_ref().map(status))}
            </p>
            <div class="button-group">
                <button type="button" class="button" on:click=move |_| resume(session, &id_open)>
                    "Open"<span class="visually-hidden">" "{name}</span>
                </button>
                <button type="button" class="button button-secondary" on:click=move |_| {
                    if session.dispatch(Action::Open { id: id_results.clone() }).is_ok() { go(Route::Results); }
                }>"Results"<span class="visually-hidden">" of "{name}</span></button>
                <button type="button" class="button button-secondary" on:click=move |_| {
                    if let Err(e) = download_assessment(session, &id_download) { message.set(Some(e)); }
                }>"Download"<span class="visually-hidden">" "{name}</span></button>
                <button type="button" class="button button-secondary" on:click=move |_| renaming.set(true)>
                    "Rename"<span class="visually-hidden">" "{name}</span>
                </button>
                <button type="button" class="button button-warning" on:click=move |_| confirming.set(true)>
                    "Delete"<span class="visually-hidden">" "{name}</span>
                </button>
            </div>
            <Show when=move || renaming.get()>
                {
                    let id_rename = id_rename.clone();
                    let rename_id = rename_id.clone();
                    view! {
                        <form class="rename" on:submit=move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            let input = document().get_element_by_id(&format!("rename-{}", id_rename));
                            let value = input.map(|el| wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlInputElement>(el).value()).unwrap_or_default();
                            match session.dispatch(Action::Rename { id: id_rename.clone(), name: value, now: now() }) {
                                Ok(()) => { renaming.set(false); set_rename_error.set(None); }
                                Err(e) => set_rename_error.set(Some(e.to_string())),
                            }
                        }>
                            <label class="label" for=rename_id.clone()>"New name"</label>
                            {move || rename_error.get().map(|e| view! { <p class="error-message"><span class="visually-hidden">"Error: "</span>{e}</p> })}
                            <p class="hint" id=format!("{rename_id}-hint")>{format!("At most {MAX_NAME_CHARS} characters.")}</p>
                            <input class="input" type="text" id=rename_id.clone() value=name() autocomplete="off"
                                aria-describedby=format!("{rename_id}-hint")/>
                            <div class="button-group">
                                <button type="submit" class="button">"Save name"</button>
                                <button type="button" class="button button-secondary" on:click=move |_| renaming.set(false)>"Cancel"</button>
                            </div>
                        </form>
                    }
                }
            </Show>
            <Show when=move || confirming.get()>
                {
                    let id_delete = id_delete.clone();
                    view! {
                        <div class="confirm" role="group" aria-label="Confirm deletion">
                            <p><strong>{move || format!("Delete \u{201c}{}\u{201d} from this browser? This cannot be undone.", name())}</strong></p>
                            <div class="button-group">
                                <button type="button" class="button button-warning" on:click=move |_| {
                                    let deleted = name();
                                    if session.dispatch(Action::Delete { id: id_delete.clone() }).is_ok() {
                                        message.set(Some(format!("\u{201c}{deleted}\u{201d} was deleted.")));
                                    }
                                }>"Yes, delete it"</button>
                                <button type="button" class="button button-secondary" on:click=move |_| confirming.set(false)>"Cancel"</button>
                            </div>
                        </div>
                    }
                }
            </Show>
        </li>
    }
}

/// What could not be read from storage, kept aside: download it, try to restore it, or remove it.
/// Shown only while something is set aside.
#[component]
fn SetAsidePanel() -> impl IntoView {
    let session = Session::get();
    let items = RwSignal::new(session.set_aside());
    let message = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let whole = move || items.with(|i| i.iter().any(SetAside::is_whole));
    let on_download = move |_| {
        let text = items.with_untracked(|i| set_aside_file(i));
        if let Err(e) = download(
            "collaboration-readiness-set-aside.json",
            "application/json",
            &text,
        ) {
            message.set(Some(e));
        }
    };
    let on_restore = move |_| {
        let text = match session.restore_set_aside() {
            Ok((0, _)) => "Nothing more could be restored: what is still kept aside is not readable by this version of the app.".to_string(),
            Ok((n, 0)) => format!("{n} restored. Everything that was kept aside is back in your assessments."),
            Ok((n, left)) => format!("{n} restored; {left} still kept aside."),
            Err(e) => format!("Nothing was restored: {e}"),
        };
        items.set(session.set_aside());
        message.set(Some(text));
    };
    view! {
        <Show when=move || !items.with(Vec::is_empty) || message.with(Option::is_some)>
            <section class="notice set-aside" aria-labelledby="set-aside-title">
                <h2 id="set-aside-title">"Kept aside"</h2>
                {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
                <Show when=move || !items.with(Vec::is_empty)>
                    <p>{move || items.with(|i| format!(
                        "{} saved in this browser could not be read and {} kept aside, so that nothing is lost.",
                        if i.len() == 1 { "One thing".to_string() } else { format!("{} things", i.len()) },
                        if i.len() == 1 { "is" } else { "are" },
                    ))}</p>
                    <div class="button-group">
                        <button type="button" class="button button-secondary" on:click=on_download>
                            "Download what was set aside"
                        </button>
                        <Show when=whole>
                            <button type="button" class="button button-secondary" on:click=on_restore>
                                "Try to restore"
                            </button>
                        </Show>
                        <button type="button" class="button button-warning" on:click=move |_| confirming.set(true)>
                            "Remove what was set aside"
                        </button>
                    </div>
                    <Show when=move || confirming.get()>
                        <div class="confirm" role="group" aria-labelledby="set-aside-confirm">
                            <p id="set-aside-confirm"><strong>"Remove what was set aside from this browser? Download it first if you may need it. This cannot be undone."</strong></p>
                            <div class="button-group">
                                <button type="button" class="button button-warning" on:click=move |_| {
                                    session.forget_set_aside();
                                    items.set(Vec::new());
                                    confirming.set(false);
                                    message.set(Some("What was set aside was removed.".into()));
                                }>"Yes, remove it"</button>
                                <button type="button" class="button button-secondary" on:click=move |_| confirming.set(false)>"Cancel"</button>
                            </div>
                        </div>
                    </Show>
                </Show>
            </section>
        </Show>
    }
}
