//! The comparison of two of the person's assessments: its own screen, reached from the results.

use leptos::prelude::*;

use super::opt_score;
use crate::charts::profile::{overlay_lines, radar, score_lines};
use crate::engine::instrument::Factor;
use crate::engine::scoring::score;
use crate::model::results::{change, compare_options, compare_summary, distinct_pair};
use crate::model::routes::Route;
use crate::web::browser::long_date;
use crate::web::components::chart::ChartFigure;
use crate::web::components::table_scroll;
use crate::web::stores::book::Session;

/// Two of the person's assessments side by side: radar overlay and change per factor.
#[component]
pub fn ComparePage() -> impl IntoView {
    let session = Session::get();
    let choices: Vec<(String, String)> = session.book.with_untracked(|b| {
        b.assessments
            .iter()
            .rev()
            .map(|a| {
                (
                    a.id().to_string(),
                    format!(
                        "{} ({})",
                        a.name,
                        long_date(a.completed_at.as_deref().unwrap_or(&a.updated_at))
                    ),
                )
            })
            .collect()
    });
    if choices.len() < 2 {
        return view! {
            <h1 tabindex="-1">"Compare two assessments"</h1>
            <p>"You need at least two assessments in this browser to compare them."</p>
            <p><a href=Route::Assessments.href()>"See your assessments"</a></p>
        }
        .into_any();
    }
    let first = RwSignal::new(choices[1].0.clone());
    let second = RwSignal::new(choices[0].0.clone());
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
    let chart = Signal::derive(move || {
        let Some((a, sa, b, sb)) = pair.get() else {
            return radar(&[]);
        };
        let mut lines = overlay_lines(score_lines(&sa, &format!("{}: ", a.name)));
        lines.extend(score_lines(&sb, &format!("{}: ", b.name)));
        radar(&lines)
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
            {table_scroll("Change per factor", view! {
                {move || pair.get().map(|(_, sa, _, sb)| {
                    view! {
                        <table id="compare-table" class="stack-table" role="table">
                            <caption>"Change per factor, from the earlier to the later assessment (0 to 3)"</caption>
                            <thead role="rowgroup">
                                <tr role="row">
                                    <th scope="col" role="columnheader">"Factor"</th>
                                    <th scope="col" role="columnheader" class="num">"Importance before"</th>
                                    <th scope="col" role="columnheader" class="num">"Importance after"</th>
                                    <th scope="col" role="columnheader" class="num">"Change"</th>
                                    <th scope="col" role="columnheader" class="num">"Prevalence before"</th>
                                    <th scope="col" role="columnheader" class="num">"Prevalence after"</th>
                                    <th scope="col" role="columnheader" class="num">"Change"</th>
                                </tr>
                            </thead>
                            <tbody role="rowgroup">
                                {Factor::ALL.iter().map(|f| {
                                    let (x, y) = (sa.factor(*f), sb.factor(*f));
                                    view! {
                                        <tr role="row">
                                            <th scope="row" role="rowheader">{f.name()}</th>
                                            <td class="num" role="cell" data-label="Importance before">{opt_score(x.importance)}</td>
                                            <td class="num" role="cell" data-label="Importance after">{opt_score(y.importance)}</td>
                                            <td class="num" role="cell" data-label="Change in importance">{change(x.importance, y.importance)}</td>
                                            <td class="num" role="cell" data-label="Prevalence before">{opt_score(x.prevalence)}</td>
                                            <td class="num" role="cell" data-label="Prevalence after">{opt_score(y.prevalence)}</td>
                                            <td class="num" role="cell" data-label="Change in prevalence">{change(x.prevalence, y.prevalence)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            })}
        </ChartFigure>
    }
    .into_any()
}
