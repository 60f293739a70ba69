//! One module per screen.

pub mod benchmark;
pub mod not_found;
pub mod start;
