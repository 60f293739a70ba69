//! Share links: a response carried in the URL fragment (`#/shared/<data>`), never in the query string,
//! so it never reaches a server log. The data is the response's JSON (current schema, hidden answers
//! left out), base64url-encoded. Pure: tested natively.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};

use crate::engine::response::Response;
use crate::engine::{intake, json_format};

/// The fragment prefix of a share link.
pub const PREFIX: &str = "#/shared/";

/// Why a share link could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ShareError {
    #[error("This link does not contain any answers.")]
    Empty,
    #[error("This link is incomplete or damaged, so the answers in it cannot be read. Ask for the link again.")]
    Damaged,
    #[error("The answers in this link cannot be read: {0}")]
    Invalid(String),
}

/// The fragment that carries `response` (starting with `#/shared/`).
pub fn fragment(response: &Response) -> String {
    let json = json_format::to_json(&response.without_hidden_answers());
    // Compact JSON keeps the link short; the pretty form is for files people open.
    let compact = serde_json::from_str::<serde_json::Value>(&json)
        .map(|v| v.to_string())
        .unwrap_or(json);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(compact.as_bytes()))
}

/// Reads the response from a fragment (with or without the `#/shared/` prefix).
pub fn read(fragment: &str) -> Result<Response, ShareError> {
    let data = fragment
        .strip_prefix(PREFIX)
        .or_else(|| fragment.strip_prefix("/shared/"))
        .unwrap_or(fragment);
    let data = data.trim();
    if data.is_empty() {
        return Err(ShareError::Empty);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| ShareError::Damaged)?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::Damaged)?;
    let response =
        json_format::response_from_json(&text).map_err(|e| ShareError::Invalid(e.to_string()))?;
    // A link is a way in like any file: the same checks, the same reasons.
    let problems = intake::check(&response);
    if problems.is_empty() {
        Ok(response)
    } else {
        Err(ShareError::Invalid(intake::describe(&problems)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instrument::{Factor, Field, Measure};

    fn sample() -> Response {
        let mut r = Response::new("a-1");
        r.choose(Field::Q1, "no").unwrap();
        r.set_text(Field::Q8, "Ünïcødé & <b>markup</b> \"quoted\"\nnew line")
            .unwrap();
        r.choose(Field::Score(Measure::Importance, Factor::Places), "3")
            .unwrap();
        r.choose(Field::Score(Measure::Prevalence, Factor::Places), "na")
            .unwrap();
        r.toggle(Field::Q18, "wales").unwrap();
        r
    }

    #[test]
    fn a_link_carries_the_answers_exactly() {
        let link = fragment(&sample());
        assert!(link.starts_with("#/shared/"));
        assert!(
            link[PREFIX.len()..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{link}"
        );
        assert_eq!(read(&link).unwrap(), sample());
        assert_eq!(read(&link[1..]).unwrap(), sample(), "also without the #");
    }

    #[test]
    fn answers_hidden_by_the_branch_are_not_shared() {
        let mut r = Response::new("a-2");
        r.choose(Field::Q1, "yes").unwrap();
        r.choose(Field::Q4, "3").unwrap();
        r.choose(Field::Q1, "no").unwrap();
        let shared = read(&fragment(&r)).unwrap();
        assert!(!shared.answers().is_stored(Field::Q4));
    }

    #[test]
    fn damaged_links_say_so() {
        let link = fragment(&sample());
        let cases = [
            ("#/shared/", ShareError::Empty),
            ("#/shared/%%%", ShareError::Damaged),
            (&link[..link.len() / 2], ShareError::Damaged),
        ];
        for (input, expected) in cases {
            let got = read(input).unwrap_err();
            assert!(
                got == expected
                    || matches!(got, ShareError::Invalid(_)) && expected == ShareError::Damaged,
                "{input}: {got:?}"
            );
        }
        assert!(matches!(
            read(&format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(b"{\"x\":1}"))),
            Err(ShareError::Invalid(_))
        ));
    }
}
