//! Where q10 places the answer on the five-step ladder of citizen engagement.

use crate::engine::instrument::{Choice, Engagement};
use crate::model::results::Reader;

/// Where q10 places the person on the ladder of citizen engagement.
pub fn engagement_position(reader: Reader, chosen: Option<Engagement>) -> String {
    match (chosen, reader) {
        (None, Reader::Owner) => {
            "You have not said how far the public and service users are involved.".into()
        }
        (None, Reader::Shared) => {
            "These results do not say how far the public and service users are involved.".into()
        }
        (Some(Engagement::NotApplicable), Reader::Owner) => {
            "You said this question does not apply to you.".into()
        }
        (Some(Engagement::NotApplicable), Reader::Shared) => {
            "The answer says this question does not apply.".into()
        }
        (Some(e), reader) => format!(
            "{} the typical involvement of the public and service users at step {} of 5: {}.",
            match reader {
                Reader::Owner => "You placed",
                Reader::Shared => "The answer places",
            },
            e.step().map(|s| s + 1).unwrap_or(0),
            e.label()
        ),
    }
}

/// The mark beside the chosen step of the ladder.
pub fn ladder_mark(reader: Reader) -> &'static str {
    match reader {
        Reader::Owner => " (your answer)",
        Reader::Shared => " (the answer)",
    }
}
