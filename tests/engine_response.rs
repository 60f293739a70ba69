//! A response: answer actions, the q1 branch, validation and completion.

mod engine_support;

use collaboration_readiness::engine::instrument::{
    Choice, Factor, Field, Measure, QuestionId, Success, YesNo,
};
use collaboration_readiness::engine::response::{AnswerRef, IssueKind};
use collaboration_readiness::engine::{AnswerAction, AnswerError, Response};
use engine_support::complete_response;

fn ratings(_: Factor) -> (&'static str, &'static str) {
    ("3", "1")
}

#[test]
fn actions_check_codes_and_kinds() {
    let mut r = Response::new("r1");
    let table: Vec<(AnswerAction, Result<(), &str>)> = vec![
        (
            AnswerAction::Choose {
                field: Field::Q4,
                code: "5plus".into(),
            },
            Ok(()),
        ),
        (
            AnswerAction::Choose {
                field: Field::Q4,
                code: "5 or more".into(),
            },
            Err("unknown"),
        ),
        (
            AnswerAction::Choose {
                field: Field::Q4,
                code: "6".into(),
            },
            Err("unknown"),
        ),
        (
            AnswerAction::Choose {
                field: Field::Q17,
                code: "housing".into(),
            },
            Err("kind"),
        ),
        (
            AnswerAction::Choose {
                field: Field::Q2,
                code: "x".into(),
            },
            Err("kind"),
        ),
        (
            AnswerAction::Toggle {
                field: Field::Q17,
                code: "housing".into(),
            },
            Ok(()),
        ),
        (
            AnswerAction::Toggle {
                field: Field::Q17,
                code: "space_travel".into(),
            },
            Err("unknown"),
        ),
        (
            AnswerAction::Toggle {
                field: Field::Q16,
                code: "public".into(),
            },
            Err("kind"),
        ),
        (
            AnswerAction::SetCodes {
                field: Field::Q3,
                codes: vec!["ccg".into(), "gp_practice".into()],
            },
            Ok(()),
        ),
        (
            AnswerAction::SetCodes {
                field: Field::Q3,
                codes: vec!["nobody".into()],
            },
            Err("unknown"),
        ),
        (
            AnswerAction::SetText {
                field: Field::Q8,
                text: "Because".into(),
            },
            Ok(()),
        ),
        (
            AnswerAction::SetText {
                field: Field::Q7,
                text: "critical".into(),
            },
            Err("kind"),
        ),
        (
            AnswerAction::Choose {
                field: Field::Score(Measure::Importance, Factor::Places),
                code: "na".into(),
            },
            Ok(()),
        ),
        (
            AnswerAction::Choose {
                field: Field::Q11,
                code: "na".into(),
            },
            Err("unknown"),
        ),
        (AnswerAction::Clear { field: Field::Q8 }, Ok(())),
    ];
    for (action, expected) in table {
        let before = r.clone();
        let got = r.apply(action.clone());
        match (expected, got) {
            (Ok(()), Ok(())) => {}
            (Err("unknown"), Err(AnswerError::UnknownCode { .. }))
            | (Err("kind"), Err(AnswerError::WrongKind { .. })) => {
                assert_eq!(r, before, "a failed action changes nothing: {action:?}")
            }
            (e, g) => panic!("{action:?}: expected {e:?}, got {g:?}"),
        }
    }
    let a = r.answers();
    assert_eq!(a.q4().map(|q| q.code()), Some("5plus"));
    assert_eq!(a.q17().len(), 1);
    assert_eq!(a.q3().len(), 2);
    assert_eq!(a.q8(), None);
    assert_eq!(
        a.stored(Field::Q3),
        Some(AnswerRef::Choices(vec![
            Field::Q3.kind().options()[4],
            Field::Q3.kind().options()[5]
        ]))
    );
}

#[test]
fn toggling_twice_unticks() {
    let mut r = Response::new("r");
    r.toggle(Field::Q18, "wales").unwrap();
    r.toggle(Field::Q18, "london").unwrap();
    r.toggle(Field::Q18, "wales").unwrap();
    let codes: Vec<&str> = r.answers().q18().iter().map(|x| x.code()).collect();
    assert_eq!(codes, ["london"]);
}

