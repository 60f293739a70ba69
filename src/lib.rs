//! Collaboration Readiness: the *State of Collaboration* self-assessment and group report.
//!
//! Four layers, each importing only from those listed before it (see ARCHITECTURE.md):
//! - [`engine`]: the instrument, responses, scoring, aggregation and file formats;
//! - [`model`]: the application, pure: routes, the questionnaire's flow, the person's book of
//!   assessments, the facilitator's groups, share links, and how every figure is printed;
//! - [`charts`]: the chart builders, pure (data in, a `charming` chart out);
//! - `web`: everything that touches the browser (the shell and its three builds, storage and the stores,
//!   browser helpers, components, pages), compiled for wasm32 only.
//!
//! The first three compile natively and are tested with `cargo test`; nothing in them can reach a
//! browser crate, which exist only for wasm32.

pub mod charts;
pub mod engine;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod web;
