//! The report's factor statistics: means, shares and the great-deal gap per factor, the averages, how
//! the group answered each measure (stacked bars), the gap chart, and the group's profile (radar of
//! the six categories, scatter of the eight factors). Each chart sits beside its table.

use leptos::prelude::*;

use crate::charts::group::{
    distribution_bars, distribution_summary, distributions, gap_bars, gap_summary, gaps,
    mean_lines, mean_points, means_summary,
};
use crate::charts::profile::{radar, scatter, scatter_summary};
use crate::engine::aggregate::GroupStatistics;
use crate::engine::instrument::{Factor, Measure};
use crate::model::groups::report::{
    averages_table, distribution_table, factor_table, gap_table, means_table,
};
use crate::web::components::chart::ChartFigure;
use crate::web::components::table::DataTable;

fn distribution_figure(s: &GroupStatistics, measure: Measure) -> impl IntoView {
    let rows = distributions(s, measure);
    let id = match measure {
        Measure::Importance => "group-importance-distribution",
        Measure::Prevalence => "group-prevalence-distribution",
    };
    let table = distribution_table(s, measure);
    view! {
        <ChartFigure
            id=id
            label=format!("Stacked bar chart: how the group rated the {} of each factor", measure.id())
            summary=distribution_summary(&rows, measure)
            chart=distribution_bars(&rows)
            height=400
        >
            <DataTable table=table/>
        </ChartFigure>
    }
}

pub(super) fn factor_section(s: &GroupStatistics) -> impl IntoView {
    let gap_rows = gaps(s);
    let gap_table = gap_table(s);
    view! {
        <section aria-labelledby="factors-heading">
            <h2 id="factors-heading">"Importance and prevalence of each factor"</h2>
            <p>
                "Scores run from 0 (not at all) to 3 (a great deal). “Not applicable” answers are left out of every mean "
                "and share. The great-deal gap is the share rating a factor important a great deal minus the share "
                "finding it prevalent a great deal in their organisation (section 2.3 of the report)."
            </p>
            <DataTable table=factor_table(s)/>
            <h3>"Average scores"</h3>
            <DataTable table=averages_table(s)/>
            <h3>"How the group answered"</h3>
            {distribution_figure(s, Measure::Importance)}
            {distribution_figure(s, Measure::Prevalence)}
            <h3>"Great-deal gap"</h3>
            <ChartFigure
                id="group-gap"
                label="Bar chart: great-deal gap per factor, in percentage points".to_string()
                summary=gap_summary(&gap_rows)
                chart=gap_bars(&gap_rows)
                height=360
            >
                <DataTable table=gap_table/>
            </ChartFigure>
        </section>
    }
}

pub(super) fn profile_section(s: &GroupStatistics) -> impl IntoView {
    let points = mean_points(s);
    let six = means_table(
        s,
        &Factor::INDEX_CATEGORIES,
        "Mean scores of the six categories, 0 to 3",
    );
    let eight = means_table(
        s,
        &Factor::ALL,
        "Mean importance and prevalence of the eight factors, 0 to 3",
    );
    view! {
        <section aria-labelledby="profile-heading">
            <h2 id="profile-heading">"The group's profile"</h2>
            <ChartFigure
                id="group-radar"
                label="Radar chart: the group's mean importance and mean prevalence of the six categories, 0 to 3".to_string()
                summary=means_summary(s)
                chart=radar(&mean_lines(s, "", false))
                height=420
            >
                <DataTable table=six/>
            </ChartFigure>
            <ChartFigure
                id="group-scatter"
                label="Scatter chart: each factor's mean importance against its mean prevalence, with the diagonal where they match".to_string()
                summary=scatter_summary(&points)
                chart=scatter(&points)
                height=420
            >
                <DataTable table=eight/>
            </ChartFigure>
        </section>
    }
}