#[test]
fn branch_rules() {
    // (q1, q2–q6 shown, visible questions, required answers visible)
    let table = [
        (None, true, 18, 30),
        (Some("yes"), true, 18, 30),
        (Some("no"), false, 13, 26),
    ];
    for (q1, shown, questions, required) in table {
        let mut r = Response::new("r");
        if let Some(code) = q1 {
            r.choose(Field::Q1, code).unwrap();
        }
        for f in [
            Field::Q2,
            Field::Q3,
            Field::Q3Other,
            Field::Q4,
            Field::Q5,
            Field::Q6,
        ] {
            assert_eq!(r.answers().is_shown(f), shown, "{q1:?} {f}");
        }
        for f in [
            Field::Q1,
            Field::Q7,
            Field::Score(Measure::Importance, Factor::Behaviours),
            Field::Q18,
        ] {
            assert!(r.answers().is_shown(f), "{q1:?} {f}");
        }
        assert_eq!(r.visible_questions().count(), questions, "{q1:?}");
        assert_eq!(r.completion().visible, required, "{q1:?}");
        let qs: Vec<QuestionId> = r.visible_questions().map(|q| q.id).collect();
        assert_eq!(qs.contains(&QuestionId::Q4), shown);
    }
}

#[test]
fn answers_hidden_by_the_branch_are_kept_but_not_read_or_settable() {
    let mut r = complete_response("r", ratings);
    assert_eq!(r.answers().q6(), Some(Success::SomewhatSuccessful));
    r.choose(Field::Q1, "no").unwrap();
    // Kept in storage…
    assert!(r.answers().is_stored(Field::Q6));
    assert!(r.has_hidden_answers());
    // …but not read, counted or settable while q1 = no.
    assert_eq!(r.answers().q6(), None);
    assert_eq!(r.answers().q2(), None);
    assert!(r.answers().q3().is_empty());
    assert_eq!(r.answers().get(Field::Q4), None);
    assert_eq!(
        r.choose(Field::Q6, "too_early"),
        Err(AnswerError::HiddenByBranch { field: Field::Q6 })
    );
    assert_eq!(
        r.set_text(Field::Q2, "x"),
        Err(AnswerError::HiddenByBranch { field: Field::Q2 })
    );
    let issues = r.validate();
    let hidden: Vec<Field> = issues
        .iter()
        .filter(|i| i.kind == IssueKind::HiddenByBranch)
        .filter_map(|i| i.field)
        .collect();
    assert_eq!(
        hidden,
        [Field::Q2, Field::Q3, Field::Q4, Field::Q5, Field::Q6]
    );
    assert!(r.is_complete(), "hidden answers do not block results");
    assert!(!r.without_hidden_answers().has_hidden_answers());
    // Changing q1 back restores them.
    r.choose(Field::Q1, "yes").unwrap();
    assert_eq!(r.answers().q6(), Some(Success::SomewhatSuccessful));
    assert_eq!(r.answers().q1(), Some(YesNo::Yes));
}

#[test]
fn validation_reports_missing_invalid_and_hidden() {
    let complete = complete_response("r", ratings);
    assert_eq!(complete.validate(), vec![]);
    assert!(complete.completion().is_complete());

    let mut empty = Response::new(" ");
    empty.submitted_at = Some("yesterday".into());
    let issues = empty.validate();
    assert_eq!(issues[0].kind, IssueKind::NoId);
    assert_eq!(
        issues[1].kind,
        IssueKind::BadSubmittedAt("yesterday".into())
    );
    let missing: Vec<Field> = issues
        .iter()
        .filter(|i| i.kind == IssueKind::Missing)
        .filter_map(|i| i.field)
        .collect();
    let required: Vec<Field> = Field::ALL.into_iter().filter(|f| f.is_required()).collect();
    assert_eq!(
        missing, required,
        "q1 unanswered: q3–q6 still ahead, so missing"
    );

    let mut long = complete_response("r", ratings);
    long.set_text(Field::Q8, &"é".repeat(2001)).unwrap();
    assert_eq!(
        long.validate()[0].kind,
        IssueKind::TooLong {
            len: 2001,
            max: 2000
        }
    );
    long.set_text(Field::Q8, &"é".repeat(2000)).unwrap();
    assert!(long.validate().is_empty());

    let mut other = complete_response("r", ratings);
    other.instrument_version.version = 99;
    assert!(matches!(
        other.validate()[0].kind,
        IssueKind::OtherInstrument { .. }
    ));
}

