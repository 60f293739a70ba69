//! Drawing a chart in the page: loads ECharts on first use, renders through charming's
//! `WasmRenderer`, follows the window's size, and always sits next to a text summary and a data table.
//!
//! ECharts (about 370 KB gzip) is fetched from the site's own origin only when the first chart is
//! shown, so the questionnaire never waits for it. The script URL is relative to the page, so it
//! resolves under any sub-path the site is hosted at.

use std::cell::RefCell;

use charming::{Chart, WasmRenderer};
use js_sys::{Object, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlScriptElement;

/// Where the built site keeps ECharts (copied from the npm package by Trunk; see `index.html`).
pub const ECHARTS_URL: &str = "echarts.min.js";
const SCRIPT_ID: &str = "echarts-script";

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
    let promise = LOADING.with(|slot| -> Result<Promise, String> {
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
        script.set_src(ECHARTS_URL);
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
    })?;
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

/// Renders `chart` into the element with id `element_id`, loading ECharts first.
pub async fn draw(
    element_id: &str,
    chart: &Chart,
    height: u32,
) -> Result<charming::Echarts, String> {
    ensure_echarts().await?;
    WasmRenderer::new_opt(None, Some(height))
        .render(element_id, chart)
        .map_err(|e| {
            format!("The chart could not be drawn ({e:?}). The table below shows the same figures.")
        })
}

/// A chart with its accessible name. The drawing itself is hidden from assistive technology: the
/// `summary` (shown as the figure's caption) and the data table passed as `children` carry the same
/// figures in a form every reader can use.
#[component]
pub fn ChartFigure(
    /// Unique id of the drawing surface in the page.
    id: &'static str,
    /// Accessible name of the chart: what it shows.
    label: String,
    /// One or two sentences saying what the chart shows.
    summary: String,
    /// The chart to draw.
    chart: Chart,
    /// Height in CSS pixels; the width follows the container.
    #[prop(default = 360)]
    height: u32,
    /// The data table with the chart's figures.
    children: Children,
) -> impl IntoView {
    let (error, set_error) = signal(None::<String>);
    let (drawn, set_drawn) = signal(false);
    let handle: StoredValue<Option<charming::Echarts>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let chart = chart.clone();
        spawn_local(async move {
            match draw(id, &chart, height).await {
                Ok(echarts) => {
                    handle.set_value(Some(echarts));
                    set_drawn.set(true);
                }
                Err(message) => set_error.set(Some(message)),
            }
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        handle.with_value(|h| {
            if let Some(echarts) = h {
                echarts.resize(Object::new().into());
            }
        });
    });
    on_cleanup(move || {
        resize.remove();
        handle.with_value(|h| {
            if let Some(echarts) = h {
                if let Ok(dispose) = Reflect::get(echarts, &JsValue::from_str("dispose")) {
                    let _ = dispose.unchecked_ref::<js_sys::Function>().call0(echarts);
                }
            }
        });
    });
    view! {
        <figure class="chart-figure">
            <div class="chart" role="img" aria-label=label data-drawn=move || drawn.get().to_string()>
                <div id=id class="chart-surface" aria-hidden="true" style=format!("height:{height}px")></div>
            </div>
            <Show when=move || error.get().is_some()>
                <p class="chart-error" role="status">{move || error.get().unwrap_or_default()}</p>
            </Show>
            <figcaption class="chart-summary">{summary}</figcaption>
            {children()}
        </figure>
    }
}
