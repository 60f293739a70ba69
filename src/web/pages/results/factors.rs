//! The table of every factor's importance, prevalence, gap, band and priority.

use leptos::prelude::*;

use super::section_heading;
use crate::engine::response::Response;
use crate::engine::scoring::ResponseScore;
use crate::model::results::{factors, Reader, SectionKind};
use crate::web::components::table::DataTable;

/// The factor table, stacked on a phone, under what its figures mean.
#[component]
pub(super) fn FactorTable(
    score: ResponseScore,
    response: Response,
    reader: Reader,
) -> impl IntoView {
    view! {
        {section_heading(SectionKind::Factors, reader)}
        <p>
            "Scores run from 0 (not at all) to 3 (a great deal). The gap is importance minus prevalence. A factor is a "
            "priority when its gap is 2 or more, or when it is at least somewhat important but little or not present."
        </p>
        <DataTable
            table=factors::table(&response, &score)
            stacked=true
            id="factor-table"
            label=SectionKind::Factors.title(reader)
        />
    }
}
