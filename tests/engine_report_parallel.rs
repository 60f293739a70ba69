//! The report read on several threads (`engine::report::report_csv_parallel`) against the reference
//! read on one (`report_csv`): the same JSON, byte for byte, for the fixtures, for a generated file of
//! 200,000 rows with bad rows, duplicates and line breaks inside quotes, and for random files cut at
//! random places; rejected rows keep their physical line numbers wherever the chunks are cut.
//! The browser's import of a whole file (`engine::file_import`), which reads chunks the same way on
//! one thread, is held to the same promise against the streaming importer on the same files.

mod engine_support;

use std::io::{self, Cursor};

use collaboration_readiness::engine::aggregate::{GroupOptions, ResponseFilter};
use collaboration_readiness::engine::csv_format::{
    export_header, CsvImporter, ImportOptions, ImportSummary,
};
use collaboration_readiness::engine::file_import::FileImporter;
use collaboration_readiness::engine::instrument::{Field, FieldKind, Sector, ShowWhen};
use collaboration_readiness::engine::report::{
    report_csv, report_csv_parallel, CsvReport, Parallelism,
};
use collaboration_readiness::engine::{ImportError, Response};
use engine_support::fixture_bytes;
use proptest::prelude::*;

/// Both readings of `bytes` as JSON (or the refusal).
fn both(
    bytes: &[u8],
    import: &ImportOptions,
    group: &GroupOptions,
    parallelism: Parallelism,
) -> (String, String) {
    let json = |r: Result<CsvReport, ImportError>| match r {
        Ok(report) => serde_json::to_string(&report).unwrap(),
        Err(e) => format!("refused: {e:?}"),
    };
    let one = json(report_csv(bytes, import.clone(), group.clone()));
    let many = json(report_csv_parallel(
        || Ok::<_, io::Error>(Cursor::new(bytes)),
        import.clone(),
        group.clone(),
        parallelism,
    ));
    (one, many)
}

/// The responses imported from `bytes` and the import's summary as JSON (or the refusal): by the
/// streaming importer alone, and by the import of the whole file read in steps of `step_bytes`.
fn both_imports(bytes: &[u8], import: &ImportOptions, step_bytes: usize) -> (String, String) {
    let json = |r: Result<(Vec<Response>, ImportSummary), ImportError>| match r {
        Ok(read) => serde_json::to_string(&read).unwrap(),
        Err(e) => format!("refused: {e:?}"),
    };
    let alone = (|| {
        let mut importer = CsvImporter::new(bytes, import.clone())?;
        let responses = importer.by_ref().collect::<Result<Vec<_>, _>>()?;
        Ok((responses, importer.summary().clone()))
    })();
    let whole = (|| {
        let mut importer = FileImporter::new(|| bytes, import.clone(), step_bytes)?;
        while !importer.is_finished() {
            importer.step()?;
        }
        Ok(importer.finish())
    })();
    (json(alone), json(whole))
}

fn assert_same(bytes: &[u8], import: &ImportOptions, group: &GroupOptions, label: &str) {
    for step_bytes in [1, 7, 100, 1000, 64 * 1024] {
        let (alone, whole) = both_imports(bytes, import, step_bytes);
        assert_eq!(
            alone, whole,
            "{label}: the whole file's import in steps of {step_bytes}"
        );
    }
    for threads in [1, 2, 3] {
        for chunk_bytes in [1, 7, 100, 1000, 64 * 1024, 1 << 20] {
            let (one, many) = both(
                bytes,
                import,
                group,
                Parallelism {
                    threads,
                    chunk_bytes,
                },
            );
            assert_eq!(
                one, many,
                "{label}: {threads} threads, chunks of {chunk_bytes}"
            );
        }
    }
}

fn report(bytes: &[u8], import: ImportOptions, parallelism: Parallelism) -> CsvReport {
    report_csv_parallel(
        || Ok::<_, io::Error>(Cursor::new(bytes)),
        import,
        GroupOptions::default(),
        parallelism,
    )
    .unwrap()
}

#[test]
fn fixtures_give_the_same_json() {
    for name in ["group-40.csv", "bad-rows.csv"] {
        let bytes = fixture_bytes(name);
        assert_same(
            &bytes,
            &ImportOptions::default(),
            &GroupOptions::default(),
            name,
        );
        // With ids already in the group, a filter and a larger minimum group size too.
        let import = ImportOptions::default().with_existing_ids([
            "ok-2".to_string(),
            "r01".to_string(),
            "r17".to_string(),
        ]);
        let group = GroupOptions::default()
            .with_min_group_size(7)
            .with_filter(ResponseFilter {
                sector: Some(Sector::Public),
                ..ResponseFilter::default()
            });
        assert_same(&bytes, &import, &group, name);
        // Few rejected rows listed: the list is cut at the same row.
        let import = ImportOptions {
            max_listed_rejections: 2,
            ..ImportOptions::default()
        };
        assert_same(&bytes, &import, &GroupOptions::default(), name);
    }
}

