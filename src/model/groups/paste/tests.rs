use proptest::prelude::*;

use super::*;
use crate::engine::Response;
use crate::model::answers_code::{encode, CodeError};
use crate::model::invite::Invitation;
use crate::model::results::fixtures::complete;

/// A complete response with a UUID-shaped id (what the app gives an assessment), told apart by `n`.
fn response(n: u32) -> Response {
    let mut r = complete(["0", "1", "2", "3"][n as usize % 4]);
    r.id = format!("3f2b8c1e-9d4a-4e6b-8f00-{n:012x}");
    r
}

fn code(n: u32, round: Option<&str>) -> String {
    encode(&response(n), round, false)
}

/// A group that invited colleagues to round "r1".
fn group() -> Group {
    let mut g = Group::new("g".into(), "Northshire", "t0").unwrap();
    g.invitations.push(Invitation {
        group: "Round 2027 — Northshire".into(),
        round: "r1".into(),
        contact: None,
        closes: None,
        free_text: false,
    });
    g
}

/// `code` with one symbol in its middle changed.
fn damaged(code: &str) -> String {
    let mut b = code.as_bytes().to_vec();
    let i = b.len() / 2;
    b[i] = if b[i] == b'7' { b'8' } else { b'7' };
    String::from_utf8(b).unwrap()
}

/// `code` as a mail program might leave it: wrapped every `width` characters, each line after the
/// first started with `lead`.
fn wrapped(code: &str, width: usize, lead: &str) -> String {
    code.as_bytes()
        .chunks(width)
        .map(|l| std::str::from_utf8(l).unwrap())
        .collect::<Vec<_>>()
        .join(&format!("\n{lead}"))
}

fn verdicts(report: &PasteReport) -> Vec<Verdict> {
    report.codes.iter().map(|c| c.verdict.clone()).collect()
}

fn refused(e: CodeError) -> Verdict {
    Verdict::Refused(e)
}

#[test]
fn every_code_found_gets_a_verdict() {
    let truncated = code(9, None);
    let truncated = &truncated[..truncated.len() - 5];
    let newer = code(8, None).replacen("CRI1-", "CRI7-", 1);
    let mut in_group = group();
    in_group.add_from(vec![response(5)], Source::Code, "t0");
    let share = crate::model::share::fragment(&response(6));
    let cases: Vec<(&str, String, Group, Vec<Verdict>)> = vec![
        ("one code", code(1, None), group(), vec![Verdict::Added]),
        (
            "the group's own round",
            code(1, Some("r1")),
            group(),
            vec![Verdict::Added],
        ),
        (
            "twice in one paste",
            format!("{}\n\nand again: {}", code(1, None), code(1, Some("r1"))),
            group(),
            vec![Verdict::Added, Verdict::Repeated { first: 1 }],
        ),
        (
            "already in the group",
            code(5, None),
            in_group.clone(),
            vec![Verdict::InGroup],
        ),
        (
            "a damaged code between good ones",
            format!(
                "Hi,\n{}\nthanks\n\n{}\n\n> {}\n",
                code(1, None),
                damaged(&code(2, None)),
                code(3, None)
            ),
            group(),
            vec![Verdict::Added, refused(CodeError::Damaged), Verdict::Added],
        ),
        (
            "a truncated last code",
            format!("{}\n{truncated}", code(1, None)),
            group(),
            vec![Verdict::Added, refused(CodeError::Truncated)],
        ),
        (
            "a newer version's code",
            newer,
            group(),
            vec![refused(CodeError::Newer(7))],
        ),
        (
            "another round",
            code(1, Some("zz9")),
            group(),
            vec![Verdict::OtherRound],
        ),
        (
            "a share link",
            format!("Open https://example.org/app/{share} to see"),
            group(),
            vec![Verdict::Added],
        ),
        ("empty text", String::new(), group(), vec![]),
        (
            "text without a code",
            "Dear all, CRI is great. C".into(),
            group(),
            vec![],
        ),
    ];
    for (name, text, mut g, want) in cases {
        let before = g.responses.len();
        let report = paste(&mut g, &text, "t1");
        assert_eq!(verdicts(&report), want, "{name}");
        let t = report.totals();
        assert_eq!(
            g.responses.len() - before,
            t.added,
            "{name}: added as reported"
        );
        assert_eq!(
            t.found,
            t.added + t.duplicates + t.refused + t.held,
            "{name}"
        );
        assert!(
            g.responses.iter().all(|r| g.origin_of(&r.id).is_some()),
            "{name}: an origin for each"
        );
    }
}

