//! "Check your answers" (GOV.UK pattern): every question the person saw, their answer, and a link to
//! change it; then the way to the results, which says what is still missing.

use leptos::prelude::*;

use crate::engine::instrument::{Field, Measure, INSTRUMENT};
use crate::engine::response::{AnswerRef, Response};
use crate::model::book::Action;
use crate::model::flow;
use crate::model::routes::Route;
use crate::web::browser::now;
use crate::web::components::{focus_id, go, ErrorLink, ErrorSummary, ErrorTarget};
use crate::web::stores::book::Session;

/// The answer to `field` as a person reads it.
pub fn answer_text(response: &Response, field: Field) -> Option<String> {
    match response.answers().get(field)? {
        AnswerRef::Choice(o) => Some(o.label.to_string()),
        AnswerRef::Choices(os) => Some(os.iter().map(|o| o.label).collect::<Vec<_>>().join(", ")),
        AnswerRef::Text(t) => Some(t.to_string()),
    }
}

/// The row label of a field in the summary list.
fn row_label(field: Field) -> String {
    match field {
        Field::Score(Measure::Importance, _) => {
            "How important to successful collaboration in your area".into()
        }
        Field::Score(Measure::Prevalence, _) => "How far present in your organisation".into(),
        Field::Q3Other => "Other organisations".into(),
        f => INSTRUMENT.question(f.question()).text.to_string(),
    }
}

/// Check your answers for the open assessment.
#[component]
pub fn CheckPage() -> impl IntoView {
    let session = Session::get();
    crate::web::pages::question::back_on_check();
    let errors = RwSignal::new(Vec::<ErrorLink>::new());
    let response = move || {
        session
            .book
            .with(|b| b.current().map(|a| a.response.clone()))
    };
    let current_id = move || session.book.with(|b| b.current.clone());
    let tagged = move || {
        session
            .book
            .with(|b| b.current().is_some_and(|a| a.invitation().is_some()))
    };

    let on_results = move |_| {
        let Some(r) = response() else { return };
        let missing: Vec<ErrorLink> = r
            .validate()
            .into_iter()
            .filter(|i| i.blocks_results())
            .filter_map(|i| {
                let field = i.field?;
                Some(ErrorLink {
                    message: flow::message(&i),
                    target: ErrorTarget::Page(Route::Change(flow::step_of(field))),
                })
            })
            .collect();
        if missing.is_empty() {
            errors.set(Vec::new());
            if let Some(id) = current_id() {
                if session
                    .dispatch(Action::Complete { id, now: now() })
                    .is_ok()
                {
                    // Answers given for a round go on to be sent; any others to their results.
                    go(if tagged() {
                        Route::Send
                    } else {
                        Route::Results
                    });
                }
            }
        } else {
            errors.set(missing);
            document().set_title(&format!("Error: {}", Route::Check.title()));
            request_animation_frame(|| focus_id("error-summary"));
        }
    };
    let completed = move || {
        session
            .book
            .with(|b| b.current().and_then(|a| a.completed_at.clone()))
    };

    view! {
        {move || match response() {
            None => view! {
                <h1 tabindex="-1">"No assessment is open"</h1>
                <p><a href=Route::Start.href()>"Go to the start page"</a></p>
            }.into_any(),
            Some(r) => {
                let back = flow::steps(&r).last().map(|s| Route::Question(*s).href()).unwrap_or_else(|| Route::Start.href());
                let sections = flow::steps(&r).into_iter().map(|step| {
                    let rows = step.fields().into_iter().filter(|f| r.answers().is_shown(*f)).map(|field| {
                        let answer = answer_text(&r, field);
                        let answered = answer.is_some();
                        let empty = if field.is_required() { "Not answered" } else { "Not given (optional)" };
                        let label = row_label(field);
                        // Back here once the answer is changed (and any page it reveals answered).
                        let href = Route::Change(step).href();
                        let hidden_context = format!(" {}", label.to_lowercase());
                        view! {
                            <div class="summary-row">
                                <dt class="summary-key">{label}</dt>
                                <dd class="summary-value">{answer.unwrap_or_else(|| empty.into())}</dd>
                                <dd class="summary-action">
                                    <a href=href>{match (answered, field.is_required()) { (true, _) => "Change", (false, true) => "Answer", (false, false) => "Add" }}<span class="visually-hidden">{hidden_context}</span></a>
                                </dd>
                            </div>
                        }
                    }).collect_view();
                    view! {
                        <h2 class="summary-heading">{step.heading()}</h2>
                        <dl class="summary-list">{rows}</dl>
                    }
                }).collect_view();
                view! {
                    <a class="back-link" href=back>"Back"</a>
                    <ErrorSummary errors=errors.into()/>
                    <h1 tabindex="-1">"Check your answers"</h1>
                    <p>"Make sure your answers are right, then see your results. You can change any answer."</p>
                    {sections}
                    <Show when=move || completed().is_some() fallback=move || view! {
                        <button type="button" class="button" on:click=on_results>"Finish and see your results"</button>
                    }>
                        <div class="panel" role="status">
                            <h2>"Assessment complete"</h2>
                            <p>"Your answers are saved in this browser. You can still change any of them above."</p>
                            <p><a class="button" href=Route::Results.href()>"See your results"</a></p>
                            <Show when=tagged>
                                <p><a class="button button-secondary" href=Route::Send.href()>"Send your answers to the facilitator"</a></p>
                            </Show>
                        </div>
                    </Show>
                }.into_any()
            }
        }}
    }
}
