//! The facilitator's group report page (`#/group`): choose or start a group, add colleagues' exported
//! responses, read the report the 2018 survey published (plus spread, filters and a second group to
//! compare with), and take it away as CSV, JSON or print.
//!
//! This module owns the page's layout and the state the sections share (the group shown, the report's
//! options). Each section has its own module: [`groups`] (choose, start, rename, delete), [`import`]
//! and [`import_summary`] (add files and what they did), [`invite`] (invitations to a round, with
//! their [`qr`] code and [`poster`]), [`paste`] (paste e-mails holding answers codes, and what that
//! did), [`responses`] (the group's responses: remove and undo), [`how_to`] (the steps of collecting
//! answers), [`options`] (filter, minimum group size, partial responses),
//! [`report`] and the modules it draws from (the report), [`free_text`] (the written answers) and
//! [`guide`] (the workshop guide and its handout), [`compare`] (a second
//! group), [`export`] (downloads and print). Groups are kept by [`GroupStore`]; every figure comes
//! from the engine, and what the report shows is decided in [`crate::model::groups::report`].

mod actions;
mod benchmark;
mod breakdowns;
mod compare;
mod export;
mod factors;
mod free_text;
mod groups;
mod guide;
mod how_to;
mod import;
mod import_summary;
mod invite;
mod options;
mod paste;
mod poster;
pub mod qr;
mod report;
mod responses;

use leptos::prelude::*;

use crate::engine::aggregate::GroupOptions;
use crate::engine::aggregate::GroupReport;
use crate::engine::Response;
use crate::model::format::responses;
use crate::model::groups::{covered, group_report, partial_count, Group, Partial};
use crate::model::openings;
use crate::web::browser::today_long;
use crate::web::components::in_turn::in_turn;
use crate::web::stores::groups::{GroupNotice, GroupStore};
use crate::web::stores::storage::namespace_from_location;

use actions::AgreedActions;
use compare::Compare;
use export::Export;
use free_text::FreeTextAnswers;
use groups::Groups;
use guide::WorkshopGuide;
use how_to::HowToCollect;
use import::{AddResponses, Importer};
use import_summary::ImportSummaryView;
use options::ReportOptions;
use paste::PasteSummary;
use responses::{Removals, ResponsesList};