#[test]
fn a_damaged_code_is_placed_by_line_and_column() {
    let text = format!(
        "From: a\n\n{}\n\n    {}\n",
        code(1, None),
        damaged(&code(2, None))
    );
    let mut g = group();
    let report = paste(&mut g, &text, "t1");
    let at: Vec<(usize, usize)> = report.codes.iter().map(|c| (c.line, c.column)).collect();
    assert_eq!(at, [(3, 1), (5, 5)]);
    let table = report.table().unwrap();
    assert_eq!(table.cell("2", "Line"), Some("5"));
    assert_eq!(table.cell("2", "Column"), Some("5"));
    assert!(table
        .cell("2", "Result")
        .unwrap()
        .starts_with("Refused. This code was changed or damaged"));
    assert_eq!(
        report.headline(),
        "2 codes found: 1 response added, 0 duplicates left out, 1 code refused."
    );
}

#[test]
fn pasted_answers_say_where_they_came_from() {
    let mut g = group();
    let share = crate::model::share::fragment(&response(6));
    paste(
        &mut g,
        &format!("{}\n{share}\n", code(1, Some("r1"))),
        "2026-12-02T09:00:00Z",
    );
    assert_eq!(
        g.origin_of(&response(1).id).unwrap(),
        &Origin {
            source: Source::Code,
            added_at: "2026-12-02T09:00:00Z".into(),
            round: Some("r1".into())
        }
    );
    assert_eq!(g.origin_of(&response(6).id).unwrap().source, Source::Link);
    assert_eq!(g.origin_of(&response(6).id).unwrap().round, None);
}

#[test]
fn another_rounds_answers_are_held_back_until_added_anyway() {
    let mut g = group();
    let text = format!(
        "{}\n{}\n{}\n{}",
        code(1, Some("zz9")),
        code(2, Some("r1")),
        code(3, Some("old")),
        code(1, Some("zz9"))
    );
    let mut report = paste(&mut g, &text, "t1");
    assert_eq!(
        verdicts(&report),
        [
            Verdict::OtherRound,
            Verdict::Added,
            Verdict::OtherRound,
            Verdict::Repeated { first: 1 }
        ]
    );
    assert_eq!(report.held(), [1, 3]);
    assert_eq!(g.responses.len(), 1);
    assert!(report
        .headline()
        .ends_with(", 2 from another round held back."));
    assert_eq!(report.add_anyway(&mut g, Some(&[3]), "t2"), 1);
    assert_eq!(report.held(), [1]);
    assert_eq!(report.codes[2].verdict, Verdict::AddedAnyway);
    assert_eq!(
        g.origin_of(&response(3).id).unwrap().round.as_deref(),
        Some("old")
    );
    // Meanwhile another tab added the first one: it is not added twice.
    g.add_from(vec![response(1)], Source::Code, "t3");
    assert_eq!(report.add_anyway(&mut g, None, "t4"), 0);
    assert_eq!(report.codes[0].verdict, Verdict::InGroup);
    assert!(report.held().is_empty());
    assert_eq!(g.ids().len(), g.responses.len());
}

