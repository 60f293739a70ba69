//! Individual results: the readiness headline, the per-factor table, the radar and scatter charts,
//! the comparison with the 2018 survey, the action areas that apply, the engagement ladder, and ways
//! to keep, share and print them. The same view serves the open assessment, a share link (read-only)
//! and, for two assessments, the comparison page. Every number comes from the engine.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::profile::{
    overlay_lines, radar, radar_summary, scatter, scatter_summary, score_lines, score_points,
    short_name, survey_2018_lines, survey_2018_summary,
};
use crate::engine::benchmark::{compare_response, BENCHMARK_2018};
use crate::engine::csv_format;
use crate::engine::instrument::{Choice, Engagement, Factor, INSTRUMENT};
use crate::engine::response::Response;
use crate::engine::scoring::{score, FactorScore, ResponseScore};
use crate::model::book::{export_file_stem, Action, Assessment};
use crate::model::flow;
use crate::model::results::{
    benchmark_answer, benchmark_caption, benchmark_column, change, compare_options,
    compare_summary, continue_text, distinct_pair, download_intro, engagement_position,
    headline_terms, ladder_mark, missing_pages, missing_text, next_steps_intro,
    no_action_area_text, radar_label, radar_table_caption, sections, share_intro, trigger_text,
    Reader, SectionKind, EARLIER_LINES, NEXT_STEPS_BACKGROUND,
};
use crate::model::routes::Route;
use crate::model::share;
use crate::web::browser::download;
use crate::web::browser::{long_date, now};
use crate::web::components::chart::ChartFigure;
use crate::web::components::notices::download_json;
use crate::web::components::{focus_id, table_scroll};
use crate::web::stores::book::Session;

use crate::model::format::{score as two, share as percent_of};

fn opt_score(x: Option<u8>) -> String {
    x.map(|v| v.to_string()).unwrap_or_else(|| "–".into())
}

/// What a missing factor score means for this response.
fn missing_reason(response: &Response, factor: Factor, importance: bool) -> &'static str {
    let measure = if importance {
        crate::engine::instrument::Measure::Importance
    } else {
        crate::engine::instrument::Measure::Prevalence
    };
    match response.answers().rating(measure, factor) {
        Some(e) if e.score().is_none() => "Not applicable",
        _ => "Not answered",
    }
}

/// A section's heading: focusable, so that the contents list can move focus to it.
fn section_heading(kind: SectionKind, reader: Reader) -> impl IntoView {
    view! { <h2 id=kind.id() class="section-heading" tabindex="-1">{kind.title(reader)}</h2> }
}

