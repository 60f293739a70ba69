//! The application, pure: everything the pages decide that can be decided without a browser, tested
//! natively. Imports only from [`crate::engine`].
//!
//! The person's assessments and the facilitator's groups each come as a model here ([`book`],
//! [`groups`]) and a store in `web::stores` that keeps it in the browser.

pub mod actions;
pub mod answers_code;
pub mod book;
pub mod flow;
pub mod format;
pub mod groups;
pub mod invite;
pub mod openings;
pub mod results;
pub mod routes;
pub mod send;
pub mod share;
pub mod table;
