//! Taking the group away: its responses as CSV or JSON, the report's tables as CSV, or the page
//! printed.

use leptos::prelude::*;

use crate::engine::aggregate::GroupReport;
use crate::engine::benchmark::compare_group;
use crate::engine::csv_format::export_csv_bytes;
use crate::model::groups::tables::report_tables_csv;
use crate::model::groups::{file_stem, Group, Partial};
use crate::web::browser::download;
use crate::web::stores::groups::GroupStore;

/// Downloads and print.
#[component]
pub(super) fn Export(
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
                &g.export_json(),
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
pub(super) fn local_minute() -> String {
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
