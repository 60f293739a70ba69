//! The results build: a person's results, the comparison, a share link and the 2018 survey, which is
//! what the page loads when a visit opens on one of those (a share link a manager follows, the
//! results reopened later). It loads the whole app (`src/main.rs`) for any other page, as the
//! questionnaire build does. See `src/web/handoff.rs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    // No panic hook, as in the questionnaire build: this build's download is what a share link's
    // reader waits for.
    collaboration_readiness::web::handoff::mount_partial_later(
        collaboration_readiness::web::results_app,
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Collaboration Readiness runs in the browser: build it with `trunk build` (see README.md)."
    );
    std::process::exit(2);
}
