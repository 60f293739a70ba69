//! The facilitator's group report page (`#/group`): choose or start a group, add colleagues' exported
//! responses, read the report the 2018 survey published (plus spread, filters and a second group to
//! compare with), and take it away as CSV, JSON or print.
//!
//! This module owns the page's layout and the controls that shape the report (group, filter, minimum
//! group size, comparison, exports). Groups are kept by [`GroupStore`]; files are read by
//! [`import`]; the report is drawn by [`report`]. Every figure comes from the engine.

pub mod import;
pub mod report;

use leptos::prelude::*;

use crate::engine::aggregate::{GroupOptions, GroupReport, ResponseFilter, DEFAULT_MIN_GROUP_SIZE};
use crate::engine::benchmark::compare_group;
use crate::engine::csv_format::export_csv_bytes;
use crate::engine::instrument::{Choice, Region, RoleGroup, Sector};
use crate::engine::json_format::set_to_json;
use crate::model::format::responses;
use crate::model::groups::tables::report_tables_csv;
use crate::model::groups::{
    file_stem, group_report, min_group_size_from, partial_count, partial_hint, Group, Partial,
    NAME_MAX_CHARS,
};
use crate::web::browser::download;
use crate::web::browser::{new_id, now, today_long};
use crate::web::stores::book::Keeping;
use crate::web::stores::groups::{GroupNotice, GroupStore};
use crate::web::stores::storage::namespace_from_location;

use import::{AddResponses, ImportSummaryView, Importer};

/// The group report page.
#[component]
pub fn GroupPage() -> impl IntoView {
    let (store, importer) = shared(&namespace_from_location());
    // The group shown: the one chosen, else the one shown so far, else the most recently changed.
    // The one shown so far stays even when another tab changes a different group later, so that the
    // page does not switch groups under the person.
    let chosen = RwSignal::new(None::<String>);
    let current = Memo::new(move |shown: Option<&Option<String>>| {
        store.groups.with(|gs| {
            let exists = |id: &String| gs.iter().any(|g| &g.id == id);
            chosen
                .get()
                .filter(exists)
                .or_else(|| shown.cloned().flatten().filter(exists))
                .or_else(|| {
                    gs.iter()
                        .max_by(|a, b| a.updated_at.cmp(&b.updated_at))
                        .map(|g| g.id.clone())
                })
        })
    });
    let options = RwSignal::new(GroupOptions::default());
    let partial = RwSignal::new(Partial::default());
    let report = Memo::new(move |_| {
        let id = current.get()?;
        let options = options.get();
        let partial = partial.get();
        store.groups.with(|gs| {
            gs.iter()
                .find(|g| g.id == id)
                .filter(|g| !g.responses.is_empty())
                .map(|g| group_report(&g.responses, options, partial))
        })
    });
    // Partial responses among those the filter keeps, whether or not the report counts them.
    let partial_n = Memo::new(move |_| {
        let Some(id) = current.get() else {
            return 0;
        };
        options.with(|o| {
            store.with(&id, |g| {
                g.map_or(0, |g| partial_count(&g.responses, &o.filter))
            })
        })
    });
    let group_id = Signal::derive(move || current.get().unwrap_or_default());

    view! {
        <h1 tabindex="-1">"Group report"</h1>
        <p class="lead">
            "Pool your colleagues' exported self-assessments and see the analysis the 2018 report published, for your "
            "own group. Files are read in this browser: nothing is uploaded."
        </p>
        {move || store.notice.get().map(|n| {
            // Disabled storage stays true for the whole visit, so its notice stays too.
            let dismissible = n != GroupNotice::Unavailable;
            view! {
                <div class="notice notice-warning" role="alert">
                    <p><strong>{n.to_string()}</strong></p>
                    {dismissible.then(|| view! {
                        <p>
                            <button type="button" class="button-link" on:click=move |_| store.notice.set(None)>
                                "Hide this message"
                            </button>
                        </p>
                    })}
                </div>
            }
        })}
        <Groups store=store chosen=chosen current=current/>
        <Show when=move || current.with(Option::is_some)>
            <AddResponses store=store group_id=group_id importer=importer/>
            <ImportSummaryView importer=importer/>
            // Drawn again only when the group gains or loses its responses, not on every change of the
            // report, so that the controls below keep their own state (the group compared with, an
            // error on the minimum group size) when a filter changes the report.
            <Show
                when=move || report.with(Option::is_some)
                fallback=|| view! {
                    <p class="empty-group">"This group has no responses yet. Add files above to see its report."</p>
                }
            >
                <ReportOptions options=options partial=partial partial_n=partial_n/>
                <section aria-labelledby="report-heading" class="group-report">
                    <h2 id="report-heading" class="report-title">
                        {move || format!("Report: {}", current_name(store, current))}
                    </h2>
                    <p class="print-only">{format!("Printed {}.", today_long())}</p>
                    {move || {
                        let partial = (partial_n.get(), partial.get());
                        report.with(|r| r.as_ref().map(|r| report::report_view(r, partial)))
                    }}
                </section>
                <Compare store=store current=current options=options partial=partial report=report/>
                <Export store=store current=current report=report partial=partial partial_n=partial_n/>
            </Show>
        </Show>
    }
}

