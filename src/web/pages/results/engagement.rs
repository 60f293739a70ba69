//! The ladder of citizen engagement, with the step the answer gives.

use leptos::prelude::*;

use super::section_heading;
use crate::engine::instrument::{Choice, Engagement};
use crate::engine::response::Response;
use crate::model::results::engagement::{engagement_position, ladder_mark};
use crate::model::results::{Reader, SectionKind};

/// Where q10 places the person on the five-step ladder of citizen engagement.
#[component]
pub(super) fn EngagementLadder(response: Response, reader: Reader) -> impl IntoView {
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
