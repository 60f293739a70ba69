//! The free-text answers the group's responses hold, for the facilitator to read: listed without ids,
//! each question's answers in a random order that changes on every page load, and withheld below the
//! minimum group size. What is listed is decided in [`crate::model::groups::free_text`].

use leptos::prelude::*;

use crate::engine::aggregate::GroupReport;
use crate::model::groups::free_text::{free_text, FreeText, Written};
use crate::model::groups::{covered, Partial};
use crate::web::stores::groups::GroupStore;

use super::guide::{note, text_items};

thread_local! {
    /// This page load's seed for the order of the answers: from the browser's random numbers, so that
    /// the order follows neither the responses' order nor an earlier visit's.
    static SEED: u64 = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
}

/// The written answers, where the responses the report covers hold any.
#[component]
pub(super) fn FreeTextAnswers(
    store: GroupStore,
    current: Memo<Option<String>>,
    options: RwSignal<crate::engine::aggregate::GroupOptions>,
    partial: RwSignal<Partial>,
    partial_n: Memo<u64>,
    report: Memo<Option<GroupReport>>,
) -> impl IntoView {
    let listed = move || {
        let id = current.get()?;
        let filter = options.with(|o| o.filter.clone());
        let partial = partial.get();
        let left_out = partial.left_out(partial_n.get());
        let seed = SEED.with(|s| *s);
        report.with(|r| {
            let r = r.as_ref()?;
            store.with(&id, |g| {
                g.map(|g| free_text(r, covered(&g.responses, &filter, partial), left_out, seed))
            })
        })
    };
    move || match listed() {
        None | Some(FreeText::None) => None,
        Some(text) => Some(section(&text)),
    }
}

fn section(text: &FreeText) -> AnyView {
    let body = match text {
        FreeText::Withheld(why) => note(why),
        FreeText::Shown(questions) => questions
            .iter()
            .map(question_view)
            .collect_view()
            .into_any(),
        FreeText::None => ().into_any(),
    };
    view! {
        <section id="written-answers" aria-labelledby="written-heading" class="group-section written-answers">
            <h2 id="written-heading">"What colleagues wrote"</h2>
            <p>
                "The answers given in their own words, for you to read before the workshop. They are listed "
                "without names or ids, each question's answers in a new random order every time this page "
                "opens, so that neither their order nor the other lists tell who wrote what. Quote them with "
                "care: a turn of phrase can be recognised."
            </p>
            {body}
        </section>
    }
    .into_any()
}

fn question_view(w: &Written) -> AnyView {
    let list = (!w.answers.is_empty()).then(|| {
        view! {
            <ul class="written-list" aria-label=w.question>
                {text_items(&w.answers)}
            </ul>
        }
    });
    view! {
        <h3>{w.question}</h3>
        {w.withheld.clone().map(|why| view! { <p class="withheld">{why}</p> })}
        {list}
    }
    .into_any()
}
