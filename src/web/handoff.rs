//! Three builds of the app share one page, so that a visit downloads only what its page needs.
//!
//! The **questionnaire** (`src/bin/questionnaire.rs`) has the start page and the questions
//! ([`Route::in_questionnaire`]); it is what the page loads when it opens on one of those, a first
//! visit included. The **results** build (`src/bin/results.rs`) has a person's results, the
//! comparison, a share link and the 2018 survey ([`Route::in_results`]): what a cold visit opens to
//! read figures and charts. The **whole app** (`src/main.rs`) has every page. Each of the two partial
//! builds works the same way. When it is asked for a page it does not have, it asks the page's boot
//! script (public/boot.js) to load the whole app and says so while it loads ([`OpeningApp`]); the
//! whole app, once started, announces itself with a [`STARTED`] event, on which the partial build
//! hands over its session (answers storage could not take included) and removes itself; the whole
//! app then carries on from there. From the categories' pages on, the questionnaire fetches the
//! whole app in the background ([`Route::prefetches_app`]), so the results open without a wait,
//! offline too.

use std::any::Any;
use std::cell::{Cell, RefCell};

use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CustomEvent, CustomEventInit};

use crate::model::routes::Route;
use crate::web::browser::next_task;
use crate::web::stores::book::{Handover, Session};

/// The event the whole app sends when it starts, before it draws anything.
pub const STARTED: &str = "collaboration-readiness:app-started";
/// The property of the page's `window` through which the boot script offers to load the whole app.
const BOOT: &str = "collaborationReadiness";

thread_local! {
    /// The mounted partial build, dropped (which removes it from the page) when the whole app starts.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    /// The running session, to hand over.
    static SESSION: Cell<Option<Session>> = const { Cell::new(None) };
    /// True when the person asked for their answers as a file: the whole app downloads them on start.
    static DOWNLOAD: Cell<bool> = const { Cell::new(false) };
}

/// How the whole app starts: from nothing, or from a partial build that was on the page.
#[derive(Clone, Debug, Default)]
pub struct Start {
    /// The partial build's session, when it handed one over.
    pub handover: Option<Handover>,
    /// True when the whole app replaced a partial build: the person has just followed a link, so
    /// focus goes to the new page's heading as on any change of page.
    pub replaced: bool,
    /// True when the person asked the questionnaire for their answers as a file.
    pub download: bool,
}

/// Remembers the session the shell started, for a later hand-over.
pub fn remember(session: Session) {
    SESSION.with(|s| s.set(Some(session)));
}

/// Mounts a partial build's `view` (given by the build's entry point, so that this module need not
/// know the shell) and waits for the whole app to take over.
pub fn mount_partial<V: IntoView + 'static>(view: fn() -> V) {
    let handle = leptos::mount::mount_to(page_main(), view);
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
    let on_started = Closure::<dyn FnMut(CustomEvent)>::new(|event: CustomEvent| {
        // Cancelling tells the whole app that a partial build was here.
        event.prevent_default();
        if let Some(session) = SESSION.with(|s| s.take()) {
            if let Ok(json) = serde_json::to_string(&session.handover()) {
                let _ = Reflect::set(&event.detail(), &"handover".into(), &json.into());
            }
        }
        let _ = Reflect::set(
            &event.detail(),
            &"download".into(),
            &DOWNLOAD.with(|d| d.get()).into(),
        );
        // Dropping the handle unmounts the view and disposes of its reactive owner (listeners too).
        MOUNTED.with(|m| m.borrow_mut().take());
    });
    let _ = window().add_event_listener_with_callback_and_bool(
        STARTED,
        on_started.as_ref().unchecked_ref(),
        false,
    );
    on_started.forget();
}

/// As [`mount_partial`], a task later: the task that finished compiling the build and instantiated it
/// does not also draw the page (on a phone, a 4× slower CPU, the two were one task of 140–180 ms
/// opening a share link, most of it compiling each function the first drawing calls).
pub fn mount_partial_later<V: IntoView + 'static>(view: fn() -> V) {
    in_next_task(move || mount_partial(view));
}

/// Runs `mount` in a task of its own after this one ([`next_task`]). Not leptos's `spawn_local`:
/// its executor is set up by the mount this waits for.
fn in_next_task(mount: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        next_task().await;
        mount();
    });
}

