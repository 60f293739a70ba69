//! The rules of every way in (`engine::intake`): which bytes are text (issue 15, item 4), the lines
//! where records start (item 7), and the one validation of an imported response on every route
//! (item 5).

mod engine_support;

use std::io::Read;

use collaboration_readiness::engine::csv_format::{export_csv_bytes, import_csv, ImportOptions};
use collaboration_readiness::engine::error::RejectReason;
use collaboration_readiness::engine::instrument::{Field, InstrumentVersion};
use collaboration_readiness::engine::intake::{check, decode_text, TextReader};
use collaboration_readiness::engine::json_format::{from_json, import_json, set_to_json, to_json};
use collaboration_readiness::engine::{ImportError, Response};
use collaboration_readiness::model::groups::Group;
use collaboration_readiness::model::share;
use engine_support::complete_response;

const TEXT: &str = "response_id,q2,q13_places\r\ncafe-1,Café à naïve – “quoted” 😀,3\r\n";

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

fn csv_q2(bytes: &[u8]) -> Result<String, ImportError> {
    let import = import_csv(bytes, ImportOptions::default())?;
    assert_eq!(import.summary.rejected, vec![]);
    Ok(import.responses[0].answers().q2().unwrap().to_string())
}

#[test]
fn defect_04_utf16_with_a_mark_is_decoded_and_other_non_utf8_text_is_refused_on_every_route() {
    let expected = "Café à naïve – “quoted” 😀";
    // UTF-8 (with or without its mark) and UTF-16 with a mark: the same text on both routes.
    let readable = [
        ("UTF-8", TEXT.as_bytes().to_vec()),
        (
            "UTF-8 with BOM",
            [&[0xEF, 0xBB, 0xBF], TEXT.as_bytes()].concat(),
        ),
        ("UTF-16 LE with BOM", utf16(TEXT, false)),
        ("UTF-16 BE with BOM", utf16(TEXT, true)),
    ];
    for (case, bytes) in &readable {
        assert_eq!(csv_q2(bytes).unwrap(), expected, "{case}: CSV importer");
        assert_eq!(decode_text(bytes).unwrap(), TEXT, "{case}: decode_text");
    }
    // The JSON route reads the same way: an export saved as UTF-16 reads back.
    let r = complete_response("caf\u{e9}-2", |_| ("3", "2"));
    let json = to_json(&r);
    assert_eq!(
        from_json(&decode_text(&utf16(&json, false)).unwrap()).unwrap(),
        vec![r]
    );

    // Refused whole, on both routes, with the line of the first problem.
    let mut latin1 = b"response_id,q2,q13_places\r\nok,plain,3\r\ncafe,Caf".to_vec();
    latin1.extend([
        0xE9, b' ', 0xE0, b' ', b'n', b'a', 0xEF, b'v', b'e', b',', b'3',
    ]);
    let mut truncated = b"response_id,q2,q13_places\nok,Caf".to_vec();
    truncated.push(0xC3);
    let mut lone_surrogate = utf16("response_id,q2,q13_places\r\na,", false);
    lone_surrogate.extend([0x00, 0xD8, b'x', 0x00]);
    let mut odd_length = utf16("response_id,q13_places\r\na,3", true);
    odd_length.push(b'\n');
    let mut utf16_without_mark = utf16(TEXT, false);
    utf16_without_mark.drain(..2);
    let refused: [(&str, Vec<u8>, ImportError); 5] = [
        ("Latin-1 bytes", latin1, ImportError::NotUtf8 { line: 3 }),
        (
            "a UTF-8 sequence cut off at the end",
            truncated,
            ImportError::NotUtf8 { line: 2 },
        ),
        (
            "UTF-16 with a lone surrogate",
            lone_surrogate,
            ImportError::DamagedUtf16 { line: 2 },
        ),
        (
            "UTF-16 with an odd last byte",
            odd_length,
            ImportError::DamagedUtf16 { line: 2 },
        ),
        (
            "UTF-16 without its mark (NUL bytes)",
            utf16_without_mark,
            ImportError::NotUtf8 { line: 1 },
        ),
    ];
    for (case, bytes, expected) in refused {
        assert_eq!(
            import_csv(&bytes[..], ImportOptions::default()).unwrap_err(),
            expected,
            "{case}: CSV importer"
        );
        assert_eq!(
            decode_text(&bytes).unwrap_err(),
            expected,
            "{case}: decode_text"
        );
        assert!(expected.to_string().contains("UTF-8"), "{case}");
    }
}

#[test]
fn defect_04_the_text_reader_hands_out_only_valid_text_before_a_problem() {
    let mut bytes = b"abc\n".to_vec();
    bytes.push(0xFF);
    let mut reader = TextReader::new(&bytes[..], u64::MAX);
    let mut out = Vec::new();
    assert!(reader.read_to_end(&mut out).is_err());
    assert_eq!(out, b"abc\n");
    assert!(reader.problem().is_some());
}

fn lines(text: &[u8]) -> Vec<(u64, Option<String>)> {
    let import = import_csv(text, ImportOptions::default()).unwrap();
    import
        .summary
        .rejected
        .iter()
        .map(|r| (r.line, r.response_id.clone()))
        .collect()
}

#[test]
fn defect_07_unterminated_quote_reports_the_line_it_starts_on() {
    // The quote opened on line 2 runs to the end of the file, swallowing line 3.
    let text = b"response_id,q2,q1,q13_places\nid1,,yes,\"AAA\nid2,,no\n";
    assert_eq!(lines(text), [(2, Some("id1".into()))]);
    // Further down, after blank lines and a record with a quoted line break.
    let text =
        b"response_id,q2,q13_places\r\n\r\nok,\"two\r\nlines\",3\r\n\r\nbad,x,\"3\r\nid3,y,2\r\n";
    assert_eq!(lines(text), [(6, Some("bad".into()))]);
}

