//! The action plan editor, one component for the person's plan (results page) and the group's
//! agreed actions (group report): choose the topics to work on (suggestions first), then add, edit,
//! and remove actions under each. Every change goes through the store's `apply`, which applies it to
//! the latest stored copy and saves it; every check and word is `model::actions`'.
//!
//! Focus goes where a person expects it: into the form when it opens, back to the topic's heading
//! when it closes, to the first problem when the form cannot be saved. A removed action can be put
//! back at once ("Undo").

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::actions::{
    by_text, offered, Draft, DraftError, Input, Plan, PlanAction, PlanEdit, Status, Topic,
};
use crate::model::format::long_day;
use crate::model::results::plan::plan_table;
use crate::web::browser::new_id;
use crate::web::components::focus_id;
use crate::web::components::table::DataTable;

/// A plan on its page, the same for a person's plan and a group's agreed actions: the editor, a
/// download of the plan as CSV with what went wrong if it could not be made, and on paper the plan
/// as a table (the editor stays on screen).
#[component]
pub fn PlanPanel(
    handle: PlanHandle,
    suggested: Vec<Topic>,
    prefix: &'static str,
    #[prop(into)] legend: String,
    /// The download button's words.
    download_label: &'static str,
    /// Offers the plan as a CSV file; why not, when it cannot.
    download: Callback<(), Result<(), String>>,
    /// The printed table's caption.
    print_title: &'static str,
    /// What paper says of an empty plan (nothing when there is no text).
    #[prop(optional)]
    empty: Option<&'static str>,
) -> impl IntoView {
    let (message, set_message) = signal(None::<String>);
    let plan = handle.plan;
    view! {
        <div class="no-print">
            <PlanEditor handle=handle suggested=suggested prefix=prefix legend=legend/>
            <div class="button-group">
                <button type="button" class="button button-secondary"
                    on:click=move |_| set_message.set(download.run(()).err())>
                    {download_label}
                </button>
            </div>
            {move || message.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
        </div>
        <div class="print-only">
            {move || plan.with(|p| if p.is_empty() {
                empty.map(|text| view! { <p>{text}</p> }.into_any())
            } else {
                Some(view! { <DataTable table=plan_table(p, print_title, long_day)/> }.into_any())
            })}
        </div>
    }
}

/// What the editor edits: the plan as the store holds it now, and how an edit is made (to the latest
/// stored copy), with the reason in plain words when it cannot be.
#[derive(Clone, Copy)]
pub struct PlanHandle {
    pub plan: Signal<Plan>,
    pub apply: Callback<PlanEdit, Result<(), String>>,
}

/// What the line under the editor says after a change, and what "Undo" would put back.
#[derive(Clone, Debug, PartialEq)]
struct Note {
    text: String,
    undo: Option<PlanAction>,
}

/// Which form is open: a new action under a topic, or an action being changed.
#[derive(Clone, Debug, PartialEq)]
enum Editing {
    New(Topic),
    Change(String),
}

/// The editor's shared state.
#[derive(Clone, Copy)]
struct Ctx {
    handle: PlanHandle,
    prefix: &'static str,
    note: RwSignal<Option<Note>>,
    editing: RwSignal<Option<Editing>>,
}

fn topic_dom_id(prefix: &str, topic: Topic) -> String {
    format!("{prefix}-{}", topic.id().replace(':', "-"))
}

fn input_value(ev: &leptos::ev::Event) -> String {
    ev.target()
        .and_then(|t| {
            t.dyn_ref::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| {
                    t.dyn_ref::<web_sys::HtmlTextAreaElement>()
                        .map(|i| i.value())
                })
                .or_else(|| t.dyn_ref::<web_sys::HtmlSelectElement>().map(|i| i.value()))
        })
        .unwrap_or_default()
}

