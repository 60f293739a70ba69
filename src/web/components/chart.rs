//! Drawing a chart in the page: loads ECharts on first use, gives it the option object of
//! [`crate::charts::echarts_option`] (tooltips on the canvas, as the Content-Security-Policy needs), follows the
//! window's size, and always sits next to a text summary and a data table.
//!
//! ECharts (about 190 KB gzip: a custom build of the charts and components used, see
//! `scripts/echarts-custom.mjs`) is fetched from the site's own origin only when the first chart is
//! shown, once the text around it has been painted, so neither the questionnaire nor any page's
//! text waits for it. The script URL is relative to the page, so it resolves under any sub-path the
//! site is hosted at.

use std::cell::RefCell;

use charming::Chart;
use js_sys::{Object, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlScriptElement;

/// Where ECharts is when the page does not say (a development build: Trunk copies the npm file).
/// A release build names it by its content and says so in `<meta>` tags (scripts/postbuild.mjs).
pub const ECHARTS_URL: &str = "echarts.min.js";

/// The content of `<meta name="...">`, if the page has it.
fn meta(name: &str) -> Option<String> {
    document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}
const SCRIPT_ID: &str = "echarts-script";

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance drawn in one element.
    pub type Echarts;

    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn init(element: &web_sys::Element, theme: &str, opts: &JsValue) -> Echarts;

    #[wasm_bindgen(method, js_name = setOption)]
    fn set_option(this: &Echarts, option: &JsValue, opts: &JsValue);

    #[wasm_bindgen(method)]
    fn on(this: &Echarts, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method)]
    fn off(this: &Echarts, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method)]
    fn resize(this: &Echarts, opts: &JsValue);

    #[wasm_bindgen(method)]
    fn dispose(this: &Echarts);
}

thread_local! {
    /// The one load of ECharts shared by every chart on the page.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

fn echarts_present() -> bool {
    Reflect::has(&js_sys::global(), &JsValue::from_str("echarts")).unwrap_or(false)
        && !Reflect::get(&js_sys::global(), &JsValue::from_str("echarts"))
            .map(|v| v.is_undefined())
            .unwrap_or(true)
}

/// Makes sure the global `echarts` exists, adding its `<script>` once. Every caller waits on the
/// same load; a failed load is forgotten so that a later chart can try again.
pub async fn ensure_echarts() -> Result<(), String> {
    if echarts_present() {
        return Ok(());
    }
    let promise = start_loading()?;
    match JsFuture::from(promise).await {
        Ok(_) if echarts_present() => Ok(()),
        _ => {
            LOADING.with(|slot| slot.borrow_mut().take());
            if let Some(old) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(SCRIPT_ID))
            {
                old.remove();
            }
            Err(
                "The chart library could not be loaded. The table below shows the same figures."
                    .into(),
            )
        }
    }
}

/// The load of ECharts under way, adding its `<script>` to the page if none has started.
fn start_loading() -> Result<Promise, String> {
    LOADING.with(|slot| -> Result<Promise, String> {
        if let Some(p) = slot.borrow().as_ref() {
            return Ok(p.clone());
        }
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("this page has no document")?;
        let script: HtmlScriptElement = document
            .create_element("script")
            .map_err(|_| "could not create a script element")?
            .unchecked_into();
        script.set_id(SCRIPT_ID);
        script.set_src(
            &meta("collaboration-readiness:echarts").unwrap_or_else(|| ECHARTS_URL.to_string()),
        );
        if let Some(integrity) = meta("collaboration-readiness:echarts-integrity") {
            script.set_integrity(&integrity);
        }
        let promise = Promise::new(&mut |resolve, reject| {
            script.set_onload(Some(&resolve));
            script.set_onerror(Some(&reject));
        });
        document
            .head()
            .ok_or("this page has no head")?
            .append_child(&script)
            .map_err(|_| "could not add the chart library to the page")?;
        *slot.borrow_mut() = Some(promise.clone());
        Ok(promise)
    })
}

