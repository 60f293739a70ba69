//! "Send your answers to the facilitator" (`#/send`), for an assessment started from an invitation:
//! what will be sent, in plain words and answer by answer, then three ways to send it: an e-mail to
//! the contact holding the answers code, copying the code, or downloading the file. Nothing here
//! needs storage: the code is made from the answers in memory, so that it is shown and can be copied
//! even when this browser's storage is full or turned off.

use leptos::prelude::*;

use crate::model::answers_code;
use crate::model::book::Assessment;
use crate::model::invite::Invitation;
use crate::model::routes::Route;
use crate::model::send::{
    has_free_text, mail_body, mailto, preview, recipient, sends_free_text, what_is_sent,
};
use crate::web::browser::copy_text;
use crate::web::components::notices::download_json;
use crate::web::stores::book::Session;

/// The sending page for the open assessment.
#[component]
pub fn SendPage() -> impl IntoView {
    let session = Session::get();
    let open = Memo::new(move |_| {
        session
            .book
            .with(|b| b.current().map(|a| (a.id().to_string(), a.invitation())))
    });
    move || {
        match open.get() {
        None => view! {
            <h1 tabindex="-1">"No assessment is open"</h1>
            <p>"Open the invitation link again to answer, or "<a href=Route::Assessments.href()>"choose one of your assessments"</a>"."</p>
        }
        .into_any(),
        Some((_, None)) => view! {
            <h1 tabindex="-1">"Send your answers to the facilitator"</h1>
            <p>
                "This assessment was not started from an invitation link, so it has no facilitator to send to. "
                "You can download its answers as a file from "<a href=Route::Results.href()>"your results"</a>
                " and give the file to anyone you choose."
            </p>
        }
        .into_any(),
        Some((id, Some(invitation))) => view! { <Sending id=id invitation=invitation/> }.into_any(),
    }
    }
}

#[component]
fn Sending(id: String, invitation: Invitation) -> impl IntoView {
    let session = Session::get();
    let include = RwSignal::new(false);
    let copied = RwSignal::new(None::<String>);
    let download_error = RwSignal::new(None::<String>);
    let assessment = {
        let id = id.clone();
        Memo::new(move |_| session.book.with(|b| b.get(&id).cloned()))
    };
    let free_text = {
        let invitation = invitation.clone();
        Memo::new(move |_| sends_free_text(&invitation, include.get()))
    };
    let code = {
        let round = invitation.round.clone();
        Memo::new(move |_| {
            assessment.with(|a| {
                a.as_ref().map(|a| {
                    answers_code::encode(&a.exported_response(), Some(&round), free_text.get())
                })
            })
        })
    };
    let offers_free_text = invitation.free_text
        && assessment.with_untracked(|a| a.as_ref().is_some_and(|a| has_free_text(&a.response)));
    let incomplete = move || {
        assessment.with(|a| {
            a.as_ref()
                .is_some_and(|a| a.completed_at.is_none() || !a.response.is_complete())
        })
    };
    let mail = {
        let invitation = invitation.clone();
        move || {
            let to = invitation.contact.as_deref()?;
            let code = code.get()?;
            Some(mailto(
                to,
                &invitation.mail_subject(),
                &mail_body(&invitation, &code),
            ))
        }
    };
    let copy = move |_| {
        let Some(code) = code.get_untracked() else {
            return;
        };
        copied.set(Some(if copy_text(&code) {
            "The code was copied. Paste it into an e-mail or a message to the facilitator.".into()
        } else {
            "This browser does not let the app copy: select the code above and copy it yourself."
                .into()
        }));
    };
    let download = move |_| {
        let result = assessment.with_untracked(|a| a.as_ref().map(download_json));
        download_error.set(match result {
            Some(r) => r.err(),
            None => Some("That assessment no longer exists in this browser.".into()),
        });
    };
    let rows = move || {
        let free = free_text.get();
        assessment.with(|a| {
            a.as_ref()
                .map(|a: &Assessment| preview(&a.response, free))
                .unwrap_or_default()
        })
    };
    let who = recipient(&invitation);
    let items = {
        let invitation = invitation.clone();
        move || what_is_sent(&invitation, free_text.get())
    };
    view! {
        <div class="invite-page">
        <h1 tabindex="-1">"Send your answers to the facilitator"</h1>
        <p class="lead">{format!("Your answers {}, for {who}.", invitation.asking())}</p>
        <Show when=incomplete>
            <div class="notice notice-warning" role="status">
                <p>"You have not finished this assessment: some required answers are missing. You can still send what you have, or "<a href=Route::Check.href()>"check your answers"</a>" first."</p>
            </div>
        </Show>
        <h2>"What will be sent"</h2>
        <ul>{move || items().into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        {offers_free_text.then(|| view! {
            <div class="form-group">
                <div class="choice">
                    <input id="send-free-text" class="choice-input" type="checkbox" aria-describedby="send-free-text-hint"
                        prop:checked=include on:change:target=move |ev| include.set(ev.target().checked())/>
                    <label class="choice-label" for="send-free-text">"Send what I wrote in my own words too"</label>
                </div>
                <p class="hint" id="send-free-text-hint">"The facilitator asked for written answers. They may say who wrote them: leave this unticked to send only your choices."</p>
            </div>
        })}
        <h3 id="send-preview-heading">"Your answers, as they will be sent"</h3>
        <dl class="summary-list send-preview" aria-labelledby="send-preview-heading">
            {move || rows().into_iter().map(|row| view! {
                <div class="summary-row">
                    <dt class="summary-key">{row.question}</dt>
                    <dd class="summary-value">{row.answer}</dd>
                </div>
            }).collect_view()}
        </dl>
        <h2>"Send them"</h2>
        {move || mail().map(|href| view! {
            <p><a class="button" href=href>{format!("Send by e-mail to {}", invitation.contact.clone().unwrap_or_default())}</a></p>
            <p class="hint">"This opens your e-mail program with the message written: check it and press send."</p>
        })}
        <p class="label">"Or copy your answers code"</p>
        <p class="hint">"The code is your answers as a line of text: paste it into any message to the facilitator."</p>
        <p class="answers-code">{move || code.get().unwrap_or_default()}</p>
        <div class="button-group">
            <button type="button" class="button button-secondary" on:click=copy>"Copy the code"</button>
            <button type="button" class="button button-secondary" on:click=download>"Download the file"</button>
        </div>
        {move || copied.get().map(|m| view! { <p role="status">{m}</p> })}
        {move || download_error.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
        <p><a href=Route::Results.href()>"See your results"</a></p>
        </div>
    }
}
