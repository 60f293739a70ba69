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
        <h2>"If this browser cannot keep data"</h2>
        <p>
            "Some browsers, private windows and websites that embed this app do not allow it to keep data. The "
            "app then tells you, keeps your answers only while the page is open, and offers you a download."
        </p>
    }
}
