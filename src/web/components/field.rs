//! One answer field as form controls: native radios, checkboxes or a labelled text box, grouped in a
//! `fieldset` whose `legend` is the question; every change is dispatched (and so saved) at once.

use leptos::prelude::*;

use crate::engine::instrument::{AnswerOption, Field, FieldKind, Measure};
use crate::engine::response::{AnswerAction, AnswerRef, ValidationIssue};
use crate::model::book::Action;
use crate::model::flow::{self, control_id};
use crate::web::browser::now;
use crate::web::stores::book::Session;

/// The code chosen for a single-choice or rating field, reactively.
fn chosen_code(session: Session, id: &str, field: Field) -> Option<&'static str> {
    session
        .book
        .with(|b| match b.get(id)?.response.answers().get(field) {
            Some(AnswerRef::Choice(o)) => Some(o.code),
            _ => None,
        })
}

/// Whether an option of a multiple-choice field is ticked, reactively.
fn ticked(session: Session, id: &str, field: Field, code: &str) -> bool {
    session.book.with(|b| {
        matches!(b.get(id).and_then(|a| a.response.answers().get(field)),
            Some(AnswerRef::Choices(os)) if os.iter().any(|o| o.code == code))
    })
}

fn stored_text(session: Session, id: &str, field: Field) -> String {
    session.book.with(|b| {
        b.get(id)
            .and_then(|a| match a.response.answers().get(field) {
                Some(AnswerRef::Text(t)) => Some(t.to_string()),
                _ => None,
            })
            .unwrap_or_default()
    })
}

/// The message for `field` among `errors`, if any.
fn error_for(errors: Signal<Vec<ValidationIssue>>, field: Field) -> Option<String> {
    errors.with(|es| {
        es.iter()
            .find(|i| i.field == Some(field))
            .map(flow::message)
    })
}

/// Extra guidance shown under a legend.
fn hint(field: Field) -> Option<&'static str> {
    match field.kind() {
        FieldKind::Multiple(_) => Some("Select all that apply."),
        _ => None,
    }
}

/// A choice field (single, multiple or rating scale) as a fieldset.
#[component]
pub fn ChoiceField(
    /// The assessment.
    id: String,
    /// The field to answer.
    field: Field,
    /// The legend: the question, verbatim.
    legend: String,
    /// Errors currently shown on the page.
    errors: Signal<Vec<ValidationIssue>>,
    /// Id of an element that describes the question further (a factor's statement).
    #[prop(optional)]
    described_by_extra: Option<&'static str>,
    /// The code of the option whose ticking reveals `children` (GOV.UK conditional reveal).
    #[prop(optional)]
    reveal_with: Option<&'static str>,
    /// Shown right after the option `reveal_with` names while it is ticked (q3's "other" text
    /// box); hidden, not removed, otherwise, so that what was typed comes back with the tick.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let mut children = children;
    let session = Session::get();
    let kind = field.kind();
    let multiple = matches!(kind, FieldKind::Multiple(_));
    let name = field.column();
    let error_id = format!("{name}-error");
    let hint_id = format!("{name}-hint");
    let has_error = move || error_for(errors, field).is_some();
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids: Vec<String> = described_by_extra.iter().map(|s| s.to_string()).collect();
            if hint(field).is_some() {
                ids.push(hint_id.clone());
            }
            if error_for(errors, field).is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let options = kind.options();
    let option_view = move |option: &'static AnswerOption| {
        let control = control_id(field, Some(option.code));
        let id = id.clone();
        let code = option.code;
        let apart = option.code == "na";
        let checked = {
            let id = id.clone();
            move || {
                if multiple {
                    ticked(session, &id, field, code)
                } else {
                    chosen_code(session, &id, field) == Some(code)
                }
            }
        };
        let revealed = (reveal_with == Some(code))
            .then(|| children.take())
            .flatten();
        let conditional_id = revealed.is_some().then(|| format!("{control}-conditional"));
        let expanded = {
            let (checked, reveals) = (checked.clone(), revealed.is_some());
            move || reveals.then(|| checked().to_string())
        };
        let revealed = revealed.map(|c| {
            let checked = checked.clone();
            view! {
                <div class="choice-conditional" id=conditional_id.clone() hidden=move || !checked()>{c()}</div>
            }
        });
        let on_change = move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            let action = if multiple {
                Action::Tick {
                    id: id.clone(),
                    field,
                    code: code.to_string(),
                    on,
                    now: now(),
                }
            } else {
                Action::Answer {
                    id: id.clone(),
                    action: AnswerAction::Choose {
                        field,
                        code: code.to_string(),
                    },
                    now: now(),
                }
            };
            // The option list comes from the instrument, so an action cannot be refused here; if the
            // assessment was deleted in another tab the page shows that instead.
            let _ = session.dispatch(action);
        };
        view! {
            {apart.then(|| view! { <div class="choice-divider">"or"</div> })}
            <div class="choice">
                <input
                    class="choice-input"
                    type=if multiple { "checkbox" } else { "radio" }
                    id=control.clone()
                    name=name
                    value=code
                    prop:checked=checked
                    aria-controls=conditional_id
                    aria-expanded=expanded
                    on:change=on_change
                />
                <label class="choice-label" for=control>{option.label}</label>
            </div>
            {revealed}
        }
    };
    let option_views = options.iter().map(option_view).collect_view();
    view! {
        <div class="form-group" class:form-group-error=has_error>
            <fieldset class="fieldset" aria-describedby=described_by>
                <legend class="fieldset-legend">{legend}</legend>
                {hint(field).map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
                {move || error_for(errors, field).map(|m| view! {
                    <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
                })}
                <div class="choices" class:choices-scale=matches!(field, Field::Score(..))>{option_views}</div>
            </fieldset>
        </div>
    }
}

