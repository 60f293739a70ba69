//! The group's responses as a list: when each was added, for which round, the role and sector it
//! answered and where it came from (never a free-text answer), a page of rows at a time; removing one,
//! or every one from one source, after a confirmation; and an undo of each removal until the person
//! leaves the page. What a row says is decided in [`crate::model::groups::origin`].

use std::collections::HashSet;

use leptos::prelude::*;

use crate::model::format;
use crate::model::groups::origin::{
    from_source, page_count, removed_text, restored_text, rows, source_label, sources, Removed,
    Source,
};
use crate::web::browser::{long_date, now};
use crate::web::components::{focus_after_draw, focus_id};
use crate::web::stores::groups::GroupStore;

/// What the person asked to remove, waiting for their confirmation.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    /// One response: its id and how the question names it.
    One { id: String, description: String },
    /// Every response from one source (`None`: not recorded).
    Source {
        source: Option<Source>,
        count: usize,
    },
}

/// A removal that can still be undone.
#[derive(Clone)]
struct Undo {
    group_id: String,
    removed: Removed,
}

/// The list's state that lives as long as the page: the undo of each removal goes with it.
#[derive(Clone, Copy)]
pub(super) struct Removals {
    undo: RwSignal<Vec<Undo>>,
    message: RwSignal<Option<String>>,
}

impl Removals {
    /// Made by the page, so that leaving the page drops what could be undone.
    pub(super) fn new() -> Removals {
        Removals {
            undo: RwSignal::new(Vec::new()),
            message: RwSignal::new(None),
        }
    }
}

