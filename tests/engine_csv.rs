//! The responses CSV: the bad-rows fixture, every bad-input case, labels, BOM, line ends, quoting,
//! the formula guard, duplicates, streaming, and export.

mod engine_support;

use std::collections::HashSet;
use std::io::Read;

use collaboration_readiness::engine::aggregate::{GroupOptions, GroupReport};
use collaboration_readiness::engine::csv_format::{
    export_csv_bytes, export_header, import_csv, CsvImport, CsvImporter, ImportOptions,
    MAX_IMPORT_BYTES,
};
use collaboration_readiness::engine::error::RejectReason;
use collaboration_readiness::engine::instrument::{Choice, Extent, Factor, Field, Measure, Sector};
use collaboration_readiness::engine::{ImportError, Response};
use engine_support::{complete_response, fixture_bytes};

const HEADER: &str = "response_id,q1,q2,q4,q13_places,q14_places,q16,q17";

fn import(text: &str) -> CsvImport {
    import_csv(text.as_bytes(), ImportOptions::default()).unwrap()
}

fn import_err(bytes: &[u8], options: ImportOptions) -> ImportError {
    import_csv(bytes, options).expect_err("the file should be refused")
}

#[test]
fn bad_rows_fixture_is_reported_as_expected() {
    let existing: HashSet<String> = ["g7-1".to_string(), "g7-2".to_string()].into();
    let options = ImportOptions::default().with_existing_ids(existing.iter().cloned());
    let CsvImport { responses, summary } =
        import_csv(&fixture_bytes("bad-rows.csv")[..], options).unwrap();

    let ids: Vec<&str> = responses.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["ok-1", "ok-2", "ok-3"]);
    assert_eq!(summary.rows_read, 8);
    assert_eq!(summary.imported, 3);
    assert_eq!(summary.rejected_count, 5);
    assert_eq!(summary.duplicate_count, 1);
    assert_eq!(summary.unknown_columns, ["favourite_colour"]);

    // (line, response id, columns, reason of the first problem)
    let expected: [(u64, &str, &[&str], &str); 5] = [
        (
            5,
            "bad-code",
            &["q13_systems"],
            "“4” is not an answer to q13_systems (“How important do you think this factor is to successful…”, Collaborative Systems): use 0–3 or na",
        ),
        (
            6,
            "bad-branch",
            &["q2", "q3", "q4", "q5", "q6"],
            "answered although q1 is No",
        ),
        (7, "ok-1", &["response_id"], "duplicate of line 2"),
        (
            9,
            "bad-multi",
            &["q17"],
            "“space_travel” is not an answer to q17",
        ),
        (10, "short-row", &[], "3 fields where the header has 36"),
    ];
    assert_eq!(summary.rejected.len(), expected.len());
    for (row, (line, id, columns, reason)) in summary.rejected.iter().zip(expected) {
        assert_eq!(row.line, line, "{id}");
        assert_eq!(row.response_id.as_deref(), Some(id));
        let got: Vec<&str> = row
            .problems
            .iter()
            .filter_map(|p| p.column.as_deref())
            .collect();
        assert_eq!(got, columns, "{id}");
        for p in &row.problems {
            // The reason names each question, so rows with several problems share a beginning.
            let got = p.reason.to_string();
            assert!(got.starts_with(reason), "{id}: {got}");
            assert!(!got.contains('`'), "{id}: {got}");
        }
    }
    assert_eq!(summary.rejected[0].problems[0].value.as_deref(), Some("4"));
    assert_eq!(
        summary.rejected[3].problems[0].reason,
        RejectReason::Cell(
            collaboration_readiness::engine::error::CellError::NotAnOption {
                value: "space_travel".into(),
                question: "q17"
            }
        )
    );

    let ok2 = &responses[1];
    assert_eq!(
        ok2.answers().q2(),
        Some("Line one\nline two, with \"quotes\"")
    );
    assert_eq!(
        ok2.answers().q8(),
        Some("=HYPERLINK(\"http://example.invalid\")")
    );
    let ok3 = &responses[2];
    assert_eq!(
        ok3.answers().importance(Factor::Places),
        Some(Extent::AGreatDeal)
    );
    assert_eq!(
        ok3.answers().prevalence(Factor::Places),
        Some(Extent::NotApplicable)
    );
    assert_eq!(ok3.answers().q16(), Some(Sector::Third));

    // The guard is written again on export.
    let exported = String::from_utf8(export_csv_bytes(&responses)).unwrap();
    assert!(exported.contains(r#","'=HYPERLINK(""http://example.invalid"")","#));
    assert!(exported.contains("\"Line one\nline two, with \"\"quotes\"\"\""));
}

#[test]
fn files_refused_whole() {
    let mut not_utf8 = format!("{HEADER}\r\na,yes,,,3,3,public,\r\n").into_bytes();
    not_utf8.extend_from_slice(b"b,yes,caf\xe9,,3,3,public,\r\n");
    let small = ImportOptions {
        max_bytes: 100,
        ..ImportOptions::default()
    };
    let declared = ImportOptions {
        declared_len: Some(MAX_IMPORT_BYTES + 1),
        ..ImportOptions::default()
    };
    let long = format!("{HEADER}\n{}", "a,yes,,,3,3,public,\n".repeat(10));
    let table: Vec<(&str, Vec<u8>, ImportOptions, ImportError)> = vec![
        (
            "empty file",
            vec![],
            ImportOptions::default(),
            ImportError::NoHeader,
        ),
        (
            "only a BOM",
            vec![0xEF, 0xBB, 0xBF],
            ImportOptions::default(),
            ImportError::NoHeader,
        ),
        (
            "blank lines",
            b"\r\n\n\r\n".to_vec(),
            ImportOptions::default(),
            ImportError::NoHeader,
        ),
        (
            "empty names",
            b" , ,\n1,2,3\n".to_vec(),
            ImportOptions::default(),
            ImportError::NoHeader,
        ),
        (
            "no score column",
            b"response_id,q1,q2\nx,yes,hello\n".to_vec(),
            ImportOptions::default(),
            ImportError::NotResponsesFile,
        ),
        (
            "prose, not CSV",
            b"Dear colleague,\nplease find attached.\n".to_vec(),
            ImportOptions::default(),
            ImportError::NotResponsesFile,
        ),
        (
            "binary",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe".to_vec(),
            ImportOptions::default(),
            ImportError::NotUtf8 { line: 1 },
        ),
        (
            "not UTF-8 on line 3",
            not_utf8,
            ImportOptions::default(),
            ImportError::NotUtf8 { line: 3 },
        ),
        (
            "latin-1 header",
            b"q13_pl\xe4ces\n".to_vec(),
            ImportOptions::default(),
            ImportError::NotUtf8 { line: 1 },
        ),
        (
            "larger than the limit",
            long.into_bytes(),
            small,
            ImportError::TooLarge { limit: 100 },
        ),
        (
            "declared larger than the limit",
            format!("{HEADER}\n").into_bytes(),
            declared,
            ImportError::TooLarge {
                limit: MAX_IMPORT_BYTES,
            },
        ),
        (
            "duplicate column",
            b"q13_places,Q13_Places \n1,2\n".to_vec(),
            ImportOptions::default(),
            ImportError::DuplicateColumn {
                column: "q13_places".into(),
                first: 1,
                second: 2,
            },
        ),
    ];
    for (case, bytes, options, expected) in table {
        assert_eq!(import_err(&bytes, options), expected, "{case}");
        assert!(!expected.to_string().is_empty());
    }
}

#[test]
fn refusal_messages_tell_what_to_do() {
    assert!(ImportError::NotUtf8 { line: 3 }
        .to_string()
        .contains("CSV UTF-8"));
    assert!(ImportError::NotResponsesFile.to_string().contains("q13_"));
    assert!(ImportError::TooLarge {
        limit: MAX_IMPORT_BYTES
    }
    .to_string()
    .contains("67 MB"));
}

/// Generates a responses file of at least `len` bytes without holding it in memory.
struct Generated {
    header: Vec<u8>,
    row: Vec<u8>,
    remaining: usize,
    pos: usize,
    in_header: bool,
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let source = if self.in_header {
            &self.header
        } else {
            &self.row
        };
        if !self.in_header && self.remaining == 0 {
            return Ok(0);
        }
        let n = (source.len() - self.pos).min(buf.len());
        buf[..n].copy_from_slice(&source[self.pos..self.pos + n]);
        self.pos += n;
        if self.pos == source.len() {
            self.pos = 0;
            if self.in_header {
                self.in_header = false;
            } else {
                self.remaining -= 1;
            }
        }
        Ok(n)
    }
}

