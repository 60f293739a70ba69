//! Comparing two groups: choose a second group, and read both reports side by side (key figures and a
//! radar of both groups' means), under the same filter, minimum group size and choice of partial
//! responses.

use leptos::prelude::*;

use crate::charts::group::{compare_summary, mean_lines};
use crate::charts::profile::radar;
use crate::engine::aggregate::{GroupOptions, GroupReport};
use crate::model::groups::report::{compare_means_table, key_figures_table};
use crate::model::groups::{group_report, Partial};
use crate::web::components::chart::ChartFigure;
use crate::web::components::table::DataTable;
use crate::web::stores::groups::GroupStore;

use super::{current_name, group_label};

/// A second group's report side by side with this one's.
#[component]
pub(super) fn Compare(
    store: GroupStore,
    current: Memo<Option<String>>,
    options: RwSignal<GroupOptions>,
    partial: RwSignal<Partial>,
    report: Memo<Option<GroupReport>>,
) -> impl IntoView {
    let other = RwSignal::new(None::<String>);
    let others = move || {
        let id = current.get();
        store.groups.with(|gs| {
            gs.iter()
                .filter(|g| Some(&g.id) != id.as_ref())
                .map(|g| (g.id.clone(), group_label(g)))
                .collect::<Vec<_>>()
        })
    };
    let second = Memo::new(move |_| {
        let id = other.get()?;
        let options = options.get();
        let partial = partial.get();
        store.groups.with(|gs| {
            gs.iter()
                .find(|g| g.id == id && Some(&g.id) != current.get().as_ref())
                .map(|g| (g.name.clone(), group_report(&g.responses, options, partial)))
        })
    });
    view! {
        <section aria-labelledby="compare-heading" class="group-section compare">
            <h2 id="compare-heading">"Compare with another group"</h2>
            <Show
                when=move || !others().is_empty()
                fallback=|| view! {
                    <p>"Start another group (for example the same group last year) and add its responses to compare the two here."</p>
                }
            >
                <div class="form-group no-print">
                    <label class="label" for="compare-select">"Compare with"</label>
                    <p class="hint" id="compare-hint">"Both reports use the same filter, minimum group size and choice of partial responses."</p>
                    <select id="compare-select" class="select" aria-describedby="compare-hint"
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            other.set((!v.is_empty()).then_some(v));
                        }>
                        <option value="">"No comparison"</option>
                        {move || others().into_iter().map(|(id, label)| {
                            let selected = other.get().as_deref() == Some(id.as_str());
                            view! { <option value=id selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || {
                    let first = report.get()?;
                    let (name, second) = second.get()?;
                    Some(comparison_view(&current_name(store, current), &first, &name, &second))
                }}
            </Show>
        </section>
    }
}

/// Two reports side by side: key figures and a radar of both groups' means.
fn comparison_view(
    first_name: &str,
    first: &GroupReport,
    second_name: &str,
    second: &GroupReport,
) -> AnyView {
    let key_table = key_figures_table(first_name, first, second_name, second);
    let radar_view = match (&first.statistics, &second.statistics) {
        (Some(s1), Some(s2)) => {
            let mut lines = mean_lines(s1, "This group: ", false);
            lines.extend(mean_lines(s2, "Compared group: ", true));
            let table = compare_means_table(s1, s2);
            view! {
                <ChartFigure
                    id="group-compare-radar"
                    label="Radar chart: mean importance and prevalence of the six categories in this group (solid) and the compared group (dashed)".to_string()
                    summary=compare_summary(s1, s2)
                    chart=radar(&lines)
                    height=440
                >
                    <DataTable table=table/>
                </ChartFigure>
            }
            .into_any()
        }
        _ => view! {
            <p>"One of the two reports is withheld (fewer responses than the minimum group size), so only their sizes are compared."</p>
        }
        .into_any(),
    };
    view! { <DataTable table=key_table/> {radar_view} }.into_any()
}
