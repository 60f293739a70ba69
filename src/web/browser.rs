//! What the app asks of the browser beyond the page: the clock, new ids, dates in the person's time
//! zone, and saving a file to the person's device (the only way data leaves the app, and only when
//! asked).

use wasm_bindgen::JsCast;

use crate::model::format::{day_in_words, iso_day, long_day_time};

/// The current time as ISO 8601.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `crypto.randomUUID()`, which exists only in a secure context (https, localhost, a file): it
    /// throws elsewhere, caught here.
    #[wasm_bindgen(js_namespace = crypto, js_name = randomUUID, catch)]
    fn random_uuid() -> Result<String, wasm_bindgen::JsValue>;
}

/// A new id: a random UUID after `prefix` (`a-0f8e…`). Ids need only differ within this browser (they
/// are not secrets, and a taken one is refused and asked for again). A page served over plain http
/// has no `crypto.randomUUID`; it gets 128 bits from `Math.random` in the same form instead.
pub fn new_id(prefix: &str) -> String {
    let uuid = random_uuid().unwrap_or_else(|_| {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut uuid = String::with_capacity(36);
        for i in 0..32 {
            if matches!(i, 8 | 12 | 16 | 20) {
                uuid.push('-');
            }
            uuid.push(char::from(
                HEX[(js_sys::Math::random() * 16.0) as usize & 15],
            ));
        }
        uuid
    });
    format!("{prefix}-{uuid}")
}

/// Today's date as a person reads it ("29 November 2026"). (Not `Intl`: see
/// [`long_day_time`].)
pub fn today_long() -> String {
    let d = js_sys::Date::new_0();
    day_in_words(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// A stored ISO date-time as a person reads it, in their time zone ("29 November 2026 at 14:05").
pub fn long_date(iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    long_day_time(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
    )
}

/// The next animation frame's time stamp (`None` where the browser gives no frame: the future
/// resolves at once).
pub async fn next_frame() -> Option<f64> {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let asked = web_sys::window().and_then(|w| w.request_animation_frame(&resolve).ok());
        if asked.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|t| t.as_f64())
}

/// Resolves in a task of its own after the next frame is painted (an animation frame, then a task:
/// the frame's paint comes between them).
pub async fn after_paint() {
    next_frame().await;
    yield_to_browser().await;
}

/// Resolves in a new task, after a zero timeout set now. For a one-off wait, not for a loop (see
/// [`yield_to_browser`]): a timeout is a cause the browser records in its trace, so tools that
/// replay a page's work (Lighthouse's simulation) place the new task after the one that set it,
/// where a message through a channel is replayed as if it could run before.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let set = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok()
        });
        if set.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets the browser handle input and paint before the next slice of a long piece of work.
///
/// A message posted to itself, not `scheduler.yield()`: a yielded task resumes ahead of the
/// browser's other tasks, and with the machine busy a 100,000-row import then took every keystroke
/// typed meanwhile only at its end. Nor a zero timeout: after five nested timeouts the browser waits
/// at least 4 ms before each, and a 100,000-row import yields some forty times.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if !YIELDS.with(|y| y.post(&resolve)) {
            // No channel (a worker or an old browser): a zero timeout still yields.
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// One message channel for every yield: each message resolves the oldest waiting yield. Kept for the
/// page's life, so that no port is collected while a message is on its way.
struct Yields {
    channel: Option<(web_sys::MessagePort, web_sys::MessagePort)>,
    waiting: Waiting,
}

/// The yields waiting for a message, oldest first.
type Waiting = std::rc::Rc<std::cell::RefCell<std::collections::VecDeque<js_sys::Function>>>;

impl Yields {
    fn new() -> Yields {
        let waiting = Waiting::default();
        let channel = web_sys::MessageChannel::new().ok().map(|channel| {
            let queue = waiting.clone();
            let on_message = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                let next = queue.borrow_mut().pop_front();
                if let Some(resolve) = next {
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                }
            });
            let receiving = channel.port1();
            receiving.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // The handler lives as long as the page: the channel is never closed.
            on_message.forget();
            (receiving, channel.port2())
        });
        Yields { channel, waiting }
    }

    /// Queues `resolve` for the next message; false when there is no channel to post to.
    fn post(&self, resolve: &js_sys::Function) -> bool {
        let Some((_, sending)) = &self.channel else {
            return false;
        };
        self.waiting.borrow_mut().push_back(resolve.clone());
        if sending.post_message(&wasm_bindgen::JsValue::NULL).is_ok() {
            return true;
        }
        self.waiting.borrow_mut().pop_back();
        false
    }
}

thread_local! {
    static YIELDS: Yields = Yields::new();
}

/// Offers `contents` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    let failed = |_| "The file could not be created in this browser.".to_string();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("This page has no document.")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // Revoked a little later: revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Today's date in the person's time zone as ISO 8601 (`2026-12-02`), to compare with a closing date.
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    iso_day(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// 32 random bits, for ids that need only differ (a round id is printed on posters: not a secret).
pub fn random_u32() -> u32 {
    (js_sys::Math::random() * 4_294_967_296.0) as u32
}

/// The address a link made on this page starts with (everything before its `#`): this page, or
/// inside an embed the host page that framed it ([`crate::model::share::link_base`]).
pub fn link_base() -> String {
    let window = leptos::prelude::window();
    let location = window.location();
    let app = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
    );
    let framed = window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| !js_sys::Object::is(parent.as_ref(), window.as_ref()));
    let referrer = leptos::prelude::document().referrer();
    crate::model::share::link_base(
        &app,
        &location.search().unwrap_or_default(),
        &referrer,
        framed,
    )
}

/// Copies `text` to the clipboard; false when the browser refuses at once (no clipboard here).
pub fn copy_text(text: &str) -> bool {
    let navigator = leptos::prelude::window().navigator();
    let clipboard = navigator.clipboard();
    // An insecure page has no clipboard object: the promise is never made.
    if clipboard.is_undefined() {
        return false;
    }
    let _ = clipboard.write_text(text);
    true
}
