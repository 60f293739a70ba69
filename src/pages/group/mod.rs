//! The facilitator's group report (being built).
use leptos::prelude::*;

/// The group report page.
#[component]
pub fn GroupPage() -> impl IntoView {
    view! { <h1 tabindex="-1">"Group report"</h1> }
}
