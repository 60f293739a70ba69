//! What the person must know about where their answers are: storage disabled, full, or unreadable
//! data set aside. Shown at the top of every page until dismissed (or, for disabled storage, always),
//! with a download of the answers wherever they might otherwise be lost.

use leptos::prelude::*;

use crate::download::download;
use crate::engine::json_format;
use crate::session::{Keeping, Session};
use crate::storage::StorageError;

/// Downloads one assessment's answers as a JSON file (the format the app and a facilitator import).
pub fn download_assessment(session: Session, id: &str) -> Result<(), String> {
    let (name, json) = session
        .book
        .with_untracked(|b| {
            b.get(id).map(|a| {
                (
                    a.name.clone(),
                    json_format::to_json(&a.response.without_hidden_answers()),
                )
            })
        })
        .ok_or("That assessment no longer exists in this browser.")?;
    download(
        &format!("{}.json", file_stem(&name)),
        "application/json",
        &json,
    )
}

/// A file name from an assessment's name: letters, digits and dashes only.
pub fn file_stem(name: &str) -> String {
    match crate::slug::slug(name) {
        slug if slug.is_empty() => "collaboration-readiness".into(),
        slug => format!("collaboration-readiness-{slug}"),
    }
}

/// The storage notice, if there is one.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let session = Session::get();
    let (download_error, set_download_error) = signal(None::<String>);
    let offer_download = move || {
        matches!(
            session.storage_notice.get(),
            Some(StorageError::Unavailable | StorageError::Full)
        ) && session.book.with(|b| b.current().is_some())
    };
    let on_download = move |_| {
        let id = session.book.with_untracked(|b| b.current.clone());
        let result = id
            .ok_or_else(|| "There are no answers to download yet.".to_string())
            .and_then(|id| download_assessment(session, &id));
        set_download_error.set(result.err());
    };
    let dismissible = move || {
        !matches!(
            session.storage_notice.get(),
            Some(StorageError::Unavailable)
        ) && session.keeping.get() == Keeping::Saved
    };
    view! {
        {move || session.storage_notice.get().map(|notice| view! {
            <div class="notice notice-warning storage-notice" role="alert">
                <p><strong>{notice.to_string()}</strong></p>
                <Show when=offer_download>
                    <p>
                        <button type="button" class="button button-secondary" on:click=on_download>
                            "Download your answers"
                        </button>
                    </p>
                </Show>
                {move || download_error.get().map(|e| view! { <p class="error-message">{e}</p> })}
                <Show when=dismissible>
                    <p>
                        <button type="button" class="button-link" on:click=move |_| session.storage_notice.set(None)>
                            "Hide this message"
                        </button>
                    </p>
                </Show>
            </div>
        })}
    }
}
