//! The 2018 survey's published figures: what a self-assessment or a group is compared with.
//!
//! Everything shown comes from `engine::benchmark::BENCHMARK_2018` (the opening's figure is checked
//! against it in `model::openings`), with the report's own caveat; the chart's rows, its summary
//! and both tables are built in `charts::survey_2018`.

use leptos::prelude::*;

use crate::charts::paired_share_bars;
use crate::charts::survey_2018::{averages_table, categories_table, category_rows, summary};
use crate::engine::benchmark::BENCHMARK_2018;
use crate::model::openings;
use crate::web::components::chart::ChartFigure;
use crate::web::components::table::DataTable;

/// What the 2018 survey found, with a chart, its data table and the report's caveat.
#[component]
pub fn BenchmarkPage() -> impl IntoView {
    let rows = category_rows();
    let chart = paired_share_bars(
        "Share of 2018 respondents answering at least somewhat",
        &rows,
    );
    view! {
        <div class="opening" inner_html=openings::BENCHMARK></div>
        <h2>"Importance and prevalence of the six categories"</h2>
        <ChartFigure
            id="benchmark-categories"
            label="Bar chart: share of the 2018 respondents rating each category at least somewhat important, and at least somewhat prevalent in their organisation".to_string()
            summary=summary(&rows)
            chart=chart
            height=380
        >
            <DataTable
                table=categories_table()
                label="Share of 2018 respondents answering at least somewhat, by category"
            />
        </ChartFigure>
        <h2>"Average scores"</h2>
        <p>"On a scale from 0 (not at all) to 3 (a great deal), the report gives these averages (section 2.3):"</p>
        <DataTable table=averages_table() label="Average scores in the 2018 survey"/>
        <p class="caveat">"Source: "{BENCHMARK_2018.source}"."</p>
    }
}
