//! Individual results: the readiness headline, the per-factor table, the radar and scatter charts,
//! the comparison with the 2018 survey, the action areas that apply, the engagement ladder, and ways
//! to keep, share and print them. The same view serves the open assessment and a share link
//! (read-only); the comparison of two assessments is its own screen ([`ComparePage`]).
//!
//! One file per section; every word and figure they show is decided in `model::results` (and, for
//! the charts' tables, `charts::profile::tables`), tested natively, and only laid out here.

mod benchmark;
mod compare;
mod engagement;
mod factors;
mod headline;
mod keep;
mod next_steps;
mod plan;
mod radar;
mod scatter;

pub use compare::ComparePage;

use leptos::prelude::*;

use crate::engine::scoring::score;
use crate::model::actions::Plan;
use crate::model::book::Assessment;
use crate::model::flow;
use crate::model::openings;
use crate::model::results::unfinished::{continue_text, missing_pages, missing_text, so_far_text};
use crate::model::results::{page_subtitle, sections_with_plan, Reader, SectionKind};
use crate::model::routes::Route;
use crate::model::share;
use crate::web::browser::long_date;
use crate::web::components::focus_id;
use crate::web::components::in_turn::{in_turn, Section};
use crate::web::stores::book::Session;

/// A section's heading: focusable, so that the contents list can move focus to it.
fn section_heading(kind: SectionKind, reader: Reader) -> impl IntoView {
    view! { <h2 id=kind.id() class="section-heading" tabindex="-1">{kind.title(reader)}</h2> }
}

/// The short contents list at the top of the results (they run to many screens on a phone). The
/// app routes by the URL fragment, so a link moves focus to its heading instead of changing it.
#[component]
fn Contents(reader: Reader, plan: bool) -> impl IntoView {
    view! {
        <nav class="results-contents no-print" aria-labelledby="results-contents-title">
            <h2 id="results-contents-title" class="results-contents-title">"Contents"</h2>
            <ul class="results-contents-list">
                {sections_with_plan(reader, plan).into_iter().map(|section| {
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
    // The page is drawn again when the answers change, not when the plan does (its section follows
    // the plan by itself), so that editing the plan keeps focus and the charts stay as they are.
    let current = Memo::new(move |_| {
        session.book.with(|b| {
            b.current().cloned().map(|mut a| {
                a.plan = None;
                a.updated_at = String::new();
                a
            })
        })
    });
    move || match current.get() {
        None => view! {
            <h1 tabindex="-1">"No assessment is open"</h1>
            <p>"Start a self-assessment, or open one of yours, to see its results."</p>
            <p><a href=Route::Assessments.href()>"See your assessments"</a></p>
        }
        .into_any(),
        Some(a) => {
            view! { <ResultsView assessment=a read_only=false shared_plan=None/> }.into_any()
        }
    }
}

/// Results opened from a share link: read-only, with the option to keep a copy in this browser.
#[component]
pub fn SharedPage() -> impl IntoView {
    let hash = window().location().hash().unwrap_or_default();
    match share::read_shared(&hash) {
        Err(e) => view! {
            <h1 tabindex="-1">"These shared results cannot be shown"</h1>
            <p>{e.to_string()}</p>
            <p><a href=Route::Start.href()>"Go to the start page"</a></p>
        }
        .into_any(),
        Ok(share::Shared {
            response,
            plan,
            plan_unreadable,
        }) => {
            let assessment = Assessment {
                name: "Shared results".into(),
                created_at: response.submitted_at.clone().unwrap_or_default(),
                updated_at: String::new(),
                completed_at: None,
                page: None,
                response,
                plan: Default::default(),
                invitation: None,
            };
            view! {
                {plan_unreadable.then(|| view! {
                    <div class="notice" role="note">
                        <p>"The action plan in this link could not be read, so only the answers are shown."</p>
                    </div>
                })}
                <ResultsView assessment=assessment read_only=true shared_plan=plan/>
            }
            .into_any()
        }
    }
}

/// The whole results view for one assessment.
#[component]
fn ResultsView(
    assessment: Assessment,
    read_only: bool,
    shared_plan: Option<Plan>,
) -> impl IntoView {
    let response = assessment.response.clone();
    let s = score(&response);
    let completion = response.completion();
    let complete = response.is_complete();
    let reader = Reader::of(read_only);
    let missing = missing_pages(&response);
    let resume = flow::resume_at(&response);
    let completed = assessment.completed_at.as_deref().map(long_date);
    let subtitle = page_subtitle(reader, &assessment.name, completed.as_deref());

    // The headline is drawn at once; the rest a section per task (a phone took over a third of a
    // second to build the whole page in one).
    let (response_now, plan_listed) = (response.clone(), !read_only || shared_plan.is_some());
    let later: [Section; 8] = [
        {
            let (s, response) = (s.clone(), response.clone());
            Box::new(move || {
                view! { <factors::FactorTable score=s response=response reader=reader/> }.into_any()
            })
        },
        {
            let (s, id) = (s.clone(), response.id.clone());
            Box::new(move || {
                view! { <radar::RadarSection score=s own_id=id read_only=read_only/> }.into_any()
            })
        },
        {
            let s = s.clone();
            Box::new(move || view! { <scatter::ScatterSection score=s/> }.into_any())
        },
        {
            let (s, response) = (s.clone(), response.clone());
            Box::new(move || {
                view! { <benchmark::BenchmarkSection score=s response=response reader=reader/> }
                    .into_any()
            })
        },
        {
            let (s, response) = (s.clone(), response.clone());
            Box::new(move || {
                view! { <next_steps::NextSteps score=s response=response read_only=read_only/> }
                    .into_any()
            })
        },
        {
            let (s, id, shared_plan) = (s.clone(), response.id.clone(), shared_plan.clone());
            Box::new(move || match (read_only, shared_plan) {
                (true, Some(p)) => view! { <plan::SharedPlan plan=p/> }.into_any(),
                (true, None) => ().into_any(),
                (false, _) => view! { <plan::PlanSection id=id score=s/> }.into_any(),
            })
        },
        {
            let response = response.clone();
            Box::new(move || {
                view! { <engagement::EngagementLadder response=response reader=reader/> }.into_any()
            })
        },
        Box::new(move || {
            view! {
                <keep::KeepAndShare assessment=assessment read_only=read_only/>
                {read_only.then(|| view! { <keep::KeepACopy response=response plan=shared_plan/> })}
            }
            .into_any()
        }),
    ];
    let later = later.into_iter().map(in_turn).collect_view();
    let headline = view! { <headline::Headline score=s response=response_now reader=reader/> };

    view! {
        {match reader {
            // The same heading and lines the page showed before the app ran (`model::openings`).
            Reader::Shared => view! { <div class="opening" inner_html=openings::SHARED></div> }.into_any(),
            // Then which assessment these are, which only storage knows.
            Reader::Owner => view! {
                <div class="opening" inner_html=openings::RESULTS></div>
                <p>{subtitle}</p>
            }
            .into_any(),
        }}
        {(!complete).then(|| view! {
            <div class="notice" role="note">
                <p>
                    {so_far_text(&completion)}
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
        <Contents reader=reader plan=plan_listed/>
        {headline}
        {later}
    }
}
