//! The headline: readiness and importance, on 0–3 and as a percentage.

use leptos::prelude::*;

use super::{missing_reason, section_heading};
use crate::engine::instrument::Factor;
use crate::engine::response::Response;
use crate::engine::scoring::ResponseScore;
use crate::model::format::{score as two, share as percent_of};
use crate::model::results::{headline_terms, Reader, SectionKind};

/// Readiness and importance, on 0–3 and as a percentage.
#[component]
pub(super) fn Headline(score: ResponseScore, response: Response, reader: Reader) -> impl IntoView {
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
