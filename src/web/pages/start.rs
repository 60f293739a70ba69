//! The start page: what the self-assessment is, what it asks, and where the answers are kept.

use leptos::prelude::*;

use crate::model::routes::Route;
use crate::web::components::go;
use crate::web::pages::assessments::start_new;
use crate::web::stores::book::Session;

/// The first page a person sees.
#[component]
pub fn StartPage() -> impl IntoView {
    let session = Session::get();
    // The open assessment, and where carrying on with it leads: its results once it is finished.
    let open = Memo::new(move |_| {
        session
            .book
            .with(|b| b.current().map(|a| (a.name.clone(), Route::continuing(a))))
    });
    let has_any = move || session.book.with(|b| !b.assessments.is_empty());
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
        <p><a href=Route::Privacy.href()>"Read more about your answers and your privacy"</a></p>
        {move || match open.get() {
            Some((name, Route::Results)) => view! {
                <p>"You have finished \u{201c}"{name.clone()}"\u{201d}."</p>
                <div class="button-group">
                    <a class="button" href=Route::Results.href()>
                        "See the results of \u{201c}"{name}"\u{201d}"
                    </a>
                    <button type="button" class="button button-secondary" on:click=move |_| start_new(session)>
                        "Start a new assessment"
                    </button>
                </div>
            }.into_any(),
            Some((name, route)) => view! {
                <div class="button-group">
                    <button type="button" class="button" on:click=move |_| go(route)>
                        "Continue \u{201c}"{name}"\u{201d}"
                    </button>
                    <button type="button" class="button button-secondary" on:click=move |_| start_new(session)>
                        "Start a new assessment"
                    </button>
                </div>
            }.into_any(),
            None => view! {
                <button type="button" class="button button-start" on:click=move |_| start_new(session)>
                    "Start now"
                </button>
            }.into_any(),
        }}
        <Show when=has_any>
            <p><a href=Route::Assessments.href()>"See all your assessments"</a></p>
        </Show>
        <p>
            <a href=Route::Benchmark.href()>"See what the 2018 survey found"</a>
        </p>
    }
}
