//! A page of questions (GOV.UK question-page pattern): back link, section caption, heading, progress,
//! the questions as fieldsets, an error summary that takes focus, and "Continue".

use std::cell::RefCell;

use leptos::prelude::*;

use crate::engine::instrument::{Factor, Field, FieldKind, QuestionId, INSTRUMENT};
use crate::engine::response::{Response, ValidationIssue};
use crate::model::book::Action;
use crate::model::flow::{self, Step};
use crate::model::routes::Route;
use crate::web::components::field::{score_legend, ChoiceField, TextField};
use crate::web::components::{focus_id, go, BackLink, ErrorLink, ErrorSummary, ErrorTarget};
use crate::web::stores::book::Session;

/// Progress through the questions the person will see.
#[component]
pub fn Progress(id: String) -> impl IntoView {
    let session = Session::get();
    let text = move || {
        session.book.with(|b| {
            b.get(&id).map(|a| {
                let c = a.response.completion();
                format!("{} of {} answers given", c.answered, c.visible)
            })
        })
    };
    view! { <p class="progress">{text}</p> }
}

/// Whether the section's preamble is shown on this page (its first page only, except the factor
/// pages, which repeat it in a collapsible block since a person may arrive at any of them).
fn preamble(step: Step) -> Option<(&'static str, bool)> {
    let first = step.questions()[0];
    let section = INSTRUMENT.section(INSTRUMENT.question(first).section);
    let text = section.preamble?;
    match step {
        Step::Example | Step::Involvement => Some((text, false)),
        Step::Factor(Factor::Behaviours) => Some((text, false)),
        Step::Factor(_) => Some((text, true)),
        _ => None,
    }
}

thread_local! {
    /// While a person changes answers from "check your answers": the assessment, and the pages it
    /// showed when they left that page, so that the pages their change reveals can be told apart.
    static LEFT_CHECK: RefCell<Option<(String, Vec<Step>)>> = const { RefCell::new(None) };
}

/// Called by "check your answers" when it is shown: the next change starts from there.
pub fn back_on_check() {
    LEFT_CHECK.with(|l| l.borrow_mut().take());
}

/// The pages the assessment showed when the person left "check your answers" to change an answer:
/// recorded on the first page they came to (nothing has changed yet there), kept through the pages
/// their change reveals.
fn shown_on_leaving_check(id: &str, response: &Response) -> Vec<Step> {
    LEFT_CHECK.with(|l| {
        let mut left = l.borrow_mut();
        match left.as_ref() {
            Some((kept, before)) if kept == id => before.clone(),
            _ => {
                let before = flow::steps(response);
                *left = Some((id.to_string(), before.clone()));
                before
            }
        }
    })
}

/// Where a question page's "Back" and "Continue" lead, from the page, the assessment's id and its
/// answers. Functions rather than a flag, so that the questionnaire build, which has no "check your
/// answers" to return to, carries none of the returning code.
#[derive(Clone, Copy)]
pub struct Way {
    back: fn(Step, &str, &Response) -> Route,
    forward: fn(Step, &str, &Response) -> Route,
}

/// On through the questionnaire, to "check your answers" after the last page.
pub const ONWARD: Way = Way {
    back: |step, _, r| flow::previous(step, r).map_or(Route::Start, Route::Question),
    forward: |step, _, r| flow::next(step, r).map_or(Route::Check, Route::Question),
};

/// Back to "check your answers", through the pages a change made from there reveals.
pub const RETURNING: Way = Way {
    back: |step, id, r| {
        flow::back_returning(step, &shown_on_leaving_check(id, r), r)
            .map_or(Route::Check, Route::Change)
    },
    forward: |step, id, r| {
        flow::next_returning(step, &shown_on_leaving_check(id, r), r)
            .map_or(Route::Check, Route::Change)
    },
};

impl Default for Way {
    fn default() -> Way {
        ONWARD
    }
}

/// The questions of one page for the open assessment.
#[component]
pub fn QuestionPage(
    step: Step,
    /// Where "Back" and "Continue" lead: on through the questionnaire ([`ONWARD`], the default), or
    /// back to "check your answers" through any page a change reveals ([`RETURNING`]).
    #[prop(optional)]
    way: Way,
) -> impl IntoView {
    let session = Session::get();
    // A memo, so that answering a question (a change to the book) does not rebuild the page.
    let current = Memo::new(move |_| {
        session
            .book
            .with(|b| b.current().map(|a| a.id().to_string()))
    });
    move || match current.get() {
        None => view! { <NoAssessment/> }.into_any(),
        Some(id) => {
            let shown = session
                .book
                .with_untracked(|b| b.get(&id).is_some_and(|a| step.is_shown(&a.response)));
            if shown {
                view! { <Questions step=step id=id way=way/> }.into_any()
            } else {
                view! { <Skipped/> }.into_any()
            }
        }
    }
}