/// A group as the lists of groups name it: its name and how many responses it has.
fn group_label(g: &Group) -> String {
    format!("{} ({})", g.name, responses(g.responses.len() as u64))
}

fn current_name(store: GroupStore, current: Memo<Option<String>>) -> String {
    current
        .get()
        .and_then(|id| store.with(&id, |g| g.map(|g| g.name.clone())))
        .unwrap_or_default()
}

/// Choosing, starting, renaming and deleting groups.
#[component]
fn Groups(
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

/// Parses a select's value into a filter condition ("" = everyone).
fn parse<T: Choice>(value: &str) -> Option<T> {
    T::from_code(value)
}

/// Filter, minimum group size and partial responses.
#[component]
fn ReportOptions(
    options: RwSignal<GroupOptions>,
    partial: RwSignal<Partial>,
    /// Partial responses among those the filter keeps.
    partial_n: Memo<u64>,
) -> impl IntoView {
    let (min_text, set_min_text) = signal(options.get_untracked().min_group_size.to_string());
    let (min_error, set_min_error) = signal(None::<String>);
    let set_filter = move |f: &dyn Fn(&mut ResponseFilter)| {
        options.update(|o| f(&mut o.filter));
    };
    let role_code = |g: RoleGroup| g.id();
    view! {
        <section aria-labelledby="options-heading" class="group-section report-options no-print">
            <h2 id="options-heading">"Which responses the report covers"</h2>
            <div class="options-grid">
                <div class="form-group">
                    <label class="label" for="filter-sector">"Sector"</label>
                    <select id="filter-sector" class="select" on:change:target=move |ev| {
                        let v = parse::<Sector>(&ev.target().value());
                        set_filter(&|f| f.sector = v);
                    }>
                        <option value="">"All sectors"</option>
                        {Sector::ALL.iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-role">"Role group"</label>
                    <select id="filter-role" class="select" on:change:target=move |ev| {
                        let value = ev.target().value();
                        let v = RoleGroup::ALL.iter().copied().find(|g| g.id() == value);
                        set_filter(&|f| f.role_group = v);
                    }>
                        <option value="">"All roles"</option>
                        {RoleGroup::ALL.iter().map(|g| view! { <option value=role_code(*g)>{g.name()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-region">"Region"</label>
                    <select id="filter-region" class="select" on:change:target=move |ev| {
                        let v = parse::<Region>(&ev.target().value());
                        set_filter(&|f| f.region = v);
                    }>
                        <option value="">"All regions"</option>
                        {Region::ALL.iter().map(|r| view! { <option value=r.code()>{r.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-group" class:form-group-error=move || min_error.get().is_some()>
                    <label class="label" for="min-group-size">"Minimum group size"</label>
                    <p class="hint" id="min-group-size-hint">
                        {format!("Breakdowns with fewer respondents are withheld. {DEFAULT_MIN_GROUP_SIZE} or more.")}
                    </p>
                    {move || min_error.get().map(|e| view! { <p class="error-message" id="min-group-size-error">{e}</p> })}
                    <input
                        id="min-group-size"
                        class="input input-narrow"
                        type="number"
                        inputmode="numeric"
                        min=DEFAULT_MIN_GROUP_SIZE.to_string()
                        step="1"
                        aria-describedby=move || if min_error.get().is_some() { "min-group-size-hint min-group-size-error" } else { "min-group-size-hint" }
                        prop:value=min_text
                        on:change:target=move |ev| {
                            let input = ev.target();
                            let in_effect = options.with_untracked(|o| o.min_group_size);
                            match min_group_size_from(&input.value(), in_effect) {
                                Ok(n) => {
                                    set_min_error.set(None);
                                    set_min_text.set(n.to_string());
                                    options.update(|o| o.min_group_size = n);
                                }
                                // The field goes back to the size the report uses, so that it never
                                // shows one the report does not apply; the message says what was refused.
                                Err(message) => {
                                    set_min_error.set(Some(message));
                                    let text = in_effect.to_string();
                                    input.set_value(&text);
                                    set_min_text.set(text);
                                }
                            }
                        }
                    />
                </div>
            </div>
            <div class="form-group">
                <fieldset class="fieldset" aria-describedby="partial-hint">
                    <legend class="label">"Partial responses"</legend>
                    <p class="hint" id="partial-hint">{move || partial_hint(partial_n.get())}</p>
                    <div class="choices">
                        {[
                            (Partial::Include, "partial-include", "Include them: each counts only in the questions it answered"),
                            (Partial::LeaveOut, "partial-leave-out", "Leave them out of the report"),
                        ].into_iter().map(|(choice, id, label)| view! {
                            <div class="choice">
                                <input class="choice-input" type="radio" id=id name="partial" value=id
                                    prop:checked=move || partial.get() == choice
                                    on:change=move |_| partial.set(choice)/>
                                <label class="choice-label" for=id>{label}</label>
                            </div>
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
        </section>
    }
}

/// A second group's report side by side with this one's.
#[component]
fn Compare(
    store: GroupStore,
    current: Memo<Option<String>>,
    options: RwSignal<GroupOptions>,
    partial: RwSignal<Partial>,
    report: Memo<Option<GroupReport>>,
) -> impl IntoView {
    let other = RwSignal::new(None::<String>);
    let others = move || {
        let id = current.get();
        store.groups.with(|gs| {
            gs.iter()
                .filter(|g| Some(&g.id) != id.as_ref())
                .map(|g| (g.id.clone(), group_label(g)))
                .collect::<Vec<_>>()
        })
    };
    let second = Memo::new(move |_| {
        let id = other.get()?;
        let options = options.get();
        let partial = partial.get();
        store.groups.with(|gs| {
            gs.iter()
                .find(|g| g.id == id && Some(&g.id) != current.get().as_ref())
                .map(|g| (g.name.clone(), group_report(&g.responses, options, partial)))
        })
    });
    view! {
        <section aria-labelledby="compare-heading" class="group-section compare">
            <h2 id="compare-heading">"Compare with another group"</h2>
            <Show
                when=move || !others().is_empty()
                fallback=|| view! {
                    <p>"Start another group (for example the same group last year) and add its responses to compare the two here."</p>
                }
            >
                <div class="form-group no-print">
                    <label class="label" for="compare-select">"Compare with"</label>
                    <p class="hint" id="compare-hint">"Both reports use the same filter, minimum group size and choice of partial responses."</p>
                    <select id="compare-select" class="select" aria-describedby="compare-hint"
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            other.set((!v.is_empty()).then_some(v));
                        }>
                        <option value="">"No comparison"</option>
                        {move || others().into_iter().map(|(id, label)| {
                            let selected = other.get().as_deref() == Some(id.as_str());
                            view! { <option value=id selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || {
                    let first = report.get()?;
                    let (name, second) = second.get()?;
                    Some(report::comparison_view(&current_name(store, current), &first, &name, &second))
                }}
            </Show>
        </section>
    }
}

/// Downloads and print.
#[component]
fn Export(
    store: GroupStore,
    current: Memo<Option<String>>,
    report: Memo<Option<GroupReport>>,
    partial: RwSignal<Partial>,
    partial_n: Memo<u64>,
) -> impl IntoView {
    let (error, set_error) = signal(None::<String>);
    let with_group = move |f: &dyn Fn(&Group) -> Result<(), String>| {
        let Some(id) = current.get_untracked() else {
            return;
        };
        let result = store.with(&id, |g| g.map(f)).unwrap_or(Ok(()));
        set_error.set(result.err());
    };
    let responses_csv = move |_| {
        with_group(&|g| {
            let bytes = export_csv_bytes(&g.responses);
            let text = String::from_utf8(bytes)
                .map_err(|_| "The export is not valid text.".to_string())?;
            download(
                &format!("{}.csv", file_stem(&g.name, "responses", &local_minute())),
                "text/csv;charset=utf-8",
                &text,
            )
        })
    };
    let group_json = move |_| {
        with_group(&|g| {
            download(
                &format!("{}.json", file_stem(&g.name, "responses", &local_minute())),
                "application/json",
                &set_to_json(&g.responses),
            )
        })
    };
    let tables_csv = move |_| {
        with_group(&|g| {
            report.with_untracked(|r| match r {
                Some(r) => download(
                    &format!(
                        "{}.csv",
                        file_stem(&g.name, "report-tables", &local_minute())
                    ),
                    "text/csv;charset=utf-8",
                    &report_tables_csv(
                        &g.name,
                        r,
                        &compare_group(r),
                        (partial_n.get_untracked(), partial.get_untracked()),
                    ),
                ),
                None => Err("There is no report to export yet.".into()),
            })
        })
    };
    view! {
        <section aria-labelledby="export-heading" class="group-section no-print">
            <h2 id="export-heading">"Export"</h2>
            <p>
                "The responses CSV opens in a spreadsheet and can be imported here again; the JSON file keeps the whole "
                "group for this app. The report tables CSV holds every figure of the report, one per line."
            </p>
            <div class="button-group">
                <button type="button" class="button button-secondary" on:click=responses_csv>"Download responses (CSV)"</button>
                <button type="button" class="button button-secondary" on:click=group_json>"Download the group (JSON)"</button>
                <button type="button" class="button button-secondary" on:click=tables_csv>"Download report tables (CSV)"</button>
                <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>"Print or save as PDF"</button>
            </div>
            {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
        </section>
    }
}

/// The clock's local date and time to the minute (`2026-12-01T19:40`), for download names: the time
/// the person sees on their own clock.
fn local_minute() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

thread_local! {
    static SHARED: std::cell::OnceCell<(GroupStore, Importer)> =
        const { std::cell::OnceCell::new() };
}

/// The page's store and importer, created once per page load and kept for its whole life: the route
/// view is rebuilt on every navigation, but a group kept only in memory (too large for storage) or an
/// import still running must survive a visit to another page.
pub fn shared(namespace: &str) -> (GroupStore, Importer) {
    SHARED.with(|cell| {
        *cell.get_or_init(|| {
            // A root owner (no parent, never disposed), so that the signals outlive the page that
            // first asked for them: the page's own owner is set aside while the root is made.
            let page_owner = Owner::current();
            if let Some(owner) = page_owner.clone() {
                owner.unset();
            }
            let root = Owner::new();
            let made = root.with(|| (GroupStore::start(namespace), Importer::default()));
            std::mem::forget(root);
            if let Some(owner) = page_owner {
                owner.set();
            }
            made
        })
    })
}
