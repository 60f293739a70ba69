//! Results (being built).
use leptos::prelude::*;

/// Results of the open assessment.
#[component]
pub fn ResultsPage() -> impl IntoView {
    view! { <h1 tabindex="-1">"Your results"</h1> }
}

/// Two assessments side by side.
#[component]
pub fn ComparePage() -> impl IntoView {
    view! { <h1 tabindex="-1">"Compare two assessments"</h1> }
}

/// Results from a share link.
#[component]
pub fn SharedPage() -> impl IntoView {
    view! { <h1 tabindex="-1">"Shared results"</h1> }
}
