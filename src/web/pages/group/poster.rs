//! The invitation's poster, for a workshop wall or a table: one A4 page with the group's name, the
//! QR code, three short steps and the privacy promise. It is shown on its own (the rest of the page
//! is hidden while it is open, on screen and in print), so that "Print poster" prints it alone.

use leptos::portal::Portal;
use leptos::prelude::*;

use crate::model::invite::Invitation;
use crate::web::components::focus_id;

use super::qr::QrImage;

/// The class on the document while the poster is shown (style/app.css hides everything else).
const OPEN_CLASS: &str = "poster-open";

fn set_open(open: bool) {
    if let Some(root) = document().document_element() {
        let classes = root.class_list();
        let _ = if open {
            classes.add_1(OPEN_CLASS)
        } else {
            classes.remove_1(OPEN_CLASS)
        };
    }
}

/// The poster, over the page until closed.
#[component]
pub(super) fn Poster(invitation: Invitation, link: String, open: RwSignal<bool>) -> impl IntoView {
    set_open(true);
    request_animation_frame(|| focus_id("poster-heading"));
    let close = move || {
        open.set(false);
        request_animation_frame(|| focus_id("invite-poster-open"));
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            close();
        }
    });
    on_cleanup(move || {
        keys.remove();
        set_open(false);
    });
    let send_to = match &invitation.contact {
        Some(c) => format!("send them to {c} by e-mail, with the button at the end"),
        None => "send them to the person who invited you, as the last page shows".to_string(),
    };
    let free_text = if invitation.free_text {
        " Written answers are sent only if you tick the box for them."
    } else {
        " Written answers are never sent."
    };
    let label = format!("QR code of the invitation link for {}", invitation.group);
    let closes = invitation
        .closes_long()
        .map(|date| format!("Please answer by {date}."));
    let title = format!("How ready are we to collaborate? For {}", invitation.group);
    let step = format!("When you finish, {send_to}.");
    // The portal draws its children again when it is moved: what they show is kept, not moved in.
    let words = StoredValue::new((title, label, link, step, closes, free_text));
    view! {
        <Portal>
            <div class="poster-view" role="region" aria-labelledby="poster-heading">
                <div class="poster-tools">
                    <p>"This poster prints on one A4 page."</p>
                    <div class="button-group">
                        <button type="button" class="button" on:click=|_| { let _ = window().print(); }>"Print poster"</button>
                        <button type="button" class="button button-secondary" on:click=move |_| close()>"Back to the group page"</button>
                    </div>
                </div>
                {move || { let (title, label, link, step, closes, free_text) = words.get_value(); view! {
                <article class="poster">
                    <p class="poster-kicker">"Collaboration readiness self-assessment"</p>
                    <h1 id="poster-heading" class="poster-title" tabindex="-1">{title}</h1>
                    <QrImage text=link.clone() label=label class="poster-qr"/>
                    <p class="poster-link">{link.clone()}</p>
                    <ol class="poster-steps">
                        <li>"Scan the code with your phone's camera, or type the link above."</li>
                        <li>"Answer the questions: about 10 to 15 minutes. You can stop and carry on later."</li>
                        <li>{step}</li>
                    </ol>
                    {closes.map(|c| view! { <p class="poster-closes">{c}</p> })}
                    <p class="poster-promise">
                        <strong>"Your answers stay on your device until you send them."</strong>
                        " There is no account and no server. What you send carries no name: only your choices, "
                        "your role and sector, and this round's number."
                        {free_text}
                    </p>
                </article>
                }}}
            </div>
        </Portal>
    }
}