/// The reference's lines for the bad-rows fixture (`tests/fixtures/expected-bad-rows.md`), however
/// the file is cut.
#[test]
fn rejected_rows_keep_their_lines() {
    let bytes = fixture_bytes("bad-rows.csv");
    for chunk_bytes in [1, 50, 333, 1 << 20] {
        let read = report(
            &bytes,
            ImportOptions::default(),
            Parallelism {
                threads: 2,
                chunk_bytes,
            },
        );
        let lines: Vec<(u64, Option<&str>)> = read
            .summary
            .rejected
            .iter()
            .map(|r| (r.line, r.response_id.as_deref()))
            .collect();
        assert_eq!(
            lines,
            [
                (5, Some("bad-code")),
                (6, Some("bad-branch")),
                (7, Some("ok-1")),
                (9, Some("bad-multi")),
                (10, Some("short-row")),
            ],
            "chunks of {chunk_bytes}"
        );
        assert_eq!(read.summary.imported, 3);
        assert_eq!(read.summary.duplicate_count, 1);
    }
}

#[path = "../examples/support/rng.rs"]
mod rng;
use rng::Rng;

/// A CSV cell as a person or another tool may write it: quoted when it has to be, sometimes when
/// it need not be.
fn cell(rng: &mut Rng, text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) || rng.chance(2) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The cells after the id of one generated row, joined: mostly valid (codes, and now and then
/// labels, spaces or another letter case), with line breaks inside quoted text, and now and then a
/// problem of each kind.
fn row_body(rng: &mut Rng, header: &[&str], fields: &[Option<(Field, FieldKind)>]) -> String {
    const TEXTS: [&str; 6] = [
        "Shared hub",
        "A \"quoted\" project",
        "Line one\nline two",
        "Line one\r\nline two\r\n\r\nthree",
        "=SUM(A1:A9)",
        "Café, naïve ☕",
    ];
    let yes = rng.chance(85);
    let mut cells = Vec::with_capacity(header.len());
    for (name, field) in header.iter().zip(fields).skip(1) {
        let value = match (*name, field) {
            ("submitted_at", _) => match rng.below(200) {
                0 => "yesterday".to_string(),
                1 => String::new(),
                _ => format!(
                    "2026-{:02}-{:02}T09:00:00Z",
                    1 + rng.below(12),
                    1 + rng.below(28)
                ),
            },
            (_, None) => match rng.below(300) {
                0 => "other-survey/2".to_string(),
                1 => String::new(),
                _ => "state-of-collaboration/1".to_string(),
            },
            (_, Some((Field::Q1, _))) => if yes { "yes" } else { "no" }.to_string(),
            (_, Some((field, _)))
                if !yes && field.shown_when() == ShowWhen::UnlessNoExample && !rng.chance(1) =>
            {
                String::new()
            }
            (_, Some((_, FieldKind::Text { .. }))) if rng.chance(30) => {
                TEXTS[rng.below(TEXTS.len())].to_string()
            }
            (_, Some((_, FieldKind::Text { .. }))) => String::new(),
            (_, Some((_, FieldKind::Multiple(options)))) => {
                let a = options[rng.below(options.len())].code;
                let b = options[rng.below(options.len())].code;
                match rng.below(50) {
                    0 => format!("{a}; {b}"),
                    1 => format!("{a};nonsense"),
                    2 => format!("{a};"),
                    _ => format!("{a};{b}"),
                }
            }
            (_, Some((_, kind))) => {
                let options = kind.options();
                let o = options[rng.below(options.len())];
                match rng.below(1000) {
                    0..=9 => o.label.to_string(),
                    10..=19 => format!(" {} ", o.code),
                    20..=29 => o.code.to_uppercase(),
                    30 => "7".to_string(),
                    31..=50 => String::new(),
                    _ => o.code.to_string(),
                }
            }
        };
        cells.push(cell(rng, &value));
    }
    match rng.below(100) {
        0 => cells.truncate(3),
        1 => cells.push("extra".to_string()),
        2 => cells.iter_mut().for_each(String::clear),
        _ => {}
    }
    cells.join(",")
}

/// `rows` generated rows: the bodies of a few thousand generated rows (see [`row_body`]), each
/// behind an id (now and then none, one seen before, or one with spaces around it), with CRLF and
/// LF line ends and now and then a blank line.
fn generated(rows: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed);
    let header = export_header();
    let fields: Vec<Option<(Field, FieldKind)>> = header
        .iter()
        .map(|c| Field::from_column(c).map(|f| (f, f.kind())))
        .collect();
    let bodies: Vec<String> = (0..rows.min(3000))
        .map(|_| row_body(&mut rng, &header, &fields))
        .collect();
    let mut out = String::new();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for i in 0..rows {
        match rng.below(100) {
            0 => {}
            1 if i > 0 => out.push_str(&format!("r{:06}", rng.below(i))),
            2 => out.push_str(&format!("\"  r{i:06} \"")),
            _ => out.push_str(&format!("r{i:06}")),
        }
        out.push(',');
        out.push_str(&bodies[rng.below(bodies.len())]);
        out.push_str(if rng.chance(50) { "\r\n" } else { "\n" });
        if rng.chance(1) {
            out.push_str("\r\n");
        }
    }
    out.into_bytes()
}

