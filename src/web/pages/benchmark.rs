//! The 2018 survey's published figures: what a self-assessment or a group is compared with.
//!
//! Everything shown comes from `engine::benchmark::BENCHMARK_2018`, with the report's own caveat; the
//! chart's rows, its summary and both tables are built in `charts::survey_2018`.

use leptos::prelude::*;

use crate::charts::paired_share_bars;
use crate::charts::survey_2018::{averages_table, categories_table, category_rows, summary};
use crate::engine::benchmark::BENCHMARK_2018;
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
        <h1 tabindex="-1">"What the 2018 survey found"</h1>
        <p class="lead">
            "Between December 2017 and February 2018, "{BENCHMARK_2018.n}" respondents, most of them "
            "chief executives and directors in the public, private and third sectors, answered the questions "
            "this self-assessment asks."
        </p>
        <div class="notice" role="note">
            <p>
                <strong>"Read these figures with care. "</strong>
                "They come from "{BENCHMARK_2018.n}" respondents who chose to answer a survey about collaboration. "
                "The report itself says they represent people most interested in collaboration, and that the real "
                "state of readiness is likely to be overstated by its data (section 2.3)."
            </p>
        </div>
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
