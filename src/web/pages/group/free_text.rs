//! The free-text answers the group's responses hold, for the facilitator to read: listed without ids,
//! each question's answers in a random order that changes on every page load, and withheld below the
//! minimum group size. What is listed is decided in [`crate::model::groups::free_text`].

use leptos::prelude::*;

use crate::model::groups::free_text::{
    free_text, more_button, shown_of, FreeText, Written, ANSWERS_AT_A_TIME,
};

use super::guide::note;
use super::Covered;

thread_local! {
    /// This page load's seed for the order of the answers: from the browser's random numbers, so that
    /// the order follows neither the responses' order nor an earlier visit's.
    static SEED: u64 = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
}

/// The written answers, where the responses the report covers hold any.
#[component]
pub(super) fn FreeTextAnswers(covered: Covered) -> impl IntoView {
    // Listed again a task after the report (see [`Covered`]).
    let listed = move || {
        let seed = SEED.with(|s| *s);
        covered.with(|report, responses, left_out| free_text(report, responses, left_out, seed))
    };
    move || match listed() {
        None | Some(FreeText::None) => None,
        Some(text) => Some(section(text)),
    }
}

fn section(text: FreeText) -> AnyView {
    let body = match text {
        FreeText::Withheld(why) => note(&why),
        FreeText::Shown(questions) => questions
            .into_iter()
            .enumerate()
            .map(|(i, w)| question_view(i, w))
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

/// One question's answers: the first [`ANSWERS_AT_A_TIME`], and a button for more. Focus goes to
/// the first answer added, since the button goes once the list is whole.
fn question_view(index: usize, w: Written) -> AnyView {
    let total = w.answers.len();
    let shown = RwSignal::new(total.min(ANSWERS_AT_A_TIME));
    let question = w.question;
    let answers = StoredValue::new(w.answers);
    let item_id = move |i: usize| format!("written-{index}-{i}");
    let list = (total > 0).then(|| {
        view! {
            <ul class="written-list" aria-label=question>
                {move || answers.with_value(|a| {
                    a[..shown.get()]
                        .iter()
                        .enumerate()
                        .map(|(i, t)| view! { <li id=item_id(i) tabindex="-1">{t.clone()}</li> })
                        .collect_view()
                })}
            </ul>
        }
    });
    let more = move |_| {
        let first_new = shown.get_untracked();
        shown.update(|s| *s = (*s + ANSWERS_AT_A_TIME).min(total));
        crate::web::components::focus_after_draw(item_id(first_new));
    };
    view! {
        <h3>{question}</h3>
        {w.withheld.map(|why| view! { <p class="withheld">{why}</p> })}
        {list}
        {move || shown_of(shown.get(), total).map(|text| {
            let words = more_button(shown.get(), total);
            view! {
                <p class="written-more">
                    {text}" "
                    <button type="button" class="button button-secondary no-print" aria-label=format!("{words}: {question}") on:click=more>
                        {words.clone()}
                    </button>
                </p>
            }
        })}
    }
    .into_any()
}
