//! Keeping the models in the browser: [`storage`] (localStorage, namespaced, every fault named), the
//! person's book ([`book`], over `model::book`) and the facilitator's groups ([`groups`], over
//! `model::groups`). Each store saves on every change and follows changes made in other tabs.

pub mod book;
pub mod groups;
pub mod storage;
