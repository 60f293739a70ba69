//! The action plan on the results page: the person's own (edited, saved with the assessment, with
//! its CSV download), the plan of their earlier assessment beside what changed since, and a plan
//! someone shared (read-only). On paper the plan prints as a table; the editor stays on screen.

use leptos::prelude::*;

use super::section_heading;
use crate::engine::scoring::{self, ResponseScore};
use crate::model::actions::{suggested, to_csv, Plan};
use crate::model::book::{export_file_stem, Action};
use crate::model::format::long_day;
use crate::model::results::plan::{earlier_plan, earlier_table, plan_intro, plan_table};
use crate::model::results::{Reader, SectionKind};
use crate::web::browser::{download, now};
use crate::web::components::plan::{PlanHandle, PlanPanel};
use crate::web::components::table::DataTable;
use crate::web::stores::book::Session;

/// The person's plan for the open assessment.
#[component]
pub(super) fn PlanSection(id: String, score: ResponseScore) -> impl IntoView {
    let session = Session::get();
    let plan = Signal::derive({
        let id = id.clone();
        move || {
            session
                .book
                .with(|b| b.get(&id).map(|a| a.plan()).unwrap_or_default())
        }
    });
    let apply = Callback::new({
        let id = id.clone();
        move |edit| {
            session
                .dispatch(Action::Plan {
                    id: id.clone(),
                    edit,
                    now: now(),
                })
                .map_err(|e| e.to_string())
        }
    });
    let earlier = session
        .book
        .with_untracked(|b| earlier_plan(&b.assessments, &id).cloned());
    let now_score = score.clone();
    let download_csv = Callback::new({
        let id = id.clone();
        move |()| {
            let file = session.book.with_untracked(|b| {
                b.get(&id).map(|a| {
                    (
                        format!("{}-actions.csv", export_file_stem(&a.name, a.id())),
                        String::from_utf8(to_csv(&a.plan())).unwrap_or_default(),
                    )
                })
            });
            match file {
                Some((name, csv)) => download(&name, "text/csv;charset=utf-8", &csv),
                None => Err("That assessment no longer exists in this browser.".into()),
            }
        }
    });
    view! {
        {section_heading(SectionKind::Plan, Reader::Owner)}
        <p class="no-print">{plan_intro(Reader::Owner)}</p>
        {earlier.map(|e| {
            let table = earlier_table(&e, &scoring::score(&e.response), &now_score);
            view! {
                <h3>"Your earlier plan"</h3>
                <p>
                    {format!(
                        "When you assessed before, in \u{201c}{}\u{201d}, you planned these actions. Beside each is how far it got and what changed since in what it is about.",
                        e.name
                    )}
                </p>
                <DataTable table=table stacked=true/>
            }
        })}
        <PlanPanel handle=PlanHandle { plan, apply } suggested=suggested(&score) prefix="plan"
            legend="What will you work on?" download_label="Download the actions (CSV)"
            download=download_csv print_title="Your action plan"/>
    }
}

/// A plan someone shared with their results: shown, not edited.
#[component]
pub(super) fn SharedPlan(plan: Plan) -> impl IntoView {
    view! {
        {section_heading(SectionKind::Plan, Reader::Shared)}
        <p>{plan_intro(Reader::Shared)}</p>
        <DataTable table=plan_table(&plan, "The action plan", long_day) stacked=true/>
    }
}
