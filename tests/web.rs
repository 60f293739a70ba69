//! Browser tests (wasm-bindgen-test in headless Chromium) for the code that only runs in a browser:
//! the storage adapter, chart drawing and drawing a long page in turns.
#![cfg(target_arch = "wasm32")]

use collaboration_readiness::charts::{paired_share_bars, PairedShare};
use collaboration_readiness::web::components::chart as view;
use collaboration_readiness::web::stores::storage::{self, Envelope, StorageError, Store};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Sample {
    name: String,
    answers: Vec<u8>,
}

fn sample() -> Sample {
    Sample {
        name: "Ünïcødé \"quoted\"\nline".into(),
        answers: vec![0, 1, 2, 3],
    }
}

fn raw() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn storage_is_available_in_a_normal_page() {
    assert!(storage::available());
}

#[wasm_bindgen_test]
fn saved_data_loads_back_in_its_envelope() {
    let store = Store::new("test-roundtrip");
    store.save("one", 3, &sample()).unwrap();
    assert_eq!(store.load_as::<Sample>("one", 3).unwrap(), Some(sample()));
    let envelope = store.load("one").unwrap().unwrap();
    assert_eq!(envelope.schema, 3);
    let stored: Envelope =
        serde_json::from_str(&raw().get_item("test-roundtrip/one").unwrap().unwrap()).unwrap();
    assert_eq!(stored, envelope);
    store.remove("one");
    assert_eq!(store.load("one").unwrap(), None);
}

#[wasm_bindgen_test]
fn namespaces_do_not_collide() {
    let a = Store::new("embed-a");
    let b = Store::new("embed-b");
    a.save("answers", 1, &"from a").unwrap();
    b.save("answers", 1, &"from b").unwrap();
    assert_eq!(
        a.load_as::<String>("answers", 1).unwrap().as_deref(),
        Some("from a")
    );
    assert_eq!(
        b.load_as::<String>("answers", 1).unwrap().as_deref(),
        Some("from b")
    );
    assert_eq!(a.keys(), vec!["embed-a/answers".to_string()]);
}

#[wasm_bindgen_test]
fn corrupt_data_is_kept_aside_and_reported() {
    let store = Store::new("test-corrupt");
    raw().set_item("test-corrupt/answers", "{not json").unwrap();
    let error = store.load("answers").unwrap_err();
    let StorageError::Corrupt { backup_key } = error.clone() else {
        panic!("expected Corrupt, got {error:?}");
    };
    assert!(
        backup_key.starts_with("test-corrupt/answers.backup-"),
        "{backup_key}"
    );
    assert_eq!(
        raw().get_item(&backup_key).unwrap().as_deref(),
        Some("{not json"),
        "nothing lost"
    );
    assert_eq!(store.load("answers").unwrap(), None, "the app starts clean");
    assert!(
        error.to_string().contains(&backup_key),
        "the message names where the data went"
    );
}

#[wasm_bindgen_test]
fn data_of_an_unexpected_schema_is_kept_aside_not_overwritten() {
    let store = Store::new("test-schema");
    store.save("answers", 1, &sample()).unwrap();
    let error = store.load_as::<Sample>("answers", 2).unwrap_err();
    let StorageError::Corrupt { backup_key } = error else {
        panic!("expected Corrupt, got {error:?}")
    };
    let kept: Envelope =
        serde_json::from_str(&raw().get_item(&backup_key).unwrap().unwrap()).unwrap();
    assert_eq!(kept.schema, 1);
    assert_eq!(
        serde_json::from_str::<Sample>(kept.data.get()).unwrap(),
        sample()
    );
}

fn rows() -> Vec<PairedShare> {
    vec![
        PairedShare {
            label: "Behaviours".into(),
            importance: 0.82,
            prevalence: 0.72,
        },
        PairedShare {
            label: "Systems".into(),
            importance: 0.95,
            prevalence: 0.87,
        },
    ]
}

fn add_surface(id: &str) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    div.set_id(id);
    div.set_attribute("style", "width:600px;height:300px")
        .unwrap();
    // At the top of the page, in view: a chart is drawn only once it comes into view.
    let body = document.body().unwrap();
    body.insert_before(&div, body.first_child().as_ref())
        .unwrap();
    div
}