#[test]
fn text_without_codes_and_text_too_large_say_so() {
    let mut g = group();
    let none = paste(&mut g, "   \n\n", "t");
    assert!(none.codes.is_empty());
    assert!(none
        .headline()
        .starts_with("No answers code or share link was found in the pasted text"));
    assert!(none.headline().contains("“CRI1-”"));
    assert_eq!(none.table(), None);
    let big = too_large(MAX_PASTE_BYTES + 1).unwrap();
    assert_eq!(
        big.headline(),
        "The pasted text is too long to search (33 MB; at most 32 MB). Paste fewer e-mails at a time. Nothing was added."
    );
    assert_eq!(too_large(MAX_PASTE_BYTES), None);
}

/// 10 MB of what a mailbox export might hold, without a whole code: words, marker look-alikes,
/// base-32 runs, quote marks, a cut share link. Reading it must end, find only broken codes, and add
/// nothing.
fn noise(bytes: usize) -> String {
    let pieces = [
        "Dear colleagues,\n",
        "> > quoted reply\n",
        "CRI",
        "CRI1",
        "CRI1-",
        "CRI1-0000",
        "CRI99999999999-ZZZ",
        "#/shared/",
        "#/shared/eyJhbnN3",
        "0123456789ABCDEFGHJKMNPQRSTVWXYZ",
        "\r\n",
        "    ",
        "é😀",
    ];
    let mut text = String::with_capacity(bytes + 64);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    while text.len() < bytes {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
    }
    text
}

#[test]
fn ten_megabytes_of_noise_add_nothing() {
    let text = noise(10 * 1024 * 1024);
    let mut g = group();
    let report = paste(&mut g, &text, "t");
    assert!(g.responses.is_empty());
    assert_eq!(report.totals().added, 0);
    assert!(report
        .codes
        .iter()
        .all(|c| matches!(c.verdict, Verdict::Refused(_))));
}

#[test]
fn thousands_of_codes_are_all_added_and_the_table_lists_what_needs_a_look() {
    let mut text = String::new();
    for n in 0..5_000 {
        text.push_str(&format!("Message {n}\n\n{}\n\n", code(n, None)));
    }
    text.push_str(&damaged(&code(9_999, None)));
    let mut g = group();
    let report = paste(&mut g, &text, "t");
    assert_eq!(g.responses.len(), 5_000);
    let table = report.table().unwrap();
    assert_eq!(table.rows().count(), 1, "only the damaged one is listed");
    assert_eq!(
        report.unlisted().unwrap(),
        "With so many codes, the table lists only those not simply added: 5,000 added codes are not listed."
    );
    let again = paste(&mut g, &text, "t2");
    assert_eq!(again.totals().duplicates, 5_000);
    assert_eq!(g.responses.len(), 5_000);
}

/// How one code of a generated paste is written.
#[derive(Clone, Debug)]
struct Piece {
    response: u32,
    round: Option<&'static str>,
    damaged: bool,
    width: usize,
    lead: &'static str,
}

