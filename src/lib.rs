//! Collaboration Readiness: the *State of Collaboration* self-assessment and group report.
//!
//! `engine` (the instrument, scoring, aggregation, formats), `charts` (pure chart builders) and
//! `routes` compile natively and are tested with `cargo test`. Everything that touches the browser
//! (`app`, `pages`, `storage`, chart drawing) is compiled for wasm32 only, so the engine cannot depend
//! on a browser crate by accident.

pub mod charts;
pub mod engine;
pub mod flow;
pub mod group;
pub mod results_text;
pub mod routes;
pub mod share;
pub mod slug;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod download;
#[cfg(target_arch = "wasm32")]
pub mod group_store;
#[cfg(target_arch = "wasm32")]
pub mod handoff;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod session;
#[cfg(target_arch = "wasm32")]
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub use app::{app, questionnaire_app};
