use proptest::prelude::*;

use super::*;
use crate::engine::instrument::Field;
use crate::model::results::fixtures::complete;

const ID: &str = "3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6f";

/// A typical response: a complete q1 = yes assessment, sent from an invitation the day it was done.
fn typical() -> Response {
    let mut r = complete("2");
    r.id = ID.to_string();
    r.submitted_at = Some("2026-11-30T16:42:07.512Z".into());
    r.choose(Field::Q1, "yes").unwrap();
    for (field, code) in [
        (Field::Q4, "5plus"),
        (Field::Q5, "middle"),
        (Field::Q6, "very_successful"),
    ] {
        r.choose(field, code).unwrap();
    }
    r.toggle(Field::Q3, "nhs_trust").unwrap();
    r.toggle(Field::Q3, "other").unwrap();
    r.set_text(Field::Q3Other, "Housing association").unwrap();
    r.set_text(Field::Q2, "Shared \"hub\", phase 2\nwith the council — 😀")
        .unwrap();
    r
}

/// What reading a code gives back: the shown answers, free text only if it was sent, the day only.
fn expected(r: &Response, free_text: bool) -> Response {
    let mut e = r.without_hidden_answers();
    if !free_text {
        for field in Field::TEXT {
            e.clear(field);
        }
    }
    e.submitted_at = e
        .submitted_at
        .as_deref()
        .and_then(days_from_date)
        .map(date_from_days);
    e
}

#[test]
fn a_typical_code_is_short_and_reads_back() {
    let r = typical();
    assert!(r.is_complete(), "the fixture is a whole response");
    let code = encode(&r, Some("k3j9x2m4"), false);
    assert!(code.starts_with("CRI1-"), "{code}");
    assert!(code.len() < 200, "{} characters: {code}", code.len());
    assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    let sent = decode(&code).unwrap();
    assert_eq!(sent.round.as_deref(), Some("k3j9x2m4"));
    assert_eq!(sent.response, expected(&r, false));
    assert_eq!(sent.response.submitted_at.as_deref(), Some("2026-11-30"));
    assert!(sent.response.is_complete());
}

#[test]
fn free_text_goes_only_when_asked_for() {
    let r = typical();
    let without = decode(&encode(&r, None, false)).unwrap().response;
    assert_eq!(without.answers().q2(), None);
    assert_eq!(without.answers().q3_other(), None);
    let with = decode(&encode(&r, None, true)).unwrap();
    assert_eq!(with.round, None);
    assert_eq!(with.response, expected(&r, true));
    assert_eq!(
        with.response.answers().q2(),
        Some("Shared \"hub\", phase 2\nwith the council — 😀")
    );
}

#[test]
fn the_longest_free_text_fits() {
    let mut r = typical();
    let longest = "😀".repeat(crate::engine::instrument::MAX_TEXT_CHARS);
    for field in Field::TEXT {
        r.set_text(field, &longest).unwrap();
    }
    let code = encode(&r, Some("k3j9x2m4"), true);
    assert!(
        code.len() < MAX_PAYLOAD_SYMBOLS,
        "{} characters",
        code.len()
    );
    assert_eq!(decode(&code).unwrap().response, expected(&r, true));
}

#[test]
fn every_single_changed_character_is_caught() {
    let code = encode(&typical(), Some("k3j9x2m4"), false);
    let replacements: Vec<u8> = ALPHABET.iter().copied().chain(*b"-ab9U ").collect();
    let mut tried = 0;
    for i in 0..code.len() {
        for &c in &replacements {
            let original = code.as_bytes()[i];
            // Letters read the same in either case, so those are not changes.
            if c.to_ascii_uppercase() == original
                || symbol(c).is_some() && symbol(c) == symbol(original)
            {
                continue;
            }
            let mut changed = code.clone().into_bytes();
            changed[i] = c;
            let changed = String::from_utf8(changed).unwrap();
            tried += 1;
            assert!(
                decode(&changed).is_err(),
                "a change at {i} to {:?} was not caught: {changed}",
                c as char
            );
        }
    }
    assert!(tried > 30 * code.len(), "{tried} changes tried");
}