#[test]
fn a_file_of_51_mb_is_accepted() {
    // Wide rows (a long q2) keep the row count, and so the debug-build run time, small.
    let header = b"q1,q2,q13_places,q14_places,q16\r\n".to_vec();
    let row = format!("yes,{},3,1,public\r\n", "a".repeat(1900)).into_bytes();
    let rows = 51_000_000 / row.len() + 1;
    let source = Generated {
        header,
        row,
        remaining: rows,
        pos: 0,
        in_header: true,
    };
    let mut importer = CsvImporter::new(source, ImportOptions::default()).unwrap();
    let mut n = 0u64;
    while !importer.is_finished() {
        n += importer.next_batch(50_000).unwrap().len() as u64;
    }
    assert_eq!(n, rows as u64);
    assert!(importer.progress().bytes_read > 51_000_000);
    assert_eq!(importer.summary().assigned_ids, rows as u64);
}

#[test]
fn header_is_matched_by_name_trimmed_case_insensitively_in_any_order() {
    let text = "\u{feff} Q16 ,q14_PLACES,Response_ID,q13_places,Colour,\r\npublic,1,a,3,red,x\r\n";
    let import = import(text);
    assert_eq!(
        import.summary.unknown_columns,
        ["Colour", "(column 6 has no name)"]
    );
    let r = &import.responses[0];
    assert_eq!(r.id, "a");
    assert_eq!(r.answers().q16(), Some(Sector::Public));
    assert_eq!(
        r.answers().prevalence(Factor::Places),
        Some(Extent::ALittle)
    );
}

