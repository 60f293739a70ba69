//! Everything that touches the browser, compiled for wasm32 only: the shell and its three builds
//! ([`shell`], [`handoff`]), storage and the stores of the person's book and the facilitator's groups
//! ([`stores`]), what the app asks of the browser ([`browser`]), and the [`components`] and [`pages`]
//! drawn with Leptos. It may import from every other layer; nothing imports from it.

pub mod browser;
pub mod components;
pub mod handoff;
pub mod pages;
pub mod shell;
pub mod stores;

pub use shell::{app, questionnaire_app, results_app};