#[test]
fn every_swap_of_two_neighbours_is_caught() {
    let code = encode(&typical(), None, false);
    let body = code.find('-').unwrap() + 1;
    for i in body..code.len() - 1 {
        let mut b = code.clone().into_bytes();
        if b[i] == b[i + 1] {
            continue;
        }
        b.swap(i, i + 1);
        let swapped = String::from_utf8(b).unwrap();
        assert!(decode(&swapped).is_err(), "swap at {i}: {swapped}");
    }
}

/// `code` as a mail program might leave it: wrapped every `width` characters, each line started
/// with `lead` (indentation, quote marks), lines ended with `end`.
fn wrapped(code: &str, width: usize, lead: &str, end: &str) -> String {
    code.as_bytes()
        .chunks(width)
        .map(|line| format!("{lead}{}", std::str::from_utf8(line).unwrap()))
        .collect::<Vec<_>>()
        .join(end)
}

#[test]
fn codes_wrapped_at_any_column_indented_or_quoted_read_back() {
    let r = typical();
    let code = encode(&r, Some("k3j9x2m4"), false);
    let want = expected(&r, false);
    for (lead, end) in [
        ("", "\n"),
        ("", "\r\n"),
        ("    ", "\n"),
        ("\t", "\n"),
        ("> ", "\n"),
        ("> > ", "\r\n"),
        (">", "\n"),
        ("", " \n"),
        ("> ", " \r\n"),
    ] {
        for width in 1..=code.len() {
            let text = format!(
                "Hello,\n\nhere are my answers:\n{}\n\nBest wishes,\nSam",
                wrapped(&code, width, lead, end)
            );
            let found = find_all(&text);
            assert_eq!(found.len(), 1, "width {width}, lead {lead:?}: {text}");
            assert_eq!((found[0].line, found[0].kind), (4, FoundKind::Code));
            assert_eq!(
                found[0].outcome.as_ref().map(|s| &s.response),
                Ok(&want),
                "width {width}, lead {lead:?}, end {end:?}"
            );
        }
    }
}

#[test]
fn text_run_on_after_a_code_is_not_read_as_answers() {
    let r = typical();
    let code = encode(&r, None, false);
    for after in [
        "", "Thanks", " thanks", ".", "\nThanks", "\n> ZZZZ", "-0000",
    ] {
        let text = format!("{code}{after}");
        assert_eq!(
            decode(&text).map(|s| s.response),
            Ok(expected(&r, false)),
            "{after:?}"
        );
    }
    let text = format!("Code: CRI1-{}", code["CRI1-".len()..].to_lowercase());
    assert_eq!(
        decode(&text),
        decode(&code),
        "lower case reads as upper case"
    );
}