#[wasm_bindgen_test]
async fn a_chart_is_drawn_once_echarts_is_there_and_fails_cleanly_before() {
    let document = web_sys::window().unwrap().document().unwrap();
    let surface = add_surface("chart-under-test");
    let chart = paired_share_bars("Shares", &rows());

    // The test runner does not serve echarts.min.js: loading fails with a message, not a panic,
    // and the failed script is removed so that a later chart can try again.
    let Err(error) = view::draw("chart-under-test", &chart, 300).await else {
        panic!("drawing cannot succeed without ECharts");
    };
    assert!(error.contains("could not be loaded"), "{error}");
    assert!(document.get_element_by_id("echarts-script").is_none());

    // With ECharts in the page (as the site serves it), the chart is drawn into the surface.
    let script = document.create_element("script").unwrap();
    script.set_text_content(Some(include_str!(
        "../node_modules/echarts/dist/echarts.min.js"
    )));
    document.head().unwrap().append_child(&script).unwrap();
    view::ensure_echarts().await.unwrap();
    assert!(view::draw("chart-under-test", &chart, 300).await.is_ok());
    assert!(
        surface.query_selector("canvas").unwrap().is_some(),
        "ECharts drew a canvas"
    );
    assert!(
        surface.get_attribute("_echarts_instance_").is_some(),
        "ECharts owns the surface"
    );
}

/// Runs `f` with `window.localStorage` throwing, as in a storage-blocked iframe, then restores it.
fn with_storage_blocked(f: impl FnOnce()) {
    js_sys::eval(
        "window.__localStorage = Object.getOwnPropertyDescriptor(window, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, \
         get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
    )
    .unwrap();
    f();
    js_sys::eval("Object.defineProperty(window, 'localStorage', window.__localStorage);").unwrap();
}

#[wasm_bindgen_test]
fn blocked_storage_is_reported_not_thrown() {
    with_storage_blocked(|| {
        assert!(!storage::available());
        let store = Store::new("test-blocked");
        assert_eq!(
            store.save("answers", 1, &sample()),
            Err(StorageError::Unavailable)
        );
        assert_eq!(store.load("answers"), Err(StorageError::Unavailable));
        assert!(store.keys().is_empty());
        store.remove("answers");
    });
    assert!(storage::available(), "restored for the other tests");
}

#[wasm_bindgen_test]
fn full_storage_is_reported_and_what_was_saved_stays() {
    let store = Store::new("test-full");
    store.save("answers", 1, &"before").unwrap();
    js_sys::eval(
        "window.__setItem = Storage.prototype.setItem; \
         Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };",
    )
    .unwrap();
    let result = store.save("answers", 1, &"after");
    js_sys::eval("Storage.prototype.setItem = window.__setItem;").unwrap();
    assert_eq!(result, Err(StorageError::Full));
    // Full is not disabled: what is stored can still be read, and saving works again once there is room.
    assert!(
        StorageError::Full.to_string().contains("download"),
        "the message says what to do"
    );
    assert_eq!(
        store.load_as::<String>("answers", 1).unwrap().as_deref(),
        Some("before")
    );
    store.save("answers", 1, &"after").unwrap();
    assert_eq!(
        store.load_as::<String>("answers", 1).unwrap().as_deref(),
        Some("after")
    );
}

#[wasm_bindgen_test]
fn full_storage_still_counts_as_available() {
    js_sys::eval(
        "window.__setItem2 = Storage.prototype.setItem; \
         Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };",
    )
    .unwrap();
    let available = storage::available();
    js_sys::eval("Storage.prototype.setItem = window.__setItem2;").unwrap();
    assert!(available);
}

/// Mounts `f`'s view into a new element and returns that element.
fn mounted<V: leptos::IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let parent = add_surface("table-surface");
    let handle = leptos::mount::mount_to(parent.clone(), f);
    std::mem::forget(handle);
    parent
}