/// A free-text field with its limit shown, saved as the person types.
#[component]
pub fn TextField(
    /// The assessment.
    id: String,
    /// The field to answer.
    field: Field,
    /// The label: the question, verbatim.
    label: String,
    /// Errors currently shown on the page.
    errors: Signal<Vec<ValidationIssue>>,
    /// A one-line input instead of a text area.
    #[prop(optional)]
    single_line: bool,
) -> impl IntoView {
    let session = Session::get();
    let FieldKind::Text { max_chars } = field.kind() else {
        unreachable!("TextField is only used for free-text fields")
    };
    let control = control_id(field, None);
    let count_id = format!("{control}-count");
    let error_id = format!("{control}-error");
    let text = {
        let id = id.clone();
        Memo::new(move |_| stored_text(session, &id, field))
    };
    let count = move || {
        let used = text.with(|t| t.chars().count());
        if used <= max_chars {
            format!("You have {} characters remaining", max_chars - used)
        } else {
            format!("You have {} characters too many", used - max_chars)
        }
    };
    let on_input = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let _ = session.dispatch(Action::Answer {
                id: id.clone(),
                action: AnswerAction::SetText { field, text: value },
                now: now(),
            });
        }
    };
    // The box is filled from storage once, then only when another tab changed the text: setting the
    // value on every keystroke would move the caret.
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let area_ref = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        let value = text.get();
        if let Some(el) = input_ref.get() {
            if el.value() != value {
                el.set_value(&value);
            }
        }
        if let Some(el) = area_ref.get() {
            if el.value() != value {
                el.set_value(&value);
            }
        }
    });
    let described_by = {
        let (count_id, error_id) = (count_id.clone(), error_id.clone());
        move || {
            if error_for(errors, field).is_some() {
                format!("{error_id} {count_id}")
            } else {
                count_id.clone()
            }
        }
    };
    let over = move || text.with(|t| t.chars().count() > max_chars);
    view! {
        <div class="form-group" class:form-group-error=move || error_for(errors, field).is_some()>
            <label class="label" for=control.clone()>{label}<span class="optional">" (optional)"</span></label>
            {move || error_for(errors, field).map(|m| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
            })}
            {if single_line {
                view! {
                    <input class="input" type="text" id=control.clone() name=field.column() node_ref=input_ref
                        aria-describedby=described_by.clone() on:input=on_input.clone() autocomplete="off"/>
                }.into_any()
            } else {
                view! {
                    <textarea class="textarea" id=control.clone() name=field.column() rows="5" node_ref=area_ref
                        aria-describedby=described_by.clone() on:input=on_input.clone()></textarea>
                }.into_any()
            }}
            <p class="hint character-count" class:character-count-over=over id=count_id aria-live="polite">{count}</p>
        </div>
    }
}

/// The label a factor page gives each of its two questions' legends.
pub fn score_legend(measure: Measure) -> String {
    crate::engine::instrument::INSTRUMENT
        .question(measure.question())
        .text
        .to_string()
}
