//! The scatter of importance against prevalence for the eight factors.

use leptos::prelude::*;

use super::section_heading;
use crate::charts::profile::tables::scatter_table;
use crate::charts::profile::{scatter, scatter_summary, score_points};
use crate::engine::scoring::ResponseScore;
use crate::model::results::{Reader, SectionKind};
use crate::web::components::chart::ChartFigure;
use crate::web::components::table::DataTable;

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
            <DataTable table=scatter_table(&score) stacked=true label="Where each factor lies"/>
        </ChartFigure>
    }
}
