//! The start page: what the self-assessment is, what it asks, and where the answers are kept.

use leptos::prelude::*;

use crate::routes::Route;
use crate::storage;

/// The first page a person sees.
#[component]
pub fn StartPage() -> impl IntoView {
    let storage_ok = storage::available();
    view! {
        <h1 tabindex="-1">"How ready are you to collaborate?"</h1>
        <p class="lead">
            "A self-assessment for anyone who delivers services to the public: how ready are you, and "
            "your organisation, to work with other organisations and with citizens to achieve a shared goal?"
        </p>
        <p>
            "It asks the questions of "<cite>"The State of Collaboration"</cite>", a survey of 115 leaders "
            "in the public, private and third sectors published by the Collaborate Foundation in 2018. "
            "Because the questions are the same, your answers can be set beside what those leaders said."
        </p>
        <h2>"What it asks"</h2>
        <ul>
            <li>"A recent example of collaboration in your work, and how well it went."</li>
            <li>"How much collaboration matters to the services you deliver, and how far the public is involved."</li>
            <li>
                "For each of eight factors, how important it is to successful collaboration in your area, "
                "and how far it is present in your organisation: the six categories of the "
                "Collaboration Readiness Index (behaviours, citizens, systems, services, places and markets), "
                "the sense of urgency, and requirements from central government."
            </li>
            <li>"Your role, sector and the areas you work in."</li>
        </ul>
        <p>"It takes about 10 to 15 minutes. You can stop at any point and carry on later."</p>
        <h2>"Your answers stay in this browser"</h2>
        <p>
            "Every answer is saved in this browser, on this device, as you give it. Nothing is sent "
            "anywhere: there is no account and no server. To keep a copy, move to another device or "
            "share your answers with a facilitator, you export them as a file yourself."
        </p>
        {(!storage_ok).then(|| view! {
            <div class="notice notice-warning" role="status">
                <p><strong>"This browser is not letting the app save anything."</strong>
                " You can still use it, but your answers are kept only while this page is open."</p>
            </div>
        })}
        <p>
            <a href=Route::Benchmark.href()>"See what the 2018 survey found"</a>
        </p>
    }
}
