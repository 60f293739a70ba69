//! The report's breakdowns: citizen engagement by success of the project and by sector, and
//! incentives and tools by role group. Each chart sits beside its table; a column or group below the
//! minimum group size is withheld in both.

use leptos::prelude::*;

use crate::charts::group::{
    crosstab_series, crosstab_summary, engagement_steps, grouped_bars, role_group_categories,
    role_group_series, role_group_summary,
};
use crate::engine::aggregate::GroupStatistics;
use crate::model::groups::report::{role_table, sector_table, success_table};
use crate::model::groups::tables::{sector_column_name, success_column_name};
use crate::web::components::chart::ChartFigure;
use crate::web::components::table::DataTable;

pub(super) fn engagement_section(s: &GroupStatistics, min: usize) -> impl IntoView {
    let success = crosstab_series(&s.engagement_by_success, |k| success_column_name(k).into());
    let sector = crosstab_series(&s.engagement_by_sector, sector_column_name);
    let steps = engagement_steps();
    let (success_table, sector_table) = (success_table(s, min), sector_table(s, min));
    view! {
        <section aria-labelledby="engagement-heading">
            <h2 id="engagement-heading">"Citizen engagement"</h2>
            <p>
                "How far the public and service users are involved (q10), on the five-step ladder from INFORM to "
                "EMPOWER, by how successful the respondent's project was (q6) and by sector (q16). Shares are of each "
                "column's respondents; “not applicable” answers are left out."
            </p>
            <ChartFigure
                id="group-engagement-success"
                label="Grouped bar chart: engagement step by success of the project".to_string()
                summary=crosstab_summary(&success)
                chart=grouped_bars(&steps, &success)
                height=380
            >
                <DataTable table=success_table/>
            </ChartFigure>
            <ChartFigure
                id="group-engagement-sector"
                label="Grouped bar chart: engagement step by sector".to_string()
                summary=crosstab_summary(&sector)
                chart=grouped_bars(&steps, &sector)
                height=380
            >
                <DataTable table=sector_table/>
            </ChartFigure>
        </section>
    }
}

pub(super) fn role_section(s: &GroupStatistics, min: usize) -> impl IntoView {
    let table = role_table(s, min);
    view! {
        <section aria-labelledby="roles-heading">
            <h2 id="roles-heading">"Chief executives and everyone else"</h2>
            <p>"The report compares chief and deputy chief executives with everyone else on incentives (q11) and tools (q12)."</p>
            <ChartFigure
                id="group-role-groups"
                label="Grouped bar chart: share saying little or no incentive and little or no tools, by role group".to_string()
                summary=role_group_summary(s, min)
                chart=grouped_bars(&role_group_categories(), &role_group_series(s))
                height=340
            >
                <DataTable table=table/>
            </ChartFigure>
        </section>
    }
}