#[test]
fn a_mailbox_gives_every_code_in_order_with_the_damaged_ones_placed() {
    let mut others = Vec::new();
    for (i, prevalence) in ["0", "1", "3"].iter().enumerate() {
        let mut r = complete(prevalence);
        r.id = format!("person-{i}");
        others.push(r);
    }
    let good: Vec<String> = others
        .iter()
        .map(|r| encode(r, Some("round7"), false))
        .collect();
    let mut damaged = good[1].clone().into_bytes();
    let at = damaged.len() - 20;
    damaged[at] = if damaged[at] == b'7' { b'8' } else { b'7' };
    let damaged = String::from_utf8(damaged).unwrap();
    let link = share::fragment(&others[2]);
    let text = format!(
        "From: a@example.org\nSubject: answers\n\n{}\n\nFrom: b@example.org\n> {}\n\nCRI1-ABC\n\
         From: c@example.org\nSee https://example.org/app/{link} for mine.\n\
         From: d@example.org\n  {}\nFrom: e@example.org\nCRI9-0000000000000000\nSCRI1-0000 is no code\n",
        wrapped(&good[0], 40, "", "\n"),
        damaged,
        wrapped(&good[2], 23, "  ", "\n"),
    );
    let found = find_all(&text);
    let summary: Vec<(usize, usize, FoundKind, Result<String, CodeError>)> = found
        .iter()
        .map(|f| {
            (
                f.line,
                f.column,
                f.kind,
                f.outcome.clone().map(|s| s.response.id),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (4, 1, FoundKind::Code, Ok("person-0".into())),
            (8, 3, FoundKind::Code, Err(CodeError::Damaged)),
            (10, 1, FoundKind::Code, Err(CodeError::Truncated)),
            (12, 29, FoundKind::ShareLink, Ok("person-2".into())),
            (14, 5, FoundKind::Code, Ok("person-2".into())),
            (18, 1, FoundKind::Code, Err(CodeError::Newer(9))),
        ]
    );
    assert_eq!(
        found[0].outcome.as_ref().unwrap().round.as_deref(),
        Some("round7")
    );
    assert_eq!(found[3].outcome.as_ref().unwrap().round, None);
}

#[test]
fn a_code_cut_short_does_not_hide_the_next_one() {
    let a = encode(&typical(), None, false);
    let mut b_response = complete("1");
    b_response.id = "b".into();
    let b = encode(&b_response, None, false);
    for cut in [6, 20, a.len() - 1] {
        let text = format!("{}\n{b}", &a[..cut]);
        let outcomes: Vec<_> = find_all(&text).into_iter().map(|f| f.outcome).collect();
        assert_eq!(outcomes.len(), 2, "cut at {cut}: {text}");
        assert!(outcomes[0].is_err(), "cut at {cut}");
        assert_eq!(
            outcomes[1].as_ref().map(|s| s.response.id.as_str()),
            Ok("b")
        );
    }
}

#[test]
fn newer_and_older_formats_are_named_not_guessed() {
    let code = encode(&typical(), None, false);
    let newer = code.replacen("CRI1-", "CRI2-", 1);
    assert_eq!(decode(&newer), Err(CodeError::Newer(2)));
    assert_eq!(
        decode("CRI12345678901234567890-00"),
        Err(CodeError::Newer(u32::MAX))
    );
    assert_eq!(
        decode(&code.replacen("CRI1-", "CRI0-", 1)),
        Err(CodeError::Damaged)
    );
    assert!(CodeError::Newer(2).to_string().contains("newer version"));
}

#[test]
fn share_links_in_the_text_are_read_and_wrapped_ones_too() {
    let r = typical();
    let link = share::fragment(&r);
    let want = r.without_hidden_answers();
    for width in [10, 33, 76] {
        let text = format!(
            "Mine: https://x.example/app/{}\nThanks",
            wrapped(&link, width, "> ", "\n")
        );
        let found = find_all(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, FoundKind::ShareLink);
        assert_eq!(
            found[0].outcome.as_ref().map(|s| &s.response),
            Ok(&want),
            "width {width}"
        );
    }
    let broken = format!("{}x", &link[..link.len() - 5]);
    assert!(find_all(&broken)[0].outcome.is_err());
}

#[test]
fn ten_megabytes_of_mail_with_codes_in_it() {
    let code = encode(&typical(), Some("r1"), false);
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 10_000_000 {
        text.push_str("> Cheers, CRISP Consulting. C-suite. #/sharedX\n");
        if text.len() % 97 < 4 {
            text.push_str(&code);
            text.push('\n');
            n += 1;
        }
    }
    let found = find_all(&text);
    assert_eq!(found.len(), n);
    assert!(found.iter().all(|f| f.outcome.is_ok()));
}

#[test]
fn ids_that_are_not_uuids_travel_as_text() {
    for id in [
        "a-mf3k2p-1x9z",
        "3F2B8C1E-9D4A-4E6B-8F00-1A2B3C4D5E6F",
        "x",
        "ñandú 😀",
    ] {
        let mut r = complete("2");
        r.id = id.to_string();
        assert_eq!(decode(&encode(&r, None, false)).unwrap().response.id, id);
    }
    assert!(
        encode(&typical(), None, false).len() + 20 < {
            let mut r = typical();
            r.id = "not-a-uuid-but-thirty-six-characters".into();
            encode(&r, None, false).len()
        },
        "a UUID packs into 16 bytes"
    );
}

#[test]
fn days_and_dates_convert_both_ways() {
    for (date, days) in [
        ("1970-01-01", 0),
        ("2000-02-29", 11_016),
        ("2026-11-30", 20_787),
        ("2026-12-31T23:59:59+14:00", 20_818),
    ] {
        assert_eq!(days_from_date(date), Some(days), "{date}");
        assert_eq!(date_from_days(days), date[..10]);
    }
    for bad in [
        "2026-02-30",
        "2026-13-01",
        "1969-12-31",
        "26-01-01",
        "",
        "2026-1-01x",
    ] {
        assert_eq!(days_from_date(bad), None, "{bad}");
    }
}

/// Any valid response: every field unanswered or given any of its options or any text.
fn any_response() -> impl Strategy<Value = Response> {
    let cells: Vec<BoxedStrategy<Option<u32>>> = Field::ALL
        .iter()
        .map(|f| match f.kind() {
            FieldKind::Text { .. } => Just(None).boxed(),
            FieldKind::Multiple(o) => prop::option::of(1u32..(1 << o.len())).boxed(),
            kind => prop::option::of(0..kind.options().len() as u32).boxed(),
        })
        .collect();
    let texts = prop::collection::vec(prop::option::of("[^\u{0}]{1,300}"), 3);
    let id = prop_oneof![
        any::<[u8; 16]>().prop_map(|b| uuid_text(&b)),
        "[a-zA-Z0-9 _#-]{1,60}".prop_filter("trimmed", |s| s.trim() == s && !s.is_empty()),
    ];
    let submitted = prop::option::of(prop_oneof![
        Just("2026-01-10".to_string()),
        (0u32..100_000).prop_map(date_from_days),
        Just("2024-02-29T23:59:59.999+05:30".to_string()),
    ]);
    (id, submitted, cells, texts).prop_map(|(id, submitted, cells, texts)| {
        let mut r = Response::new(id);
        r.submitted_at = submitted;
        for (field, cell) in Field::ALL.into_iter().zip(cells) {
            let options = field.kind().options();
            match (field.kind(), cell) {
                (_, None) | (FieldKind::Text { .. }, _) => {}
                (FieldKind::Multiple(_), Some(mask)) => {
                    let codes: Vec<&str> = options
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, o)| o.code)
                        .collect();
                    let _ = r.set_codes(field, &codes);
                }
                (_, Some(i)) => {
                    let _ = r.choose(field, options[i as usize].code);
                }
            }
        }
        for (field, text) in Field::TEXT.into_iter().zip(texts) {
            if let Some(text) = text {
                let _ = r.set_text(field, text.trim());
            }
        }
        r
    })
}