/// The group's responses.
#[component]
pub(super) fn ResponsesList(
    store: GroupStore,
    group_id: Signal<String>,
    removals: Removals,
) -> impl IntoView {
    let page = RwSignal::new(0usize);
    let pending = RwSignal::new(None::<Pending>);
    // Another group shown: its own first page, and nothing of the other group's waiting.
    Effect::new(move |_| {
        group_id.track();
        page.set(0);
        pending.set(None);
    });
    let count = move || store.with(&group_id.get(), |g| g.map_or(0, |g| g.responses.len()));
    let pages = move || page_count(count());

    let confirm = move |_| {
        let Some(what) = pending.get_untracked() else {
            return;
        };
        let id = group_id.get_untracked();
        let (removed, what_text) = match &what {
            Pending::One { id: response, .. } => {
                let ids: HashSet<&str> = [response.as_str()].into();
                let removed = store.change(&id, |g| g.remove_responses(&ids, &now()));
                (removed, String::new())
            }
            Pending::Source { source, .. } => {
                let removed = store.change(&id, |g| g.remove_source(source.as_ref(), &now()));
                (removed, from_source(source.as_ref()))
            }
        };
        pending.set(None);
        let Some(removed) = removed.filter(|r| !r.is_empty()) else {
            removals.message.set(Some(
                "Nothing was removed: the response is no longer in the group (another tab may have removed it)."
                    .into(),
            ));
            focus_after_draw("removal-message");
            return;
        };
        removals
            .message
            .set(Some(removed_text(removed.len(), &what_text)));
        removals.undo.update(|u| {
            u.push(Undo {
                group_id: id,
                removed,
            })
        });
        focus_after_draw("removal-message");
    };
    let undo = move |_| {
        let Some(last) = removals.undo.try_update(Vec::pop).flatten() else {
            return;
        };
        let asked = last.removed.len();
        let restored = store
            .change(&last.group_id, |g| g.restore(&last.removed, &now()))
            .unwrap_or(0);
        removals.message.set(Some(if restored == 0 && asked > 0 {
            "Nothing could be put back: the group was deleted, or has these responses again.".into()
        } else {
            restored_text(restored, asked)
        }));
        focus_after_draw("removal-message");
    };
    let ask = move |what: Pending| {
        pending.set(Some(what));
        focus_after_draw("confirm-remove");
    };

    let source_buttons = move || {
        store.with(&group_id.get(), |g| {
            let Some(g) = g else {
                return Vec::new();
            };
            sources(g)
        })
    };

    view! {
        <section aria-labelledby="responses-heading" class="group-section no-print">
            <h2 id="responses-heading">"Responses in this group"</h2>
            {move || removals.message.get().map(|m| {
                let can_undo = removals.undo.with(|u| u.last().is_some_and(|u| u.group_id == group_id.get()));
                view! {
                    <div class="notice" id="removal-message" tabindex="-1" role="status">
                        <p>{m}</p>
                        {can_undo.then(|| view! {
                            <button type="button" class="button button-secondary" on:click=undo>"Undo"</button>
                        })}
                    </div>
                }
            })}
            <Show when=move || { count() > 0 } fallback=|| view! { <p>"No responses yet."</p> }>
                <p>
                    "Each row is one colleague's response: when it was added, the round it was given for, "
                    "the role and sector it answered, and where it came from. Written answers are not shown here."
                </p>
                <h3>"By source"</h3>
                <ul class="source-list">
                    {move || source_buttons().into_iter().map(|s| {
                        let label = s.label();
                        let (button, name) = s.remove_button();
                        let what = Pending::Source { source: s.source.clone(), count: s.count };
                        view! {
                            <li>
                                <span>{label}</span>" "
                                <button type="button" class="button-link" aria-label=name
                                    on:click=move |_| ask(what.clone())>{button}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || pending.get().map(|what| confirm_view(what, confirm, pending))}
                {move || {
                    let rows = store.with(&group_id.get(), |g| g.map(|g| rows(g, page.get())).unwrap_or_default());
                    list_view(rows, ask)
                }}
                <Show when=move || { pages() > 1 }>
                    <nav class="button-group" aria-label="Pages of responses">
                        <button type="button" class="button button-secondary" disabled=move || page.get() == 0
                            on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>"Previous page"</button>
                        <span aria-live="polite">{move || format!("Page {} of {}", page.get().min(pages() - 1) + 1, pages())}</span>
                        <button type="button" class="button button-secondary" disabled=move || page.get() + 1 >= pages()
                            on:click=move |_| page.update(|p| *p = (*p + 1).min(pages() - 1))>"Next page"</button>
                    </nav>
                </Show>
            </Show>
        </section>
    }
}

/// The confirmation of a removal, with focus on it.
fn confirm_view(
    what: Pending,
    confirm: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
    pending: RwSignal<Option<Pending>>,
) -> impl IntoView {
    let question = match &what {
        Pending::One { description, .. } => format!("Remove {description} from this group?"),
        Pending::Source { source, count } => format!(
            "Remove {}{} from this group?",
            format::plural(*count as u64, "response", "responses"),
            from_source(source.as_ref())
        ),
    };
    view! {
        <div class="confirm" id="confirm-remove" tabindex="-1" role="group" aria-labelledby="confirm-remove-text">
            <p id="confirm-remove-text">{question}" You can undo this until you leave this page."</p>
            <div class="button-group">
                <button type="button" class="button button-warning" on:click=confirm>"Yes, remove"</button>
                <button type="button" class="button button-secondary" on:click=move |_| {
                    pending.set(None);
                    focus_id("responses-heading");
                }>"Cancel"</button>
            </div>
        </div>
    }
}

/// One page of the list, as a table that stacks on a narrow screen.
fn list_view(
    rows: Vec<crate::model::groups::origin::ResponseRow>,
    ask: impl Fn(Pending) + Copy + 'static,
) -> impl IntoView {
    let cell = |label: &'static str, text: String| {
        view! { <td role="cell" data-label=label>{text}</td> }
    };
    let body = rows
        .into_iter()
        .map(|r| {
            let added = r
                .added_at
                .as_deref()
                .map_or_else(|| "Not recorded".to_string(), long_date);
            let source = source_label(r.source.as_ref());
            let description = format!("response {}, {}, {}", r.position, r.role, r.sector);
            let what = Pending::One {
                id: r.id.clone(),
                description: description.clone(),
            };
            view! {
                <tr role="row">
                    <th scope="row" role="rowheader">{r.position.to_string()}</th>
                    {cell("Added", added)}
                    {cell("Round", r.round)}
                    {cell("Role", r.role)}
                    {cell("Sector", r.sector)}
                    {cell("Source", source)}
                    <td role="cell">
                        <button type="button" class="button-link" aria-label=format!("Remove {description}")
                            on:click=move |_| ask(what.clone())>"Remove"</button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="stack-table responses-table" role="table">
            <caption>"Responses, in the order they were added"</caption>
            <thead role="rowgroup">
                <tr role="row">
                    {["Response", "Added", "Round", "Role", "Sector", "Source", "Remove"]
                        .map(|h| view! { <th scope="col" role="columnheader">{h}</th> })}
                </tr>
            </thead>
            <tbody role="rowgroup">{body}</tbody>
        </table>
    }
}
