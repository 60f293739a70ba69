//! The page for a fragment the app does not know.

use leptos::prelude::*;

use crate::model::routes::Route;

/// "Page not found", with the way back to the start.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Page not found"</h1>
        <p>"The address may be mistyped, or the page may have moved."</p>
        <p><a href=Route::Start.href()>"Go to the start page"</a></p>
    }
}
