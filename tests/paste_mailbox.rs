//! The committed mailbox the collecting specs paste: still exactly what its generator makes (so it
//! cannot go stale when the answers code changes), and still read as the specs expect.

// The large mailbox for timing is not used here.
#[allow(dead_code)]
#[path = "../examples/support/mailbox.rs"]
mod mailbox;

use collaboration_readiness::model::answers_code::{CodeError, FoundKind};
use collaboration_readiness::model::groups::paste::{paste, Verdict};
use collaboration_readiness::model::groups::Group;

#[test]
fn the_committed_mailbox_is_what_the_generator_makes() {
    let committed = std::fs::read_to_string(mailbox::FIXTURE).expect("the committed mailbox");
    assert!(
        committed == mailbox::small(),
        "{} is stale: run `cargo run --example mailbox` and commit it",
        mailbox::FIXTURE
    );
}

#[test]
fn the_mailbox_reads_as_the_specs_expect() {
    let text = std::fs::read_to_string(mailbox::FIXTURE).expect("the committed mailbox");
    let mut group = Group::new("g".into(), "Northshire partnership", "t0").unwrap();
    let report = paste(&mut group, &text, "t1");
    let verdicts: Vec<(FoundKind, Verdict)> = report
        .codes
        .iter()
        .map(|c| (c.kind, c.verdict.clone()))
        .collect();
    assert_eq!(
        verdicts,
        [
            (FoundKind::Code, Verdict::Added),
            (FoundKind::Code, Verdict::Added),
            (FoundKind::Code, Verdict::Added),
            (FoundKind::Code, Verdict::Refused(CodeError::Damaged)),
            (FoundKind::ShareLink, Verdict::Added),
            (FoundKind::Code, Verdict::OtherRound),
            (FoundKind::Code, Verdict::Repeated { first: 1 }),
        ]
    );
    assert_eq!(
        report.headline(),
        "7 codes found: 4 responses added, 1 duplicate left out, 1 code refused, 1 from another round held back."
    );
    let ids: Vec<String> = group.responses.iter().map(|r| r.id.clone()).collect();
    let want: Vec<String> = [1, 2, 3, 5].map(|n| mailbox::colleague(n).id).to_vec();
    assert_eq!(ids, want);
    // The damaged code is placed where the spec says (Dana's e-mail).
    let damaged = &report.codes[3];
    assert_eq!((damaged.line, damaged.column), (43, 1));
    assert_eq!(report.codes[5].round.as_deref(), Some(mailbox::OTHER_ROUND));
    // Pasted again, nobody is added.
    let again = paste(&mut group, &text, "t2");
    assert_eq!(again.totals().added, 0);
    assert_eq!(group.responses.len(), 4);
}