/// The reference's JSON for a generated file, against the parallel reading with `configurations`.
fn generated_file_gives_the_same_json(rows: usize, configurations: &[(usize, usize)]) {
    let bytes = generated(rows, 2018);
    // Natively there is no need for the app's size limit (a million rows are far over it).
    let import = ImportOptions {
        max_bytes: u64::MAX,
        ..ImportOptions::default()
    };
    let one = report_csv(&bytes[..], import.clone(), GroupOptions::default()).unwrap();
    // The file exercises what it is meant to.
    let s = &one.summary;
    let share = |n: u64| n as f64 / rows as f64;
    assert!(
        share(s.duplicate_count) > 0.003,
        "{} duplicates",
        s.duplicate_count
    );
    assert!(
        share(s.rejected_count) > 0.03,
        "{} rejected",
        s.rejected_count
    );
    assert!(share(s.assigned_ids) > 0.005, "{} assigned", s.assigned_ids);
    assert!(share(s.imported) > 0.85, "{} imported", s.imported);
    let one = serde_json::to_string(&one).unwrap();
    let (alone, whole) = both_imports(&bytes, &import, 64 * 1024);
    assert_eq!(alone, whole, "the whole file's import");
    for &(threads, chunk_bytes) in configurations {
        let many = report(
            &bytes,
            import.clone(),
            Parallelism {
                threads,
                chunk_bytes,
            },
        );
        assert_eq!(
            one,
            serde_json::to_string(&many).unwrap(),
            "{threads} threads, chunks of {chunk_bytes}"
        );
    }
}

#[test]
fn a_generated_file_of_200_000_rows_gives_the_same_json() {
    generated_file_gives_the_same_json(200_000, &[(2, 1 << 20), (3, 4096)]);
}

/// A minute or more in a debug build: `cargo test --release --test engine_report_parallel -- --ignored`.
#[test]
#[ignore]
fn a_generated_file_of_a_million_rows_gives_the_same_json() {
    generated_file_gives_the_same_json(1_000_000, &[(2, 1 << 20), (4, 64 * 1024)]);
}