/// The group report page.
#[component]
pub fn GroupPage() -> impl IntoView {
    let (store, importer) = shared(&namespace_from_location());
    // The group shown: the one chosen, else the one shown so far, else the most recently changed.
    // The one shown so far stays even when another tab changes a different group later, so that the
    // page does not switch groups under the person.
    let chosen = RwSignal::new(None::<String>);
    let current = Memo::new(move |shown: Option<&Option<String>>| {
        store.groups.with(|gs| {
            let exists = |id: &String| gs.iter().any(|g| &g.id == id);
            chosen
                .get()
                .filter(exists)
                .or_else(|| shown.cloned().flatten().filter(exists))
                .or_else(|| {
                    gs.iter()
                        .max_by(|a, b| a.updated_at.cmp(&b.updated_at))
                        .map(|g| g.id.clone())
                })
        })
    });
    let options = RwSignal::new(GroupOptions::default());
    let partial = RwSignal::new(Partial::default());
    // The report follows the groups' responses a task after they change, so that an import's
    // summary is painted before its 100,000 responses are aggregated (two shorter tasks instead of
    // one long one); a filter or another group shown changes it at once.
    let settled = a_task_after(move || store.groups.track());
    let report = Memo::new(move |_| {
        settled.track();
        let id = current.get()?;
        let options = options.get();
        let partial = partial.get();
        store.groups.with_untracked(|gs| {
            gs.iter()
                .find(|g| g.id == id)
                .filter(|g| !g.responses.is_empty())
                .map(|g| group_report(&g.responses, options, partial))
        })
    });
    // Partial responses among those the filter keeps, whether or not the report counts them.
    let partial_n = Memo::new(move |_| {
        settled.track();
        let Some(id) = current.get() else {
            return 0;
        };
        options.with(|o| {
            store.with_untracked(&id, |g| {
                g.map_or(0, |g| partial_count(&g.responses, &o.filter))
            })
        })
    });
    let covered = Covered::follow(store, current, options, partial, partial_n, report, settled);
    let group_id = Signal::derive(move || current.get().unwrap_or_default());
    // Made with the page, so that the undo of a removal lasts until the person leaves it.
    let removals = Removals::new();
    let no_responses = Signal::derive(move || {
        store.with(&group_id.get(), |g| {
            g.is_none_or(|g| g.responses.is_empty())
        })
    });

    view! {
        <div class="opening" inner_html=openings::GROUP></div>
        {move || store.notice.get().map(|n| {
            // Disabled storage stays true for the whole visit, so its notice stays too.
            let dismissible = n != GroupNotice::Unavailable;
            view! {
                <div class="notice notice-warning" role="alert">
                    <p><strong>{n.to_string()}</strong></p>
                    {dismissible.then(|| view! {
                        <p>
                            <button type="button" class="button-link" on:click=move |_| store.notice.set(None)>
                                "Hide this message"
                            </button>
                        </p>
                    })}
                </div>
            }
        })}
        <Groups store=store chosen=chosen current=current/>
        // Each part in its own task after the one before is painted (a phone took over half a second
        // to build a group of 40 in one): the groups above at once, then the parts in page order.
        <Show when=move || current.with(Option::is_some)>
            {in_turn(Box::new(move || view! { <HowToCollect open=no_responses/> }.into_any()))}
            {in_turn(Box::new(move || view! { <invite::Invite store=store current=current/> }.into_any()))}
            {in_turn(Box::new(move || view! {
                <AddResponses store=store group_id=group_id importer=importer/>
                <ImportSummaryView importer=importer/>
                <PasteSummary store=store paster=importer.paster/>
            }.into_any()))}
            {in_turn(Box::new(move || view! { <ResponsesList store=store group_id=group_id removals=removals/> }.into_any()))}
            // Drawn again only when the group gains or loses its responses, not on every change of the
            // report, so that the controls below keep their own state (the group compared with, an
            // error on the minimum group size) when a filter changes the report.
            <Show
                when=move || report.with(Option::is_some)
                fallback=|| view! {
                    <p class="empty-group">"This group has no responses yet. Paste your colleagues' e-mails or add files above to see its report."</p>
                }
            >
                {in_turn(Box::new(move || view! {
                    <ReportOptions options=options partial=partial partial_n=partial_n/>
                    <section aria-labelledby="report-heading" class="group-report">
                        <h2 id="report-heading" class="report-title">
                            {move || format!("Report: {}", current_name(store, current))}
                        </h2>
                        <p class="print-only">{format!("Printed {}.", today_long())}</p>
                        {move || {
                            let partial = (partial_n.get(), partial.get());
                            report.with(|r| r.as_ref().map(|r| report::report_view(r, partial)))
                        }}
                    </section>
                }.into_any()))}
                {in_turn(Box::new(move || view! { <WorkshopGuide covered=covered/> }.into_any()))}
                {in_turn(Box::new(move || view! { <FreeTextAnswers covered=covered/> }.into_any()))}
                {in_turn(Box::new(move || view! { <AgreedActions store=store current=current report=report/> }.into_any()))}
                {in_turn(Box::new(move || view! { <Compare store=store current=current options=options partial=partial report=report/> }.into_any()))}
                {in_turn(Box::new(move || view! { <Export store=store current=current report=report partial=partial partial_n=partial_n/> }.into_any()))}
            </Show>
        </Show>
    }
}