#[test]
fn labels_are_accepted_in_place_of_codes() {
    // (column, cell, expected stored codes)
    let table: &[(&str, &str, &str)] = &[
        ("q1", "Yes", "yes"),
        ("q1", " NO ", "no"),
        ("q4", "5 or more", "5plus"),
        (
            "q5",
            "middle management (e.g. service coordinators)",
            "middle",
        ),
        ("q6", "Too early to say", "too_early"),
        ("q7", "Minor importance", "minor"),
        (
            "q9",
            "My organisation working alone achieves better outcomes",
            "alone_better",
        ),
        ("q10", "inform (told of what is planned)", "inform"),
        ("q10", "Not applicable", "na"),
        ("q11", "A little", "1"),
        ("q13_markets", "not at all", "0"),
        ("q13_markets", "NOT APPLICABLE", "na"),
        ("q14_urgency", " Somewhat ", "2"),
        ("q15", "Deputy Chief Executive", "deputy_chief_executive"),
        ("q16", "third sector", "third"),
        ("q17", "Education; Housing;", "education;housing"),
        ("q17", "housing;education;housing", "education;housing"),
        (
            "q18",
            " Yorkshire and The Humber ;Wales",
            "wales;yorkshire_humber",
        ),
        ("q3", "GP practice;CCG", "gp_practice;ccg"),
    ];
    for (column, cell, expected) in table {
        let text = format!("response_id,{column},q13_places\nr,\"{cell}\",1\n");
        let import = import(&text);
        assert_eq!(import.summary.rejected, vec![], "{column} {cell:?}");
        let field = Field::from_column(column).unwrap();
        let exported = String::from_utf8(export_csv_bytes(&import.responses)).unwrap();
        let row = exported.lines().nth(1).unwrap();
        let index = export_header()
            .iter()
            .position(|h| *h == field.column())
            .unwrap();
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells[index], *expected, "{column} {cell:?}");
    }
}

