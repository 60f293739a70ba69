//! The whole app (every page); see `web/handoff.rs` for how it shares the page with the questionnaire
//! build (`src/bin/questionnaire.rs`). Nothing else lives here (see `lib.rs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    collaboration_readiness::web::handoff::mount_app(collaboration_readiness::web::app);
}

/// The app only runs in a browser; natively the crate is a library (engine, chart builders) and the
/// `report` example.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Collaboration Readiness runs in the browser: build it with `trunk build` (see README.md)."
    );
    std::process::exit(2);
}
