//! Individual results: the readiness headline, the per-factor table, the radar and scatter charts,
//! the comparison with the 2018 survey, the action areas that apply, the engagement ladder, and ways
//! to keep, share and print them. The same view serves the open assessment, a share link (read-only)
//! and, for two assessments, the comparison page. Every number comes from the engine.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::profile::{
    radar, radar_summary, scatter, scatter_summary, score_lines, score_points, short_name,
    survey_2018_lines, survey_2018_summary, RadarLine, EARLIER_LINES, OVERLAY_COLOUR,
    OVERLAY_COLOUR_2,
};
use crate::charts::view::ChartFigure;
use crate::components::notices::{download_json, file_stem};
use crate::components::table_scroll;
use crate::download::download;
use crate::engine::benchmark::{compare_response, BENCHMARK_2018};
use crate::engine::csv_format;
use crate::engine::instrument::{Choice, Engagement, Factor, INSTRUMENT};
use crate::engine::response::Response;
use crate::engine::scoring::{score, FactorScore, ResponseScore, Trigger};
use crate::routes::Route;
use crate::session::{long_date, now, Session};
use crate::share;
use crate::state::{Action, Assessment};

/// A score 0–3 with two decimals, as the report prints means.
fn two(x: f64) -> String {
    format!("{x:.2}")
}

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
                    {(!read_only).then(|| view! { <a href=Route::Check.href()>"Check your answers"</a> })}
                </p>
            </div>
        })}
        <Headline score=s.clone() response=response.clone()/>
        <FactorTable score=s.clone() response=response.clone()/>
        <RadarSection score=s.clone() own_id=response.id.clone() read_only=read_only/>
        <ScatterSection score=s.clone()/>
        <BenchmarkSection score=s.clone() response=response.clone()/>
        <NextSteps score=s.clone()/>
        <EngagementLadder response=response.clone()/>
        <KeepAndShare assessment=assessment.clone() read_only=read_only/>
        {(read_only).then(|| {
            let response = response.clone();
            let (note, set_note) = signal(None::<String>);
            view! {
                <h2>"Keep a copy"</h2>
                <p>"Keep these answers in this browser as one of your assessments, for example to compare them with your own."</p>
                <button type="button" class="button" on:click=move |_| {
                    let result = session.dispatch(Action::Import { response: response.clone(), name: "Shared results".into(), now: now() });
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
fn Headline(score: ResponseScore, response: Response) -> impl IntoView {
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
        Some(v) => format!("{} out of 3 ({:.0}%)", two(v), v / 3.0 * 100.0),
        None => "No score yet".into(),
    };
    view! {
        <section class="headline" aria-labelledby="headline-title">
            <h2 id="headline-title">"Your collaboration readiness"</h2>
            <dl class="headline-figures">
                <div class="headline-figure">
                    <dt>"Readiness (how far the six categories are present in your organisation)"</dt>
                    <dd class="headline-value">{index(score.prevalence_index)}</dd>
                </div>
                <div class="headline-figure">
                    <dt>"Importance (how much the six categories matter in your area)"</dt>
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
fn FactorTable(score: ResponseScore, response: Response) -> impl IntoView {
    let row = |f: &FactorScore| {
        view! {
            <tr>
                <th scope="row">{f.factor.name()}</th>
                <td class="num">{cell(&response, f, true)}</td>
                <td class="num">{cell(&response, f, false)}</td>
                <td class="num">{f.gap.map(|g| g.to_string()).unwrap_or_else(|| "–".into())}</td>
                <td>{f.band.map(|b| b.name()).unwrap_or("–")}</td>
                <td>{if f.priority { "Yes" } else { "No" }}</td>
            </tr>
        }
    };
    let (six, extra): (Vec<&FactorScore>, Vec<&FactorScore>) = score
        .factors
        .iter()
        .partition(|f| f.factor.is_index_category());
    view! {
        <h2>"Your scores by factor"</h2>
        <p>
            "Scores run from 0 (not at all) to 3 (a great deal). The gap is importance minus prevalence. A factor is a "
            "priority when its gap is 2 or more, or when it is at least somewhat important but little or not present."
        </p>
        {table_scroll("Your scores by factor", view! {
            <table id="factor-table">
                <caption>"Importance, prevalence, gap, prevalence band and priority for each factor"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Factor"</th>
                        <th scope="col" class="num">"Importance"</th>
                        <th scope="col" class="num">"Prevalence"</th>
                        <th scope="col" class="num">"Gap"</th>
                        <th scope="col">"Prevalence band"</th>
                        <th scope="col">"Priority"</th>
                    </tr>
                </thead>
                <tbody>
                    <tr class="group-row"><th scope="rowgroup" colspan="6">"The six categories of the index"</th></tr>
                    {six.into_iter().map(row).collect_view()}
                </tbody>
                <tbody>
                    <tr class="group-row"><th scope="rowgroup" colspan="6">"Additional factors"</th></tr>
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

fn overlay_lines(lines: Vec<RadarLine>) -> Vec<RadarLine> {
    lines
        .into_iter()
        .zip([OVERLAY_COLOUR, OVERLAY_COLOUR_2])
        .map(|(l, colour)| RadarLine {
            colour,
            overlay: true,
            ..l
        })
        .collect()
}

/// The radar, with an optional overlay, its summary and its data table.
#[component]
fn RadarSection(score: ResponseScore, own_id: String, read_only: bool) -> impl IntoView {
    let session = Session::get();
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
        <h2>"Your profile across the six categories"</h2>
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
            label="Radar chart of your importance and prevalence scores for the six categories, from 0 to 3".to_string()
            summary=summary
            chart=chart
            height=420
        >
            {table_scroll("Your importance and prevalence for the six categories", view! {
                <table>
                    <caption>"Your importance and prevalence for the six categories (0 to 3)"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Category"</th>
                            <th scope="col" class="num">"Importance"</th>
                            <th scope="col" class="num">"Prevalence"</th>
                            {move || match overlay.get() {
                                Overlay::Benchmark => view! {
                                    <th scope="col" class="num">"2018: at least somewhat important"</th>
                                    <th scope="col" class="num">"2018: at least somewhat prevalent"</th>
                                }.into_any(),
                                Overlay::Earlier(_) => view! {
                                    <th scope="col" class="num">"Earlier importance"</th>
                                    <th scope="col" class="num">"Earlier prevalence"</th>
                                }.into_any(),
                                Overlay::None => ().into_any(),
                            }}
                        </tr>
                    </thead>
                    <tbody>
                        {Factor::INDEX_CATEGORIES.iter().enumerate().map(|(i, f)| {
                            let f = *f;
                            let mine = own.with_value(|s| *s.factor(f));
                            view! {
                                <tr>
                                    <th scope="row">{f.name()}</th>
                                    <td class="num">{opt_score(mine.importance)}</td>
                                    <td class="num">{opt_score(mine.prevalence)}</td>
                                    {move || match overlay.get() {
                                        Overlay::Benchmark => {
                                            let b = &BENCHMARK_2018.factors[i];
                                            view! {
                                                <td class="num">{format!("{:.0}%", b.importance_at_least_somewhat * 100.0)}</td>
                                                <td class="num">{format!("{:.0}%", b.prevalence_at_least_somewhat * 100.0)}</td>
                                            }.into_any()
                                        }
                                        Overlay::Earlier(_) => {
                                            let theirs = chosen.with(|c| c.as_ref().map(|(_, s)| *s.factor(f)));
                                            view! {
                                                <td class="num">{opt_score(theirs.and_then(|t| t.importance))}</td>
                                                <td class="num">{opt_score(theirs.and_then(|t| t.prevalence))}</td>
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
        <h2>"Importance against prevalence"</h2>
        <p>
            "Each factor is placed by how important you rate it (across) and how far it is present in your organisation "
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
                <table>
                    <caption>"Where each factor lies: importance, prevalence and position"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Factor"</th>
                            <th scope="col" class="num">"Importance"</th>
                            <th scope="col" class="num">"Prevalence"</th>
                            <th scope="col">"Position"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {score.factors.iter().map(|f| {
                            let position = match (f.importance, f.prevalence) {
                                (Some(i), Some(p)) if i >= 2 && p <= 1 => "Priority zone",
                                (Some(i), Some(p)) if p < i => "Below the diagonal",
                                (Some(i), Some(p)) if p == i => "On the diagonal",
                                (Some(_), Some(_)) => "Above the diagonal",
                                _ => "Not shown: a rating is missing or not applicable",
                            };
                            view! {
                                <tr>
                                    <th scope="row">{short_name(f.factor)}</th>
                                    <td class="num">{opt_score(f.importance)}</td>
                                    <td class="num">{opt_score(f.prevalence)}</td>
                                    <td>{position}</td>
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
fn BenchmarkSection(score: ResponseScore, response: Response) -> impl IntoView {
    let rows = compare_response(&response, &score);
    view! {
        <h2>"Compared with the 2018 survey"</h2>
        <div class="notice" role="note">
            <p>
                {format!("The 2018 figures come from {} people who answered the same questions between December 2017 and \
                    February 2018. They chose to take part in a survey about collaboration, so they are likely to be more \
                    interested in it than most; the report itself says readiness is likely to be overstated by its data.", BENCHMARK_2018.n)}
            </p>
        </div>
        {table_scroll("Your answers beside the 2018 survey", view! {
            <table id="benchmark-table">
                <caption>{format!("Your answers beside the 2018 survey ({} respondents)", BENCHMARK_2018.n)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Figure"</th>
                        <th scope="col" class="num">"2018 survey"</th>
                        <th scope="col">"You"</th>
                        <th scope="col">"Report section"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let benchmark = if r.is_score { two(r.benchmark) } else { format!("{:.0}%", r.benchmark * 100.0) };
                        let yours = match (r.score, r.in_group) {
                            (Some(v), _) => two(v),
                            (None, Some(true)) => "Yes, you are in this group".into(),
                            (None, Some(false)) => "No".into(),
                            (None, None) => "Not answered or not asked".into(),
                        };
                        view! {
                            <tr>
                                <th scope="row">{r.label}</th>
                                <td class="num">{benchmark}</td>
                                <td>{yours}</td>
                                <td>{r.source}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}

fn trigger_text(trigger: Trigger) -> String {
    match trigger {
        Trigger::Factor(f) => format!("{} is little or not present in your organisation", f.name()),
        Trigger::Incentives => {
            "your organisation does little or nothing to value and incentivise collaborative work"
                .into()
        }
        Trigger::Tools => "your organisation gives you few or no tools to collaborate well".into(),
        Trigger::LowEngagement => {
            "the public and service users are informed or consulted, rather than involved".into()
        }
    }
}

/// The action areas that apply.
#[component]
fn NextSteps(score: ResponseScore) -> impl IntoView {
    let areas = score.action_areas.clone();
    view! {
        <h2>"What to do next"</h2>
        <p>
            "After the survey, the Collaborate Foundation held a seminar on how to improve readiness. Its four areas of "
            "action are in Appendix 1 of the report. These are the ones your answers point to:"
        </p>
        {if areas.is_empty() {
            view! {
                <p>"None of the weaknesses that lead to an area of action shows in your answers. Keep measuring: readiness can slip as people and partnerships change."</p>
            }.into_any()
        } else {
            view! {
                <ul class="action-areas">
                    {areas.into_iter().map(|m| view! {
                        <li class="action-area">
                            <h3>{m.area.title()}</h3>
                            <p>{m.area.summary()}</p>
                            <p class="because">
                                "Because "
                                {m.because.iter().map(|t| trigger_text(*t)).collect::<Vec<_>>().join("; and ")}
                                "."
                            </p>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <p class="caveat">"Source: The State of Collaboration, Collaborate Foundation, 2018, Appendix 1 (Taking action to improve readiness). The summaries are our own words."</p>
    }
}

/// Where q10 places the person on the five-step ladder of citizen engagement.
#[component]
fn EngagementLadder(response: Response) -> impl IntoView {
    let chosen = response.answers().q10();
    let position = match chosen {
        None => "You have not said how far the public and service users are involved.".to_string(),
        Some(Engagement::NotApplicable) => "You said this question does not apply to you.".to_string(),
        Some(e) => format!(
            "You placed the typical involvement of the public and service users at step {} of 5: {}.",
            e.step().map(|s| s + 1).unwrap_or(0),
            e.label()
        ),
    };
    view! {
        <h2>"Engagement of citizens"</h2>
        <p>{position}</p>
        <ol class="ladder" aria-label="The five steps of citizen engagement, lowest first">
            {Engagement::STEPS.iter().map(|step| {
                let yours = chosen == Some(*step);
                view! {
                    <li class="ladder-step" class:ladder-step-yours=yours aria-current=yours.then_some("step")>
                        {step.label()}
                        {yours.then(|| view! { <strong>" (your answer)"</strong> })}
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
    let response = assessment.response.without_hidden_answers();
    let name = StoredValue::new(assessment.name);
    let (message, set_message) = signal(None::<String>);
    let link = {
        let location = window().location();
        let base = format!(
            "{}{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        format!("{base}{}", share::fragment(&response))
    };
    // The files are made when asked for; the link above is shown, so it is made at once.
    let response = StoredValue::new(response);
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
        <h2>"Keep, share and print"</h2>
        <p>
            "Download your answers to keep them, to open them on another device (with Import on the Your assessments page), "
            "or to give them to a facilitator who is putting together a group report."
        </p>
        <div class="button-group">
            <button type="button" class="button button-secondary" on:click=move |_| {
                let result = name.with_value(|name| response.with_value(|r| download_json(name, r)));
                set_message.set(result.err());
            }>"Download as JSON"</button>
            <button type="button" class="button button-secondary" on:click=move |_| {
                let csv = response.with_value(|r| {
                    String::from_utf8(csv_format::export_csv_bytes([r])).unwrap_or_default()
                });
                let csv_name = name.with_value(|name| format!("{}.csv", file_stem(name)));
                set_message.set(download(&csv_name, "text/csv", &csv).err());
            }>"Download as CSV"</button>
            <button type="button" class="button button-secondary" on:click=move |_| {
                let _ = window().print();
            }>"Print or save as PDF"</button>
        </div>
        <h3>"Share these results"</h3>
        <p>
            "This link carries your answers in the part of the address after the # sign, which browsers never send to a "
            "server. Anyone with the link can see these results."
        </p>
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
    // The two assessments with their scores, scored once per choice.
    let pair = Memo::new(move |_| {
        let a = find(&first.get())?;
        let b = find(&second.get())?;
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
        let Some((a, sa, b, sb)) = pair.get() else {
            return String::new();
        };
        let changes: Vec<(Factor, i32)> = Factor::ALL
            .iter()
            .filter_map(|f| {
                let (x, y) = (sa.factor(*f).prevalence?, sb.factor(*f).prevalence?);
                Some((*f, i32::from(y) - i32::from(x)))
            })
            .collect();
        let up: Vec<&str> = changes
            .iter()
            .filter(|(_, d)| *d > 0)
            .map(|(f, _)| f.name())
            .collect();
        let down: Vec<&str> = changes
            .iter()
            .filter(|(_, d)| *d < 0)
            .map(|(f, _)| f.name())
            .collect();
        let list = |v: &[&str]| {
            if v.is_empty() {
                "none".to_string()
            } else {
                v.join(", ")
            }
        };
        format!(
            "From \u{201c}{}\u{201d} to \u{201c}{}\u{201d}, prevalence rose for {} and fell for {}. {EARLIER_LINES}",
            a.name,
            b.name,
            list(&up),
            list(&down)
        )
    });
    let select = move |id: &'static str, label: &'static str, value: RwSignal<String>| {
        let options = choices.clone();
        view! {
            <div class="form-group compact">
                <label class="label" for=id>{label}</label>
                <select class="select" id=id on:change=move |ev| value.set(event_target_value(&ev))>
                    {options.into_iter().map(|(oid, text)| {
                        let selected = value.get_untracked() == oid;
                        view! { <option value=oid selected=selected>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let change = |x: Option<u8>, y: Option<u8>| match (x, y) {
        (Some(x), Some(y)) => {
            let d = i32::from(y) - i32::from(x);
            if d > 0 {
                format!("+{d}")
            } else {
                d.to_string()
            }
        }
        _ => "–".into(),
    };
    view! {
        <a class="back-link" href=Route::Results.href()>"Back to your results"</a>
        <h1 tabindex="-1">"Compare two assessments"</h1>
        {select("compare-first", "Earlier assessment", first)}
        {select("compare-second", "Later assessment", second)}
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
                        <table id="compare-table">
                            <caption>"Change per factor, from the earlier to the later assessment (0 to 3)"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Factor"</th>
                                    <th scope="col" class="num">"Importance before"</th>
                                    <th scope="col" class="num">"Importance after"</th>
                                    <th scope="col" class="num">"Change"</th>
                                    <th scope="col" class="num">"Prevalence before"</th>
                                    <th scope="col" class="num">"Prevalence after"</th>
                                    <th scope="col" class="num">"Change"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {Factor::ALL.iter().map(|f| {
                                    let (x, y) = (sa.factor(*f), sb.factor(*f));
                                    view! {
                                        <tr>
                                            <th scope="row">{f.name()}</th>
                                            <td class="num">{opt_score(x.importance)}</td>
                                            <td class="num">{opt_score(y.importance)}</td>
                                            <td class="num">{change(x.importance, y.importance)}</td>
                                            <td class="num">{opt_score(x.prevalence)}</td>
                                            <td class="num">{opt_score(y.prevalence)}</td>
                                            <td class="num">{change(x.prevalence, y.prevalence)}</td>
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
