//! The headline: readiness and importance, on 0–3 and as a percentage.

use leptos::prelude::*;

use super::section_heading;
use crate::engine::response::Response;
use crate::engine::scoring::ResponseScore;
use crate::model::results::headline::{basis_text, headline_terms, index_text};
use crate::model::results::{Reader, SectionKind};

/// Readiness and importance over the six categories, and what they are based on.
#[component]
pub(super) fn Headline(score: ResponseScore, response: Response, reader: Reader) -> impl IntoView {
    let (readiness_term, importance_term) = headline_terms(reader);
    view! {
        <section class="headline" aria-labelledby=SectionKind::Readiness.id()>
            {section_heading(SectionKind::Readiness, reader)}
            <dl class="headline-figures">
                <div class="headline-figure">
                    <dt>{readiness_term}</dt>
                    <dd class="headline-value">{index_text(score.prevalence_index)}</dd>
                </div>
                <div class="headline-figure">
                    <dt>{importance_term}</dt>
                    <dd class="headline-value">{index_text(score.importance_index)}</dd>
                </div>
            </dl>
            <p>{basis_text(&response, &score)}</p>
        </section>
    }
}
