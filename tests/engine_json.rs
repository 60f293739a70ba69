//! The JSON format: frozen fixtures for every schema version ever written, the upgrade path, and
//! errors.
//!
//! `responses-v1.json` and `responses-v2.json` are frozen: never regenerate them. If a change makes
//! these tests fail, the change breaks documents people already have; add a new schema version instead.

mod engine_support;

use collaboration_readiness::engine::error::JsonError;
use collaboration_readiness::engine::instrument::{Factor, Field, Measure};
use collaboration_readiness::engine::json_format::{
    assessment_to_json, document_from_json, from_json, response_from_json, set_to_json, to_json,
    AssessmentInfo, SCHEMA_VERSION,
};
use collaboration_readiness::engine::Response;
use engine_support::{complete_response, fixture_bytes};

/// What both frozen fixtures hold.
fn expected_responses() -> Vec<Response> {
    let mut first = Response::new("legacy-1");
    first.submitted_at = Some("2025-11-03T14:20:00Z".into());
    let choose = |r: &mut Response, f: Field, c: &str| r.choose(f, c).unwrap();
    choose(&mut first, Field::Q1, "yes");
    first
        .set_text(
            Field::Q2,
            "Joint discharge team,\nwith \"quotes\" and =signs",
        )
        .unwrap();
    first
        .set_codes(Field::Q3, &["local_authority", "nhs_trust", "other"])
        .unwrap();
    first
        .set_text(Field::Q3Other, "Housing association")
        .unwrap();
    choose(&mut first, Field::Q4, "5plus");
    choose(&mut first, Field::Q5, "middle");
    choose(&mut first, Field::Q6, "too_early");
    choose(&mut first, Field::Q7, "critical");
    choose(&mut first, Field::Q9, "collaborating_better");
    choose(&mut first, Field::Q10, "involve");
    choose(&mut first, Field::Q11, "1");
    choose(&mut first, Field::Q12, "0");
    let q13 = ["3", "2", "3", "3", "3", "2", "na", "1"];
    let q14 = ["1", "1", "2", "1", "0", "2", "na", "2"];
    for (i, f) in Factor::ALL.iter().enumerate() {
        choose(&mut first, Field::Score(Measure::Importance, *f), q13[i]);
        choose(&mut first, Field::Score(Measure::Prevalence, *f), q14[i]);
    }
    choose(&mut first, Field::Q15, "chief_executive");
    choose(&mut first, Field::Q16, "third");
    first
        .set_codes(Field::Q17, &["health_social_care", "housing"])
        .unwrap();
    first.set_codes(Field::Q18, &["london"]).unwrap();

    // Answered q4, then changed q1 to no: the hidden answer is kept in storage.
    let mut second = Response::new("legacy-2");
    choose(&mut second, Field::Q4, "3");
    choose(&mut second, Field::Q1, "no");
    choose(&mut second, Field::Q7, "important");
    second.set_text(Field::Q8, "Because we must").unwrap();
    choose(
        &mut second,
        Field::Score(Measure::Importance, Factor::Places),
        "2",
    );
    choose(
        &mut second,
        Field::Score(Measure::Prevalence, Factor::Places),
        "na",
    );
    choose(&mut second, Field::Q16, "public");
    vec![first, second]
}

fn fixture_text(name: &str) -> String {
    String::from_utf8(fixture_bytes(name)).unwrap()
}

#[test]
fn version_1_fixture_upgrades_to_the_current_shape() {
    let responses = from_json(&fixture_text("responses-v1.json")).unwrap();
    assert_eq!(responses, expected_responses());
    assert!(responses[1].has_hidden_answers());
}

#[test]
fn version_2_fixture_reads_and_is_what_the_writer_writes() {
    let text = fixture_text("responses-v2.json");
    assert_eq!(from_json(&text).unwrap(), expected_responses());
    assert_eq!(set_to_json(&expected_responses()), text.trim_end());
}

#[test]
fn one_response_round_trips() {
    let r = complete_response("solo", |_| ("2", "na"));
    let text = to_json(&r);
    assert!(text.contains("\"schema_version\": 2"));
    assert!(text.contains("\"response\": {"));
    assert_eq!(response_from_json(&text).unwrap(), r);
    let legacy = r#"{"schema_version": 1, "response": {"response_id": "old", "q13_places": "3"}}"#;
    let old = response_from_json(legacy).unwrap();
    assert_eq!(old.id, "old");
    assert!(old.instrument_version.is_current());
}

