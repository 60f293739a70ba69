//! Invitations to a round: what a facilitator sends colleagues so that their answers come back tagged
//! with the round. An invitation carries nothing secret: the group's name, a random round id, a
//! contact address, a closing date and whether free-text answers are asked for. Pure: tested natively.

use serde::{Deserialize, Serialize};

/// One round of a group's survey, as its invitation link carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    /// The group's name as the facilitator wrote it ("Round 2027 — Northshire").
    pub group: String,
    /// A random id that tags every answer given from this invitation (lowercase letters and digits).
    pub round: String,
    /// The address answers are sent to, if the facilitator gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The last day for answers (ISO 8601 date), if the facilitator set one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes: Option<String>,
    /// Whether free-text answers are asked for (by default they are not, so answers stay anonymous).
    #[serde(default)]
    pub free_text: bool,
}
