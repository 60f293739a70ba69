//! The table of every factor's importance, prevalence, gap, band and priority.

use leptos::prelude::*;

use super::{missing_reason, section_heading};
use crate::engine::response::Response;
use crate::engine::scoring::{FactorScore, ResponseScore};
use crate::model::results::{Reader, SectionKind};
use crate::web::components::table_scroll;

fn cell(response: &Response, f: &FactorScore, importance: bool) -> String {
    match if importance {
        f.importance
    } else {
        f.prevalence
    } {
        Some(v) => v.to_string(),
        None => missing_reason(response, f.factor, importance).to_string(),
    }
}

/// Importance, prevalence, gap, band and priority per factor.
#[component]
pub(super) fn FactorTable(
    score: ResponseScore,
    response: Response,
    reader: Reader,
) -> impl IntoView {
    // The roles keep the table's meaning for assistive technology where a phone's layout stacks its
    // rows (style: .stack-table); data-label names each value there.
    let row = |f: &FactorScore| {
        view! {
            <tr role="row">
                <th scope="row" role="rowheader">{f.factor.name()}</th>
                <td class="num" role="cell" data-label="Importance">{cell(&response, f, true)}</td>
                <td class="num" role="cell" data-label="Prevalence">{cell(&response, f, false)}</td>
                <td class="num" role="cell" data-label="Gap">{f.gap.map(|g| g.to_string()).unwrap_or_else(|| "–".into())}</td>
                <td role="cell" data-label="Prevalence band">{f.band.map(|b| b.name()).unwrap_or("–")}</td>
                <td role="cell" data-label="Priority">{if f.priority { "Yes" } else { "No" }}</td>
            </tr>
        }
    };
    let (six, extra): (Vec<&FactorScore>, Vec<&FactorScore>) = score
        .factors
        .iter()
        .partition(|f| f.factor.is_index_category());
    view! {
        {section_heading(SectionKind::Factors, reader)}
        <p>
            "Scores run from 0 (not at all) to 3 (a great deal). The gap is importance minus prevalence. A factor is a "
            "priority when its gap is 2 or more, or when it is at least somewhat important but little or not present."
        </p>
        {table_scroll(SectionKind::Factors.title(reader), view! {
            <table id="factor-table" class="stack-table" role="table">
                <caption>"Importance, prevalence, gap, prevalence band and priority for each factor"</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">"Factor"</th>
                        <th scope="col" role="columnheader" class="num">"Importance"</th>
                        <th scope="col" role="columnheader" class="num">"Prevalence"</th>
                        <th scope="col" role="columnheader" class="num">"Gap"</th>
                        <th scope="col" role="columnheader">"Prevalence band"</th>
                        <th scope="col" role="columnheader">"Priority"</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    <tr class="group-row" role="row"><th scope="rowgroup" role="rowheader" colspan="6">"The six categories of the index"</th></tr>
                    {six.into_iter().map(row).collect_view()}
                </tbody>
                <tbody role="rowgroup">
                    <tr class="group-row" role="row"><th scope="rowgroup" role="rowheader" colspan="6">"Additional factors"</th></tr>
                    {extra.into_iter().map(row).collect_view()}
                </tbody>
            </table>
        })}
    }
}
