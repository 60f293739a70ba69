//! Keep, share and print: the downloads, the share link, printing, and the way to the comparison.

use leptos::prelude::*;

use super::section_heading;
use crate::engine::csv_format;
use crate::engine::response::Response;
use crate::model::actions::{Plan, PlanEdit};
use crate::model::book::{export_file_stem, Action, Assessment};
use crate::model::results::keep::{download_intro, offers_comparison, print_line, share_intro};
use crate::model::results::{Reader, SectionKind};
use crate::model::routes::Route;
use crate::model::share;
use crate::web::browser::{download, now};
use crate::web::components::notices::{download_assessment, download_json};
use crate::web::stores::book::Session;

/// Download, share link, print, and the way to compare assessments.
#[component]
pub(super) fn KeepAndShare(assessment: Assessment, read_only: bool) -> impl IntoView {
    let session = Session::get();
    let reader = Reader::of(read_only);
    let response = assessment.response.without_hidden_answers();
    let exported = StoredValue::new(assessment.clone());
    let (message, set_message) = signal(None::<String>);
    // The plan goes in the link only when the person ticks the box (it may name colleagues).
    let include_plan = RwSignal::new(false);
    let own_id = assessment.id().to_string();
    let plan = Signal::derive({
        let id = own_id.clone();
        move || {
            session
                .book
                .with(|b| b.get(&id).map(|a| a.plan()).unwrap_or_default())
        }
    });
    let base = {
        let location = window().location();
        let app = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
        );
        let framed = window()
            .parent()
            .ok()
            .flatten()
            .is_some_and(|parent| !js_sys::Object::is(parent.as_ref(), window().as_ref()));
        share::link_base(
            &app,
            &location.search().unwrap_or_default(),
            &document().referrer(),
            framed,
        )
    };
    let link = Memo::new(move |_| {
        let fragment = if include_plan.get() && !read_only {
            plan.with(|p| share::fragment_with_plan(&response, Some(p)))
        } else {
            share::fragment(&response)
        };
        format!("{base}{fragment}")
    });
    // The files are made when asked for; the link above is shown, so it is made at once.
    let completed_count = session.book.with_untracked(|b| {
        b.assessments
            .iter()
            .filter(|a| a.completed_at.is_some())
            .count()
    });
    let copy_link = {
        move |_| {
            let clipboard = window().navigator().clipboard();
            let _ = clipboard.write_text(&link.get_untracked());
            set_message.set(Some("The link was copied. Anyone who opens it sees these results; the answers are in the link itself.".into()));
        }
    };
    view! {
        // Screen-only: none of this works on paper.
        <div class="no-print">
        {section_heading(SectionKind::KeepAndShare, reader)}
        <p>{download_intro(reader)}</p>
        <div class="button-group">
            <button type="button" class="button button-secondary" on:click={
                let id = own_id.clone();
                move |_| {
                    // The latest stored copy, with the plan as it is now; a shared view has no copy.
                    let result = if read_only {
                        exported.with_value(download_json)
                    } else {
                        download_assessment(session, &id)
                    };
                    set_message.set(result.err());
                }
            }>"Download as JSON"</button>
            <button type="button" class="button button-secondary" on:click=move |_| {
                let (csv, csv_name) = exported.with_value(|a| (
                    String::from_utf8(csv_format::export_csv_bytes([&a.exported_response()])).unwrap_or_default(),
                    format!("{}.csv", export_file_stem(&a.name, a.id())),
                ));
                set_message.set(download(&csv_name, "text/csv", &csv).err());
            }>"Download as CSV"</button>
            <button type="button" class="button button-secondary" on:click=move |_| {
                let _ = window().print();
            }>"Print or save as PDF"</button>
        </div>
        <h3>"Share these results"</h3>
        <p>{share_intro(reader)}</p>
        {move || (!read_only && plan.with(|p| !p.is_empty())).then(|| view! {
            <div class="choice">
                <input class="choice-input" type="checkbox" id="share-plan"
                    prop:checked=move || include_plan.get()
                    on:change=move |ev| include_plan.set(event_target_checked(&ev))/>
                <label class="choice-label" for="share-plan">"Include my action plan in the link"</label>
            </div>
        })}
        <div class="form-group compact">
            <label class="label" for="share-link">"Link to these results"</label>
            <input class="input" id="share-link" type="text" readonly prop:value=move || link.get() on:focus=|ev| {
                event_target::<web_sys::HtmlInputElement>(&ev).select();
            }/>
        </div>
        <p><button type="button" class="button button-secondary" on:click=copy_link>"Copy the link"</button></p>
        {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
        {offers_comparison(reader, completed_count).then(|| view! {
            <p><a href=Route::Compare.href()>"Compare two of your assessments"</a></p>
        })}
        </div>
        <p class="print-only">{print_line()}</p>
    }
}

/// On a share link: the way to keep the answers among the reader's own assessments.
#[component]
pub(super) fn KeepACopy(response: Response, plan: Option<Plan>) -> impl IntoView {
    let session = Session::get();
    let (note, set_note) = signal(None::<String>);
    view! {
        {section_heading(SectionKind::KeepACopy, Reader::Shared)}
        <p>"Keep these answers in this browser as one of your assessments, for example to compare them with your own."</p>
        <button type="button" class="button" on:click=move |_| {
            let result = session.dispatch(Action::Import { response: response.clone(), name: "Shared results".into(), info: None, now: now() });
            // The shared plan comes with the copy (it was already checked when the link was read).
            if let (Ok(()), Some(plan)) = (&result, plan.clone()) {
                let _ = session.dispatch(Action::Plan { id: response.id.clone(), edit: PlanEdit::Merge(plan), now: now() });
            }
            set_note.set(Some(match result {
                Ok(()) => "Kept. You will find it under Your assessments.".into(),
                Err(e) => e.to_string(),
            }));
        }>"Keep a copy in this browser"</button>
        {move || note.get().map(|n| view! { <p role="status">{n}</p> })}
    }
}
