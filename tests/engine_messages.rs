//! Import reasons in a facilitator's words (issue 15, item 14): no literal backticks or internal
//! words, the question named by its code and its words, values quoted and cut.

use collaboration_readiness::engine::csv_format::{import_csv, ImportOptions};
use collaboration_readiness::engine::error::{shorten, JsonError, QuestionName};
use collaboration_readiness::engine::instrument::{Factor, Field, Measure, INSTRUMENT};
use collaboration_readiness::engine::json_format::from_json;
use collaboration_readiness::engine::ImportError;

/// The reasons a CSV row gets, by column.
fn reasons(header: &str, row: &str) -> Vec<(String, String)> {
    let text = format!("{header}\n{row}\n");
    let import = import_csv(text.as_bytes(), ImportOptions::default()).unwrap();
    import.summary.rejected[0]
        .problems
        .iter()
        .map(|p| (p.column.clone().unwrap_or_default(), p.reason.to_string()))
        .collect()
}

fn words(field: Field) -> &'static str {
    INSTRUMENT.question(field.question()).text
}

#[test]
fn defect_14_import_reasons_name_the_question_by_its_words_and_code_without_backticks() {
    let header = "response_id,q1,q2,q4,q11,q13_places,q14_urgency,q17,submitted_at,instrument";
    // (row, column, what the reason must say)
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "a,yes,,,,4,,,,",
            "q13_places",
            &[
                "\u{201c}4\u{201d} is not an answer to q13_places",
                "Collaborative Places",
                "use 0\u{2013}3 or na",
            ],
        ),
        (
            "a,yes,,,na,3,,,,",
            "q11",
            &[
                "\u{201c}na\u{201d} is not an answer to q11",
                "use 0\u{2013}3",
            ],
        ),
        (
            "a,yes,,,,3,x,,,",
            "q14_urgency",
            &[
                "is not an answer to q14_urgency",
                "Urgency",
                "use 0\u{2013}3 or na",
            ],
        ),
        (
            "a,yes,,six,,3,,,,",
            "q4",
            &[
                "\u{201c}six\u{201d} is not an answer to q4",
                "use one of: 2, 3, 4, 5plus",
            ],
        ),
        (
            "a,yes,,,,3,,housing;moon,,",
            "q17",
            &["\u{201c}moon\u{201d} is not an answer to q17"],
        ),
        (
            "a,no,,4,,3,,,,",
            "q4",
            &["answered although q1 is No, which skips q4"],
        ),
        (
            "a,yes,,,,3,,,next week,",
            "submitted_at",
            &["\u{201c}next week\u{201d} is not a date in the form 2026-01-10"],
        ),
        (
            "a,yes,,,,3,,,,other/2",
            "instrument",
            &["another version of the questionnaire (other/2)"],
        ),
    ];
    for (row, column, needles) in cases {
        let got = reasons(header, row);
        let (_, reason) = got
            .iter()
            .find(|(c, _)| c == column)
            .unwrap_or_else(|| panic!("{row}: no problem in {column}: {got:?}"));
        assert!(!reason.contains('`'), "{row}: {reason}");
        for needle in *needles {
            assert!(
                reason.contains(needle),
                "{row}: {reason:?} lacks {needle:?}"
            );
        }
        if let Some(field) = Field::from_column(column) {
            // The question's own words, as far as they are quoted.
            let start: String = words(field).chars().take(25).collect();
            assert!(reason.contains(&start), "{row}: {reason:?} lacks {start:?}");
        }
    }
    // The text limit names its question too.
    let long = "x".repeat(2_001);
    let text = format!("response_id,q8,q13_places\na,{long},3\n");
    let import = import_csv(text.as_bytes(), ImportOptions::default()).unwrap();
    let problem = import.summary.rejected[0].problems[0].to_string();
    assert!(
        problem.starts_with(
            "q8 (\u{201c}Why do you say that?\u{201d}): the text is 2001 characters long"
        ),
        "{problem}"
    );
}

#[test]
fn defect_14_question_names_are_cut_at_a_word_and_values_at_80_characters() {
    let name = QuestionName(Field::Score(Measure::Prevalence, Factor::Markets)).to_string();
    assert_eq!(
        name,
        "q14_markets (\u{201c}To what extent is this factor prevalent in your\u{2026}\u{201d}, Collaborative Markets)"
    );
    let q7 = QuestionName(Field::Q7).to_string();
    assert!(
        q7.starts_with("q7 (\u{201c}In general, to what extent"),
        "{q7}"
    );
    assert!(q7.ends_with("\u{2026}\u{201d})"), "{q7}");
    assert!(q7.chars().count() < 80, "{q7}");
    assert_eq!(shorten("short words", 60), "short words");
    assert_eq!(shorten("one two three four", 12), "one two\u{2026}");

    let huge = "z".repeat(10_000);
    let text = format!("response_id,q4,q13_places\na,{huge},3\n");
    let import = import_csv(text.as_bytes(), ImportOptions::default()).unwrap();
    let reason = import.summary.rejected[0].problems[0].reason.to_string();
    assert!(
        reason.contains(&format!("\u{201c}{}\u{2026}\u{201d}", "z".repeat(80))),
        "{reason}"
    );
    assert!(reason.len() < 400, "{reason}");
}

#[test]
fn defect_14_file_refusals_and_json_reasons_have_no_backticks() {
    let refusals = [
        import_csv(
            &b"q13_places,Q13_Places\n1,2\n"[..],
            ImportOptions::default(),
        )
        .unwrap_err(),
        ImportError::NotUtf8 { line: 2 },
        ImportError::DamagedUtf16 { line: 2 },
        ImportError::NoHeader,
        ImportError::NotResponsesFile,
    ];
    for e in refusals {
        assert!(!e.to_string().contains('`'), "{e}");
    }
    let documents = [
        r#"{"schema_version": 2, "responses": [{"id": "x", "answers": {"q4": "6"}}]}"#,
        r#"{"schema_version": 2, "responses": [{"id": "x", "answers": {"colour": "red"}}]}"#,
        r#"{"schema_version": 2, "extra": 1, "responses": []}"#,
        r#"{"schema_version": 2}"#,
        r#"{"format": "other", "schema_version": 2, "responses": []}"#,
        r#"{"schema_version": 1, "responses": [{"response_id": "a", "colour": "red"}]}"#,
        r#"{"schema_version": 1, "responses": [{"response_id": "a", "q13_places": "4"}]}"#,
    ];
    for text in documents {
        let e: JsonError = from_json(text).unwrap_err();
        assert!(!e.to_string().contains('`'), "{text}: {e}");
    }
}
