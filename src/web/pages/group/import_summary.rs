//! What the last import did, file by file: the totals, each file's headline and notes, and the rows
//! or responses left out with the engine's reasons. The words come from
//! [`crate::model::groups::summary`].

use leptos::prelude::*;

use crate::engine::csv_format::ImportSummary;
use crate::model::groups::summary::{csv_notes, file_headline, totals_sentence};
use crate::model::groups::{FileReport, JsonImport, Outcome};
use crate::web::components::table_scroll;

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
