//! Individual results: the readiness headline, the per-factor table, the radar and scatter charts,
//! the comparison with the 2018 survey, the action areas that apply, the engagement ladder, and ways
//! to keep, share and print them. The same view serves the open assessment, a share link (read-only)
//! and, for two assessments, the comparison page. Every number comes from the engine.

mod benchmark;
mod compare;
mod engagement;
mod factors;
mod headline;
mod keep;
mod next_steps;
mod radar;
mod scatter;

pub use compare::ComparePage;

use leptos::prelude::*;

use crate::engine::instrument::Factor;
use crate::engine::response::Response;
use crate::engine::scoring::score;
use crate::model::book::{Action, Assessment};
use crate::model::flow;
use crate::model::results::{
    continue_text, missing_pages, missing_text, sections, Reader, SectionKind,
};
use crate::model::routes::Route;
use crate::model::share;
use crate::web::browser::{long_date, now};
use crate::web::components::focus_id;
use crate::web::stores::book::Session;

pub(super) fn opt_score(x: Option<u8>) -> String {
    x.map(|v| v.to_string()).unwrap_or_else(|| "–".into())
}

/// What a missing factor score means for this response.
pub(super) fn missing_reason(
    response: &Response,
    factor: Factor,
    importance: bool,
) -> &'static str {
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
pub(super) fn section_heading(kind: SectionKind, reader: Reader) -> impl IntoView {
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
        <headline::Headline score=s.clone() response=response.clone() reader=reader/>
        <factors::FactorTable score=s.clone() response=response.clone() reader=reader/>
        <radar::RadarSection score=s.clone() own_id=response.id.clone() read_only=read_only/>
        <scatter::ScatterSection score=s.clone()/>
        <benchmark::BenchmarkSection score=s.clone() response=response.clone() reader=reader/>
        <next_steps::NextSteps score=s.clone() response=response.clone() read_only=read_only/>
        <engagement::EngagementLadder response=response.clone() reader=reader/>
        <keep::KeepAndShare assessment=assessment.clone() read_only=read_only/>
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
