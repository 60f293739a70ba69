//! The scatter of importance against prevalence for the eight factors.

use leptos::prelude::*;

use super::{opt_score, section_heading};
use crate::charts::profile::{scatter, scatter_summary, score_points, short_name};
use crate::engine::scoring::ResponseScore;
use crate::model::results::{Reader, SectionKind};
use crate::web::components::chart::ChartFigure;
use crate::web::components::table_scroll;

/// Importance against prevalence for the eight factors.
#[component]
pub(super) fn ScatterSection(score: ResponseScore) -> impl IntoView {
    let points = score_points(&score);
    let summary = scatter_summary(&points);
    let chart = scatter(&points);
    view! {
        {section_heading(SectionKind::ImportancePrevalence, Reader::Owner)}
        <p>
            "Each factor is placed by how important it is rated (across) and how far it is present in the organisation "
            "(up). Factors below the dashed diagonal are more important than they are present; the shaded corner is the "
            "priority zone: important, but little or not present."
        </p>
        <ChartFigure
            id="results-scatter"
            label="Scatter chart of importance against prevalence for the eight factors, with the diagonal and the priority zone".to_string()
            summary=summary
            chart=chart
            height=420
        >
            {table_scroll("Where each factor lies", view! {
                <table class="stack-table" role="table">
                    <caption>"Where each factor lies: importance, prevalence and position"</caption>
                    <thead role="rowgroup">
                        <tr role="row">
                            <th scope="col" role="columnheader">"Factor"</th>
                            <th scope="col" role="columnheader" class="num">"Importance"</th>
                            <th scope="col" role="columnheader" class="num">"Prevalence"</th>
                            <th scope="col" role="columnheader">"Position"</th>
                        </tr>
                    </thead>
                    <tbody role="rowgroup">
                        {score.factors.iter().map(|f| {
                            let position = match (f.importance, f.prevalence) {
                                (Some(i), Some(p)) if i >= 2 && p <= 1 => "Priority zone",
                                (Some(i), Some(p)) if p < i => "Below the diagonal",
                                (Some(i), Some(p)) if p == i => "On the diagonal",
                                (Some(_), Some(_)) => "Above the diagonal",
                                _ => "Not shown: a rating is missing or not applicable",
                            };
                            view! {
                                <tr role="row">
                                    <th scope="row" role="rowheader">{short_name(f.factor)}</th>
                                    <td class="num" role="cell" data-label="Importance">{opt_score(f.importance)}</td>
                                    <td class="num" role="cell" data-label="Prevalence">{opt_score(f.prevalence)}</td>
                                    <td role="cell" data-label="Position">{position}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </ChartFigure>
    }
}
