//! Choosing, starting, renaming and deleting groups: the page's first section.

use leptos::prelude::*;

use crate::model::format::responses;
use crate::model::groups::{Group, NAME_MAX_CHARS};
use crate::web::browser::{new_id, now};
use crate::web::stores::book::Keeping;
use crate::web::stores::groups::GroupStore;

use super::{current_name, group_label};

/// Choosing, starting, renaming and deleting groups.
#[component]
pub(super) fn Groups(
    store: GroupStore,
    chosen: RwSignal<Option<String>>,
    current: Memo<Option<String>>,
) -> impl IntoView {
    let (new_name, set_new_name) = signal(String::new());
    let (create_error, set_create_error) = signal(None::<String>);
    let (renaming, set_renaming) = signal(false);
    let (rename_to, set_rename_to) = signal(String::new());
    let (rename_error, set_rename_error) = signal(None::<String>);
    let (confirm_delete, set_confirm_delete) = signal(false);
    let (deleted, set_deleted) = signal(None::<String>);
    let has_groups = move || store.groups.with(|gs| !gs.is_empty());

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Group::new(new_id("group"), &new_name.get_untracked(), &now()) {
            Ok(group) => {
                let id = group.id.clone();
                store.insert(group);
                chosen.set(Some(id));
                set_new_name.set(String::new());
                set_create_error.set(None);
                set_deleted.set(None);
            }
            Err(e) => {
                set_create_error.set(Some(e.to_string()));
                crate::web::components::focus_id("new-group-name");
            }
        }
    };
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = current.get_untracked() else {
            return;
        };
        match store.change(&id, |g| g.rename(&rename_to.get_untracked(), &now())) {
            Some(Err(e)) => {
                set_rename_error.set(Some(e.to_string()));
                crate::web::components::focus_id("rename-group");
            }
            _ => {
                set_rename_error.set(None);
                set_renaming.set(false);
            }
        }
    };
    let delete = move |_| {
        let Some(id) = current.get_untracked() else {
            return;
        };
        let name = store
            .with(&id, |g| g.map(|g| g.name.clone()))
            .unwrap_or_default();
        store.delete(&id);
        chosen.set(None);
        set_confirm_delete.set(false);
        set_deleted.set(Some(format!("“{name}” was deleted from this browser.")));
    };
    let saved_text = move || {
        let id = current.get()?;
        Some(if store.is_saved(&id) {
            "Saved in this browser.".to_string()
        } else if store.keeping.get() == Keeping::MemoryOnly {
            "Kept only while this page is open (this browser does not let the app keep data)."
                .to_string()
        } else {
            "Kept only while this page is open: too large for this browser's storage. Download it under “Export” to keep it.".to_string()
        })
    };

    let create_form = move |legend: &'static str| {
        view! {
            <form class="create-group" on:submit=create novalidate>
                <div class="form-group" class:form-group-error=move || create_error.get().is_some()>
                    <label class="label" for="new-group-name">{legend}</label>
                    <p class="hint" id="new-group-name-hint">
                        {format!("For example the partnership or the year of the survey. Up to {NAME_MAX_CHARS} characters.")}
                    </p>
                    {move || create_error.get().map(|e| view! { <p class="error-message" id="new-group-name-error">{e}</p> })}
                    <input
                        id="new-group-name"
                        class="input"
                        type="text"
                        autocomplete="off"
                        aria-describedby=move || if create_error.get().is_some() { "new-group-name-hint new-group-name-error" } else { "new-group-name-hint" }
                        prop:value=new_name
                        on:input:target=move |ev| set_new_name.set(ev.target().value())
                    />
                </div>
                <button type="submit" class="button">"Create group"</button>
            </form>
        }
    };

    view! {
        <section aria-labelledby="groups-heading" class="group-section no-print">
            <h2 id="groups-heading">"Your groups"</h2>
            {move || deleted.get().map(|d| view! { <p class="notice" role="status">{d}</p> })}
            <Show
                when=has_groups
                fallback=move || view! {
                    <p>"A group is a named set of responses, kept in this browser apart from your own assessments."</p>
                    {create_form("Name of the group")}
                }
            >
                <div class="form-group">
                    <label class="label" for="group-select">"Group"</label>
                    <select
                        id="group-select"
                        class="select"
                        on:change:target=move |ev| {
                            chosen.set(Some(ev.target().value()));
                            set_renaming.set(false);
                            set_confirm_delete.set(false);
                        }
                    >
                        {move || store.groups.with(|gs| gs.iter().map(|g| {
                            let id = g.id.clone();
                            let selected = current.get().as_deref() == Some(id.as_str());
                            view! { <option value=id selected=selected>{group_label(g)}</option> }
                        }).collect_view())}
                    </select>
                    <p class="hint">{saved_text}</p>
                </div>
                <div class="button-group">
                    <button type="button" class="button button-secondary" aria-expanded=move || renaming.get().to_string()
                        on:click=move |_| {
                            set_rename_to.set(current_name(store, current));
                            set_renaming.update(|r| *r = !*r);
                        }>
                        "Rename group"
                    </button>
                    <button type="button" class="button button-warning" on:click=move |_| set_confirm_delete.set(true)>
                        "Delete group"
                    </button>
                </div>
                <Show when=move || renaming.get()>
                    <form class="rename" on:submit=rename novalidate>
                        <div class="form-group" class:form-group-error=move || rename_error.get().is_some()>
                            <label class="label" for="rename-group">"New name"</label>
                            <p class="hint" id="rename-group-hint">{format!("Up to {NAME_MAX_CHARS} characters.")}</p>
                            {move || rename_error.get().map(|e| view! { <p class="error-message" id="rename-group-error">{e}</p> })}
                            <input id="rename-group" class="input" type="text" autocomplete="off"
                                aria-describedby=move || if rename_error.get().is_some() { "rename-group-hint rename-group-error" } else { "rename-group-hint" }
                                prop:value=rename_to
                                on:input:target=move |ev| set_rename_to.set(ev.target().value())/>
                        </div>
                        <button type="submit" class="button">"Save name"</button>
                    </form>
                </Show>
                <Show when=move || confirm_delete.get()>
                    <div class="confirm" role="group" aria-labelledby="confirm-delete-text">
                        <p id="confirm-delete-text">
                            {move || {
                                let n = current.get().and_then(|id| store.with(&id, |g| g.map(|g| g.responses.len() as u64))).unwrap_or(0);
                                format!("Delete “{}” and its {} from this browser? This cannot be undone.", current_name(store, current), responses(n))
                            }}
                        </p>
                        <div class="button-group">
                            <button type="button" class="button button-warning" on:click=delete>"Yes, delete it"</button>
                            <button type="button" class="button button-secondary" on:click=move |_| set_confirm_delete.set(false)>"Cancel"</button>
                        </div>
                    </div>
                </Show>
                <details class="details">
                    <summary>"Start another group"</summary>
                    {create_form("Name of the new group")}
                </details>
            </Show>
        </section>
    }
}
