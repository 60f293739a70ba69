//! The privacy notice, in plain words (the report's q19 notice becomes this).

use leptos::prelude::*;

/// How answers are kept and who can see them.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Your answers and your privacy"</h1>
        <p class="lead">"Your answers stay in this browser, on this device, unless you export them yourself."</p>
        <h2>"What is kept, and where"</h2>
        <p>
            "Each answer is saved in this browser's own storage (called local storage) as soon as you give it, "
            "so that you can stop and carry on later. It stays there until you delete the assessment here, or "
            "clear this browser's data for this site."
        </p>
        <h2>"What is sent anywhere"</h2>
        <p>
            "Nothing. The app has no server, no account, no analytics and no tracking. All of it, including the "
            "charts, runs in your browser from files on this site, and it asks no other website for anything."
        </p>
        <h2>"Who can see your answers"</h2>
        <p>
            "Anyone who uses this browser on this device could open the app and see them. On a shared computer, "
            "delete your assessments when you have finished, or use a private window."
        </p>
        <h2>"Sharing your answers"</h2>
        <p>
            "You decide whether to share your answers. Downloading an assessment saves a file to your device; "
            "you can then send it to a facilitator who is putting together a group report. The group report, too, "
            "is made in the facilitator's own browser."
        </p>
        <h2>"Invitation links"</h2>
        <p>
            "A facilitator can invite colleagues with a link (or its QR code or poster). The link holds only "
            "the group's name, a random round number, the facilitator's e-mail address if they gave one, a "
            "closing date if they set one, and whether written answers are asked for. Nothing in it is secret, "
            "and it holds no answers. Like every address in this app, it is read by your browser: the part "
            "after the \u{201c}#\u{201d} is never sent to the website's server."
        </p>
        <h2>"Sending your answers to a facilitator"</h2>
        <p>
            "Answers given from an invitation are kept in this browser like any others. Nothing is sent by "
            "itself: at the end, the app shows exactly what would be sent and you choose how. The answers code "
            "is a line of text holding your answers, the round number, the day you finished and a random "
            "number for the assessment (so that it is not counted twice). It holds no name. Written answers "
            "are left out unless the facilitator asked for them and you tick the box to send them. "
            "\u{201c}Send by e-mail\u{201d} only opens your own e-mail program with the message written, for "
            "you to check and send: the app itself sends nothing, and the e-mail shows your address to the "
            "facilitator, as any e-mail does."
        </p>
        <h2>"If this browser cannot keep data"</h2>
        <p>
            "Some browsers, private windows and websites that embed this app do not allow it to keep data. The "
            "app then tells you, keeps your answers only while the page is open, and offers you a download."
        </p>
    }
}