/// The responses the report covers, for the sections below it that read them again beside the
/// report (the workshop guide's areas, the written answers). Those sections follow a signal that
/// changes a task after anything the report is made from does (the group shown, its responses, the
/// options), rather than those inputs, so that adding 100,000 responses or choosing a filter is two
/// shorter tasks instead of one long one.
#[derive(Clone, Copy)]
pub(super) struct Covered {
    /// The groups and the group shown (for what a section says beside the responses).
    pub(super) store: GroupStore,
    pub(super) current: Memo<Option<String>>,
    options: RwSignal<GroupOptions>,
    partial: RwSignal<Partial>,
    partial_n: Memo<u64>,
    report: Memo<Option<GroupReport>>,
    later: RwSignal<u64>,
}

impl Covered {
    fn follow(
        store: GroupStore,
        current: Memo<Option<String>>,
        options: RwSignal<GroupOptions>,
        partial: RwSignal<Partial>,
        partial_n: Memo<u64>,
        report: Memo<Option<GroupReport>>,
        settled: RwSignal<u64>,
    ) -> Covered {
        let later = a_task_after(move || {
            report.track();
            current.track();
            settled.track();
        });
        Covered {
            store,
            current,
            options,
            partial,
            partial_n,
            report,
            later,
        }
    }

    /// Runs `f` on the report, the responses it covers (in order) and how many partial responses the
    /// report leaves out; `None` without a group shown or a report. The caller follows only the
    /// signal that changes a task after the report.
    pub(super) fn with<T>(
        self,
        f: impl FnOnce(&GroupReport, &mut dyn Iterator<Item = &Response>, u64) -> T,
    ) -> Option<T> {
        self.later.track();
        let id = self.current.get_untracked()?;
        let filter = self.options.with_untracked(|o| o.filter.clone());
        let partial = self.partial.get_untracked();
        let left_out = partial.left_out(self.partial_n.get_untracked());
        self.report.with_untracked(|r| {
            let r = r.as_ref()?;
            self.store.with_untracked(&id, |g| {
                g.map(|g| f(r, &mut covered(&g.responses, &filter, partial), left_out))
            })
        })
    }
}

/// A count that goes up a task after anything `track` reads changes (not when the page is made,
/// when what it reads is already as it is): following it instead of those signals puts the work
/// that depends on them into a task of its own, after the browser has painted what changed.
fn a_task_after(track: impl Fn() + 'static) -> RwSignal<u64> {
    let count = RwSignal::new(0u64);
    Effect::new(move |ran: Option<()>| {
        track();
        if ran.is_some() {
            leptos::task::spawn_local(async move {
                crate::web::browser::yield_to_browser().await;
                // The page may be gone by then.
                count.try_update(|n| *n += 1);
            });
        }
    });
    count
}

/// A group as the lists of groups name it: its name and how many responses it has.
fn group_label(g: &Group) -> String {
    format!("{} ({})", g.name, responses(g.responses.len() as u64))
}

fn current_name(store: GroupStore, current: Memo<Option<String>>) -> String {
    current
        .get()
        .and_then(|id| store.with(&id, |g| g.map(|g| g.name.clone())))
        .unwrap_or_default()
}

thread_local! {
    static SHARED: std::cell::OnceCell<(GroupStore, Importer)> =
        const { std::cell::OnceCell::new() };
}

/// The page's store and importer, created once per page load and kept for its whole life: the route
/// view is rebuilt on every navigation, but a group kept only in memory (too large for storage) or an
/// import still running must survive a visit to another page.
pub fn shared(namespace: &str) -> (GroupStore, Importer) {
    SHARED.with(|cell| {
        *cell.get_or_init(|| {
            // A root owner (no parent, never disposed), so that the signals outlive the page that
            // first asked for them: the page's own owner is set aside while the root is made.
            let page_owner = Owner::current();
            if let Some(owner) = page_owner.clone() {
                owner.unset();
            }
            let root = Owner::new();
            let made = root.with(|| (GroupStore::start(namespace), Importer::default()));
            std::mem::forget(root);
            if let Some(owner) = page_owner {
                owner.set();
            }
            made
        })
    })
}