/// Shown when no assessment is open (for example the page was bookmarked, or it was deleted).
#[component]
fn NoAssessment() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"No assessment is open"</h1>
        <p>"Start a new self-assessment, or open one you have already started."</p>
        <p><a href=Route::Start.href()>"Go to the start page"</a></p>
        <p><a href=Route::Assessments.href()>"See your assessments"</a></p>
    }
}

/// Shown for the example-details page while q1 = no.
#[component]
fn Skipped() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"These questions are skipped"</h1>
        <p>"You said you cannot think of a recent example of collaboration, so the questions about it are not asked."</p>
        <p><a href=Route::Question(Step::Example).href()>"Change your answer about a recent example"</a></p>
        <p><a href=Route::Question(Step::General).href()>"Continue to the next questions"</a></p>
    }
}

#[component]
fn Questions(step: Step, id: String, way: Way) -> impl IntoView {
    let session = Session::get();
    let issues = RwSignal::new(Vec::<ValidationIssue>::new());
    let issues_signal: Signal<Vec<ValidationIssue>> = issues.into();
    let summary: Signal<Vec<ErrorLink>> = Signal::derive(move || {
        issues
            .get()
            .iter()
            .map(|i| ErrorLink {
                message: flow::message(i),
                target: ErrorTarget::Control(
                    i.field.map(flow::first_control_id).unwrap_or_default(),
                ),
            })
            .collect()
    });
    let _ = session.dispatch(Action::Visit {
        id: id.clone(),
        page: step.slug(),
    });

    let response = {
        let id = id.clone();
        move || {
            session
                .book
                .with_untracked(|b| b.get(&id).map(|a| a.response.clone()))
        }
    };
    let back = response()
        .map(|r| (way.back)(step, &id, &r))
        .unwrap_or(Route::Start)
        .href();
    let forward = {
        let response = response.clone();
        let id = id.clone();
        move || {
            response()
                .map(|r| (way.forward)(step, &id, &r))
                .unwrap_or(Route::Check)
        }
    };
    let on_submit = {
        let response = response.clone();
        let forward = forward.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let found = response()
                .map(|r| flow::issues_on(step, &r))
                .unwrap_or_default();
            if found.is_empty() {
                go(forward());
            } else {
                issues.set(found);
                document().set_title(&format!("Error: {}", Route::Question(step).title()));
                request_animation_frame(|| focus_id("error-summary"));
            }
        }
    };
    let skip_href = Signal::derive(move || forward().href());

    let section_heading = INSTRUMENT
        .section(INSTRUMENT.question(step.questions()[0]).section)
        .heading;
    let preamble_view = preamble(step).map(|(text, collapsed)| {
        if collapsed {
            view! {
                <details class="details">
                    <summary>"About these questions"</summary>
                    <p>{text}</p>
                </details>
            }
            .into_any()
        } else {
            view! { <p class="preamble">{text}</p> }.into_any()
        }
    });
    let statement = match step {
        Step::Factor(f) => Some(view! {
            <p class="statement-intro">"The statement:"</p>
            <blockquote class="statement" id="statement"><p>{f.statement()}</p></blockquote>
        }),
        _ => None,
    };
    let fields = step
        .fields()
        .into_iter()
        .filter(|f| *f != Field::Q3Other)
        .map(|field| {
            let question = INSTRUMENT.question(field.question());
            let id = id.clone();
            match (field, field.kind()) {
                (Field::Q3, _) => view! {
                    <ChoiceField id=id.clone() field=field legend=question.text.to_string() errors=issues_signal
                        reveal_with="other">
                        <TextField id=id.clone() field=Field::Q3Other label="If other, which organisations?".to_string()
                            errors=issues_signal single_line=true/>
                    </ChoiceField>
                }
                .into_any(),
                (Field::Score(measure, _), _) => {
                    view! {
                        <ChoiceField id=id field=field legend=score_legend(measure) errors=issues_signal
                            described_by_extra="statement"/>
                    }
                    .into_any()
                }
                (_, FieldKind::Text { .. }) => {
                    view! { <TextField id=id field=field label=question.text.to_string() errors=issues_signal/> }.into_any()
                }
                _ => view! { <ChoiceField id=id field=field legend=question.text.to_string() errors=issues_signal/> }.into_any(),
            }
        })
        .collect_view();
    let is_q1_page = step.questions() == [QuestionId::Q1];

    view! {
        <BackLink href=back/>
        <ErrorSummary errors=summary/>
        <form class="question-form" novalidate on:submit=on_submit>
            <span class="caption">{section_heading}</span>
            <h1 tabindex="-1">{step.heading()}</h1>
            <Progress id=id.clone()/>
            {preamble_view}
            {statement}
            {fields}
            {is_q1_page.then(|| view! {
                <p class="hint">"If you answer no, the questions about that collaboration are skipped."</p>
            })}
            <div class="button-group">
                <button type="submit" class="button">"Continue"</button>
                <Show when=move || !issues.get().is_empty()>
                    <a class="button-link" href=skip_href>"Skip these questions for now"</a>
                </Show>
            </div>
        </form>
    }
}
