//! What to do next: the action areas that apply, and why.

use leptos::prelude::*;

use super::section_heading;
use crate::engine::response::Response;
use crate::engine::scoring::ResponseScore;
use crate::model::flow;
use crate::model::results::next_steps::{
    because_text, next_steps_intro, no_action_area_text, NEXT_STEPS_BACKGROUND,
};
use crate::model::results::unfinished::{continue_text, missing_pages, missing_text};
use crate::model::results::{Reader, SectionKind};
use crate::model::routes::Route;

/// The action areas that apply.
#[component]
pub(super) fn NextSteps(
    score: ResponseScore,
    response: Response,
    read_only: bool,
) -> impl IntoView {
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
                            <p class="because">{because_text(&m, reader)}</p>
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