/// Starts the whole app: takes over from a partial build at once, in the same task, so that the
/// page is never empty between them; opened cold, draws a task later, as [`mount_partial_later`]
/// does (compiling, instantiating and drawing the whole app were one task of 280–420 ms on a phone).
pub fn mount_app<V: IntoView + 'static>(view: fn(Start) -> V) {
    let start = take_over();
    let replaced = start.replaced;
    let mount = move || leptos::mount::mount_to(page_main(), move || view(start)).forget();
    if replaced {
        mount();
    } else {
        in_next_task(mount);
    }
}

/// The page's `<main>` (index.html), emptied of what it showed before the app ran (an opening) and
/// no longer busy, for the app to draw the page in.
fn page_main() -> web_sys::HtmlElement {
    let main = document()
        .get_element_by_id("main")
        .expect("index.html has a <main id=\"main\">");
    main.set_inner_html("");
    let _ = main.remove_attribute("aria-busy");
    main.unchecked_into()
}

/// Announces the whole app and takes over from a partial build, if one is on the page.
pub fn take_over() -> Start {
    let detail = Object::new();
    let init = CustomEventInit::new();
    init.set_cancelable(true);
    init.set_detail(&detail);
    let Ok(event) = CustomEvent::new_with_event_init_dict(STARTED, &init) else {
        return Start::default();
    };
    let replaced = !window().dispatch_event(&event).unwrap_or(true);
    let handover = Reflect::get(&detail, &"handover".into())
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|json| serde_json::from_str(&json).ok());
    let download = Reflect::get(&detail, &"download".into()).is_ok_and(|v| v.is_truthy());
    Start {
        handover,
        replaced,
        download,
    }
}

/// Calls a function the boot script offers, if the page has it.
fn call_boot(name: &str) -> Option<JsValue> {
    let boot = Reflect::get(&window(), &BOOT.into()).ok()?;
    let f: Function = Reflect::get(&boot, &name.into()).ok()?.dyn_into().ok()?;
    f.call0(&boot).ok()
}

/// On a page where the questionnaire fetches the whole app ([`Route::prefetches_app`]), starts that
/// fetch in the background (once; the boot script keeps count).
pub fn prefetch_from(route: Route) {
    if route.prefetches_app() {
        call_boot("prefetchApp");
    }
}

/// Loads and starts the whole app. Returns only if that failed (on success, this partial build is
/// removed from the page before the future could resume), with a reason a person can act on.
pub async fn open_app() -> String {
    let Some(promise) = call_boot("openApp").and_then(|p| p.dyn_into::<Promise>().ok()) else {
        return "This page could not load the rest of the app.".into();
    };
    match JsFuture::from(promise).await {
        Ok(_) => "The rest of the app started but did not take over this page.".into(),
        Err(_) => "The rest of the app could not be loaded: this device may be offline.".into(),
    }
}

/// The questionnaire's "Download your answers": starts the whole app, which downloads the open
/// assessment as it takes over (it has the file formats; the questionnaire's first load does not).
pub fn download_with_app(_: Session, error: WriteSignal<Option<String>>) {
    DOWNLOAD.with(|d| d.set(true));
    error.set(None);
    leptos::task::spawn_local(async move {
        let reason = open_app().await;
        DOWNLOAD.with(|d| d.set(false));
        error.set(Some(format!(
            "{reason} Your answers could not be downloaded."
        )));
    });
}

/// What a partial build shows for a page only the whole app has, while that loads (or if it cannot).
#[component]
pub fn OpeningApp(route: Route) -> impl IntoView {
    let failed = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        failed.set(Some(open_app().await));
    });
    const KEPT: &str = " Your answers are kept. Connect to the internet and try again.";
    move || match failed.get() {
        None => view! {
            <h1 tabindex="-1">{route.name()}</h1>
            <p role="status">"Opening this page…"</p>
        }
        .into_any(),
        Some(reason) => view! {
            <h1 tabindex="-1">"This page could not be opened"</h1>
            <p role="alert">{reason}{KEPT}</p>
            <p><button type="button" class="button" on:click=|_| reload()>"Try again"</button></p>
            <p><a href=Route::Start.href()>"Back to the start page"</a></p>
        }
        .into_any(),
    }
}

fn reload() {
    let _ = window().location().reload();
}
