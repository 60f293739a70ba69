//! One module per screen.

pub mod accessibility;
pub mod assessments;
pub mod benchmark;
pub mod check;
pub mod group;
pub mod join;
pub mod not_found;
pub mod privacy;
pub mod question;
pub mod results;
pub mod send;
pub mod start;
