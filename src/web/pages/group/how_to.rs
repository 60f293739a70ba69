//! "How to collect answers": the round in a few plain steps, on the group page itself, for a
//! facilitator who has never used the app. Open when the page shows a group without responses; a
//! summary line to open again otherwise. It is not closed under the reader when answers arrive.

use leptos::prelude::*;

/// The steps of a round, from the invitation to the report.
#[component]
pub(super) fn HowToCollect(#[prop(into)] open: Signal<bool>) -> impl IntoView {
    let open = open.get_untracked();
    view! {
        <details class="details how-to-collect no-print" open=open>
            <summary>"How to collect your colleagues' answers"</summary>
            <ol class="steps">
                <li>
                    <strong>"Invite your colleagues."</strong>
                    " Under “Invite colleagues”, make an invitation link for this group and send it to them, "
                    "or print its poster for a workshop."
                </li>
                <li>
                    <strong>"They answer and send."</strong>
                    " Each colleague opens the link on a phone or computer, answers the questions, and chooses "
                    "“Send your answers to the facilitator”: an e-mail to you holding a short answers code. Their "
                    "answers stay in their browser and that e-mail; nothing goes through a server."
                </li>
                <li>
                    <strong>"Paste or drop what arrives."</strong>
                    " Copy the e-mails you receive (one, several, or your whole mailbox) into “Paste answers” below. "
                    "Files your colleagues downloaded instead can be chosen or dropped beside it."
                </li>
                <li>
                    <strong>"Check, then read the report."</strong>
                    " The summary says what was added, and why anything was not. The responses are listed below; "
                    "the report shows its figures once enough colleagues have answered."
                </li>
            </ol>
        </details>
    }
}
