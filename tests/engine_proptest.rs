//! Properties: export → import is lossless for arbitrary valid responses, and the importers never
//! panic on arbitrary input.

use collaboration_readiness::engine::csv_format::{export_csv_bytes, import_csv, ImportOptions};
use collaboration_readiness::engine::instrument::{Field, FieldKind};
use collaboration_readiness::engine::json_format::{from_json, set_to_json};
use collaboration_readiness::engine::{AnswerError, Response};
use proptest::collection::vec;
use proptest::prelude::*;

/// Text that exercises quoting and the formula guard: an awkward prefix, then any Unicode.
fn text() -> impl Strategy<Value = String> {
    let prefix = prop::sample::select(vec![
        "", "=", "+", "-", "@", "\t", "\r", "\n", "'", "''", "'=", "'+x", "\"", ",", " ",
        "\u{feff}", "é", "😀",
    ]);
    (
        prefix,
        any::<String>(),
        prop::sample::select(vec!["", "\r\n", "\"\"", ",", ";", " "]),
    )
        .prop_map(|(p, body, suffix)| format!("{p}{body}{suffix}"))
        .prop_filter("non-empty and within the limit", |t| {
            !t.is_empty() && t.chars().count() <= 2000
        })
}

/// One cell's answer, as an action on a response: `None` leaves the field unanswered.
#[derive(Clone, Debug)]
enum Cell {
    Choice(usize),
    Choices(u32),
    Text(String),
}

fn cell(field: Field) -> BoxedStrategy<Option<Cell>> {
    match field.kind() {
        FieldKind::Text { .. } => prop::option::of(text().prop_map(Cell::Text)).boxed(),
        FieldKind::Multiple(options) => {
            prop::option::of((1u32..(1 << options.len())).prop_map(Cell::Choices)).boxed()
        }
        kind => prop::option::of((0..kind.options().len()).prop_map(Cell::Choice)).boxed(),
    }
}

fn response(index: usize) -> impl Strategy<Value = Response> {
    let cells: Vec<BoxedStrategy<Option<Cell>>> = Field::ALL.iter().map(|f| cell(*f)).collect();
    let id = any::<String>().prop_map(|s| s.trim().to_string());
    let submitted = prop::option::of(prop::sample::select(vec![
        "2026-01-10",
        "2026-01-10T09:00:00Z",
        "2024-02-29T23:59:59.999+05:30",
    ]));
    (id, submitted, cells).prop_map(move |(id, submitted, cells)| {
        // Ids are unique within a group and carry no surrounding whitespace (the importer trims).
        let mut r = Response::new(format!("{id}#{index}"));
        r.submitted_at = submitted.map(str::to_string);
        // Field::ALL starts with q1, so the branch is known before q2–q6 are set.
        for (field, value) in Field::ALL.into_iter().zip(&cells) {
            let options = field.kind().options();
            let result = match value {
                None => Ok(()),
                Some(Cell::Choice(k)) => r.choose(field, options[*k].code),
                Some(Cell::Choices(bits)) => {
                    let codes: Vec<&str> = options
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| bits & (1 << k) != 0)
                        .map(|(_, o)| o.code)
                        .collect();
                    r.set_codes(field, &codes)
                }
                Some(Cell::Text(t)) => r.set_text(field, t),
            };
            // q2–q6 are refused while q1 = no: such a response simply leaves them out.
            if let Err(e) = result {
                assert!(matches!(e, AnswerError::HiddenByBranch { .. }), "{e}");
            }
        }
        r
    })
}

fn responses() -> impl Strategy<Value = Vec<Response>> {
    (1usize..6).prop_flat_map(|n| (0..n).map(response).collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn csv_export_then_import_is_lossless(responses in responses()) {
        let bytes = export_csv_bytes(&responses);
        let import = import_csv(&bytes[..], ImportOptions::default()).unwrap();
        prop_assert_eq!(&import.summary.rejected, &vec![]);
        prop_assert_eq!(import.responses, responses);
    }

    #[test]
    fn json_write_then_read_is_lossless(responses in responses()) {
        prop_assert_eq!(from_json(&set_to_json(&responses)).unwrap(), responses);
    }

    #[test]
    fn csv_import_never_panics_on_arbitrary_bytes(
        header in prop::sample::select(vec![
            &b""[..],
            b"q1,q2,q13_places\n",
            b"\xEF\xBB\xBFresponse_id,q1,q2,q3,q13_places,q14_places,q17\r\n",
        ]),
        body in vec(any::<u8>(), 0..600),
        max_bytes in prop::sample::select(vec![64u64, 1 << 20]),
    ) {
        let mut bytes = header.to_vec();
        bytes.extend_from_slice(&body);
        let options = ImportOptions { max_bytes, ..ImportOptions::default() };
        if let Ok(import) = import_csv(&bytes[..], options) {
            let rows = import.summary.rows_read;
            prop_assert_eq!(import.summary.imported + import.summary.rejected_count, rows);
            prop_assert!(import.summary.rejected.iter().all(|r| r.line >= 2));
        }
    }

    #[test]
    fn csv_import_never_panics_on_arbitrary_text(
        text in "[a-z0-9_,;\"'=\r\n \t]{0,300}",
    ) {
        let input = format!("response_id,q1,q2,q4,q13_places,q17\n{text}");
        let _ = import_csv(input.as_bytes(), ImportOptions::default());
    }

    #[test]
    fn json_import_never_panics(text in any::<String>()) {
        let _ = from_json(&text);
        let wrapped = format!(r#"{{"schema_version": 1, "responses": [{{"response_id": "a", "q1": {text:?}}}]}}"#);
        let _ = from_json(&wrapped);
    }
}
