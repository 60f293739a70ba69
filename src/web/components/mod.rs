//! Widgets shared by pages.

pub mod chart;
pub mod field;
pub mod import;
pub mod in_turn;
pub mod notices;
pub mod plan;
pub mod table;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::routes::Route;

/// Goes to a route (the router follows the fragment).
pub fn go(route: Route) {
    let _ = window().location().set_hash(&route.href());
}

/// The files in a file chooser's or a drop's list, in order (none when there is no list).
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// Moves keyboard focus to the element with this id, if it is there.
pub fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// Moves keyboard focus to the element with this id once the page has drawn what the change in
/// progress shows (a task later than the signal's re-render).
pub fn focus_after_draw(id: impl Into<String>) {
    let id = id.into();
    leptos::task::spawn_local(async move {
        crate::web::browser::yield_to_browser().await;
        focus_id(&id);
    });
}

/// One entry of an error summary: the message and the id of the control it sends focus to.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorLink {
    pub message: String,
    /// Id of the control in this page, or a route to another page.
    pub target: ErrorTarget,
}

/// Where an error summary link goes.
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorTarget {
    Control(String),
    Page(Route),
}

/// The GOV.UK error summary: shown at the top of the page, takes focus when it appears, and links
/// each message to the control (or page) where it can be put right.
#[component]
pub fn ErrorSummary(errors: Signal<Vec<ErrorLink>>) -> impl IntoView {
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title" role="alert">
                <h2 id="error-summary-title">"There is a problem"</h2>
                <ul>
                    {move || errors.get().into_iter().map(|e| {
                        let (href, control) = match e.target.clone() {
                            ErrorTarget::Control(id) => (format!("#{id}"), Some(id)),
                            ErrorTarget::Page(route) => (route.href(), None),
                        };
                        view! {
                            <li>
                                <a href=href on:click=move |ev| {
                                    // Links to a control move focus without touching the router's fragment.
                                    if let Some(id) = &control {
                                        ev.prevent_default();
                                        focus_id(id);
                                    }
                                }>{e.message}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// A "Back" link to the previous page.
#[component]
pub fn BackLink(href: String) -> impl IntoView {
    view! { <a class="back-link" href=href>"Back"</a> }
}

/// The box around a data table that is wider than the screen: it scrolls sideways, and is focusable
/// and named (`label`, what the table shows) so that a keyboard user can reach it and scroll it with
/// the arrow keys.
pub fn table_scroll(label: impl Into<String>, table: impl IntoView) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="group" aria-label=label.into()>
            {table}
        </div>
    }
}
