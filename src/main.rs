//! Mounts the app; nothing else lives here (see `lib.rs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(collaboration_readiness::App);
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
