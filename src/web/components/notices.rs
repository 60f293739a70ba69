//! What the person must know about where their answers are: storage disabled, full, or unreadable
//! data set aside. Shown at the top of every page until dismissed (or, for disabled storage, always),
//! with a download of the answers wherever they might otherwise be lost.

use leptos::prelude::*;

use crate::model::book::{export_file_stem, Assessment};
use crate::web::browser::download;
use crate::web::stores::book::{Keeping, Session};
use crate::web::stores::storage::StorageError;

/// Downloads one assessment's answers as a JSON file (the format the app and a facilitator import).
pub fn download_assessment(session: Session, id: &str) -> Result<(), String> {
    session
        .book
        .with_untracked(|b| b.get(id).map(download_json))
        .ok_or("That assessment no longer exists in this browser.")?
}

/// Downloads an assessment as a JSON file: its answers (without those hidden by the q1 branch), its
/// name, its dates and its action plan, so that importing it elsewhere gives the same assessment.
pub fn download_json(a: &Assessment) -> Result<(), String> {
    download(
        &format!("{}.json", export_file_stem(&a.name, a.id())),
        "application/json",
        &a.export_json(),
    )
}

/// How the notice's "Download your answers" works in this build: at once in the whole app; in the
/// questionnaire build by starting the whole app, which downloads as it takes over (see
/// [`crate::web::handoff::download_with_app`]), so that the first load carries no download code. Provided as
/// context by the app shell.
#[derive(Clone, Copy)]
pub struct DownloadCurrent(pub fn(Session, WriteSignal<Option<String>>));

/// Downloads the open assessment, or says why not.
pub fn download_current(session: Session, error: WriteSignal<Option<String>>) {
    let id = session.book.with_untracked(|b| b.current.clone());
    let result = id
        .ok_or_else(|| "There are no answers to download yet.".to_string())
        .and_then(|id| download_assessment(session, &id));
    error.set(result.err());
}

/// Why the last "Download your answers" failed, shown in the notice; provided by the app shell (the
/// whole app may download on start, for the questionnaire build, before any notice exists).
#[derive(Clone, Copy)]
pub struct DownloadError(pub RwSignal<Option<String>>);

/// The storage notice, if there is one.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let session = Session::get();
    let DownloadCurrent(download) = expect_context::<DownloadCurrent>();
    let DownloadError(error) = expect_context::<DownloadError>();
    let (download_error, set_download_error) = error.split();
    let offer_download = move || {
        matches!(
            session.storage_notice.get(),
            Some(StorageError::Unavailable | StorageError::Full | StorageError::Newer)
        ) && session.book.with(|b| b.current().is_some())
    };
    let on_download = move |_| download(session, set_download_error);
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
