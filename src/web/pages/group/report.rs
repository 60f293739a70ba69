//! The group report itself (`instrument.md` §3 "Many responses"): who answered, the headline shares,
//! each factor's distribution, means and gaps ([`super::factors`]), the cross-tabs and role groups
//! ([`super::breakdowns`]), where the group disagrees, and the comparison with the 2018 survey
//! ([`super::benchmark`]).
//!
//! A view over one [`GroupReport`]: what it shows is decided in [`crate::model::groups::report`],
//! every table drawn by [`DataTable`]. Text from responses never reaches this page (the report holds
//! only counts and statistics).

use leptos::prelude::*;

use crate::engine::aggregate::{GroupReport, GroupStatistics};
use crate::model::groups::report::{
    coverage, divided_finding, headline_table, sample_tables, spread_table,
};
use crate::model::groups::tables::DIVIDED_AT;
use crate::model::groups::Partial;
use crate::web::components::table::DataTable;

use super::benchmark::benchmark_section;
use super::breakdowns::{engagement_section, role_section};
use super::factors::{factor_section, profile_section};

/// The report, or why it is withheld. `partial`: the partial responses among those the filter keeps,
/// and whether the report counts them.
pub fn report_view(report: &GroupReport, partial: (u64, Partial)) -> AnyView {
    let c = coverage(report, partial);
    let size = view! {
        <p class="report-size">
            <strong>{c.size}</strong>
            {c.filtered}
            {c.partial}
            {c.rule}
        </p>
    };
    let Some(s) = &report.statistics else {
        return view! {
            {size}
            <div class="notice" role="note"><p>{c.withheld}</p></div>
        }
        .into_any();
    };
    let min = report.min_group_size;
    view! {
        {size}
        {sample_section(s, min)}
        {headline_section(s)}
        {factor_section(s)}
        {profile_section(s)}
        {engagement_section(s, min)}
        {role_section(s, min)}
        {spread_section(s)}
        {benchmark_section(report)}
    }
    .into_any()
}

fn sample_section(s: &GroupStatistics, min: usize) -> impl IntoView {
    let tables = sample_tables(s, min)
        .into_iter()
        .map(|t| view! { <DataTable table=t/> })
        .collect_view();
    view! {
        <section aria-labelledby="sample-heading">
            <h2 id="sample-heading">"Who answered"</h2>
            <p>"Shares are of the respondents who answered each question. Several areas and regions can be chosen, so those shares add up to more than 100%."</p>
            {tables}
        </section>
    }
}

fn headline_section(s: &GroupStatistics) -> impl IntoView {
    view! {
        <section aria-labelledby="headline-heading">
            <h2 id="headline-heading">"Headline figures"</h2>
            <p>"Each share is of the people who answered that question (n). Questions about a recent project (q3 to q6) count only those who had one (q1 = yes)."</p>
            <DataTable table=headline_table(s)/>
        </section>
    }
}

fn spread_section(s: &GroupStatistics) -> impl IntoView {
    view! {
        <section aria-labelledby="spread-heading">
            <h2 id="spread-heading">"Where the group does not agree"</h2>
            <p>
                "A mean can hide a split group. The standard deviation is the usual spread of the scores; disagreement "
                "runs from 0 (everyone gave the same answer) to 1 (half said “not at all”, half “a great deal”). "
                {format!("A rating is marked divided from {DIVIDED_AT:.1}: answers spread about as widely as an even split over all four options, or wider.")}
            </p>
            <p class="finding"><strong>{divided_finding(s)}</strong></p>
            <DataTable table=spread_table(s)/>
        </section>
    }
}
