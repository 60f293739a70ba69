//! The questionnaire build: the start page, the questions and "check your answers", which is what a
//! first visit loads; it loads the whole app (`src/main.rs`) for any other page. See `handoff.rs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    collaboration_readiness::handoff::mount_questionnaire();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Collaboration Readiness runs in the browser: build it with `trunk build` (see README.md)."
    );
    std::process::exit(2);
}