#[test]
fn completion_counts_only_what_the_person_sees() {
    let mut r = Response::new("r");
    let c = r.completion();
    assert_eq!(
        (
            c.answered,
            c.visible,
            c.questions_answered,
            c.questions_visible
        ),
        (0, 30, 0, 16)
    );
    r.choose(Field::Q1, "no").unwrap();
    let c = r.completion();
    assert_eq!(
        (
            c.answered,
            c.visible,
            c.questions_answered,
            c.questions_visible
        ),
        (1, 26, 1, 12)
    );
    // Free text never counts: it is optional.
    r.set_text(Field::Q8, "why").unwrap();
    assert_eq!(r.completion().answered, 1);
    // A grid question counts when all eight statements are rated ("not applicable" is an answer).
    for (i, f) in Factor::ALL.iter().enumerate() {
        r.choose(Field::Score(Measure::Importance, *f), "na")
            .unwrap();
        let c = r.completion();
        assert_eq!(c.answered, 2 + i);
        assert_eq!(c.questions_answered, if i == 7 { 2 } else { 1 });
        assert!(!r.all_required_answered());
    }
    assert!((r.completion().fraction() - 9.0 / 26.0).abs() < 1e-12);
    let done = complete_response("d", ratings);
    assert_eq!(done.completion().fraction(), 1.0);
    assert!(done.all_required_answered());
    // The quick check agrees with the count on every response of a real group, partial ones included.
    let file = std::fs::read("tests/fixtures/group-40.csv").unwrap();
    let group = collaboration_readiness::engine::csv_format::import_csv(
        file.as_slice(),
        Default::default(),
    )
    .unwrap()
    .responses;
    let mut partial = 0;
    for mut g in group {
        assert_eq!(
            g.all_required_answered(),
            g.completion().is_complete(),
            "{}",
            g.id
        );
        // Each required answer taken away in turn.
        for f in Field::ALL.into_iter().filter(|f| f.is_required()) {
            g.clear(f);
            assert_eq!(
                g.all_required_answered(),
                g.completion().is_complete(),
                "{} {f:?}",
                g.id
            );
            partial += usize::from(!g.all_required_answered());
        }
    }
    assert!(partial > 0);
}

#[test]
fn response_json_keeps_hidden_answers_and_codes() {
    let mut r = complete_response("r", ratings);
    r.choose(Field::Q1, "no").unwrap();
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["answers"]["q1"], "no");
    assert_eq!(json["answers"]["q4"], "4");
    assert_eq!(
        json["answers"]["q3"],
        serde_json::json!(["local_authority", "nhs_trust"])
    );
    assert_eq!(json["answers"]["q13_places"], "3");
    assert_eq!(json["instrument_version"]["id"], "state-of-collaboration");
    let back: Response = serde_json::from_value(json).unwrap();
    assert_eq!(back, r);
    let bad = serde_json::json!({"id": "x", "answers": {"q4": "6"}});
    let err = serde_json::from_value::<Response>(bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("“6” is not an answer to q4"), "{err}");
    let unknown = serde_json::json!({"id": "x", "answers": {"q99": "6"}});
    assert!(serde_json::from_value::<Response>(unknown).is_err());
}

#[test]
fn stored_answers_of_the_wrong_shape_are_refused_with_the_reason() {
    // Each field's kind says what its stored value is: a list for several options, else one string.
    let cases = [
        (r#"{"q3": "local_authority"}"#, "expected a sequence"),
        (r#"{"q4": ["4"]}"#, "expected a string"),
        (r#"{"q2": 3}"#, "expected a string"),
        (
            r#"{"q17": ["health_social_care", "moon"]}"#,
            "“moon” is not an answer to q17",
        ),
        (
            r#"{"q13_places": "4"}"#,
            "“4” is not an answer to q13_places",
        ),
    ];
    for (answers, reason) in cases {
        let text = format!(r#"{{"id": "x", "answers": {answers}}}"#);
        let err = serde_json::from_str::<Response>(&text)
            .unwrap_err()
            .to_string();
        assert!(err.contains(reason), "{answers}: {err}");
    }
    // null clears, as an absent key does.
    let r: Response = serde_json::from_str(
        r#"{"id": "x", "answers": {"q1": null, "q3": null, "q7": "critical"}}"#,
    )
    .unwrap();
    assert!(!r.answers().is_answered(Field::Q1));
    assert!(r.answers().is_answered(Field::Q7));
}
