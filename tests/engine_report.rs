//! The native report command (`examples/report.rs`, issue 15 items 12 and 13): its logic is called
//! here directly, with writers that fail as a closed pipe and a full disk do, and the built command is
//! run once with a closed pipe and once with `/dev/full` as its stdout, and with a missing file and a
//! directory. Its `--help` describes every option and exit status.

mod engine_support;

#[path = "../examples/report.rs"]
#[allow(dead_code)]
mod report;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use engine_support::fixture;

/// A CSV file in a temporary directory, removed when dropped.
struct TempCsv(PathBuf);

impl TempCsv {
    fn new(name: &str, content: &[u8]) -> TempCsv {
        let dir = std::env::temp_dir().join(format!("engine-report-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        TempCsv(path)
    }

    fn path(&self) -> String {
        self.0.to_string_lossy().into_owned()
    }
}

impl Drop for TempCsv {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs the command's logic: (status, stdout, stderr).
fn run(args: &[&str]) -> (u8, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let status = report::run(args.iter().map(|a| a.to_string()), &mut out, &mut err);
    (
        status,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// A writer that fails every write with `kind`, as a closed pipe or a full disk does.
struct Failing(io::ErrorKind);

impl Write for Failing {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::from(self.0))
    }

    fn flush(&mut self) -> io::Result<()> {
        Err(io::Error::from(self.0))
    }
}

fn group_40() -> String {
    fixture("group-40.csv").to_string_lossy().into_owned()
}

#[test]
fn defect_12_echoed_ids_and_values_are_escaped_and_cut() {
    let huge = "7".repeat(200_000);
    let mut csv = String::from("response_id,q4,q13_places\n");
    csv.push_str("\"evil\u{1b}[2J\nline 99 (ok-1): forged\",3,9\n");
    csv.push_str(&format!("long,{huge},3\n"));
    csv.push_str("ok,3,3\n");
    let file = TempCsv::new("hostile.csv", csv.as_bytes());
    let (status, _, err) = run(&[&file.path()]);
    assert_eq!(status, 0, "{err}");
    assert!(
        !err.chars().any(|c| c.is_control() && c != '\n'),
        "a control character reached stderr: {err:?}"
    );
    // Three lines: the summary and the two rejected rows; nothing forged.
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[1].starts_with(
            "  line 2 (evil\\u{1b}[2J\\nline 99 (ok-1): forged): q13_places = \"9\": "
        ),
        "{}",
        lines[1]
    );
    assert!(!err.contains("\nline 99"), "{err}");
    // The 200,000-character value is cut to 80 characters and "…", in the value and in the reason.
    let cut = format!("\"{}\u{2026}\"", "7".repeat(80));
    assert!(lines[2].contains(&format!("q4 = {cut}")), "{}", lines[2]);
    assert!(
        lines[2].chars().count() < 600,
        "{} characters",
        lines[2].len()
    );
    assert!(!err.contains(&"7".repeat(81)));
}

#[test]
fn defect_13_a_closed_pipe_ends_quietly_and_a_full_disk_says_so_in_one_line() {
    let args = [group_40()];
    let mut err = Vec::new();
    let status = report::run(
        args.clone(),
        &mut Failing(io::ErrorKind::BrokenPipe),
        &mut err,
    );
    assert_eq!(status, report::PIPE_CLOSED);
    let err = String::from_utf8(err).unwrap();
    assert_eq!(err.lines().count(), 1, "only the import summary: {err}");
    assert!(err.starts_with("imported 40 of 40 rows"), "{err}");

    let mut err = Vec::new();
    let status = report::run(args, &mut Failing(io::ErrorKind::StorageFull), &mut err);
    assert_eq!(status, report::WRITE_FAILED);
    let err = String::from_utf8(err).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[1].starts_with("the report could not be written: "),
        "{err}"
    );
    // And a failing stderr is no reason to panic either.
    let status = report::run(
        [group_40()],
        &mut Vec::new(),
        &mut Failing(io::ErrorKind::BrokenPipe),
    );
    assert_eq!(status, 0);
}

#[test]
fn defect_13_every_row_rejected_exits_non_zero() {
    let file = TempCsv::new(
        "all-bad.csv",
        b"response_id,q4,q13_places\na,7,3\nb,3,9\n,,\n",
    );
    let (status, out, err) = run(&[&file.path()]);
    assert_eq!(status, report::REFUSED, "{err}");
    assert_eq!(out, "", "no report of nothing");
    assert!(
        err.lines()
            .last()
            .unwrap()
            .contains("every one of the 3 rows was rejected"),
        "{err}"
    );
    // A file with some rows imported still reports, with status 0.
    let (status, out, _) = run(&[&fixture("bad-rows.csv").to_string_lossy()]);
    assert_eq!(status, 0);
    assert!(out.contains("\"n_responses\": 3"), "{out}");
}

#[test]
fn defect_13_min_group_size_below_the_floor_is_refused() {
    let path = group_40();
    for n in ["0", "1", "4"] {
        let (status, out, err) = run(&[&path, "--min-group-size", n]);
        assert_eq!(status, report::USAGE_ERROR, "{n}");
        assert_eq!(out, "");
        assert!(err.contains(&format!("cannot be {n}")), "{n}: {err}");
        assert!(err.contains("at least 5"), "{n}: {err}");
    }
    for n in ["5", "12"] {
        let (status, out, _) = run(&[&path, "--min-group-size", n]);
        assert_eq!(status, 0, "{n}");
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(report["min_group_size"], n.parse::<u64>().unwrap(), "{n}");
    }
}

/// The example, built as `cargo build --example report` builds it (a no-op when `cargo test` has
/// built it already).
fn report_binary() -> PathBuf {
    let output = Command::new(env!("CARGO"))
        .args([
            "build",
            "--quiet",
            "--example",
            "report",
            "--message-format=json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stderr(Stdio::inherit())
        .output()
        .expect("cargo runs");
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["target"]["name"] == "report")
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .expect("cargo names the example's executable")
}

#[test]
fn defect_13_the_built_command_does_not_panic_on_a_closed_pipe_or_a_full_disk() {
    let binary = report_binary();
    // `report F | true`: the reader is gone before the report is written (closed before the command
    // starts, so that it cannot win the race however the machine schedules it).
    let (reader, writer) = io::pipe().unwrap();
    drop(reader);
    let output = Command::new(&binary)
        .arg(group_40())
        .stdout(writer)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(i32::from(report::PIPE_CLOSED)),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    // `report F > /dev/full`.
    if Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = Command::new(&binary)
            .arg(group_40())
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(i32::from(report::WRITE_FAILED)),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        let last = stderr.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("the report could not be written: No space left on device"),
            "{stderr}"
        );
    }
}