fn piece() -> impl Strategy<Value = Piece> {
    (
        0u32..6,
        prop::option::of(prop::sample::select(vec!["r1", "zz9"])),
        prop::bool::weighted(0.2),
        20usize..120,
        prop::sample::select(vec!["", "  ", "\t", "> ", "> > ", ">"]),
    )
        .prop_map(|(response, round, damaged, width, lead)| Piece {
            response,
            round,
            damaged,
            width,
            lead,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever mix of codes is pasted, wrapped and quoted as mail programs do: every valid response
    /// of the group's rounds (or of none) joins once, the others are held back, none damaged joins,
    /// and pasting the same text again adds nobody.
    #[test]
    fn a_paste_adds_each_valid_response_once_and_no_damaged_one(
        pieces in prop::collection::vec(piece(), 0..12),
        already in prop::collection::vec(0u32..6, 0..3),
    ) {
        let mut g = group();
        g.add_from(already.iter().map(|&n| response(n)).collect(), Source::Json { file: "f.json".into() }, "t0");
        let before = g.ids();
        let text = pieces.iter().map(|p| {
            let c = code(p.response, p.round);
            let c = if p.damaged { damaged(&c) } else { c };
            format!("{}{}", p.lead, wrapped(&c, p.width, p.lead))
        }).collect::<Vec<_>>().join("\n\nNext message\n");
        let report = paste(&mut g, &text, "t1");
        prop_assert_eq!(report.codes.len(), pieces.len());
        // What should join: the first good copy of each response not already there, not of round zz9.
        let mut expected = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (p, c) in pieces.iter().zip(&report.codes) {
            if p.damaged {
                prop_assert_eq!(&c.verdict, &refused(CodeError::Damaged));
                continue;
            }
            let id = response(p.response).id;
            if !seen.insert(id.clone()) {
                prop_assert!(matches!(c.verdict, Verdict::Repeated { .. }), "{:?}", c.verdict);
            } else if before.contains(&id) {
                prop_assert_eq!(&c.verdict, &Verdict::InGroup);
            } else if p.round == Some("zz9") {
                prop_assert_eq!(&c.verdict, &Verdict::OtherRound);
            } else {
                prop_assert_eq!(&c.verdict, &Verdict::Added);
                expected.push(id);
            }
        }
        let added: Vec<String> = g.responses[before.len()..].iter().map(|r| r.id.clone()).collect();
        prop_assert_eq!(added, expected);
        let n = g.responses.len();
        let again = paste(&mut g, &text, "t2");
        prop_assert_eq!(g.responses.len(), n);
        prop_assert_eq!(again.totals().added, 0);
    }
}

/// A piece of a generated mailbox.
fn mail_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            0u32..4,
            8usize..90,
            prop::sample::select(vec!["", "> ", "  ", ">> ", "\t"])
        )
            .prop_map(|(n, w, lead)| format!("{lead}{}", wrapped(&code(n, Some("r1")), w, lead))),
        (0u32..4, 8usize..60).prop_map(|(n, w)| wrapped(&damaged(&code(n, None)), w, "> ")),
        (0u32..4, 1usize..60).prop_map(|(n, cut)| {
            let c = code(n, None);
            c[..c.len().saturating_sub(cut).max(1)].to_string()
        }),
        (0u32..4, 10usize..70)
            .prop_map(|(n, w)| { wrapped(&crate::model::share::fragment(&response(n)), w, "") }),
        prop::sample::select(vec![
            "Thanks,",
            "Best wishes.",
            "",
            ">",
            "> ",
            "Hello",
            "CR",
            "CRI1",
            "C",
            "-",
            "Re: answers",
            "Subject: my answers",
            "From: a@b.org",
            "(see below)",
            "é😀 ok!",
            "\r",
        ])
        .prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Found slice by slice (however small the slices), a mailbox gives exactly what one search of
    /// the whole text gives: the same codes, verdicts, lines and columns.
    #[test]
    fn slices_find_what_the_whole_text_holds(
        pieces in prop::collection::vec(mail_piece(), 0..40),
        slice in 1usize..400,
        crlf in any::<bool>(),
    ) {
        let text = pieces.join(if crlf { "\r\n" } else { "\n" });
        let whole = crate::model::answers_code::find_all(&text);
        let sliced: Vec<Found> = find_in_slices(&text, slice).flat_map(|(_, f)| f).collect();
        prop_assert_eq!(sliced, whole);
    }
}

#[test]
fn a_text_without_a_safe_place_to_cut_is_read_whole() {
    let text = format!("{}\n{}", wrapped(&code(1, None), 7, ""), code(2, None));
    let slices: Vec<(usize, Vec<Found>)> = find_in_slices(&text, 3).collect();
    assert_eq!(slices.len(), 1);
    assert_eq!((slices[0].0, slices[0].1.len()), (text.len(), 2));
    assert!(find_in_slices("", 10).next().is_none());
}