#[wasm_bindgen_test]
fn a_data_table_scopes_its_headers_aligns_figures_and_names_its_box() {
    use collaboration_readiness::model::table::{Column, Table};
    use collaboration_readiness::web::components::table::DataTable;
    use leptos::prelude::*;
    let table = Table::new(
        "Change per factor",
        vec![
            Column::text("Factor"),
            Column::number("Before"),
            Column::number("Change").labelled("Change in importance"),
        ],
    )
    .group("The six categories")
    .row("Places", vec!["1.00".into(), "+1".into()]);
    let stacked = table.clone();
    let parent = mounted(move || {
        view! {
            <DataTable table=table id="plain" />
            <DataTable table=stacked stacked=true label="Scrolling box" />
        }
    });
    let q = |s: &str| parent.query_selector_all(s).unwrap().length();
    let boxes = parent.query_selector_all(".table-scroll").unwrap();
    assert_eq!(boxes.length(), 2);
    let first: web_sys::Element = boxes.get(0).unwrap().unchecked_into();
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(
        first.get_attribute("aria-label").as_deref(),
        Some("Change per factor")
    );
    let second: web_sys::Element = boxes.get(1).unwrap().unchecked_into();
    assert_eq!(
        second.get_attribute("aria-label").as_deref(),
        Some("Scrolling box")
    );
    assert_eq!(q("table#plain caption"), 1);
    assert_eq!(q("table#plain th[scope=col]"), 3);
    assert_eq!(q("table#plain th[scope=col].num"), 2);
    assert_eq!(q("table#plain th[scope=rowgroup][colspan='3']"), 1);
    assert_eq!(q("table#plain th[scope=row]"), 1);
    assert_eq!(q("table#plain td.num"), 2);
    assert_eq!(
        q("table#plain [role]"),
        0,
        "a plain table keeps its own semantics"
    );
    assert_eq!(q("table.stack-table[role=table]"), 1);
    assert_eq!(
        q(".stack-table td[role=cell][data-label='Change in importance']"),
        1
    );
    assert_eq!(q(".stack-table td[data-label='Before']"), 1);
    assert_eq!(q(".stack-table th[role=rowheader][scope=row]"), 1);
}

#[wasm_bindgen_test]
fn a_list_of_records_has_no_row_headers_and_lists_each_entry_apart() {
    use collaboration_readiness::model::table::{Column, Table};
    use collaboration_readiness::web::components::table::DataTable;
    use leptos::prelude::*;
    let table = Table::new(
        "Rows left out",
        vec![
            Column::number("Line"),
            Column::text("Column").class("column-name"),
            Column::text("Value").class("cell-value"),
        ],
    )
    .without_row_headers()
    .list_row(
        "6",
        vec![
            vec!["q2".into(), "q3".into()],
            vec!["two\nlines".into(), "x".into()],
        ],
    )
    .row("7", vec!["whole row".into(), String::new()]);
    let parent = mounted(move || {
        view! { <DataTable table=table id="records" class="rejected-rows"/> }
    });
    let q = |s: &str| parent.query_selector_all(s).unwrap().length();
    assert_eq!(q("table#records.rejected-rows"), 1);
    assert_eq!(q("table#records th[scope=row]"), 0, "no row headers");
    assert_eq!(
        q("table#records tbody td.num"),
        2,
        "the line is a figure cell"
    );
    assert_eq!(q("table#records td.column-name"), 2);
    assert_eq!(q("table#records td.column-name .entry"), 2);
    assert_eq!(q("table#records td.cell-value .entry"), 2);
    let value = parent
        .query_selector("td.cell-value .entry")
        .unwrap()
        .unwrap();
    assert_eq!(value.text_content().as_deref(), Some("two\nlines"));
    assert_eq!(q("table#records th[scope=col].num"), 1);
}

