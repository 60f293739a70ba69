//! The comparison of two of the person's assessments: its own screen, reached from the results.

use leptos::prelude::*;

use crate::charts::profile::{compare_lines, radar};
use crate::engine::scoring::score;
use crate::model::results::compare::{
    choices, compare_options, compare_summary, distinct_pair, first_pair, table,
};
use crate::model::routes::Route;
use crate::web::browser::long_date;
use crate::web::components::chart::ChartFigure;
use crate::web::components::table::DataTable;
use crate::web::stores::book::Session;

/// Two of the person's assessments side by side: radar overlay and change per factor.
#[component]
pub fn ComparePage() -> impl IntoView {
    let session = Session::get();
    let choices: Vec<(String, String)> = session
        .book
        .with_untracked(|b| choices(&b.assessments, long_date));
    let Some((first, second)) = first_pair(&choices) else {
        return view! {
            <h1 tabindex="-1">"Compare two assessments"</h1>
            <p>"You need at least two assessments in this browser to compare them."</p>
            <p><a href=Route::Assessments.href()>"See your assessments"</a></p>
        }
        .into_any();
    };
    let first = RwSignal::new(first);
    let second = RwSignal::new(second);
    let find = move |id: &str| session.book.with_untracked(|b| b.get(id).cloned());
    // The two assessments with their scores, scored once per choice; never one with itself.
    let pair = Memo::new(move |_| {
        let (first, second) = (first.get(), second.get());
        let (x, y) = distinct_pair(&first, &second)?;
        let a = find(x)?;
        let b = find(y)?;
        let (sa, sb) = (score(&a.response), score(&b.response));
        Some((a, sa, b, sb))
    });
    let chart = Signal::derive(move || match pair.get() {
        Some((a, sa, b, sb)) => radar(&compare_lines(&a.name, &sa, &b.name, &sb)),
        None => radar(&[]),
    });
    let summary = Signal::derive(move || {
        pair.get()
            .map(|(a, sa, b, sb)| compare_summary(&a.name, &sa, &b.name, &sb))
            .unwrap_or_default()
    });
    // Each list offers every assessment but the one chosen in the other, so that an assessment is
    // never compared with itself.
    let select = move |id: &'static str,
                       label: &'static str,
                       value: RwSignal<String>,
                       other: RwSignal<String>| {
        let choices = choices.clone();
        view! {
            <div class="form-group compact">
                <label class="label" for=id>{label}</label>
                <select class="select" id=id on:change=move |ev| value.set(event_target_value(&ev))>
                    {move || compare_options(&choices, &other.get()).into_iter().map(|(oid, text)| {
                        let selected = value.get_untracked() == oid;
                        view! { <option value=oid selected=selected>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <a class="back-link" href=Route::Results.href()>"Back to your results"</a>
        <h1 tabindex="-1">"Compare two assessments"</h1>
        {select("compare-first", "Earlier assessment", first, second)}
        {select("compare-second", "Later assessment", second, first)}
        <ChartFigure
            id="compare-radar"
            label="Radar chart of importance and prevalence in the two assessments".to_string()
            summary=summary
            chart=chart
            height=420
        >
            {move || pair.get().map(|(_, sa, _, sb)| view! {
                <DataTable table=table(&sa, &sb) stacked=true id="compare-table" label="Change per factor"/>
            })}
        </ChartFigure>
    }
    .into_any()
}
