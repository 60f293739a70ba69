//! The radar of the six categories, with what it can be compared with.

use leptos::prelude::*;

use super::{opt_score, section_heading};
use crate::charts::profile::{
    overlay_lines, radar, radar_summary, score_lines, survey_2018_lines, survey_2018_summary,
};
use crate::engine::benchmark::BENCHMARK_2018;
use crate::engine::instrument::Factor;
use crate::engine::response::Response;
use crate::engine::scoring::ResponseScore;
use crate::model::format::share as percent_of;
use crate::model::results::{radar_label, radar_table_caption, Reader, SectionKind, EARLIER_LINES};
use crate::web::browser::long_date;
use crate::web::components::chart::ChartFigure;
use crate::web::components::table_scroll;
use crate::web::stores::book::Session;

/// What the radar can be compared with.
#[derive(Clone, Debug, PartialEq)]
enum Overlay {
    None,
    Benchmark,
    Earlier(String),
}

/// The radar, with an optional overlay, its summary and its data table.
#[component]
pub(super) fn RadarSection(score: ResponseScore, own_id: String, read_only: bool) -> impl IntoView {
    let session = Session::get();
    let reader = Reader::of(read_only);
    let overlay = RwSignal::new(Overlay::None);
    // The answers of the other completed assessments as they are now; only the one chosen is scored.
    let earlier: Vec<(String, String, Response)> = if read_only {
        Vec::new()
    } else {
        session.book.with_untracked(|b| {
            b.assessments
                .iter()
                .filter(|a| a.id() != own_id && a.completed_at.is_some())
                .map(|a| {
                    let label = format!(
                        "{} ({})",
                        a.name,
                        long_date(a.completed_at.as_deref().unwrap_or(&a.created_at))
                    );
                    (a.id().to_string(), label, a.response.clone())
                })
                .collect()
        })
    };
    let earlier = StoredValue::new(earlier);
    let own = StoredValue::new(score.clone());
    // The earlier assessment shown, if any: its label and score.
    let chosen = Memo::new(move |_| match overlay.get() {
        Overlay::Earlier(id) => earlier.with_value(|e| {
            e.iter()
                .find(|(i, _, _)| *i == id)
                .map(|(_, label, response)| {
                    (label.clone(), crate::engine::scoring::score(response))
                })
        }),
        Overlay::None | Overlay::Benchmark => None,
    });
    let lines = Memo::new(move |_| {
        let mut lines = score_lines(&own.get_value(), "");
        match overlay.get() {
            Overlay::None => {}
            Overlay::Benchmark => lines.extend(survey_2018_lines()),
            Overlay::Earlier(_) => {
                if let Some((label, s)) = chosen.get() {
                    lines.extend(overlay_lines(score_lines(&s, &format!("{label}: "))));
                }
            }
        }
        lines
    });
    let chart = Signal::derive(move || radar(&lines.get()));
    let summary = Signal::derive(move || {
        let mut text = radar_summary(&own.get_value());
        match overlay.get() {
            Overlay::Benchmark => text.push_str(&format!(" {}", survey_2018_summary())),
            Overlay::Earlier(_) => text.push_str(&format!(" {EARLIER_LINES}")),
            Overlay::None => {}
        }
        text
    });
    let options = earlier.with_value(|e| {
        e.iter()
            .map(|(id, label, _)| (id.clone(), label.clone()))
            .collect::<Vec<_>>()
    });
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        overlay.set(match value.as_str() {
            "" => Overlay::None,
            "benchmark" => Overlay::Benchmark,
            id => Overlay::Earlier(id.to_string()),
        });
    };
    view! {
        {section_heading(SectionKind::Profile, reader)}
        <div class="form-group compact">
            <label class="label" for="radar-overlay">"Compare with"</label>
            <select class="select" id="radar-overlay" on:change=on_change>
                <option value="">"Nothing"</option>
                <option value="benchmark">"The 2018 survey"</option>
                {options.into_iter().map(|(id, label)| view! { <option value=id>{format!("Your earlier assessment: {label}")}</option> }).collect_view()}
            </select>
        </div>
        <ChartFigure
            id="results-radar"
            label=radar_label(reader).to_string()
            summary=summary
            chart=chart
            height=420
        >
            {table_scroll(radar_table_caption(reader), view! {
                <table class="stack-table" role="table">
                    <caption>{radar_table_caption(reader)}</caption>
                    <thead role="rowgroup">
                        <tr role="row">
                            <th scope="col" role="columnheader">"Category"</th>
                            <th scope="col" role="columnheader" class="num">"Importance"</th>
                            <th scope="col" role="columnheader" class="num">"Prevalence"</th>
                            {move || match overlay.get() {
                                Overlay::Benchmark => view! {
                                    <th scope="col" role="columnheader" class="num">"2018: at least somewhat important"</th>
                                    <th scope="col" role="columnheader" class="num">"2018: at least somewhat prevalent"</th>
                                }.into_any(),
                                Overlay::Earlier(_) => view! {
                                    <th scope="col" role="columnheader" class="num">"Earlier importance"</th>
                                    <th scope="col" role="columnheader" class="num">"Earlier prevalence"</th>
                                }.into_any(),
                                Overlay::None => ().into_any(),
                            }}
                        </tr>
                    </thead>
                    <tbody role="rowgroup">
                        {Factor::INDEX_CATEGORIES.iter().enumerate().map(|(i, f)| {
                            let f = *f;
                            let mine = own.with_value(|s| *s.factor(f));
                            view! {
                                <tr role="row">
                                    <th scope="row" role="rowheader">{f.name()}</th>
                                    <td class="num" role="cell" data-label="Importance">{opt_score(mine.importance)}</td>
                                    <td class="num" role="cell" data-label="Prevalence">{opt_score(mine.prevalence)}</td>
                                    {move || match overlay.get() {
                                        Overlay::Benchmark => {
                                            let b = &BENCHMARK_2018.factors[i];
                                            view! {
                                                <td class="num" role="cell" data-label="2018: at least somewhat important">{percent_of(Some(b.importance_at_least_somewhat))}</td>
                                                <td class="num" role="cell" data-label="2018: at least somewhat prevalent">{percent_of(Some(b.prevalence_at_least_somewhat))}</td>
                                            }.into_any()
                                        }
                                        Overlay::Earlier(_) => {
                                            let theirs = chosen.with(|c| c.as_ref().map(|(_, s)| *s.factor(f)));
                                            view! {
                                                <td class="num" role="cell" data-label="Earlier importance">{opt_score(theirs.and_then(|t| t.importance))}</td>
                                                <td class="num" role="cell" data-label="Earlier prevalence">{opt_score(theirs.and_then(|t| t.prevalence))}</td>
                                            }.into_any()
                                        }
                                        Overlay::None => ().into_any(),
                                    }}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </ChartFigure>
    }
}