#[wasm_bindgen_test]
fn ids_are_prefixed_uuids_and_dates_read_as_a_person_reads_them() {
    use collaboration_readiness::web::browser::{long_date, new_id, today_long};
    let (a, b) = (new_id("a"), new_id("a"));
    assert_ne!(a, b);
    let uuid = a.strip_prefix("a-").expect("the prefix");
    let groups: Vec<usize> = uuid.split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 4, 12], "{a}");
    assert!(
        uuid.chars().all(|c| c == '-' || c.is_ascii_hexdigit()),
        "{a}"
    );
    // Over plain http there is no crypto.randomUUID: the fallback gives the same form.
    let crypto = js_sys::Reflect::get(&web_sys::window().unwrap(), &"crypto".into()).unwrap();
    let original = js_sys::Reflect::get(&crypto, &"randomUUID".into()).unwrap();
    js_sys::Reflect::set(
        &crypto,
        &"randomUUID".into(),
        &wasm_bindgen::JsValue::UNDEFINED,
    )
    .unwrap();
    assert!(js_sys::Reflect::get(&crypto, &"randomUUID".into())
        .unwrap()
        .is_undefined());
    let fallback = new_id("g");
    js_sys::Reflect::set(&crypto, &"randomUUID".into(), &original).unwrap();
    let groups: Vec<usize> = fallback[2..].split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 4, 12], "{fallback}");
    assert_ne!(fallback, new_id("g"));
    // "1 December 2026": day, month name, year.
    let today = today_long();
    let words: Vec<&str> = today.split(' ').collect();
    assert_eq!(words.len(), 3, "{today}");
    assert!(
        words[0].parse::<u8>().is_ok() && words[2].len() == 4,
        "{today}"
    );
    // Mid-month at noon UTC: the same date in every time zone.
    let when = long_date("2026-06-15T12:00:00Z");
    assert!(
        when.starts_with("15 June 2026") && when.contains(':'),
        "{when}"
    );
    assert_eq!(long_date("not a date"), "not a date");
    // The app writes dates itself (a first `Intl` call is a long task on a phone): what it writes is
    // what the browser's British English long date and short time say for the same moments.
    let options = js_sys::Intl::DateTimeFormatOptions::new();
    options.set_date_style(js_sys::Intl::DateTimeStyle::Long);
    options.set_time_style(js_sys::Intl::DateTimeStyle::Short);
    for iso in [
        "2026-06-15T12:00:00Z",
        "2027-01-31T09:05:00Z",
        "2028-02-29T23:59:00+01:00",
        "2026-10-10T10:10:00",
    ] {
        let browser =
            String::from(js_sys::Date::new(&iso.into()).to_locale_string("en-GB", &options));
        assert_eq!(long_date(iso), browser, "{iso}");
    }
    let day = js_sys::Intl::DateTimeFormatOptions::new();
    day.set_date_style(js_sys::Intl::DateTimeStyle::Long);
    assert_eq!(
        today_long(),
        String::from(js_sys::Date::new_0().to_locale_date_string("en-GB", &day))
    );
}

#[wasm_bindgen_test]
fn a_qr_code_draws_every_dark_module_of_its_link_and_has_a_name() {
    use collaboration_readiness::web::pages::group::qr::QrImage;
    use leptos::prelude::*;
    let link = "https://example.github.io/collaboration-readiness/#/join/1~k3x9a0b7m2qz~2027-03-31~0~a%40b.org~Round%202027%20%E2%80%94%20Northshire~0a1b2c3";
    let parent = mounted(move || {
        view! { <QrImage text=link.to_string() label="QR code of the invitation link".to_string()/> }
    });
    let svg = parent
        .query_selector("svg")
        .unwrap()
        .expect("an svg is drawn");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        svg.get_attribute("aria-label").as_deref(),
        Some("QR code of the invitation link")
    );
    let code = qrcode::QrCode::with_error_correction_level(link, qrcode::EcLevel::M).unwrap();
    let side = code.width() + 8;
    assert_eq!(
        svg.get_attribute("viewBox"),
        Some(format!("0 0 {side} {side}")),
        "the code and its quiet zone of four modules on each side"
    );
    let path = svg.query_selector("path").unwrap().unwrap();
    let d = path.get_attribute("d").unwrap();
    // Each dark module is one square (`M x y h1v1…`), at its place inside the quiet zone.
    let mut drawn: Vec<(usize, usize)> = d
        .split('M')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let mut xy = s
                .split(['h', ' '])
                .take(2)
                .map(|n| n.parse::<usize>().unwrap());
            (xy.next().unwrap() - 4, xy.next().unwrap() - 4)
        })
        .collect();
    drawn.sort_unstable();
    let mut dark: Vec<(usize, usize)> = code
        .to_colors()
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == qrcode::Color::Dark)
        .map(|(i, _)| (i % code.width(), i / code.width()))
        .collect();
    dark.sort_unstable();
    assert_eq!(drawn, dark);
}

