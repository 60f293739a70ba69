//! The mailbox a facilitator pastes in the collecting specs: real answers codes (and a share link)
//! inside e-mails as mail programs leave them (wrapped at different columns, indented, quoted with
//! "> ", one code damaged on the way, one sent twice, one from another round). Shared by
//! `examples/mailbox.rs`, which writes it, and `tests/paste_mailbox.rs`, which checks that the
//! committed copy is still what this makes and still reads as expected.

use collaboration_readiness::engine::csv_format::{import_csv, ImportOptions};
use collaboration_readiness::engine::Response;
use collaboration_readiness::model::answers_code::encode;
use collaboration_readiness::model::share;

/// Where the committed mailbox is kept.
pub const FIXTURE: &str = "tests/fixtures/mailbox.txt";

/// The round of the one code given for another round than the group's.
pub const OTHER_ROUND: &str = "old2025";

/// Colleague `n`'s complete response (a row of the 40-response fixture) with an id of the shape the
/// app gives an assessment.
pub fn colleague(n: usize) -> Response {
    let csv = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/group-40.csv"
    ))
    .expect("the 40-response fixture");
    let rows = import_csv(csv.as_slice(), ImportOptions::default())
        .expect("the fixture reads")
        .responses;
    let mut r = rows[n % rows.len()].clone();
    r.id = format!("5c0ffee0-2026-4c0d-8e00-{n:012x}");
    r
}

/// `code` broken into lines of `width` characters, each line after the first started with `lead`.
pub fn wrapped(code: &str, width: usize, lead: &str, end: &str) -> String {
    code.as_bytes()
        .chunks(width)
        .map(|l| std::str::from_utf8(l).expect("codes are ASCII"))
        .collect::<Vec<_>>()
        .join(&format!("{end}{lead}"))
}

/// `code` with one symbol in its middle changed, as a damaged transfer might leave it.
pub fn damaged(code: &str) -> String {
    let mut b = code.as_bytes().to_vec();
    let i = b.len() / 2;
    b[i] = if b[i] == b'Q' { b'R' } else { b'Q' };
    String::from_utf8(b).expect("ASCII")
}

fn mail(from: &str, subject: &str, body: &str) -> String {
    format!("From: {from}\nTo: facilitator@northshire.example\nSubject: {subject}\n\n{body}\n\n")
}

/// The mailbox: seven codes in six e-mails. Pasted into a group with no invitation, in order:
/// added (A, wrapped at 76), added (B, quoted with "> " at 60), added (C, indented, wrapped at 40,
/// with Windows line ends), refused (D's, damaged), added (E's share link), held back (F's, for
/// round `old2025`), and a duplicate (A's code again, forwarded).
pub fn small() -> String {
    let code = |n: usize, round: Option<&str>| encode(&colleague(n), round, false);
    let a = code(1, None);
    let mut text = String::new();
    text += &mail(
        "Asha <asha@northshire.example>",
        "My answers",
        &format!(
            "Hello,\n\nHere are my answers for the partnership survey:\n\n{}\n\nBest wishes,\nAsha",
            wrapped(&a, 76, "", "\n")
        ),
    );
    text += &mail(
        "Ben <ben@northshire.example>",
        "Re: Partnership survey",
        &format!(
            "Done, see below.\n\nOn 1 Dec, Ben wrote:\n> My answers code:\n> {}\n> Thanks,\n> Ben",
            wrapped(&code(2, None), 60, "> ", "\n")
        ),
    );
    text += &mail(
        "Chidi <chidi@northshire.example>",
        "Answers",
        &format!(
            "Hi,\r\n\r\n    {}\r\n\r\nChidi",
            wrapped(&code(3, None), 40, "    ", "\r\n")
        ),
    );
    text += &mail(
        "Dana <dana@northshire.example>",
        "Survey",
        &format!(
            "My code, typed from my phone:\n{}\n\nDana",
            wrapped(&damaged(&code(4, None)), 50, "", "\n")
        ),
    );
    text += &mail(
        "Eli <eli@northshire.example>",
        "Link to my answers",
        &format!(
            "I sent a link instead:\nhttps://example.org/collaboration-readiness/{}\n\nThanks, Eli",
            share::fragment(&colleague(5))
        ),
    );
    text += &mail(
        "Femi <femi@northshire.example>",
        "Last year's survey",
        &format!(
            "From last year's round, in case it helps:\n\n{}\n\nFemi",
            wrapped(&code(6, Some(OTHER_ROUND)), 64, "", "\n")
        ),
    );
    text += &mail(
        "Asha <asha@northshire.example>",
        "Fwd: My answers",
        &format!(
            "Sending again in case the first did not arrive:\n\n> > {}\n",
            wrapped(&a, 70, "> > ", "\n")
        ),
    );
    text
}

/// A mailbox of `n` e-mails, each holding one colleague's code quoted and wrapped at 72 columns, for
/// timing a large paste (not kept in git: `cargo run --release --example mailbox -- <n> <file>`).
pub fn big(n: usize) -> String {
    (0..n)
        .map(|i| {
            let code = encode(&colleague(1000 + i), None, false);
            mail(
                &format!("colleague{i}@northshire.example"),
                "My answers",
                &format!("Hello,\n\n> {}\n\nThanks,", wrapped(&code, 72, "> ", "\n")),
            )
        })
        .collect()
}