#[test]
fn row_rejections() {
    // (row after the header `HEADER`, column, reason)
    let table: &[(&str, Option<&str>, &str)] = &[
        (
            "a,yes,,6,3,3,public,",
            Some("q4"),
            "“6” is not an answer to q4 (“How many organisations were involved in this programme of…”): use one of: 2, 3, 4, 5plus",
        ),
        (
            "a,maybe,,,3,3,public,",
            Some("q1"),
            "“maybe” is not an answer to q1",
        ),
        (
            "a,yes,,,3,three,public,",
            Some("q14_places"),
            "“three” is not an answer to q14_places",
        ),
        (
            "a,yes,,,3,3,public,housing;moon",
            Some("q17"),
            "“moon” is not an answer to q17",
        ),
        (
            "a,no,text,,3,3,public,",
            Some("q2"),
            "answered although q1 is No, which skips q2 (“Please briefly describe the project or programme of work.”)",
        ),
        (
            "a,no,,4,3,3,public,",
            Some("q4"),
            "answered although q1 is No",
        ),
        (
            "a,yes,,,3,3,public",
            None,
            "7 fields where the header has 8",
        ),
        (
            "a,yes,,,3,3,public,,extra",
            None,
            "9 fields where the header has 8",
        ),
        (",,,,,,,", None, "the row is empty"),
        (" , ,,,,,,", None, "the row is empty"),
    ];
    for (row, column, reason) in table {
        let import = import(&format!("{HEADER}\n{row}\n"));
        assert!(import.responses.is_empty(), "{row}");
        let rejected = &import.summary.rejected[0];
        assert_eq!(rejected.line, 2);
        assert_eq!(rejected.problems[0].column.as_deref(), *column, "{row}");
        let got = rejected.problems[0].reason.to_string();
        assert!(got.starts_with(reason), "{row}: {got}");
        assert!(!got.contains('`'), "{row}: {got}");
    }
    // Too long text, bad dates and other instruments.
    let long = "x".repeat(2001);
    let table: Vec<(String, String, &str)> = vec![
        (
            "response_id,q2,q13_places".into(),
            format!("a,{long},1"),
            "the text is 2001 characters long; at most 2000 are allowed",
        ),
        (
            "response_id,submitted_at,q13_places".into(),
            "a,10/01/2026,1".into(),
            "“10/01/2026” is not a date in the form 2026-01-10 or a date and time in the form 2026-01-10T09:00:00Z",
        ),
        (
            "response_id,instrument,q13_places".into(),
            "a,state-of-collaboration/7,1".into(),
            "the answers were given to another version of the questionnaire (state-of-collaboration/7); this app reads state-of-collaboration/1",
        ),
    ];
    for (header, row, reason) in table {
        let import = import(&format!("{header}\n{row}\n"));
        assert!(import.responses.is_empty());
        assert_eq!(
            import.summary.rejected[0].problems[0].reason.to_string(),
            reason
        );
    }
    // Exactly 2,000 characters (not bytes) is fine.
    let ok = import(&format!(
        "response_id,q2,q13_places\na,{},1\n",
        "é".repeat(2000)
    ));
    assert_eq!(ok.responses.len(), 1);
}

#[test]
fn incomplete_rows_are_imported() {
    let import = import(&format!("{HEADER}\na,,,,,1,,\n"));
    assert_eq!(import.responses.len(), 1);
    assert!(!import.responses[0].is_complete());
}

#[test]
fn duplicates_within_the_file_and_against_the_group() {
    let text = format!("{HEADER}\nx,yes,,,1,1,public,\ny,yes,,,1,1,public,\nx,yes,,,2,2,public,\nz,yes,,,1,1,public,\n");
    let options = ImportOptions::default().with_existing_ids(["z".to_string()]);
    let import = import_csv(text.as_bytes(), options).unwrap();
    let ids: Vec<&str> = import.responses.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["x", "y"]);
    assert_eq!(import.summary.duplicate_count, 2);
    let reasons: Vec<(u64, String)> = import
        .summary
        .duplicates()
        .map(|r| (r.line, r.problems[0].reason.to_string()))
        .collect();
    assert_eq!(
        reasons,
        [
            (4, "duplicate of line 2".to_string()),
            (5, "already in the group".to_string())
        ]
    );
    // The first of the duplicates is the one kept.
    assert_eq!(
        import.responses[0].answers().importance(Factor::Places),
        Some(Extent::ALittle)
    );
}

#[test]
fn rows_without_ids_get_stable_ids() {
    let text = "q1,q13_places\nyes,1\nno,2\n,\nyes,1\n";
    let first = import(text);
    assert_eq!(first.summary.assigned_ids, 3);
    let ids: Vec<String> = first.responses.iter().map(|r| r.id.clone()).collect();
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 3, "{ids:?}");
    // Importing the same file into the group again: every row is a duplicate.
    let again = import_csv(
        text.as_bytes(),
        ImportOptions::default().with_existing_ids(ids.iter().cloned()),
    )
    .unwrap();
    assert!(again.responses.is_empty());
    assert_eq!(again.summary.duplicate_count, 3);
    assert_eq!(again.summary.assigned_ids, 0);
    assert!(
        again
            .summary
            .rejected
            .iter()
            .any(|r| r.line == 4 && r.problems[0].reason == RejectReason::EmptyRow),
        "the empty row is reported too"
    );
}

