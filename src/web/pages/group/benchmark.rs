//! The report compared with the 2018 survey: the survey's caveat about its own sample, figure by
//! figure, and which factor stands out in each.

use leptos::prelude::*;

use crate::engine::aggregate::GroupReport;
use crate::engine::benchmark::{compare_group, BENCHMARK_2018};
use crate::model::groups::report::{benchmark_table, findings_table};
use crate::web::components::table::DataTable;

/// The report's caveat about its own sample, with n and date.
fn benchmark_caveat() -> impl IntoView {
    view! {
        <div class="notice" role="note">
            <p>
                <strong>"About the 2018 figures: "</strong>
                {format!(
                    "{} respondents, fieldwork December 2017 to February 2018, published June 2018 ({}). ",
                    BENCHMARK_2018.n, BENCHMARK_2018.source
                )}
                "They chose to answer a survey about collaboration, so they are likely to be the people most "
                "interested in it: the report itself says readiness is likely overstated by its data (section 2.3). "
                "Only figures the report printed are compared."
            </p>
        </div>
    }
}

pub(super) fn benchmark_section(report: &GroupReport) -> impl IntoView {
    let comparison = compare_group(report);
    view! {
        <section aria-labelledby="benchmark-heading">
            <h2 id="benchmark-heading">"Compared with the 2018 survey"</h2>
            {benchmark_caveat()}
            <DataTable table=benchmark_table(&comparison)/>
            <DataTable table=findings_table(&comparison)/>
        </section>
    }
}
