//! The questionnaire build: the start page and the questions, which is what a first visit loads; it
//! loads the whole app (`src/main.rs`) for any other page. See `src/web/handoff.rs`.

/// A small allocator: the questionnaire keeps little in memory, and every kilobyte of the first load
/// counts. (The whole app keeps the default, which is faster with the group report's large data.)
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // Safety: the app runs on the page's one thread (no threads are built in for wasm32 here).
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
fn main() {
    // No panic hook here (the whole app has one): its message formatting would be a kilobyte more of
    // the first load, for messages that only a developer reads.
    collaboration_readiness::web::handoff::mount_partial(
        collaboration_readiness::web::questionnaire_app,
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Collaboration Readiness runs in the browser: build it with `trunk build` (see README.md)."
    );
    std::process::exit(2);
}
