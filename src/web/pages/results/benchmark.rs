//! The answers beside the 2018 survey, with its caveat.

use leptos::prelude::*;

use super::section_heading;
use crate::engine::response::Response;
use crate::engine::scoring::ResponseScore;
use crate::model::results::benchmark::{caveat, table};
use crate::model::results::{Reader, SectionKind};
use crate::web::components::table::DataTable;

/// How the answers compare with the 2018 survey, with its caveat.
#[component]
pub(super) fn BenchmarkSection(
    score: ResponseScore,
    response: Response,
    reader: Reader,
) -> impl IntoView {
    view! {
        {section_heading(SectionKind::Benchmark, reader)}
        <div class="notice" role="note">
            <p>{caveat()}</p>
        </div>
        <DataTable table=table(&response, &score, reader) stacked=true id="benchmark-table"/>
    }
}