/// Resolves once `element` comes within a screen's height of the viewport, so that a chart below
/// the fold costs nothing until a person scrolls towards it (at once where the browser has no
/// IntersectionObserver). One not drawn yet is left out of print; its table is printed.
async fn near_view(element: &web_sys::Element) {
    let element = element.clone();
    let promise = Promise::new(&mut |resolve, _| {
        let at_once = resolve.clone();
        let on_change = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let near = entries.iter().any(|e| {
                    e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                        .is_intersecting()
                });
                if near {
                    observer.disconnect();
                    let _ = resolve.call0(&JsValue::NULL);
                }
            },
        );
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin("100% 0px");
        match web_sys::IntersectionObserver::new_with_options(
            on_change.as_ref().unchecked_ref(),
            &init,
        ) {
            Ok(observer) => observer.observe(&element),
            Err(_) => {
                let _ = at_once.call0(&JsValue::NULL);
            }
        }
        // Handed to the browser's garbage collector with the observer it belongs to.
        let _ = on_change.into_js_value();
    });
    let _ = JsFuture::from(promise).await;
}

thread_local! {
    /// The animation frame the last chart was drawn in.
    static LAST_FRAME: std::cell::Cell<f64> = const { std::cell::Cell::new(-1.0) };
}

/// Waits for an animation frame in which no other chart has been drawn, so that a page of charts
/// is drawn one per frame, each its own short task, rather than in one long one.
async fn own_frame() {
    loop {
        let stamp = crate::web::browser::next_frame().await.unwrap_or(-2.0);
        if stamp < 0.0 || LAST_FRAME.with(|last| last.replace(stamp)) != stamp {
            return;
        }
    }
}

/// Renders `chart` into the element with id `element_id`, loading ECharts first.
pub async fn draw(element_id: &str, chart: &Chart, height: u32) -> Result<Echarts, String> {
    draw_themed(
        element_id,
        Signal::stored(chart.clone()),
        height,
        false,
        false,
    )
    .await
}

/// As [`draw`], in the light or the dark theme, without animation if `still`. The chart is read as
/// it is drawn, once it is in view and the library is on the page.
async fn draw_themed(
    element_id: &str,
    chart: Signal<Chart>,
    height: u32,
    dark: bool,
    still: bool,
) -> Result<Echarts, String> {
    let fail = |why: &str| {
        format!("The chart could not be drawn ({why}). The table below shows the same figures.")
    };
    let element = document()
        .get_element_by_id(element_id)
        .ok_or_else(|| fail("its place in the page is missing"))?;
    // The library is fetched once the page's text has been painted, while the chart waits to come
    // into view: fetched beside the app, it took its share of a slow connection from the app's own
    // download, and the text waited for both (561 KB before a share link's text instead of 367 KB).
    // A chart drawn again once it is here (another comparison, the colour scheme) does not wait.
    if !echarts_present() {
        crate::web::browser::after_paint().await;
        let _ = start_loading();
    }
    near_view(&element).await;
    ensure_echarts().await?;
    own_frame().await;
    if !element.is_connected() {
        return Err(fail("the page changed before it could be drawn"));
    }
    let mut option = chart
        .try_with_untracked(crate::charts::echarts_option)
        .ok_or_else(|| fail("the page changed before it could be drawn"))?;
    // On the page's own background; without animation for a person who asks for less motion.
    option["backgroundColor"] = "transparent".into();
    if still {
        option["animation"] = false.into();
    }
    // JSON.parse is not eval: the page's policy allows it. The option carries no functions.
    let option = js_sys::JSON::parse(&option.to_string())
        .map_err(|_| fail("its figures could not be read"))?;
    let size = Object::new();
    let _ = Reflect::set(&size, &"height".into(), &JsValue::from(height));
    let echarts = init(&element, if dark { "dark" } else { "" }, &size);
    // Lazily: ECharts reads the option in this task, and lays the chart out and paints it in the
    // next frame, so that a chart is two shorter tasks instead of one. It is drawn once painted.
    let lazily = Object::new();
    let _ = Reflect::set(&lazily, &"lazyUpdate".into(), &JsValue::TRUE);
    let mut on_rendered = None;
    let rendered = Promise::new(&mut |resolve, _| {
        echarts.on("rendered", &resolve);
        on_rendered = Some(resolve);
    });
    echarts.set_option(&option, &lazily);
    let _ = JsFuture::from(rendered).await;
    if let Some(handler) = on_rendered {
        echarts.off("rendered", &handler);
    }
    Ok(echarts)
}

