//! The group's agreed actions, recorded on the report with the same editor as a person's plan:
//! saved with the group (each change applied to the group as storage holds it now, so that two tabs
//! keep each other's), in the group's JSON download, as their own CSV, and printed with the report.

use leptos::prelude::*;

use crate::engine::aggregate::GroupReport;
use crate::model::actions::{group_suggested, to_csv, PlanEdit};
use crate::model::groups::file_stem;
use crate::web::browser::{download, now};
use crate::web::components::plan::{PlanHandle, PlanPanel};
use crate::web::stores::groups::GroupStore;

use super::export::local_minute;

/// The section, for the group shown.
#[component]
pub(super) fn AgreedActions(
    store: GroupStore,
    current: Memo<Option<String>>,
    report: Memo<Option<GroupReport>>,
) -> impl IntoView {
    move || {
        current
            .get()
            .map(|id| view! { <GroupPlan store=store id=id report=report/> })
    }
}

#[component]
fn GroupPlan(store: GroupStore, id: String, report: Memo<Option<GroupReport>>) -> impl IntoView {
    let plan = Signal::derive({
        let id = id.clone();
        move || store.with(&id, |g| g.map(|g| g.actions.clone()).unwrap_or_default())
    });
    let apply = Callback::new({
        let id = id.clone();
        move |edit: PlanEdit| {
            match store.change(&id, |g| g.edit_actions(edit, &now())) {
                Some(result) => result.map_err(|e| e.to_string()),
                None => Err("That group no longer exists in this browser; it may have been deleted in another tab.".into()),
            }
        }
    });
    // What the report shows now (withheld below the minimum group size: then nothing is suggested).
    let suggested =
        report.with_untracked(|r| group_suggested(r.as_ref().and_then(|r| r.statistics.as_ref())));
    let download_csv = Callback::new(move |()| {
        store
            .with(&id, |g| {
                g.map(|g| {
                    download(
                        &format!(
                            "{}.csv",
                            file_stem(&g.name, "agreed-actions", &local_minute())
                        ),
                        "text/csv;charset=utf-8",
                        &String::from_utf8(to_csv(&g.actions)).unwrap_or_default(),
                    )
                })
            })
            .unwrap_or_else(|| Err("That group no longer exists in this browser.".into()))
    });
    view! {
        <section aria-labelledby="agreed-actions-heading" class="group-section agreed-actions">
            <h2 id="agreed-actions-heading">"Agreed actions"</h2>
            <p class="no-print">
                "Record what the group agrees to do about the report: the factors or areas of action to work on, and for each "
                "action who will do it, by when and how far it has got. They are saved with the group, in this browser, and "
                "are in the group's JSON download and in print."
            </p>
            <PlanPanel handle=PlanHandle { plan, apply } suggested=suggested prefix="group-plan"
                legend="What will the group work on?" download_label="Download the agreed actions (CSV)"
                download=download_csv print_title="Agreed actions" empty="No actions recorded yet."/>
        </section>
    }
}