/// The short contents list at the top of the results (they run to many screens on a phone). The
/// app routes by the URL fragment, so a link moves focus to its heading instead of changing it.
#[component]
fn Contents(reader: Reader) -> impl IntoView {
    view! {
        <nav class="results-contents no-print" aria-labelledby="results-contents-title">
            <h2 id="results-contents-title" class="results-contents-title">"Contents"</h2>
            <ul class="results-contents-list">
                {sections(reader).into_iter().map(|section| {
                    let id = section.id;
                    view! {
                        <li>
                            <a href=format!("#{id}") on:click=move |ev| {
                                ev.prevent_default();
                                focus_id(id);
                            }>{section.title}</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

fn cell(response: &Response, f: &FactorScore, importance: bool) -> String {
    match if importance {
        f.importance
    } else {
        f.prevalence
    } {
        Some(v) => v.to_string(),
        None => missing_reason(response, f.factor, importance).to_string(),
    }
}

/// The results of the open assessment.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let session = Session::get();
    let current = Memo::new(move |_| session.book.with(|b| b.current().cloned()));
    move || match current.get() {
        None => view! {
            <h1 tabindex="-1">"No assessment is open"</h1>
            <p>"Start a self-assessment, or open one of yours, to see its results."</p>
            <p><a href=Route::Assessments.href()>"See your assessments"</a></p>
        }
        .into_any(),
        Some(a) => view! { <ResultsView assessment=a read_only=false/> }.into_any(),
    }
}

/// Results opened from a share link: read-only, with the option to keep a copy in this browser.
#[component]
pub fn SharedPage() -> impl IntoView {
    let hash = window().location().hash().unwrap_or_default();
    match share::read(&hash) {
        Err(e) => view! {
            <h1 tabindex="-1">"These shared results cannot be shown"</h1>
            <p>{e.to_string()}</p>
            <p><a href=Route::Start.href()>"Go to the start page"</a></p>
        }
        .into_any(),
        Ok(response) => {
            let assessment = Assessment {
                name: "Shared results".into(),
                created_at: response.submitted_at.clone().unwrap_or_default(),
                updated_at: String::new(),
                completed_at: None,
                page: None,
                response,
            };
            view! { <ResultsView assessment=assessment read_only=true/> }.into_any()
        }
    }
}

/// The whole results view for one assessment.
#[component]
fn ResultsView(assessment: Assessment, read_only: bool) -> impl IntoView {
    let session = Session::get();
    let response = assessment.response.clone();
    let s = score(&response);
    let completion = response.completion();
    let complete = response.is_complete();
    let reader = Reader::of(read_only);
    let missing = missing_pages(&response);
    let resume = flow::resume_at(&response);

    let heading = if read_only {
        "Shared results".to_string()
    } else {
        "Your results".to_string()
    };
    let subtitle = if read_only {
        "Someone shared these results with you. They are shown here only; nothing is saved unless you choose to keep a copy.".to_string()
    } else {
        match &assessment.completed_at {
            Some(done) => format!("{}, completed {}.", assessment.name, long_date(done)),
            None => format!("{}, not finished yet.", assessment.name),
        }
    };

    view! {
        <h1 tabindex="-1">{heading}</h1>
        <p class="lead">{subtitle}</p>
        {(!complete).then(|| view! {
            <div class="notice" role="note">
                <p>
                    {format!("These are results so far: {} of {} answers given. ", completion.answered, completion.visible)}
                    {missing_text(&missing)}
                </p>
                {(!read_only).then(|| view! {
                    <p>
                        {resume.map(|step| view! {
                            <a href=Route::Question(step).href()>{continue_text(step)}</a>
                            " or "
                        })}
                        <a href=Route::Check.href()>"check your answers"</a>
                    </p>
                })}
            </div>
        })}
        <Contents reader=reader/>
        <Headline score=s.clone() response=response.clone() reader=reader/>
        <FactorTable score=s.clone() response=response.clone() reader=reader/>
        <RadarSection score=s.clone() own_id=response.id.clone() read_only=read_only/>
        <ScatterSection score=s.clone()/>
        <BenchmarkSection score=s.clone() response=response.clone() reader=reader/>
        <NextSteps score=s.clone() response=response.clone() read_only=read_only/>
        <EngagementLadder response=response.clone() reader=reader/>
        <KeepAndShare assessment=assessment.clone() read_only=read_only/>
        {(read_only).then(|| {
            let response = response.clone();
            let (note, set_note) = signal(None::<String>);
            view! {
                {section_heading(SectionKind::KeepACopy, reader)}
                <p>"Keep these answers in this browser as one of your assessments, for example to compare them with your own."</p>
                <button type="button" class="button" on:click=move |_| {
                    let result = session.dispatch(Action::Import { response: response.clone(), name: "Shared results".into(), info: None, now: now() });
                    set_note.set(Some(match result {
                        Ok(()) => "Kept. You will find it under Your assessments.".into(),
                        Err(e) => e.to_string(),
                    }));
                }>"Keep a copy in this browser"</button>
                {move || note.get().map(|n| view! { <p role="status">{n}</p> })}
            }
        })}
    }
}

/// Readiness and importance, on 0–3 and as a percentage.
#[component]
fn Headline(score: ResponseScore, response: Response, reader: Reader) -> impl IntoView {
    let six = Factor::INDEX_CATEGORIES;
    let answered = six
        .iter()
        .filter(|f| score.factor(**f).prevalence.is_some())
        .count();
    let na = six
        .iter()
        .filter(|f| {
            missing_reason(&response, **f, false) == "Not applicable"
                && score.factor(**f).prevalence.is_none()
        })
        .count();
    let index = |x: Option<f64>| match x {
        Some(v) => format!("{} out of 3 ({})", two(v), percent_of(Some(v / 3.0))),
        None => "No score yet".into(),
    };
    let (readiness_term, importance_term) = headline_terms(reader);
    view! {
        <section class="headline" aria-labelledby=SectionKind::Readiness.id()>
            {section_heading(SectionKind::Readiness, reader)}
            <dl class="headline-figures">
                <div class="headline-figure">
                    <dt>{readiness_term}</dt>
                    <dd class="headline-value">{index(score.prevalence_index)}</dd>
                </div>
                <div class="headline-figure">
                    <dt>{importance_term}</dt>
                    <dd class="headline-value">{index(score.importance_index)}</dd>
                </div>
            </dl>
            <p>
                {format!(
                    "Based on {answered} of the 6 categories of the Collaboration Readiness Index; {na} marked not applicable. \
                     With urgency and requirements too: readiness {}, importance {}.",
                    score.prevalence_index_extended.map(two).unwrap_or_else(|| "no score".into()),
                    score.importance_index_extended.map(two).unwrap_or_else(|| "no score".into()),
                )}
            </p>
        </section>
    }
}

/// Importance, prevalence, gap, band and priority per factor.
#[component]
fn FactorTable(score: ResponseScore, response: Response, reader: Reader) -> impl IntoView {
    // The roles keep the table's meaning for assistive technology where a phone's layout stacks its
    // rows (style: .stack-table); data-label names each value there.
    let row = |f: &FactorScore| {
        view! {
            <tr role="row">
                <th scope="row" role="rowheader">{f.factor.name()}</th>
                <td class="num" role="cell" data-label="Importance">{cell(&response, f, true)}</td>
                <td class="num" role="cell" data-label="Prevalence">{cell(&response, f, false)}</td>
                <td class="num" role="cell" data-label="Gap">{f.gap.map(|g| g.to_string()).unwrap_or_else(|| "–".into())}</td>
                <td role="cell" data-label="Prevalence band">{f.band.map(|b| b.name()).unwrap_or("–")}</td>
                <td role="cell" data-label="Priority">{if f.priority { "Yes" } else { "No" }}</td>
            </tr>
        }
    };
    let (six, extra): (Vec<&FactorScore>, Vec<&FactorScore>) = score
        .factors
        .iter()
        .partition(|f| f.factor.is_index_category());
    view! {
        {section_heading(SectionKind::Factors, reader)}
        <p>
            "Scores run from 0 (not at all) to 3 (a great deal). The gap is importance minus prevalence. A factor is a "
            "priority when its gap is 2 or more, or when it is at least somewhat important but little or not present."
        </p>
        {table_scroll(SectionKind::Factors.title(reader), view! {
            <table id="factor-table" class="stack-table" role="table">
                <caption>"Importance, prevalence, gap, prevalence band and priority for each factor"</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">"Factor"</th>
                        <th scope="col" role="columnheader" class="num">"Importance"</th>
                        <th scope="col" role="columnheader" class="num">"Prevalence"</th>
                        <th scope="col" role="columnheader" class="num">"Gap"</th>
                        <th scope="col" role="columnheader">"Prevalence band"</th>
                        <th scope="col" role="columnheader">"Priority"</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    <tr class="group-row" role="row"><th scope="rowgroup" role="rowheader" colspan="6">"The six categories of the index"</th></tr>
                    {six.into_iter().map(row).collect_view()}
                </tbody>
                <tbody role="rowgroup">
                    <tr class="group-row" role="row"><th scope="rowgroup" role="rowheader" colspan="6">"Additional factors"</th></tr>
                    {extra.into_iter().map(row).collect_view()}
                </tbody>
            </table>
        })}
    }
}

/// What the radar can be compared with.
#[derive(Clone, Debug, PartialEq)]
enum Overlay {
    None,
    Benchmark,
    Earlier(String),
}

/// The radar, with an optional overlay, its summary and its data table.
#[component]
fn RadarSection(score: ResponseScore, own_id: String, read_only: bool) -> impl IntoView {
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

/// Importance against prevalence for the eight factors.
#[component]
fn ScatterSection(score: ResponseScore) -> impl IntoView {
    let points = score_points(&score);
    let summary = scatter_summary(&points);
    let chart = scatter(&points);
    view! {
        {section_heading(SectionKind::ImportancePrevalence, Reader::Owner)}
        <p>
            "Each factor is placed by how important it is rated (across) and how far it is present in the organisation "
            "(up). Factors below the dashed diagonal are more important than they are present; the shaded corner is the "
            "priority zone: important, but little or not present."
        </p>
        <ChartFigure
            id="results-scatter"
            label="Scatter chart of importance against prevalence for the eight factors, with the diagonal and the priority zone".to_string()
            summary=summary
            chart=chart
            height=420
        >
            {table_scroll("Where each factor lies", view! {
                <table class="stack-table" role="table">
                    <caption>"Where each factor lies: importance, prevalence and position"</caption>
                    <thead role="rowgroup">
                        <tr role="row">
                            <th scope="col" role="columnheader">"Factor"</th>
                            <th scope="col" role="columnheader" class="num">"Importance"</th>
                            <th scope="col" role="columnheader" class="num">"Prevalence"</th>
                            <th scope="col" role="columnheader">"Position"</th>
                        </tr>
                    </thead>
                    <tbody role="rowgroup">
                        {score.factors.iter().map(|f| {
                            let position = match (f.importance, f.prevalence) {
                                (Some(i), Some(p)) if i >= 2 && p <= 1 => "Priority zone",
                                (Some(i), Some(p)) if p < i => "Below the diagonal",
                                (Some(i), Some(p)) if p == i => "On the diagonal",
                                (Some(_), Some(_)) => "Above the diagonal",
                                _ => "Not shown: a rating is missing or not applicable",
                            };
                            view! {
                                <tr role="row">
                                    <th scope="row" role="rowheader">{short_name(f.factor)}</th>
                                    <td class="num" role="cell" data-label="Importance">{opt_score(f.importance)}</td>
                                    <td class="num" role="cell" data-label="Prevalence">{opt_score(f.prevalence)}</td>
                                    <td role="cell" data-label="Position">{position}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </ChartFigure>
    }
}

/// How the answers compare with the 2018 survey, with its caveat.
#[component]
fn BenchmarkSection(score: ResponseScore, response: Response, reader: Reader) -> impl IntoView {
    let rows = compare_response(&response, &score);
    view! {
        {section_heading(SectionKind::Benchmark, reader)}
        <div class="notice" role="note">
            <p>
                {format!("The 2018 figures come from {} people who answered the same questions between December 2017 and \
                    February 2018. They chose to take part in a survey about collaboration, so they are likely to be more \
                    interested in it than most; the report itself says readiness is likely to be overstated by its data.", BENCHMARK_2018.n)}
            </p>
        </div>
        {table_scroll(benchmark_caption(reader), view! {
            <table id="benchmark-table" class="stack-table" role="table">
                <caption>{benchmark_caption(reader)}</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">"Figure"</th>
                        <th scope="col" role="columnheader" class="num">"2018 survey"</th>
                        <th scope="col" role="columnheader">{benchmark_column(reader)}</th>
                        <th scope="col" role="columnheader">"Report section"</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    {rows.into_iter().map(|r| {
                        let benchmark = if r.is_score { two(r.benchmark) } else { percent_of(Some(r.benchmark)) };
                        let answer = benchmark_answer(reader, r.score, r.in_group);
                        view! {
                            <tr role="row">
                                <th scope="row" role="rowheader">{r.label}</th>
                                <td class="num" role="cell" data-label="2018 survey">{benchmark}</td>
                                <td role="cell" data-label=benchmark_column(reader)>{answer}</td>
                                <td role="cell" data-label="Report section">{r.source}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}

/// The action areas that apply.
#[component]
fn NextSteps(score: ResponseScore, response: Response, read_only: bool) -> impl IntoView {
    let reader = Reader::of(read_only);
    let areas = score.action_areas.clone();
    let missing = missing_pages(&response);
    let finished = missing.is_empty();
    // Only the person's own assessment can be continued; a shared one is another person's.
    let resume = (!read_only).then(|| flow::resume_at(&response)).flatten();
    let continue_link = move || {
        resume.map(|step| {
            view! { <p><a href=Route::Question(step).href()>{continue_text(step)}</a></p> }
        })
    };
    view! {
        {section_heading(SectionKind::NextSteps, reader)}
        <p>{NEXT_STEPS_BACKGROUND}</p>
        {if areas.is_empty() {
            view! {
                <p>{no_action_area_text(reader, &missing)}</p>
                {continue_link()}
            }.into_any()
        } else {
            view! {
                <p>{next_steps_intro(reader, finished)}</p>
                <ul class="action-areas">
                    {areas.into_iter().map(|m| view! {
                        <li class="action-area">
                            <h3>{m.area.title()}</h3>
                            <p>{m.area.summary()}</p>
                            <p class="because">
                                "Because "
                                {m.because.iter().map(|t| trigger_text(*t, reader)).collect::<Vec<_>>().join("; and ")}
                                "."
                            </p>
                        </li>
                    }).collect_view()}
                </ul>
                {(!finished).then(|| view! { <p>{missing_text(&missing)}</p> })}
                {continue_link()}
            }.into_any()
        }}
        <p class="caveat">"Source: The State of Collaboration, Collaborate Foundation, 2018, Appendix 1 (Taking action to improve readiness). The summaries are our own words."</p>
    }
}

/// Where q10 places the person on the five-step ladder of citizen engagement.
#[component]
fn EngagementLadder(response: Response, reader: Reader) -> impl IntoView {
    let chosen = response.answers().q10();
    let position = engagement_position(reader, chosen);
    view! {
        {section_heading(SectionKind::Engagement, reader)}
        <p>{position}</p>
        <ol class="ladder" aria-label="The five steps of citizen engagement, lowest first">
            {Engagement::STEPS.iter().map(|step| {
                let yours = chosen == Some(*step);
                view! {
                    <li class="ladder-step" class:ladder-step-yours=yours aria-current=yours.then_some("step")>
                        {step.label()}
                        {yours.then(|| view! { <strong>{ladder_mark(reader)}</strong> })}
                    </li>
                }
            }).collect_view()}
        </ol>
        <p>
            "The report found that respondents who described their collaboration as successful were more likely to place "
            "citizen engagement on the top three steps (involve, collaborate, empower) than those who did not, and that "
            "earlier research calls the top two steps the most rewarding for the people involved (section 2.2)."
        </p>
    }
}

/// Download, share link, print, and the way to compare assessments.
#[component]
fn KeepAndShare(assessment: Assessment, read_only: bool) -> impl IntoView {
    let session = Session::get();
    let reader = Reader::of(read_only);
    let response = assessment.response.without_hidden_answers();
    let exported = StoredValue::new(assessment.clone());
    let (message, set_message) = signal(None::<String>);
    let link = {
        let location = window().location();
        let app = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
        );
        let framed = window()
            .parent()
            .ok()
            .flatten()
            .is_some_and(|parent| !js_sys::Object::is(parent.as_ref(), window().as_ref()));
        let base = share::link_base(
            &app,
            &location.search().unwrap_or_default(),
            &document().referrer(),
            framed,
        );
        format!("{base}{}", share::fragment(&response))
    };
    // The files are made when asked for; the link above is shown, so it is made at once.
    let completed_count = session.book.with_untracked(|b| {
        b.assessments
            .iter()
            .filter(|a| a.completed_at.is_some())
            .count()
    });
    let copy_link = {
        let link = link.clone();
        move |_| {
            let clipboard = window().navigator().clipboard();
            let _ = clipboard.write_text(&link);
            set_message.set(Some("The link was copied. Anyone who opens it sees these results; the answers are in the link itself.".into()));
        }
    };
    view! {
        // Screen-only: none of this works on paper.
        <div class="no-print">
        {section_heading(SectionKind::KeepAndShare, reader)}
        <p>{download_intro(reader)}</p>
        <div class="button-group">
            <button type="button" class="button button-secondary" on:click=move |_| {
                set_message.set(exported.with_value(download_json).err());
            }>"Download as JSON"</button>
            <button type="button" class="button button-secondary" on:click=move |_| {
                let (csv, csv_name) = exported.with_value(|a| (
                    String::from_utf8(csv_format::export_csv_bytes([&a.exported_response()])).unwrap_or_default(),
                    format!("{}.csv", export_file_stem(&a.name, a.id())),
                ));
                set_message.set(download(&csv_name, "text/csv", &csv).err());
            }>"Download as CSV"</button>
            <button type="button" class="button button-secondary" on:click=move |_| {
                let _ = window().print();
            }>"Print or save as PDF"</button>
        </div>
        <h3>"Share these results"</h3>
        <p>{share_intro(reader)}</p>
        <div class="form-group compact">
            <label class="label" for="share-link">"Link to these results"</label>
            <input class="input" id="share-link" type="text" readonly prop:value=link on:focus=|ev| {
                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    input.select();
                }
            }/>
        </div>
        <p><button type="button" class="button button-secondary" on:click=copy_link>"Copy the link"</button></p>
        {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
        {(!read_only && completed_count >= 2).then(|| view! {
            <p><a href=Route::Compare.href()>"Compare two of your assessments"</a></p>
        })}
        </div>
        <p class="print-only">
            {format!("{} — {} version {}. Printed from Collaboration Readiness.", INSTRUMENT.title, INSTRUMENT.id, INSTRUMENT.version)}
        </p>
    }
}

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