#[test]
fn defect_07_the_report_command_gives_the_line_an_unterminated_quote_starts_on() {
    let file = TempCsv::new(
        "open-quote.csv",
        b"response_id,q2,q1,q13_places\rok,,yes,3\rid1,,yes,\"AAA\rid2,,no\r",
    );
    let (status, _, err) = run(&[&file.path()]);
    assert_eq!(status, 0, "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[1].starts_with("  line 3 (id1): q13_places = "),
        "{err}"
    );
}

#[test]
fn a_missing_file_or_one_that_cannot_be_read_exits_2_with_one_line() {
    let missing =
        std::env::temp_dir().join(format!("engine-report-missing-{}.csv", std::process::id()));
    let (status, out, err) = run(&[&missing.to_string_lossy()]);
    assert_eq!(status, report::USAGE_ERROR, "{err}");
    assert_eq!(out, "");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("cannot open "), "{err}");
    assert!(
        err.contains("engine-report-missing-"),
        "names the file: {err}"
    );

    // A directory opens, but cannot be read as a file.
    let dir = std::env::temp_dir().join(format!("engine-report-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (status, out, err) = run(&[&dir.to_string_lossy()]);
    let _ = std::fs::remove_dir(&dir);
    assert_eq!(status, report::USAGE_ERROR, "{err}");
    assert_eq!(out, "");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("cannot read {}: ", dir.to_string_lossy())),
        "{err}"
    );
}

#[test]
fn the_built_command_says_a_missing_or_unreadable_file_in_one_line_without_a_panic() {
    let binary = report_binary();
    let dir = std::env::temp_dir().join(format!("engine-report-bin-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let missing = dir.join("missing.csv");
    for path in [&missing, &dir] {
        let output = Command::new(&binary).arg(path).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(i32::from(report::USAGE_ERROR)),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"));
        assert!(output.stdout.is_empty());
    }
    let _ = std::fs::remove_dir(&dir);
}

#[test]
fn help_documents_every_option_and_every_exit_status() {
    let path = group_40();
    for flag in ["--help", "-h"] {
        for args in [vec![flag], vec![path.as_str(), flag]] {
            let (status, out, err) = run(&args);
            assert_eq!(status, 0, "{args:?}: {err}");
            assert_eq!(err, "", "{args:?}");
            assert_eq!(out, report::help(), "{args:?}");
        }
    }
    let help = report::help();
    // Every option the command reads, with what it takes.
    for option in [
        "--min-group-size N",
        "--sector CODE",
        "--role-group GROUP",
        "--region CODE",
        "--benchmark",
        "--max-mib N",
        "-h, --help",
    ] {
        assert!(
            help.lines().any(|l| l.starts_with(&format!("  {option} "))),
            "{option} is not described:\n{help}"
        );
    }
    // And every option it describes is one the command reads.
    for line in help.lines().filter(|l| l.starts_with("  --")) {
        let option = line.split_whitespace().next().unwrap();
        let value = match option {
            "--min-group-size" | "--max-mib" => Some("12"),
            "--sector" => Some("public"),
            "--role-group" => Some("others"),
            "--region" => Some("wales"),
            _ => None,
        };
        let mut args = vec![group_40(), option.to_string()];
        args.extend(value.map(String::from));
        let (status, _, err) = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(status, 0, "{option}: {err}");
    }
    // The codes each filter accepts, from the engine.
    assert!(help.contains("public, private, third"), "{help}");
    assert!(help.contains("chief_executives, others"), "{help}");
    assert!(help.contains("london, south_east,"), "{help}");
    // Every exit status, each on its own line.
    for status in [
        0,
        report::REFUSED,
        report::USAGE_ERROR,
        report::WRITE_FAILED,
        report::PIPE_CLOSED,
    ] {
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(&format!("{status} "))),
            "exit status {status} is not described:\n{help}"
        );
    }
}
