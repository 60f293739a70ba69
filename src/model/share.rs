//! Share links: a response carried in the URL fragment (`#/shared/<data>`), never in the query string,
//! so it never reaches a server log. The data is the response's JSON (current schema, hidden answers
//! left out), base64url-encoded. Pure: tested natively.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};

use crate::engine::response::Response;
use crate::engine::{intake, json_format};
use crate::model::actions::Plan;

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
    fragment_with_plan(response, None)
}

/// The fragment that carries `response` and, when the person chose to share it, their action plan
/// (an empty plan is left out).
pub fn fragment_with_plan(response: &Response, plan: Option<&Plan>) -> String {
    let plan = plan.and_then(Plan::to_json);
    let json = json_format::with_plan_to_json(&response.without_hidden_answers(), plan.as_deref());
    // Compact JSON keeps the link short; the pretty form is for files people open.
    let compact = serde_json::from_str::<serde_json::Value>(&json)
        .map(|v| v.to_string())
        .unwrap_or(json);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(compact.as_bytes()))
}

/// What a share link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub response: Response,
    /// The action plan, when the person shared it.
    pub plan: Option<Plan>,
    /// True when the link carried a plan that could not be read (the answers still show).
    pub plan_unreadable: bool,
}

/// Reads the response from a fragment (with or without the `#/shared/` prefix).
pub fn read(fragment: &str) -> Result<Response, ShareError> {
    read_shared(fragment).map(|s| s.response)
}

/// Reads the response and any action plan from a fragment.
pub fn read_shared(fragment: &str) -> Result<Shared, ShareError> {
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
    let document =
        json_format::read_document(&text).map_err(|e| ShareError::Invalid(e.to_string()))?;
    let [response] = <[Response; 1]>::try_from(document.responses).map_err(|r| {
        ShareError::Invalid(format!(
            "it holds {} responses where one was expected",
            r.len()
        ))
    })?;
    let plan = document.plan.map(|p| Plan::from_json(p.0.get()));
    // A link is a way in like any file: the same checks, the same reasons.
    let problems = intake::check(&response);
    if problems.is_empty() {
        Ok(Shared {
            response,
            plan_unreadable: matches!(plan, Some(Err(_))),
            plan: plan.and_then(Result::ok),
        })
    } else {
        Err(ShareError::Invalid(intake::describe(&problems)))
    }
}

/// The address a share link starts with (everything before its `#`), so that the link opens a page
/// with the app's header and menu, never the bare embedded app.
///
/// - `app`: the app page's own address, without its query or fragment (origin and path);
/// - `search`: the app page's query, where embed.js puts `host=<the host page's address>`;
/// - `referrer` and `framed`: the page that framed the app, if it is framed.
///
/// Inside an embed the link opens the host page (embed.js there passes a `#/shared/…` fragment on to
/// the app), but only when the host named in the query is the page that framed the app: the query
/// alone could be forged to send the answers to another site. Otherwise the link opens the full app
/// at its own address, without the embedding options.
pub fn link_base(app: &str, search: &str, referrer: &str, framed: bool) -> String {
    let host = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("host="))
        .and_then(percent_decode);
    match host {
        Some(host)
            if framed
                && is_web_address(&host)
                && !host.contains('#')
                && origin(&host).is_some()
                && origin(&host) == origin(referrer) =>
        {
            host
        }
        _ => app.to_string(),
    }
}

/// An absolute `http:` or `https:` address of printable ASCII (as a browser serialises one).
fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.bytes().all(|b| b.is_ascii_graphic())
}

/// `scheme://host[:port]`, lower-cased, of an absolute web address.
fn origin(url: &str) -> Option<String> {
    if !is_web_address(url) {
        return None;
    }
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    // An address with credentials ("user@") is never one embed.js sends.
    (!authority.is_empty() && !authority.contains('@'))
        .then(|| format!("{scheme}://{authority}").to_ascii_lowercase())
}