proptest! {
    #[test]
    fn every_answer_and_option_survives_the_round_trip(
        r in any_response(),
        round in prop::option::of("[0-9a-z]{1,16}"),
        free_text: bool,
    ) {
        let code = encode(&r, round.as_deref(), free_text);
        let sent = decode(&code).unwrap();
        prop_assert_eq!(sent.round, round);
        prop_assert_eq!(sent.response, expected(&r, free_text));
        if !free_text {
            prop_assert!(code.len() < 200, "{} characters", code.len());
        }
    }

    #[test]
    fn any_text_is_searched_without_a_panic(text in any::<String>(), code_at in any::<prop::sample::Index>()) {
        let _ = find_all(&text);
        let _ = decode(&text);
        // The same text with a code inside it, at a character boundary.
        let code = encode(&typical(), None, false);
        let cut = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect::<Vec<_>>();
        let at = cut[code_at.index(cut.len())];
        let with = format!("{} {code} {}", &text[..at], &text[at..]);
        prop_assert!(find_all(&with).iter().any(|f| f.outcome.is_ok()));
    }

    #[test]
    fn damaged_symbols_are_never_read_as_answers(
        r in any_response(),
        at in any::<prop::sample::Index>(),
        to in 0u8..32,
    ) {
        let code = encode(&r, None, false);
        let body = code.find('-').unwrap() + 1;
        let i = body + at.index(code.len() - body);
        let mut b = code.clone().into_bytes();
        prop_assume!(symbol(b[i]) != Some(to));
        b[i] = ALPHABET[to as usize];
        prop_assert!(decode(&String::from_utf8(b).unwrap()).is_err());
    }
}
