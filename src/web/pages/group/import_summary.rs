//! What the last import did, file by file: the totals, each file's headline and notes, and the rows
//! or responses left out with the engine's reasons. The words come from
//! [`crate::model::groups::summary`].

use leptos::prelude::*;

use crate::engine::csv_format::ImportSummary;
use crate::model::groups::summary::{
    csv_notes, csv_rejections_table, file_headline, json_rejections_table, totals_sentence,
};
use crate::model::groups::{FileReport, JsonImport, Outcome};
use crate::web::components::table::DataTable;

use super::import::Importer;

/// What the last import did, file by file.
#[component]
pub(super) fn ImportSummaryView(importer: Importer) -> impl IntoView {
    move || {
        importer.last.get().map(|files| {
            let totals = totals_sentence(&files);
            view! {
                <section class="import-summary" id="import-summary" tabindex="-1" aria-labelledby="import-summary-heading">
                    <h2 id="import-summary-heading">"Import summary"</h2>
                    <p class="import-totals"><strong>{totals}</strong></p>
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
    let headline = file_headline(&file);
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
    let notes = csv_notes(&summary);
    let note = |text: Option<String>| text.map(|t| view! { <p>{t}</p> });
    let (unknown, assigned, more) = (
        note(notes.unknown_columns),
        note(notes.assigned_ids),
        note(notes.unlisted),
    );
    let table = csv_rejections_table(&summary)
        .map(|t| view! { <DataTable table=t class="rejected-rows"/> });
    view! { {unknown} {assigned} {table} {more} }
}

fn json_details(json: JsonImport) -> impl IntoView {
    json_rejections_table(&json).map(|t| view! { <DataTable table=t class="rejected-rows"/> })
}