#[test]
fn streaming_in_batches_reports_progress() {
    let mut text = format!("{HEADER}\n");
    for i in 0..10 {
        text.push_str(&format!(
            "r{i},yes,,,{},1,public,\n",
            if i == 4 { "9" } else { "2" }
        ));
    }
    let mut importer = CsvImporter::new(text.as_bytes(), ImportOptions::default()).unwrap();
    let mut batches = Vec::new();
    while !importer.is_finished() {
        batches.push(importer.next_batch(3).unwrap().len());
    }
    assert_eq!(batches, [3, 2, 3, 1]);
    let progress = importer.progress();
    assert_eq!(
        (progress.rows_read, progress.imported, progress.rejected),
        (10, 9, 1)
    );
    assert_eq!(progress.bytes_read, text.len() as u64);
    let summary = importer.finish().unwrap();
    assert_eq!(summary.rejected[0].line, 6);
}

#[test]
fn rejected_rows_listed_up_to_a_cap_and_counted_beyond() {
    let text = format!("{HEADER}\n{}", "a,maybe,,,1,1,,\n".repeat(20));
    let options = ImportOptions {
        max_listed_rejections: 5,
        ..ImportOptions::default()
    };
    let summary = import_csv(text.as_bytes(), options).unwrap().summary;
    assert_eq!(summary.rejected.len(), 5);
    assert_eq!(summary.rejected_count, 20);
    assert_eq!(summary.unlisted_rejections(), 15);
}

#[test]
fn export_is_utf8_with_bom_crlf_and_guarded() {
    let mut r = complete_response("-1", |_| ("2", "1"));
    r.set_text(Field::Q8, "@home\r\nand +more").unwrap();
    r.set_text(Field::Q3Other, "'=not a formula").unwrap();
    let bytes = export_csv_bytes([&r]);
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let header_line = text.split("\r\n").next().unwrap();
    assert_eq!(header_line, export_header().join(","));
    assert!(header_line.ends_with(",q18,instrument"));
    assert!(text.ends_with(",state-of-collaboration/1\r\n"));
    assert!(text.contains("\r\n'-1,"), "the id is guarded too: {text}");
    assert!(text.contains("\"'@home\r\nand +more\""));
    assert!(text.contains(",''=not a formula,"));
    let back = import_csv(&bytes[..], ImportOptions::default()).unwrap();
    assert_eq!(back.responses, vec![r]);
}

#[test]
fn export_leaves_out_answers_hidden_by_the_branch() {
    let mut r = complete_response("r", |_| ("2", "1"));
    r.choose(Field::Q1, "no").unwrap();
    let back = import_csv(&export_csv_bytes([&r])[..], ImportOptions::default()).unwrap();
    assert_eq!(
        back.summary.rejected,
        vec![],
        "an export never contradicts its own branch"
    );
    assert_eq!(back.responses[0], r.without_hidden_answers());
}

#[test]
fn group_40_round_trips_and_gives_the_same_report() {
    let first = import_csv(&fixture_bytes("group-40.csv")[..], ImportOptions::default()).unwrap();
    let exported = export_csv_bytes(&first.responses);
    let second = import_csv(&exported[..], ImportOptions::default()).unwrap();
    assert_eq!(second.responses, first.responses);
    assert_eq!(export_csv_bytes(&second.responses), exported);
    assert_eq!(
        GroupReport::from_responses(&second.responses, GroupOptions::default()),
        GroupReport::from_responses(&first.responses, GroupOptions::default())
    );
}

#[test]
fn importer_yields_responses_carrying_the_instrument_version() {
    let r: Vec<Response> = import(&format!("{HEADER}\na,yes,,,1,1,,\n")).responses;
    assert!(r[0].instrument_version.is_current());
    assert_eq!(
        r[0].answers()
            .rating(Measure::Importance, Factor::Places)
            .map(|e| e.code()),
        Some("1")
    );
}