/// The plan editor. `prefix` keeps its ids apart from the page's; `legend` asks what to work on.
#[component]
pub fn PlanEditor(
    handle: PlanHandle,
    suggested: Vec<Topic>,
    prefix: &'static str,
    #[prop(into)] legend: String,
) -> impl IntoView {
    let ctx = Ctx {
        handle,
        prefix,
        note: RwSignal::new(None),
        editing: RwSignal::new(None),
    };
    // The chosen topics, then any topic an action is about that is no longer chosen (another tab
    // unticked it): an action is never hidden.
    let shown = Memo::new(move |_| {
        handle.plan.with(|p| {
            let mut topics = p.topics.clone();
            for a in &p.actions {
                if !topics.contains(&a.topic) {
                    topics.push(a.topic);
                }
            }
            topics
        })
    });
    let hint = if suggested.is_empty() {
        "Tick each one to work on."
    } else {
        "Those the answers point to come first, marked \u{201c}suggested\u{201d}. Tick each one to work on."
    };
    let choices = offered(&suggested)
        .into_iter()
        .map(|(topic, is_suggested)| {
            let id = format!("{}-choose", topic_dom_id(prefix, topic));
            let checked = move || handle.plan.with(|p| p.topics.contains(&topic));
            let on_change = move |ev: leptos::ev::Event| {
                let input = event_target::<web_sys::HtmlInputElement>(&ev);
                let on = input.checked();
                match handle.apply.run(PlanEdit::Choose { topic, on }) {
                    Ok(()) => ctx.note.set(None),
                    Err(e) => {
                        // Refused: the box shows what the plan holds.
                        input.set_checked(!on);
                        ctx.note.set(Some(Note {
                            text: e,
                            undo: None,
                        }));
                    }
                }
            };
            let detail = if is_suggested {
                format!("{}, suggested", topic.kind())
            } else {
                topic.kind().to_string()
            };
            view! {
                <div class="choice">
                    <input class="choice-input" type="checkbox" id=id.clone() prop:checked=checked on:change=on_change/>
                    <label class="choice-label" for=id>
                        {topic.name()}
                        <span class="plan-topic-kind">{format!(" ({detail})")}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="fieldset plan-topics">
            <legend class="fieldset-legend">{legend}</legend>
            <p class="hint">{hint}</p>
            <div class="choices">{choices}</div>
        </fieldset>
        <div class="plan-note" role="status">
            {move || ctx.note.get().map(|n| {
                let undo = n.undo.clone();
                view! {
                    <p>
                        {n.text}
                        {undo.map(|action| view! {
                            " "
                            <button type="button" class="button-link" on:click=move |_| {
                                let result = ctx.handle.apply.run(PlanEdit::Add {
                                    id: action.id.clone(),
                                    draft: Draft::of(&action),
                                });
                                ctx.note.set(Some(Note {
                                    text: result.map_or_else(|e| e, |()| "The action is back in the plan.".into()),
                                    undo: None,
                                }));
                            }>"Undo"</button>
                        })}
                    </p>
                }
            })}
        </div>
        // Keyed, so that a form open under one topic stays open when another is ticked.
        <For each=move || shown.get() key=|t| t.id() let:topic>
            <TopicActions ctx=ctx topic=topic/>
        </For>
    }
}

/// One chosen topic: its actions, and the way to add one.
#[component]
fn TopicActions(ctx: Ctx, topic: Topic) -> impl IntoView {
    let heading_id = topic_dom_id(ctx.prefix, topic);
    let add_id = format!("{heading_id}-add");
    let actions = Memo::new(move |_| {
        ctx.handle
            .plan
            .with(|p| p.actions_on(topic).cloned().collect::<Vec<_>>())
    });
    let adding = move || ctx.editing.get() == Some(Editing::New(topic));
    let form_heading = heading_id.clone();
    let item_heading = heading_id.clone();
    view! {
        <section class="plan-topic" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone() tabindex="-1">{topic.name()}</h3>
            // Drawn again when this topic's actions change (they are few).
            {move || {
                let list = actions.get();
                if list.is_empty() {
                    view! { <p class="hint">"No actions yet."</p> }.into_any()
                } else {
                    list.into_iter()
                        .map(|action| view! { <ActionItem ctx=ctx action=action heading=item_heading.clone()/> })
                        .collect_view()
                        .into_any()
                }
            }}
            {move || if adding() {
                view! { <ActionForm ctx=ctx topic=topic existing=None heading=form_heading.clone()/> }.into_any()
            } else {
                let add_id = add_id.clone();
                view! {
                    <p>
                        <button type="button" class="button button-secondary" id=add_id on:click=move |_| {
                            ctx.editing.set(Some(Editing::New(topic)));
                            ctx.note.set(None);
                            focus_soon(format!("{}-what", ctx.prefix));
                        }>
                            "Add an action"
                            <span class="visually-hidden">{format!(" for {}", topic.name())}</span>
                        </button>
                    </p>
                }.into_any()
            }}
        </section>
    }
}

/// Moves focus once the element has been drawn (the view changes after the handler returns).
fn focus_soon(id: String) {
    request_animation_frame(move || focus_id(&id));
}

/// One action: what, who, by when, and its status (changed at once), with edit and remove.
#[component]
fn ActionItem(ctx: Ctx, action: PlanAction, heading: String) -> impl IntoView {
    let id = action.id.clone();
    let editing_this = {
        let id = id.clone();
        move || ctx.editing.get() == Some(Editing::Change(id.clone()))
    };
    let status_id = format!("{}-status-{}", ctx.prefix, id);
    view! {
        <div class="plan-action">
            {move || if editing_this() {
                view! { <ActionForm ctx=ctx topic=action.topic existing=Some(action.clone()) heading=heading.clone()/> }.into_any()
            } else {
                let a = action.clone();
                let heading = heading.clone();
                let status_id = status_id.clone();
                let (id_status, id_edit, id_remove) = (a.id.clone(), a.id.clone(), a.id.clone());
                let status_focus = status_id.clone();
                let removed = a.clone();
                view! {
                    <p class="plan-what">{a.what.clone()}</p>
                    <p class="plan-meta">
                        {(!a.who.is_empty()).then(|| format!("Who: {}. ", a.who))}
                        {format!("{}.", by_text(&a))}
                    </p>
                    <div class="plan-controls">
                        <label class="plan-status-label" for=status_id.clone()>
                            "Status"<span class="visually-hidden">{format!(" of \u{201c}{}\u{201d}", a.what)}</span>
                        </label>
                        <select class="select" id=status_id on:change=move |ev| {
                            let status = Status::parse(&input_value(&ev)).unwrap_or_default();
                            let result = ctx.handle.apply.run(PlanEdit::SetStatus { id: id_status.clone(), status });
                            ctx.note.set(Some(Note {
                                text: result.map_or_else(|e| e, |()| format!("Status set to {}.", status.label().to_lowercase())),
                                undo: None,
                            }));
                            // The action is drawn again with its new status: focus stays on its list.
                            focus_soon(status_focus.clone());
                        }>
                            {Status::ALL.into_iter().map(|s| view! {
                                <option value=s.id() selected=s == a.status>{s.label()}</option>
                            }).collect_view()}
                        </select>
                        <button type="button" class="button button-secondary" on:click=move |_| {
                            ctx.editing.set(Some(Editing::Change(id_edit.clone())));
                            ctx.note.set(None);
                            focus_soon(format!("{}-what", ctx.prefix));
                        }>
                            "Change"<span class="visually-hidden">{format!(" \u{201c}{}\u{201d}", a.what)}</span>
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| {
                            let result = ctx.handle.apply.run(PlanEdit::Remove { id: id_remove.clone() });
                            ctx.note.set(Some(match result {
                                Ok(()) => Note {
                                    text: format!("Removed \u{201c}{}\u{201d}.", removed.what),
                                    undo: Some(removed.clone()),
                                },
                                Err(e) => Note { text: e, undo: None },
                            }));
                            focus_id(&heading);
                        }>
                            "Remove"<span class="visually-hidden">{format!(" \u{201c}{}\u{201d}", a.what)}</span>
                        </button>
                    </div>
                }.into_any()
            }}
        </div>
    }
}

/// The form that adds an action under `topic` or changes `existing`.
#[component]
fn ActionForm(
    ctx: Ctx,
    topic: Topic,
    existing: Option<PlanAction>,
    heading: String,
) -> impl IntoView {
    let start = existing.as_ref().map(Draft::of).unwrap_or(Draft {
        topic: Some(topic),
        ..Draft::default()
    });
    let what = RwSignal::new(start.what.clone());
    let who = RwSignal::new(start.who.clone());
    let by = RwSignal::new(start.by.clone());
    let status = RwSignal::new(start.status);
    let problems = RwSignal::new(Vec::<DraftError>::new());
    let failed = RwSignal::new(None::<String>);
    let p = ctx.prefix;
    let ids = move |input: Input| match input {
        Input::Topic | Input::What => format!("{p}-what"),
        Input::Who => format!("{p}-who"),
        Input::By => format!("{p}-by"),
    };
    let error_of = move |input: Input| {
        move || {
            problems.with(|ps| {
                ps.iter()
                    .find(|e| e.input() == input)
                    .map(ToString::to_string)
            })
        }
    };
    let group_class = move |input: Input| {
        move || {
            if error_of(input)().is_some() {
                "form-group compact form-group-error"
            } else {
                "form-group compact"
            }
        }
    };
    let described = move |input: Input, hint: Option<&'static str>| {
        let id = ids(input);
        move || {
            let mut parts: Vec<String> = hint.map(|h| format!("{id}-{h}")).into_iter().collect();
            if error_of(input)().is_some() {
                parts.push(format!("{id}-error"));
            }
            (!parts.is_empty()).then(|| parts.join(" "))
        }
    };
    let error_line = move |input: Input| {
        let id = format!("{}-error", ids(input));
        move || {
            error_of(input)().map(|e| {
                view! { <p class="error-message" id=id.clone()><span class="visually-hidden">"Error: "</span>{e}</p> }
            })
        }
    };
    let existing_id = existing.as_ref().map(|a| a.id.clone());
    let is_new = existing_id.is_none();
    let close = {
        let heading = heading.clone();
        move || {
            ctx.editing.set(None);
            focus_soon(heading.clone());
        }
    };
    let on_submit = {
        let close = close.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let draft = Draft {
                topic: Some(topic),
                what: what.get_untracked(),
                who: who.get_untracked(),
                by: by.get_untracked(),
                status: status.get_untracked(),
            };
            let id = existing_id.clone().unwrap_or_else(|| new_id("act"));
            if let Err(found) = draft.check(&id) {
                if let Some(first) = found.first() {
                    focus_id(&ids(first.input()));
                }
                problems.set(found);
                return;
            }
            problems.set(Vec::new());
            let edit = if existing_id.is_some() {
                PlanEdit::Update { id, draft }
            } else {
                PlanEdit::Add { id, draft }
            };
            match ctx.handle.apply.run(edit) {
                Ok(()) => {
                    ctx.note.set(Some(Note {
                        text: if existing_id.is_some() {
                            "The action was changed.".into()
                        } else {
                            format!("The action was added to \u{201c}{}\u{201d}.", topic.name())
                        },
                        undo: None,
                    }));
                    close();
                }
                Err(e) => failed.set(Some(e)),
            }
        }
    };
    view! {
        <form class="plan-form" novalidate on:submit=on_submit>
            <h4 class="plan-form-title">{if is_new { "New action" } else { "Change the action" }}</h4>
            <div class=group_class(Input::What)>
                <label class="label" for=ids(Input::What)>"What will be done"</label>
                {error_line(Input::What)}
                <textarea class="textarea" id=ids(Input::What) rows="3"
                    aria-describedby=described(Input::What, None)
                    prop:value=move || what.get()
                    on:input=move |ev| what.set(input_value(&ev))></textarea>
            </div>
            <div class=group_class(Input::Who)>
                <label class="label" for=ids(Input::Who)>"Who will do it " <span class="optional">"(optional)"</span></label>
                {error_line(Input::Who)}
                <input class="input" type="text" id=ids(Input::Who) autocomplete="off"
                    aria-describedby=described(Input::Who, None)
                    prop:value=move || who.get()
                    on:input=move |ev| who.set(input_value(&ev))/>
            </div>
            <div class=group_class(Input::By)>
                <label class="label" for=ids(Input::By)>"By when " <span class="optional">"(optional)"</span></label>
                <p class="hint" id=format!("{}-hint", ids(Input::By))>"A date, for example 2027-03-31."</p>
                {error_line(Input::By)}
                <input class="input input-date" type="date" id=ids(Input::By)
                    aria-describedby=described(Input::By, Some("hint"))
                    prop:value=move || by.get()
                    on:input=move |ev| by.set(input_value(&ev))/>
            </div>
            <div class="form-group compact">
                <label class="label" for=format!("{p}-form-status")>"Status"</label>
                <select class="select" id=format!("{p}-form-status") on:change=move |ev| {
                    status.set(Status::parse(&input_value(&ev)).unwrap_or_default());
                }>
                    {Status::ALL.into_iter().map(|s| view! {
                        <option value=s.id() selected=s == start.status>{s.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || failed.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
            <div class="button-group">
                <button type="submit" class="button">{if is_new { "Add the action" } else { "Save the change" }}</button>
                <button type="button" class="button button-secondary" on:click=move |_| close()>"Cancel"</button>
            </div>
        </form>
    }
}