/// Decodes a query value as `URLSearchParams` writes it (`%XX`, `+` for a space).
fn percent_decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
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
    fn a_link_carries_the_plan_only_when_the_person_chooses() {
        use crate::model::actions::{Draft, PlanEdit, Topic};
        let mut plan = Plan::default();
        plan.edit(PlanEdit::Add {
            id: "p1".into(),
            draft: Draft {
                topic: Topic::from_id("factor:places"),
                what: "Map the partners".into(),
                ..Draft::default()
            },
        })
        .unwrap();
        let without = fragment(&sample());
        let shared = read_shared(&without).unwrap();
        assert_eq!((shared.plan, shared.plan_unreadable), (None, false));
        assert_eq!(fragment_with_plan(&sample(), None), without);
        assert_eq!(
            fragment_with_plan(&sample(), Some(&Plan::default())),
            without,
            "an empty plan adds nothing"
        );
        let with = fragment_with_plan(&sample(), Some(&plan));
        assert_ne!(with, without);
        let shared = read_shared(&with).unwrap();
        assert_eq!(shared.response, sample());
        assert_eq!(shared.plan, Some(plan));
        assert_eq!(
            read(&with).unwrap(),
            sample(),
            "older readers of the answers still work"
        );
        // A link whose plan is damaged still shows the answers, and says the plan could not be read.
        let doc = r#"{"format":"collaboration-readiness/responses","schema_version":4,"response":{"id":"a"},"plan":{"topics":"x"}}"#;
        let shared = read_shared(&format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(doc))).unwrap();
        assert_eq!((shared.plan, shared.plan_unreadable), (None, true));
        // A link of several responses is not a share link.
        let set = json_format::set_to_json(&[sample(), Response::new("b")]);
        assert!(matches!(
            read_shared(&format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(set))),
            Err(ShareError::Invalid(_))
        ));
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

    #[test]
    fn defect_25_a_link_made_in_an_embed_opens_the_host_page_or_the_full_app() {
        let app = "https://app.example/collaboration-readiness/";
        let host = "https://foundation.example/take-part?page=2";
        let encoded = "https%3A%2F%2Ffoundation.example%2Ftake-part%3Fpage%3D2";
        let search = format!("?embed=1&ns=team&host={encoded}");
        let cases = [
            // Framed by the host page it names: the link opens that page.
            (search.as_str(), "https://foundation.example/", true, host),
            (
                search.as_str(),
                "https://foundation.example/take-part?page=2",
                true,
                host,
            ),
            // Not framed, or framed by another site than the one named: the full app.
            (search.as_str(), "https://foundation.example/", false, app),
            (search.as_str(), "https://evil.example/", true, app),
            (search.as_str(), "", true, app),
            // An embed without a host (an older embed.js): the full app, not the bare embed.
            (
                "?embed=1&start=questionnaire",
                "https://foundation.example/",
                true,
                app,
            ),
            ("", "", false, app),
            // Addresses no browser serialises, or that are not web pages.
            (
                "?host=javascript%3Aalert(1)",
                "javascript:alert(1)",
                true,
                app,
            ),
            (
                "?host=https%3A%2F%2Ffoundation.example%2F%23x",
                "https://foundation.example/",
                true,
                app,
            ),
            (
                "?host=https%3A%2F%2Fa%40foundation.example%2F",
                "https://a@foundation.example/",
                true,
                app,
            ),
            (
                "?host=https%3A%2F%2Ffoundation.example%2Fa%20b",
                "https://foundation.example/",
                true,
                app,
            ),
            ("?host=%E0%A4", "https://foundation.example/", true, app),
            ("?host=%2", "https://foundation.example/", true, app),
        ];
        for (search, referrer, framed, expected) in cases {
            assert_eq!(
                link_base(app, search, referrer, framed),
                expected,
                "{search} from {referrer} (framed: {framed})"
            );
        }
        // Origins compare without regard to case, and a port makes another origin.
        assert_eq!(
            link_base(
                app,
                "?host=https%3A%2F%2FFoundation.example%2F",
                "https://foundation.EXAMPLE/",
                true
            ),
            "https://Foundation.example/"
        );
        assert_eq!(
            link_base(
                app,
                "?host=https%3A%2F%2Ffoundation.example%3A8443%2F",
                "https://foundation.example/",
                true
            ),
            app
        );
    }
}
