//! The app shell: the page the URL fragment names, drawn in the `<main>` of index.html, whose header
//! and footer are the page's own (on the first paint, before any WebAssembly has arrived).
//!
//! On every change of route the document title follows and focus moves to the new page's heading,
//! so that keyboard and screen-reader users land where sighted users look.

use leptos::prelude::*;

use crate::model::book::Book;
use crate::model::routes::Route;
use crate::web::components::notices::{
    download_current, DownloadCurrent, DownloadError, StorageNotice,
};
use crate::web::handoff::{OpeningApp, Start};
use crate::web::pages::accessibility::AccessibilityPage;
use crate::web::pages::{
    assessments::AssessmentsPage,
    benchmark::BenchmarkPage,
    check::CheckPage,
    group::GroupPage,
    join::JoinPage,
    not_found::NotFound,
    privacy::PrivacyPage,
    question::{QuestionPage, RETURNING},
    results::{ComparePage, ResultsPage, SharedPage},
    send::SendPage,
    start::StartPage,
};
use crate::web::stores::book::{
    read_in_good_order, read_repairing, ApplyAction, ReadBook, Session,
};
use crate::web::stores::storage::namespace_from_location;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn current_route() -> Route {
    Route::from_hash(&current_hash())
}

/// Marks the link of the main navigation that leads to the page shown (`aria-current="page"`),
/// and no other (none on "page not found", whose address is the start page's).
fn mark_current_link(route: Route) {
    let Ok(links) = document().query_selector_all(".site-header nav a") else {
        return;
    };
    for i in 0..links.length() {
        let Some(link) = links.item(i) else { continue };
        use wasm_bindgen::JsCast;
        let link = link.unchecked_into::<web_sys::Element>();
        let leads_here = link
            .get_attribute("href")
            .is_some_and(|href| Route::from_hash(&href) == route);
        let _ = if leads_here {
            link.set_attribute("aria-current", "page")
        } else {
            link.remove_attribute("aria-current")
        };
    }
}

/// A visit whose address asks to open on the questionnaire and names no page (the embed's
/// `data-start="questionnaire"`) goes on with the open assessment, to its results when it is
/// finished, or starts a new one on its first question ([`Route::questionnaire_visit`]). Both builds
/// decide this here, from the stored assessments, before the first page is drawn. The address is
/// replaced, so "Back" does not return to a page that would send the person on again (in an iframe,
/// the history is the host page's).
fn open_requested_questionnaire(session: Session) {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    if !crate::model::routes::asks_for_questionnaire(&search, &current_hash()) {
        return;
    }
    let target = match session.book.with_untracked(Route::questionnaire_visit) {
        Some(route) => route,
        None if crate::web::pages::assessments::create_new(session) => {
            Route::Question(crate::model::flow::Step::Example)
        }
        None => return,
    };
    let _ = location.replace(&target.href());
}