#[wasm_bindgen_test]
async fn sections_in_turn_are_drawn_later_one_per_frame_in_order_and_a_gone_page_is_skipped() {
    use collaboration_readiness::web::browser::next_frame;
    use collaboration_readiness::web::components::in_turn::{in_turn, Section};
    use leptos::prelude::*;
    fn sections(names: &'static [&'static str]) -> impl IntoView {
        names
            .iter()
            .map(|name| {
                let section: Section =
                    Box::new(move || view! { <p class="drawn">{*name}</p> }.into_any());
                in_turn(section)
            })
            .collect_view()
    }
    // A page that goes before its sections' turn: they must not hold up the next page's.
    let gone = add_surface("in-turn-gone");
    drop(leptos::mount::mount_to(gone.clone(), || {
        sections(&["gone 1", "gone 2"])
    }));
    let parent = mounted(|| sections(&["first", "second", "third"]));
    let drawn = || {
        let list = parent.query_selector_all("p.drawn").unwrap();
        (0..list.length())
            .map(|i| list.get(i).unwrap().text_content().unwrap())
            .collect::<Vec<_>>()
    };
    let waiting = || parent.query_selector_all(".in-turn").unwrap().length();
    assert!(
        drawn().is_empty(),
        "nothing is drawn in the task that adds them"
    );
    assert_eq!(waiting(), 3, "each holds its place");
    let mut counts = vec![0];
    for _ in 0..120 {
        next_frame().await;
        counts.push(drawn().len());
        if drawn().len() == 3 {
            break;
        }
    }
    assert_eq!(drawn(), ["first", "second", "third"]);
    assert_eq!(waiting(), 0);
    assert!(
        counts.windows(2).all(|w| w[1] - w[0] <= 1),
        "one section per frame: {counts:?}"
    );
    assert!(gone.query_selector("p.drawn").unwrap().is_none());
}

/// A yield gives the browser a task of its own and is not held back the way nested timeouts are (at
/// least 4 ms each after the fifth): a large import yields some forty times. Yields waited on at once
/// resume in the order they were asked for.
#[wasm_bindgen_test]
async fn yields_resume_in_order_each_in_a_later_task_and_unclamped() {
    use collaboration_readiness::web::browser::yield_to_browser;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    // Gives way: what was queued before the yield has run when it resumes.
    let queued_ran = Rc::new(Cell::new(false));
    let flag = queued_ran.clone();
    wasm_bindgen_futures::spawn_local(async move { flag.set(true) });
    yield_to_browser().await;
    assert!(
        queued_ran.get(),
        "a yield resumes after what was queued before it"
    );

    // Order: three yields started one after another resume in that order, and before a fourth
    // started after them.
    let order = Rc::new(RefCell::new(Vec::new()));
    for n in 0..3 {
        let order = order.clone();
        wasm_bindgen_futures::spawn_local(async move {
            yield_to_browser().await;
            order.borrow_mut().push(n);
        });
    }
    // This task's first yield is asked for before the three have started, its second after them.
    yield_to_browser().await;
    yield_to_browser().await;
    assert_eq!(*order.borrow(), vec![0, 1, 2]);

    // Unclamped: while one 40 ms timeout waits, nested zero timeouts would manage about fifteen.
    let fired = Rc::new(Cell::new(false));
    let timer_flag = fired.clone();
    let on_timer = wasm_bindgen::closure::Closure::once_into_js(move || timer_flag.set(true));
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(on_timer.unchecked_ref(), 40)
        .unwrap();
    let mut yields = 0;
    while !fired.get() {
        yield_to_browser().await;
        yields += 1;
    }
    assert!(
        yields > 30,
        "only {yields} yields while a 40 ms timeout waited"
    );
}

