//! The 2018 survey's published figures.
use leptos::prelude::*;
#[component]
pub fn BenchmarkPage() -> impl IntoView {
    view! { <h1 tabindex="-1">"What the 2018 survey found"</h1> }
}
