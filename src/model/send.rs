//! "Send your answers to the facilitator": what an assessment started from an invitation sends, in
//! plain words and answer by answer (the preview), and the e-mail that carries it (a `mailto:` link
//! whose body holds the answers code). Pure: tested natively.

use crate::engine::instrument::{Field, FieldKind, Measure, INSTRUMENT};
use crate::engine::response::{AnswerRef, Response};
use crate::model::invite::Invitation;

/// One answer as the preview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The question, as a person reads it.
    pub question: String,
    /// The answer, as a person reads it.
    pub answer: String,
}

fn is_free_text(field: Field) -> bool {
    matches!(field.kind(), FieldKind::Text { .. })
}

/// The question a field asks, short enough for a list: a rating names its factor.
fn question_of(field: Field) -> String {
    match field {
        Field::Score(Measure::Importance, factor) => {
            format!("How important: {}", factor.name())
        }
        Field::Score(Measure::Prevalence, factor) => {
            format!("How far present in your organisation: {}", factor.name())
        }
        f => INSTRUMENT.question(f.question()).text.to_string(),
    }
}

/// Every answer the code for `response` holds (free-text answers only when `free_text`), in the
/// questionnaire's order: exactly what [`crate::model::answers_code::encode`] is given.
pub fn preview(response: &Response, free_text: bool) -> Vec<Row> {
    let response = response.without_hidden_answers();
    INSTRUMENT
        .fields()
        .iter()
        .filter(|f| free_text || !is_free_text(**f))
        .filter_map(|&field| {
            let answer = match response.answers().get(field)? {
                AnswerRef::Choice(o) => o.label.to_string(),
                AnswerRef::Choices(os) => os.iter().map(|o| o.label).collect::<Vec<_>>().join(", "),
                AnswerRef::Text(t) => t.to_string(),
            };
            Some(Row {
                question: question_of(field),
                answer,
            })
        })
        .collect()
}

/// True when the person wrote any free-text answer (the only answers that can say who wrote them).
pub fn has_free_text(response: &Response) -> bool {
    let response = response.without_hidden_answers();
    INSTRUMENT
        .fields()
        .iter()
        .any(|f| is_free_text(*f) && response.answers().get(*f).is_some())
}

/// Whether free-text answers go: only when the invitation asked for them and the person said yes.
pub fn sends_free_text(invitation: &Invitation, ticked: bool) -> bool {
    invitation.free_text && ticked
}

/// What is sent, in plain words, besides the answers listed one by one.
pub fn what_is_sent(invitation: &Invitation, free_text: bool) -> Vec<String> {
    let mut items = vec![
        format!(
            "Your answers to the questions, listed below{}.",
            if free_text {
                ", with what you wrote in your own words"
            } else {
                ", without anything you wrote in your own words"
            }
        ),
        format!(
            "The round's number ({}), so that {} can count your answers in {}.",
            invitation.round,
            recipient(invitation),
            invitation.group
        ),
        "The day you finished, and a random number made by this browser for this assessment, so \
         that your answers are not counted twice if you send them twice."
            .to_string(),
    ];
    items.push(
        "Not your name, your e-mail address or anything about this device. (An e-mail you send \
         shows your address to whoever receives it, as any e-mail does.)"
            .to_string(),
    );
    items
}

/// Who receives the answers, as a sentence says it.
pub fn recipient(invitation: &Invitation) -> String {
    invitation
        .contact
        .clone()
        .unwrap_or_else(|| "the facilitator".to_string())
}

/// The e-mail's body: a line of greeting, the code on a line of its own, and what it is.
pub fn mail_body(invitation: &Invitation, code: &str) -> String {
    format!(
        "Hello,\n\nHere are my answers to the collaboration readiness self-assessment for {}.\n\n{code}\n\n\
         (This code holds my answers. Paste the whole e-mail into the group report's \
         \u{201c}Paste answers\u{201d} to add them.)\n",
        invitation.group
    )
}