/// The page of a route in the whole app.
fn any_page(route: Route) -> Option<AnyView> {
    Some(match route {
        Route::Start => view! { <StartPage/> }.into_any(),
        Route::Question(step) => view! { <QuestionPage step=step/> }.into_any(),
        Route::Change(step) => view! { <QuestionPage step=step way=RETURNING/> }.into_any(),
        Route::Check => view! { <CheckPage/> }.into_any(),
        Route::Assessments => view! { <AssessmentsPage/> }.into_any(),
        Route::Privacy => view! { <PrivacyPage/> }.into_any(),
        Route::Results => view! { <ResultsPage/> }.into_any(),
        Route::Compare => view! { <ComparePage/> }.into_any(),
        Route::Shared => view! { <SharedPage/> }.into_any(),
        Route::Group => view! { <GroupPage/> }.into_any(),
        Route::Join => view! { <JoinPage/> }.into_any(),
        Route::Send => view! { <SendPage/> }.into_any(),
        Route::Accessibility => view! { <AccessibilityPage/> }.into_any(),
        Route::Benchmark => view! { <BenchmarkPage/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    })
}

/// The page of a route in the questionnaire build, or `None` for the pages only the whole app has.
fn questionnaire_page(route: Route) -> Option<AnyView> {
    if !route.in_questionnaire() {
        return None;
    }
    Some(match route {
        Route::Question(step) => view! { <QuestionPage step=step/> }.into_any(),
        _ => view! { <StartPage/> }.into_any(),
    })
}

/// The page of a route in the results build, or `None` for the pages only the whole app has.
fn results_page(route: Route) -> Option<AnyView> {
    if !route.in_results() {
        return None;
    }
    Some(match route {
        Route::Compare => view! { <ComparePage/> }.into_any(),
        Route::Shared => view! { <SharedPage/> }.into_any(),
        Route::Benchmark => view! { <BenchmarkPage/> }.into_any(),
        _ => view! { <ResultsPage/> }.into_any(),
    })
}

/// What differs between the builds. Given as functions by each build's entry point, so that the
/// questionnaire build's code never names a page (or the download code) only the whole app has, and
/// the linker leaves them out of its first load.
struct Parts {
    page: fn(Route) -> Option<AnyView>,
    /// Called on every change of route (the questionnaire starts fetching the whole app in the
    /// background from the categories' questions on).
    visit: fn(Route),
    download: fn(Session, WriteSignal<Option<String>>),
    setup: fn(),
    read: ReadBook,
    apply: ApplyAction,
}

/// The whole app (see [`crate::web::handoff`] for the three builds).
pub fn app(start: Start) -> impl IntoView {
    let parts = Parts {
        page: any_page,
        visit: |_| {},
        download: download_current,
        setup: crate::web::components::chart::provide_dark_mode,
        read: read_repairing,
        apply: Book::apply,
    };
    shell(parts, start)
}

/// The questionnaire build: the start page and the questions.
pub fn questionnaire_app() -> impl IntoView {
    let parts = Parts {
        page: questionnaire_page,
        visit: crate::web::handoff::prefetch_from,
        download: crate::web::handoff::download_with_app,
        setup: || {},
        read: read_in_good_order,
        apply: Book::answer,
    };
    shell(parts, Start::default())
}

/// The results build: a person's results, the comparison, a share link and the 2018 survey
/// ([`Route::in_results`]). It keeps and edits what those pages keep and edit (the action plan, a
/// copy of shared results) as the whole app does, and leaves a stored book that needs repairs to the
/// whole app, as the questionnaire does.
pub fn results_app() -> impl IntoView {
    let parts = Parts {
        page: results_page,
        visit: |_| {},
        download: download_current,
        setup: crate::web::components::chart::provide_dark_mode,
        read: read_in_good_order,
        apply: Book::apply,
    };
    shell(parts, Start::default())
}

fn shell(parts: Parts, start: Start) -> impl IntoView {
    let Parts {
        page,
        visit,
        download,
        setup,
        read,
        apply,
    } = parts;
    // The questionnaire has decided where a `start=questionnaire` visit goes, unless it left the
    // stored book for the whole app to read.
    let decided = start.replaced && !start.handover.as_ref().is_some_and(|h| h.rereads());
    let session = Session::resume(&namespace_from_location(), start.handover, read, apply);
    // A stored book that only the whole app can repair: every page waits for it (see `OpeningApp`).
    let page = move |route| (!session.needs_app).then(|| page(route)).flatten();
    crate::web::handoff::remember(session);
    provide_context(session);
    setup();
    let download_error = RwSignal::new(None::<String>);
    provide_context(DownloadError(download_error));
    provide_context(DownloadCurrent(download));
    if start.download {
        // After the page is drawn: the download is what the person asked for last.
        request_animation_frame(move || download(session, download_error.write_only()));
    }
    if !decided && !session.needs_app {
        open_requested_questionnaire(session);
    }
    let (route, set_route) = signal(current_route());
    // The address the page shows: replacing it with itself (as above) still fires a hashchange,
    // which must not draw the page again.
    let shown = StoredValue::new(current_hash());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        if shown.get_value() != hash {
            shown.set_value(hash);
            set_route.set(current_route());
        }
    });
    on_cleanup(move || listener.remove());

    // Not on first load: a person arriving at the page starts at its top, as with any page. (Unless
    // the whole app has just replaced the questionnaire: the person followed a link.)
    let first = StoredValue::new(!start.replaced);
    Effect::new(move |_| {
        let route = route.get();
        document().set_title(&route.title());
        visit(route);
        if first.get_value() {
            first.set_value(false);
            return;
        }
        if let Some(heading) = document().query_selector("main h1").ok().flatten() {
            use wasm_bindgen::JsCast;
            let _ = heading.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });

    // The frame around the page is index.html's: mark its link to the page shown.
    Effect::new(move |_| mark_current_link(route.get()));

    view! {
        <StorageNotice/>
        {move || {
            let route = route.get();
            page(route).unwrap_or_else(|| view! { <OpeningApp route=route/> }.into_any())
        }}
    }
}