#[test]
fn documents_that_cannot_be_read() {
    type Check = fn(&JsonError) -> bool;
    let table: &[(&str, Check)] = &[
        ("not json", |e| matches!(e, JsonError::Shape(_))),
        (r#"{"responses": []}"#, |e| matches!(e, JsonError::Shape(_))),
        (r#"{"schema_version": 5, "responses": []}"#, |e| {
            *e == JsonError::NewerSchema {
                found: 5,
                supported: SCHEMA_VERSION,
            }
        }),
        (r#"{"schema_version": 0, "responses": []}"#, |e| {
            *e == JsonError::UnknownSchema(0)
        }),
        (
            r#"{"format": "app-settings", "schema_version": 2, "responses": []}"#,
            |e| matches!(e, JsonError::Shape(m) if m.contains("app-settings")),
        ),
        (r#"{"schema_version": 2}"#, |e| {
            matches!(e, JsonError::Shape(_))
        }),
        (
            r#"{"schema_version": 2, "responses": [], "response": {"id": "x"}}"#,
            |e| matches!(e, JsonError::Shape(_)),
        ),
        (
            r#"{"schema_version": 2, "responses": [{"id": "x", "answers": {"q4": "6"}}]}"#,
            |e| matches!(e, JsonError::Shape(m) if m.contains("“6” is not an answer to q4")),
        ),
        (
            r#"{"schema_version": 2, "extra": 1, "responses": []}"#,
            |e| matches!(e, JsonError::Shape(_)),
        ),
        (
            r#"{"schema_version": 1, "responses": [{"q1": "yes"}]}"#,
            |e| *e == JsonError::MissingId { index: 1 },
        ),
        (
            r#"{"schema_version": 1, "responses": [{"response_id": "a", "colour": "red"}]}"#,
            |e| matches!(e, JsonError::UnknownKey { index: 1, key } if key == "colour"),
        ),
        (
            r#"{"schema_version": 1, "responses": [{"response_id": "a", "q13_places": "4"}]}"#,
            |e| {
                e.to_string() == "Response 1, q13_places: “4” is not an answer to q13_places (“How important do you think this factor is to successful…”, Collaborative Places): use 0–3 or na"
            },
        ),
        (
            r#"{"schema_version": 1, "responses": [{"response_id": "a", "submitted_at": "soon"}]}"#,
            |e| matches!(e, JsonError::Cell { .. }),
        ),
    ];
    for (text, check) in table {
        let err = from_json(text).expect_err(text);
        assert!(check(&err), "{text}: {err:?}");
    }
    assert!(matches!(
        response_from_json(r#"{"schema_version": 2, "responses": []}"#),
        Err(JsonError::Shape(_))
    ));
}

#[test]
fn legacy_text_over_the_limit_is_kept_not_lost() {
    let long = "y".repeat(2500);
    let text = format!(
        r#"{{"schema_version": 1, "responses": [{{"response_id": "a", "q8": "{long}"}}]}}"#
    );
    let r = from_json(&text).unwrap();
    assert_eq!(r[0].answers().q8().map(str::len), Some(2500));
    assert!(!r[0].validate().is_empty(), "validation still flags it");
}

#[test]
fn defect_24_an_assessment_export_carries_its_name_and_dates() {
    let r = complete_response("mine", |_| ("2", "1"));
    let info = AssessmentInfo {
        name: "Before the restructure".into(),
        started_at: Some("2026-10-01T08:00:00.000Z".into()),
        completed_at: Some("2026-10-01T08:40:00.000Z".into()),
    };
    let text = assessment_to_json(&r, &info);
    assert!(text.contains("\"schema_version\": 3"), "{text}");
    assert_eq!(
        document_from_json(&text).unwrap(),
        (vec![r.clone()], Some(info))
    );
    // Documents without details stay at version 2, which earlier versions of the app read.
    assert!(to_json(&r).contains("\"schema_version\": 2"));
    assert_eq!(document_from_json(&to_json(&r)).unwrap(), (vec![r], None));
    // Details only where version 3 allows them.
    for text in [
        r#"{"schema_version": 2, "response": {"id": "a"}, "assessment": {"name": "x"}}"#,
        r#"{"schema_version": 3, "responses": [], "assessment": {"name": "x"}}"#,
        r#"{"schema_version": 3, "response": {"id": "a"}, "assessment": {"name": "x", "colour": "red"}}"#,
        r#"{"schema_version": 3, "response": {"id": "a"}, "assessment": {"name": "x", "started_at": "soon"}}"#,
    ] {
        assert!(
            matches!(document_from_json(text), Err(JsonError::Shape(_))),
            "{text}"
        );
    }
}

#[test]
fn an_assessment_export_carries_its_plan_at_version_4_and_only_there() {
    use collaboration_readiness::engine::json_format::{
        assessment_with_plan_to_json, import_json, read_document, set_with_plan_to_json,
        with_plan_to_json, PlanJson,
    };
    let r = complete_response("mine", |_| ("2", "1"));
    let info = AssessmentInfo {
        name: "With a plan".into(),
        started_at: None,
        completed_at: None,
    };
    let plan =
        serde_json::value::to_raw_value(&serde_json::json!({"topics": ["factor:places"]})).unwrap();
    let carried = |p: Option<PlanJson>| p.map(|p| p.0.get().to_string());
    let expected = Some(plan.get().to_string());
    let text = assessment_with_plan_to_json(&r, &info, Some(&*plan));
    assert!(text.contains("\"schema_version\": 4"), "{text}");
    let doc = read_document(&text).unwrap();
    assert_eq!(carried(doc.plan), expected);
    assert_eq!(doc.responses, vec![r.clone()]);
    assert_eq!(carried(import_json(&text).unwrap().plan), expected);
    // Without a plan it is still version 3, and an earlier file has none.
    let text = assessment_with_plan_to_json(&r, &info, None);
    assert!(text.contains("\"schema_version\": 3"), "{text}");
    assert_eq!(read_document(&text).unwrap().plan, None);
    assert_eq!(import_json(&to_json(&r)).unwrap().plan, None);
    // A group's plan beside its responses, and a shared response's plan without details.
    let set = set_with_plan_to_json(std::slice::from_ref(&r), Some(&*plan));
    assert_eq!(carried(read_document(&set).unwrap().plan), expected);
    assert!(set_to_json(std::slice::from_ref(&r)).contains("\"schema_version\": 2"));
    let one = with_plan_to_json(&r, Some(&*plan));
    assert_eq!(carried(read_document(&one).unwrap().plan), expected);
    assert!(with_plan_to_json(&r, None).contains("\"schema_version\": 2"));
    for text in [
        r#"{"schema_version": 3, "response": {"id": "a"}, "assessment": {"name": "x"}, "plan": {}}"#,
        r#"{"schema_version": 2, "responses": [], "plan": {}}"#,
    ] {
        assert!(
            matches!(read_document(text), Err(JsonError::Shape(_))),
            "{text}"
        );
    }
}