/// A `mailto:` link to `to` with a subject and a body (RFC 6068: everything but unreserved
/// characters percent-encoded, line breaks as CRLF). `to` must be a plausible address
/// ([`crate::model::invite::is_plausible_address`]), so it can add no header of its own.
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!(
        "mailto:{}?subject={}&body={}",
        encode(to).replace("%40", "@"),
        encode(subject),
        encode(&body)
    )
}

fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instrument::Factor;
    use crate::model::answers_code;

    fn invitation(free_text: bool) -> Invitation {
        Invitation::new(
            "Round 2027 — Northshire",
            "k3x9",
            "facilitator@northshire.example",
            "",
            free_text,
        )
        .unwrap()
    }

    fn response() -> Response {
        let mut r = Response::new("a-0f8e4b1c-1111-4222-8333-444455556666");
        r.choose(Field::Q1, "no").unwrap();
        r.set_text(Field::Q8, "Ask Sam in the Elm Street team")
            .unwrap();
        r.choose(Field::Score(Measure::Importance, Factor::Places), "3")
            .unwrap();
        r.toggle(Field::Q18, "wales").unwrap();
        r
    }

    #[test]
    fn the_preview_lists_exactly_what_the_code_holds() {
        let r = response();
        for free_text in [false, true] {
            let rows = preview(&r, free_text);
            let sent =
                answers_code::decode(&answers_code::encode(&r, Some("k3x9"), free_text)).unwrap();
            assert_eq!(rows, preview(&sent.response, true), "free text {free_text}");
            assert_eq!(
                rows.iter().any(|row| row.answer.contains("Sam")),
                free_text,
                "{rows:?}"
            );
        }
        let rows = preview(&r, false);
        assert!(rows.iter().any(|row| row.question
            == format!("How important: {}", Factor::Places.name())
            && row.answer == "A great deal"));
        assert!(has_free_text(&r));
        assert!(!has_free_text(&Response::new("x")));
    }

    #[test]
    fn free_text_goes_only_when_asked_for_and_ticked() {
        assert!(!sends_free_text(&invitation(false), true));
        assert!(!sends_free_text(&invitation(true), false));
        assert!(sends_free_text(&invitation(true), true));
        let words = what_is_sent(&invitation(false), false).join(" ");
        assert!(words.contains("without anything you wrote"), "{words}");
        assert!(words.contains("k3x9") && words.contains("facilitator@northshire.example"));
        assert!(words.contains("Not your name"));
    }

    #[test]
    fn the_mail_link_is_addressed_to_the_contact_and_its_body_holds_the_code() {
        let inv = invitation(false);
        let code = answers_code::encode(&response(), Some(&inv.round), false);
        let link = mailto(
            inv.contact.as_deref().unwrap(),
            &inv.mail_subject(),
            &mail_body(&inv, &code),
        );
        assert!(link.starts_with("mailto:facilitator@northshire.example?subject=My%20answers%20for%20Round%202027%20%E2%80%94%20Northshire&body="));
        assert!(!link.contains(' ') && !link.contains('\n'));
        // The body, decoded as a mail program does, holds the code on a line of its own.
        let body = link.split("&body=").nth(1).unwrap();
        let bytes: Vec<u8> = {
            let b = body.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'%' {
                    out.push(
                        u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap(), 16)
                            .unwrap(),
                    );
                    i += 3;
                } else {
                    out.push(b[i]);
                    i += 1;
                }
            }
            out
        };
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains(&format!("\r\n{code}\r\n")), "{text}");
        assert_eq!(answers_code::find_all(&text).len(), 1);
        assert_eq!(
            answers_code::decode(&code).unwrap().round.as_deref(),
            Some("k3x9")
        );
        // Characters that would end the subject or start another header are encoded.
        let hostile = mailto("a@b.org", "x&cc=evil@example.org?", "y\nbcc: z");
        assert_eq!(
            hostile,
            "mailto:a@b.org?subject=x%26cc%3Devil%40example.org%3F&body=y%0D%0Abcc%3A%20z"
        );
    }
}