#[test]
fn defect_07_bare_cr_line_ends_report_the_line_a_record_starts_on() {
    let text = b"response_id,q2,q13_places\rok,a,3\rbad,b,7\rq,\"x\ry\",9\r\rlast,\"open\r";
    assert_eq!(
        lines(text),
        [
            (3, Some("bad".into())),
            (4, Some("q".into())),
            (7, Some("last".into()))
        ]
    );
    // Mixed line ends: each of \r\n, \r and \n ends one line.
    let text = b"response_id,q13_places\r\nok,3\rbad,7\nbad2,8\r\n";
    assert_eq!(
        lines(text),
        [(3, Some("bad".into())), (4, Some("bad2".into()))]
    );
}

#[test]
fn defect_07_a_record_longer_than_the_reader_window_keeps_its_line() {
    let long = "x".repeat(300_000);
    let text = format!("response_id,q2,q13_places\nok,a,3\nbig,\"{long}\n{long}\",3\nbad,b,9\n");
    let import = import_csv(text.as_bytes(), ImportOptions::default()).unwrap();
    let got: Vec<(u64, &str)> = import
        .summary
        .rejected
        .iter()
        .map(|r| (r.line, r.response_id.as_deref().unwrap_or("")))
        .collect();
    // The long record (line 3, its q2 over the limit) and the bad row after its two lines (line 5).
    assert_eq!(got, [(3, "big"), (5, "bad")]);
}

/// The bad cases of item 5, each as a change to a complete response, with the column and reason
/// every route must give.
fn bad_cases() -> Vec<(&'static str, Response, &'static str, RejectReason)> {
    let base = || complete_response("r-1", |_| ("2", "1"));
    let mut bad_date = base();
    bad_date.submitted_at = Some("last Tuesday".into());
    let mut long_q2 = base();
    long_q2.set_text(Field::Q2, &"x".repeat(10_000)).unwrap();
    let mut foreign = base();
    foreign.instrument_version = InstrumentVersion {
        id: "another-survey".into(),
        version: 3,
    };
    let mut no_id = base();
    no_id.id = "  ".into();
    vec![
        (
            "invalid submitted_at",
            bad_date,
            "submitted_at",
            RejectReason::BadSubmittedAt("last Tuesday".into()),
        ),
        (
            "q2 of 10,000 characters",
            long_q2,
            "q2",
            RejectReason::Cell(collaboration_readiness::engine::error::CellError::TooLong {
                len: 10_000,
                max: 2_000,
            }),
        ),
        (
            "foreign instrument",
            foreign,
            "instrument",
            RejectReason::OtherInstrument {
                found: "another-survey/3".into(),
                expected: InstrumentVersion::current().to_string(),
            },
        ),
        ("empty id", no_id, "response_id", RejectReason::NoId),
    ]
}

/// What each route says about one response: `Ok` when it takes it, else the reasons.
fn routes(r: &Response) -> Vec<(&'static str, Result<(), String>)> {
    let csv = {
        let bytes = export_csv_bytes([r]);
        let import = import_csv(&bytes[..], ImportOptions::default()).unwrap();
        match import.summary.rejected.first() {
            None => Ok(()),
            Some(row) => Err(row
                .problems
                .iter()
                .map(|p| p.reason.to_string())
                .collect::<Vec<_>>()
                .join("; ")),
        }
    };
    let document = set_to_json(std::slice::from_ref(r));
    // The person's own import of a JSON file.
    let own = {
        let import = import_json(&document).unwrap();
        match import.rejected.first() {
            None => Ok(()),
            Some(rejected) => Err(rejected.to_string()),
        }
    };
    // A group's import of a JSON file.
    let group = {
        let mut g = Group::new("g".into(), "Group", "2026-01-01").unwrap();
        let report = g.add_json(from_json(&document).unwrap(), "export.json", "2026-01-02");
        match report.rejected.first() {
            None => Ok(()),
            Some(rejected) => Err(rejected.reason.clone()),
        }
    };
    let link = share::read(&share::fragment(r))
        .map(|_| ())
        .map_err(|e| e.to_string());
    vec![
        ("CSV", csv),
        ("own JSON import", own),
        ("group JSON import", group),
        ("share link", link),
    ]
}

#[test]
fn defect_05_every_route_refuses_the_same_bad_responses_for_the_same_reasons() {
    for (case, response, column, reason) in bad_cases() {
        let expected = reason.to_string();
        // The CSV route cannot carry an empty id (it gives the row one), so it is not asked.
        for (route, outcome) in routes(&response) {
            if route == "CSV" && reason == RejectReason::NoId {
                assert_eq!(outcome, Ok(()), "{case}: the CSV row gets an id");
                continue;
            }
            let got = outcome.expect_err(&format!("{case}: {route} must refuse it"));
            assert!(got.contains(&expected), "{case}, {route}: {got}");
        }
        let problems = check(&response);
        assert_eq!(problems.len(), 1, "{case}");
        assert_eq!(problems[0].column.as_deref(), Some(column), "{case}");
        assert_eq!(problems[0].reason, reason, "{case}");
    }
}

#[test]
fn defect_05_an_export_reimports_fully_on_every_route() {
    let mut r = complete_response("export-1", |_| ("1", "na"));
    r.submitted_at = Some("2026-01-10T09:00:00Z".into());
    r.set_text(Field::Q2, &"é".repeat(2_000)).unwrap();
    for (route, outcome) in routes(&r) {
        assert_eq!(outcome, Ok(()), "{route}");
    }
    assert_eq!(share::read(&share::fragment(&r)).unwrap(), r);
}