#[wasm_bindgen_test]
async fn a_change_saved_later_is_saved_a_task_later_and_a_change_meanwhile_builds_on_it() {
    use collaboration_readiness::model::groups::Group;
    use collaboration_readiness::web::browser::yield_to_browser;
    use collaboration_readiness::web::stores::groups::GroupStore;
    use leptos::prelude::Owner;

    let owner = Owner::new();
    owner.set();
    let namespace = "test-save-later";
    for key in Store::new(namespace).keys() {
        raw().remove_item(&key).unwrap();
    }
    let stored_name = || {
        // What a second tab would read.
        let other = GroupStore::start(namespace);
        other.with_untracked("g-1", |g| g.map(|g| g.name.clone()))
    };
    let store = GroupStore::start(namespace);
    store.insert(Group::new("g-1".into(), "Workshop", "2026-12-01T10:00:00Z").unwrap());
    assert_eq!(stored_name().as_deref(), Some("Workshop"));
    let rename_saving_later = |name: &'static str| {
        store
            .change_saving_later("g-1", |g| g.rename(name, "2026-12-01T10:01:00Z"))
            .unwrap()
            .unwrap();
    };

    rename_saving_later("Workshop, round 2");
    // Not in this task: the page draws the change first.
    assert_eq!(stored_name().as_deref(), Some("Workshop"));
    // A change before that save is made to this tab's copy, not to the older one in storage.
    let seen = store.change("g-1", |g| g.name.clone()).unwrap();
    assert_eq!(seen, "Workshop, round 2");
    rename_saving_later("Workshop, round 3");
    yield_to_browser().await;
    yield_to_browser().await;
    assert_eq!(stored_name().as_deref(), Some("Workshop, round 3"));

    // Leaving the page before the save has run saves it as the page goes.
    rename_saving_later("Workshop, final");
    owner.cleanup();
    assert_eq!(stored_name().as_deref(), Some("Workshop, final"));
    for key in Store::new(namespace).keys() {
        raw().remove_item(&key).unwrap();
    }
}

#[wasm_bindgen_test]
async fn next_task_resumes_after_the_current_task_and_after_timeouts_set_before_it() {
    use collaboration_readiness::web::browser::next_task;
    use std::cell::RefCell;
    use std::rc::Rc;

    let order = Rc::new(RefCell::new(Vec::new()));
    // A zero timeout set before: runs first (timeouts run in the order they were set).
    let before = order.clone();
    let on_timer =
        wasm_bindgen::closure::Closure::once_into_js(move || before.borrow_mut().push("timeout"));
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(on_timer.unchecked_ref(), 0)
        .unwrap();
    // Work queued in this task (a microtask): done before the next task begins.
    let queued = order.clone();
    wasm_bindgen_futures::spawn_local(async move { queued.borrow_mut().push("queued") });
    next_task().await;
    order.borrow_mut().push("next task");
    assert_eq!(*order.borrow(), vec!["queued", "timeout", "next task"]);
}

#[wasm_bindgen_test]
fn a_change_never_writes_over_a_stored_group_that_could_be_neither_read_nor_kept_aside() {
    use collaboration_readiness::model::groups::Group;
    use collaboration_readiness::web::stores::groups::{GroupNotice, GroupStore};
    use leptos::prelude::{GetUntracked, Owner};

    let owner = Owner::new();
    owner.set();
    let namespace = "test-not-set-aside";
    for key in Store::new(namespace).keys() {
        raw().remove_item(&key).unwrap();
    }
    let store = GroupStore::start(namespace);
    store.insert(Group::new("g-1".into(), "Workshop", "2026-12-01T10:00:00Z").unwrap());
    let key = Store::new(namespace)
        .keys()
        .into_iter()
        .find(|k| k.ends_with("g-1"))
        .expect("the group's key");
    // Another tab (or a newer version) left something unreadable; a copy of it cannot be written.
    raw().set_item(&key, "not a group").unwrap();
    js_sys::eval(
        "window.__setItem3 = Storage.prototype.setItem; \
         Storage.prototype.setItem = function (k, v) { \
           if (String(k).includes('.backup-')) throw new DOMException('Quota exceeded', 'QuotaExceededError'); \
           return window.__setItem3.call(this, k, v); };",
    )
    .unwrap();
    let renamed = store.change("g-1", |g| g.rename("Renamed", "2026-12-01T10:01:00Z"));
    js_sys::eval("Storage.prototype.setItem = window.__setItem3;").unwrap();
    assert!(
        matches!(renamed, Some(Ok(()))),
        "the change is made in this tab"
    );
    assert_eq!(
        raw().get_item(&key).unwrap().as_deref(),
        Some("not a group"),
        "what storage held is not written over"
    );
    assert_eq!(store.notice.get_untracked(), Some(GroupNotice::NotSetAside));
    assert!(!store.is_saved("g-1"));
    owner.cleanup();
    for key in Store::new(namespace).keys() {
        raw().remove_item(&key).unwrap();
    }
}