fn media_matches(query: &str) -> bool {
    window()
        .match_media(query)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Whether the page is in dark mode, following the system setting as it changes. Provided once by
/// the app shell, so that the signal lives as long as the page.
#[derive(Clone, Copy)]
pub struct DarkMode(pub ReadSignal<bool>);

/// Provides [`DarkMode`] to everything below the current owner (call once, from the app shell).
pub fn provide_dark_mode() {
    let (dark, set_dark) = signal(media_matches("(prefers-color-scheme: dark)"));
    if let Ok(Some(list)) = window().match_media("(prefers-color-scheme: dark)") {
        let on_change = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |e: web_sys::MediaQueryListEvent| set_dark.set(e.matches()),
        );
        let _ = list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // One listener for the page's lifetime.
        on_change.forget();
    }
    provide_context(DarkMode(dark));
}

/// A chart with its accessible name. The drawing itself is hidden from assistive technology: the
/// `summary` (shown as the figure's caption) and the data table passed as `children` carry the same
/// figures in a form every reader can use. The chart is redrawn when it changes, when the colour
/// scheme changes, and resized with the window; animation is off for people who ask for less motion.
#[component]
pub fn ChartFigure(
    /// Unique id of the drawing surface in the page.
    id: &'static str,
    /// Accessible name of the chart: what it shows.
    #[prop(into)]
    label: Signal<String>,
    /// One or two sentences saying what the chart shows.
    #[prop(into)]
    summary: Signal<String>,
    /// The chart to draw.
    #[prop(into)]
    chart: Signal<Chart>,
    /// Height in CSS pixels; the width follows the container.
    #[prop(default = 360)]
    height: u32,
    /// The data table with the chart's figures.
    children: Children,
) -> impl IntoView {
    let (error, set_error) = signal(None::<String>);
    let (drawn, set_drawn) = signal(false);
    let handle: StoredValue<Option<Echarts>, LocalStorage> = StoredValue::new_local(None);
    let dark: Signal<bool> = match use_context::<DarkMode>() {
        Some(DarkMode(dark)) => dark.into(),
        None => Signal::stored(media_matches("(prefers-color-scheme: dark)")),
    };
    Effect::new(move |_| {
        // The chart is read when it is drawn (once in view, the library there), not copied here.
        chart.track();
        let dark = dark.get();
        let still = media_matches("(prefers-reduced-motion: reduce)");
        spawn_local(async move {
            if let Some(old) = handle.try_update_value(|h| h.take()).flatten() {
                old.dispose();
                // Not drawn again until the new drawing is painted: the surface is empty meanwhile.
                set_drawn.try_set(false);
            }
            match draw_themed(id, chart, height, dark, still).await {
                Ok(echarts) => {
                    handle.set_value(Some(echarts));
                    set_error.set(None);
                    set_drawn.set(true);
                }
                Err(message) => set_error.set(Some(message)),
            }
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        handle.with_value(|h| {
            if let Some(echarts) = h {
                echarts.resize(&Object::new().into());
            }
        });
    });
    on_cleanup(move || {
        resize.remove();
        if let Some(old) = handle.try_update_value(|h| h.take()).flatten() {
            old.dispose();
        }
    });
    view! {
        <figure class="chart-figure">
            <div class="chart" role="img" aria-label=label data-drawn=move || drawn.get().to_string()>
                <div id=id class="chart-surface" aria-hidden="true" style:height=format!("{height}px")></div>
            </div>
            <Show when=move || error.get().is_some()>
                <p class="chart-error" role="status">{move || error.get().unwrap_or_default()}</p>
            </Show>
            <figcaption class="chart-summary">{summary}</figcaption>
            {children()}
        </figure>
    }
}
