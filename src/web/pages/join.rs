//! The page an invitation link opens (`#/join/…`), a colleague's first visit, usually on a phone:
//! who is asking, what will happen to the answers, and a way to start (or carry on). A link that
//! cannot be read says why and still lets the person answer, without the round.

use leptos::prelude::*;

use crate::model::book::{Action, MAX_NAME_CHARS};
use crate::model::flow::Step;
use crate::model::invite::{self, Invitation};
use crate::model::routes::Route;
use crate::web::browser::{new_id, now, today_iso};
use crate::web::components::go;
use crate::web::pages::assessments::{resume, start_new};
use crate::web::stores::book::Session;

/// Starts an assessment tagged with `invitation` and goes to its first question.
fn join(session: Session, invitation: &Invitation) {
    let name: String = format!("For {}", invitation.group)
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    let action = Action::Join {
        id: new_id("a"),
        name,
        now: now(),
        invitation: Box::new(invitation.clone()),
    };
    if session.dispatch(action).is_ok() {
        go(Route::Question(Step::Example));
    }
}

/// The invitation page.
#[component]
pub fn JoinPage() -> impl IntoView {
    let hash = window().location().hash().unwrap_or_default();
    match invite::read(&hash) {
        Ok(invitation) => view! { <Invited invitation=invitation/> }.into_any(),
        Err(error) => {
            let session = Session::get();
            view! {
                <div class="invite-page">
                <h1 tabindex="-1">"This invitation link cannot be read"</h1>
                <div class="notice notice-warning" role="alert"><p>{error.to_string()}</p></div>
                <p>
                    "You can still answer the self-assessment now. Your answers will not be marked as part of the "
                    "round, but at the end you can download them as a file and give it to whoever invited you."
                </p>
                <div class="button-group">
                    <button type="button" class="button" on:click=move |_| start_new(session)>
                        "Start without the invitation"
                    </button>
                </div>
                <p><a href=Route::Start.href()>"Go to the start page"</a></p>
                </div>
            }
            .into_any()
        }
    }
}

/// The page of an invitation that reads.
#[component]
fn Invited(invitation: Invitation) -> impl IntoView {
    let session = Session::get();
    // This round's latest assessment in this browser, to carry on with it.
    let round = invitation.round.clone();
    let earlier = Memo::new(move |_| {
        session.book.with(|b| {
            b.assessments
                .iter()
                .rev()
                .find(|a| a.invitation().is_some_and(|i| i.round == round))
                .map(|a| {
                    (
                        a.id().to_string(),
                        a.completed_at.is_some() && a.response.is_complete(),
                    )
                })
        })
    });
    let closed = invitation.is_closed(&today_iso());
    let closing = invitation.closes_long().map(|date| {
        if closed {
            view! {
                <div class="notice notice-warning" role="status">
                    <p><strong>{format!("The closing date for this round, {date}, has passed.")}</strong></p>
                    <p>"You can still answer and send your answers: ask the person who invited you whether they can still count them."</p>
                </div>
            }
            .into_any()
        } else {
            view! { <p>{format!("Please answer by {date}.")}</p> }.into_any()
        }
    });
    let who = match &invitation.contact {
        Some(c) => {
            format!("{c} has invited you to answer it, with colleagues in your partnership.")
        }
        None => {
            "You have been invited to answer it, with colleagues in your partnership.".to_string()
        }
    };
    let send_how = match &invitation.contact {
        Some(c) => format!("At the end you see exactly what would be sent, and choose: an e-mail to {c}, copying your answers, or downloading them as a file."),
        None => "At the end you see exactly what would be sent, and choose: copying your answers, or downloading them as a file, to give to whoever invited you.".to_string(),
    };
    let free_text = if invitation.free_text {
        "Written answers (in your own words) are asked for too: at the end you choose whether to send yours."
    } else {
        "Written answers (in your own words) are not asked for: they stay in this browser and are never sent."
    };
    let start = {
        let invitation = invitation.clone();
        move |_| join(session, &invitation)
    };
    view! {
        <div class="invite-page">
        <h1 tabindex="-1">{format!("Self-assessment {}", invitation.asking())}</h1>
        <p class="lead">
            "How ready are you, and your organisation, to work with other organisations and with citizens? "
            {who}
        </p>
        {closing}
        <h2>"What will happen to your answers"</h2>
        <ul>
            <li>"They are saved in this browser, on this device, as you give them. You can stop and carry on later from this link."</li>
            <li>{format!("Nothing is sent by itself. {send_how}")}</li>
            <li>"What you send carries no name: your choices, your role and sector, and this round's number."</li>
            <li>{free_text}</li>
        </ul>
        <p>"It takes about 10 to 15 minutes."</p>
        {move || match earlier.get() {
            Some((id, finished)) => {
                let again = start.clone();
                let carry_on = move |_| {
                    if finished {
                        if session.dispatch(Action::Open { id: id.clone() }).is_ok() {
                            go(Route::Send);
                        }
                    } else {
                        resume(session, &id);
                    }
                };
                view! {
                    <p>{if finished { "You have answered for this round in this browser." } else { "You have started answering for this round in this browser." }}</p>
                    <div class="button-group">
                        <button type="button" class="button" on:click=carry_on>
                            {if finished { "Send your answers" } else { "Continue your answers" }}
                        </button>
                        <button type="button" class="button button-secondary" on:click=again>"Start again"</button>
                    </div>
                }
                .into_any()
            }
            None => view! {
                <button type="button" class="button button-start" on:click=start.clone()>"Start now"</button>
            }
            .into_any(),
        }}
        <p><a href=Route::Privacy.href()>"Read more about your answers and your privacy"</a></p>
        </div>
    }
}