#[test]
fn files_out_of_the_ordinary_give_the_same_answer() {
    let good = generated(300, 7);
    let mut cases: Vec<(&str, Vec<u8>, ImportOptions)> = Vec::new();
    let mut bad_utf8 = good.clone();
    let at = bad_utf8.len() * 2 / 3;
    bad_utf8.insert(at, 0xFF);
    cases.push((
        "not UTF-8 two thirds in",
        bad_utf8,
        ImportOptions::default(),
    ));
    let mut nul = good.clone();
    nul.insert(good.len() / 2, 0);
    cases.push(("a NUL byte", nul, ImportOptions::default()));
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(&good);
    cases.push(("a byte-order mark", bom, ImportOptions::default()));
    let text = String::from_utf8(good.clone()).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    cases.push(("UTF-16", utf16, ImportOptions::default()));
    let small = ImportOptions {
        max_bytes: good.len() as u64 / 2,
        ..ImportOptions::default()
    };
    cases.push((
        "larger than the limit, size not declared",
        good.clone(),
        small,
    ));
    let declared = ImportOptions {
        max_bytes: 1000,
        declared_len: Some(good.len() as u64),
        ..ImportOptions::default()
    };
    cases.push((
        "larger than the limit, size declared",
        good.clone(),
        declared,
    ));
    cases.push((
        "only a header",
        export_header().join(",").into_bytes(),
        ImportOptions::default(),
    ));
    cases.push(("empty", Vec::new(), ImportOptions::default()));
    cases.push((
        "not a responses file",
        b"a,b\n1,2\n".to_vec(),
        ImportOptions::default(),
    ));
    // Another tool's column order: the id last, no instrument column, an extra column first.
    let mut reordered = Vec::new();
    {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&good[..]);
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(&mut reordered);
        for (i, record) in reader.records().enumerate() {
            let record = record.unwrap();
            let mut cells: Vec<&str> = record.iter().collect();
            // The generator writes the instrument last and the id first.
            if cells.len() == export_header().len() {
                cells.pop();
            }
            if !cells.is_empty() {
                let id = cells.remove(0);
                cells.push(id);
            }
            let extra = if i == 0 { "notes" } else { "x" };
            cells.insert(0, extra);
            writer.write_record(&cells).unwrap();
        }
    }
    let read = report_csv(
        &reordered[..],
        ImportOptions::default(),
        GroupOptions::default(),
    )
    .unwrap();
    assert!(read.summary.imported > 250, "{:?}", read.summary.imported);
    assert_eq!(read.summary.unknown_columns, ["notes"]);
    cases.push(("another column order", reordered, ImportOptions::default()));
    let mut open_quote = good.clone();
    open_quote.extend_from_slice(b"\"r-open,2026-01-01,yes\n,,,\n");
    cases.push((
        "a quote left open at the end",
        open_quote,
        ImportOptions::default(),
    ));
    for (label, bytes, import) in cases {
        assert_same(&bytes, &import, &GroupOptions::default(), label);
    }
}

#[test]
fn duplicates_across_chunks_point_to_the_first_line() {
    let header = export_header().join(",");
    let row = |id: &str| {
        let mut cells = vec![id.to_string()];
        cells.extend(export_header().iter().skip(1).map(|c| match *c {
            "q1" => "no".to_string(),
            "q13_places" => "2".to_string(),
            _ => String::new(),
        }));
        cells.join(",")
    };
    let csv = [
        header,
        row("a"),
        row("b"),
        "\"quoted\nnewline\",".to_string() + &row("x")[2..],
        row("a"),
        row(" b "),
        String::new(),
        row("a"),
        row("in-group"),
    ]
    .join("\n");
    let import = ImportOptions::default().with_existing_ids(["in-group".to_string()]);
    for chunk_bytes in [1, 90, 200, 1 << 20] {
        let read = report(
            csv.as_bytes(),
            import.clone(),
            Parallelism {
                threads: 2,
                chunk_bytes,
            },
        );
        let rejected: Vec<(u64, String)> = read
            .summary
            .rejected
            .iter()
            .map(|r| (r.line, r.problems[0].reason.to_string()))
            .collect();
        assert_eq!(
            rejected.iter().map(|(line, _)| *line).collect::<Vec<_>>(),
            [6, 7, 9, 10],
            "chunks of {chunk_bytes}: {rejected:?}"
        );
        assert_eq!(rejected[0].1, "duplicate of line 2");
        assert_eq!(rejected[1].1, "duplicate of line 3");
        assert_eq!(rejected[2].1, "duplicate of line 2");
        assert_ne!(rejected[3].1, rejected[0].1, "already in the group");
        assert_eq!(read.summary.imported, 3);
        assert_eq!(read.summary.duplicate_count, 4);
        assert_eq!(read.report.n_responses, 3);
        let (one, many) = both(
            csv.as_bytes(),
            &import,
            &GroupOptions::default(),
            Parallelism {
                threads: 2,
                chunk_bytes,
            },
        );
        assert_eq!(one, many);
        let (alone, whole) = both_imports(csv.as_bytes(), &import, chunk_bytes);
        assert_eq!(
            alone, whole,
            "the whole file's import in steps of {chunk_bytes}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Random files of awkward rows, cut into random chunk sizes, read on one to three threads.
    #[test]
    fn random_files_cut_anywhere_give_the_same_json(
        seed in any::<u64>(),
        rows in 0usize..60,
        chunk_bytes in 1usize..2000,
        threads in 1usize..4,
    ) {
        let bytes = generated(rows, seed);
        let (one, many) = both(
            &bytes,
            &ImportOptions::default(),
            &GroupOptions::default(),
            Parallelism { threads, chunk_bytes },
        );
        prop_assert_eq!(one, many);
        let (alone, whole) = both_imports(&bytes, &ImportOptions::default(), chunk_bytes);
        prop_assert_eq!(alone, whole);
    }
}
