//! "Invite colleagues": the facilitator makes an invitation to a round of the group's survey and
//! gets its link as text (with a copy button), as a QR code and as a printable poster. The
//! invitation is kept with the group (`Group::invitations`), so that the link is there on the next
//! visit and the answers that come back can be matched to their round.

use leptos::prelude::*;

use crate::model::invite::{new_round_id, Invitation, InviteError};
use crate::web::browser::{copy_text, link_base, now, random_u32};
use crate::web::components::focus_id;
use crate::web::stores::groups::GroupStore;

use super::poster::Poster;
use super::qr::QrImage;

/// The field an error belongs to, so that its message is shown beside it.
fn field_of(error: &InviteError) -> &'static str {
    match error {
        InviteError::Contact => "invite-contact",
        InviteError::Closes => "invite-closes",
        _ => "invite-make",
    }
}

/// What the invitation says about where answers go, when it closes and whether free text is asked.
pub(super) fn terms(inv: &Invitation) -> Vec<String> {
    let mut terms = vec![match &inv.contact {
        Some(c) => format!("Colleagues are offered an e-mail to {c} with their answers."),
        None => "No contact address: colleagues copy their answers or download the file, and give it to you.".to_string(),
    }];
    terms.push(match inv.closes_long() {
        Some(date) => format!("Answers are asked for by {date}."),
        None => "No closing date.".to_string(),
    });
    terms.push(if inv.free_text {
        "Free-text answers are asked for: each colleague chooses whether to send theirs."
            .to_string()
    } else {
        "Free-text answers are not asked for, so that answers stay anonymous.".to_string()
    });
    terms
}

/// The "Invite colleagues" section of the group page.
#[component]
pub(super) fn Invite(store: GroupStore, current: Memo<Option<String>>) -> impl IntoView {
    let contact = RwSignal::new(String::new());
    let closes = RwSignal::new(String::new());
    let free_text = RwSignal::new(false);
    let error = RwSignal::new(None::<InviteError>);
    let copied = RwSignal::new(None::<String>);
    let poster = RwSignal::new(false);
    let latest = Memo::new(move |_| {
        let id = current.get()?;
        store.with(&id, |g| g?.invitations.last().cloned())
    });
    let link = Memo::new(move |_| latest.get().map(|inv| inv.link(&link_base())));
    let error_for = move |field: &'static str| {
        move || {
            error
                .get()
                .filter(|e| field_of(e) == field)
                .map(|e| view! { <p class="error-message" id=format!("{field}-error")>{e.to_string()}</p> })
        }
    };
    let described = move |field: &'static str, hint: &'static str| {
        move || {
            let mut ids = hint.to_string();
            if error.get().is_some_and(|e| field_of(&e) == field) {
                ids.push_str(&format!(" {field}-error"));
            }
            ids
        }
    };

    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = current.get_untracked() else {
            return;
        };
        let name = store
            .with(&id, |g| g.map(|g| g.name.clone()))
            .unwrap_or_default();
        let made = Invitation::new(
            &name,
            &new_round_id(random_u32),
            &contact.get_untracked(),
            &closes.get_untracked(),
            free_text.get_untracked(),
        );
        match made {
            Ok(invitation) => {
                let at = now();
                store.change(&id, move |g| {
                    g.invitations.push(invitation);
                    g.updated_at = at;
                });
                error.set(None);
                copied.set(None);
                request_animation_frame(|| focus_id("invite-link-heading"));
            }
            Err(e) => {
                let field = field_of(&e);
                error.set(Some(e));
                focus_id(if field == "invite-make" {
                    "invite-make-error"
                } else {
                    field
                });
            }
        }
    };
    let copy = move |_| {
        let Some(link) = link.get_untracked() else {
            return;
        };
        copied.set(Some(if copy_text(&link) {
            "The link was copied. Paste it into an e-mail or a message to your colleagues.".into()
        } else {
            "This browser does not let the app copy: select the link above and copy it yourself."
                .into()
        }));
    };

    view! {
        <section aria-labelledby="invite-heading" class="group-section invite-section no-print">
            <h2 id="invite-heading">"Invite colleagues"</h2>
            <p>
                "Make a link to this self-assessment for a round of your survey. Colleagues who open it "
                "see that you are asking, answer on their own device, and at the end send you their "
                "answers as a short code by e-mail, or as a file. The link holds only the group's name, "
                "a random round number and what you choose below: nothing secret, and no answers."
            </p>
            <form class="invite-form" on:submit=make novalidate>
                <div class="form-group" class:form-group-error=move || error.get().is_some_and(|e| field_of(&e) == "invite-contact")>
                    <label class="label" for="invite-contact">"Your e-mail address (optional)"</label>
                    <p class="hint" id="invite-contact-hint">"Colleagues' answers are addressed to it. Without one, they copy or download their answers and give them to you."</p>
                    {error_for("invite-contact")}
                    <input id="invite-contact" class="input" type="email" autocomplete="email" spellcheck="false"
                        aria-describedby=described("invite-contact", "invite-contact-hint")
                        prop:value=contact on:input:target=move |ev| contact.set(ev.target().value())/>
                </div>
                <div class="form-group" class:form-group-error=move || error.get().is_some_and(|e| field_of(&e) == "invite-closes")>
                    <label class="label" for="invite-closes">"Closing date (optional)"</label>
                    <p class="hint" id="invite-closes-hint">"Colleagues are told the date; they can still answer after it."</p>
                    {error_for("invite-closes")}
                    <input id="invite-closes" class="input input-narrow-date" type="date"
                        aria-describedby=described("invite-closes", "invite-closes-hint")
                        prop:value=closes on:input:target=move |ev| closes.set(ev.target().value())/>
                </div>
                <div class="form-group">
                    <div class="choice">
                        <input id="invite-free-text" class="choice-input" type="checkbox" aria-describedby="invite-free-text-hint"
                            prop:checked=free_text on:change:target=move |ev| free_text.set(ev.target().checked())/>
                        <label class="choice-label" for="invite-free-text">"Ask for free-text answers"</label>
                    </div>
                    <p class="hint" id="invite-free-text-hint">
                        "Off by default: written answers can say who wrote them. When on, each colleague still chooses whether to send theirs."
                    </p>
                </div>
                {error_for("invite-make")}
                <button type="submit" class="button">"Make an invitation link"</button>
            </form>
            {move || latest.get().map(|inv| {
                let link = link.get().unwrap_or_default();
                let label = format!("QR code of the invitation link for {}", inv.group);
                view! {
                    <div class="invite-made">
                        <h3 id="invite-link-heading" tabindex="-1">{format!("Invitation link for {}", inv.group)}</h3>
                        <ul>{terms(&inv).into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                        <div class="invite-share">
                            <QrImage text=link.clone() label=label/>
                            <div class="invite-share-text">
                                <p class="label">"The link"</p>
                                <p class="invite-link">{link.clone()}</p>
                                <div class="button-group">
                                    <button type="button" class="button button-secondary" on:click=copy>"Copy the link"</button>
                                    <button type="button" id="invite-poster-open" class="button button-secondary" on:click=move |_| poster.set(true)>
                                        "Show the poster"
                                    </button>
                                </div>
                                {move || copied.get().map(|m| view! { <p role="status">{m}</p> })}
                            </div>
                        </div>
                    </div>
                }
            })}
        </section>
        {move || (poster.get()).then(|| latest.get().map(|inv| {
            let link = link.get().unwrap_or_default();
            view! { <Poster invitation=inv link=link open=poster/> }
        })).flatten()}
    }
}
