//! Prints the group report of a responses CSV as JSON, natively.
//!
//! ```text
//! cargo run --release --example report -- FILE.csv [--min-group-size N]
//!     [--sector public|private|third] [--role-group chief_executives|others] [--region CODE]
//!     [--benchmark] [--max-mib N]
//! cargo run --release --example report -- --help
//! ```
//!
//! `--help` (or `-h`) prints what each option does and each exit status (see [`help`]).
//!
//! `--max-mib` raises the size limit (default: the app's 64 MiB): natively the file is streamed, so an
//! analyst can report on files of any size, such as a million responses.
//!
//! stdout: the group report (the shape of `tests/fixtures/group-40.expected.json`, figures rounded to
//! four decimals, plus extra keys; with `--benchmark` also `benchmark_2018`, the comparison with the
//! 2018 survey). stderr: the import summary (rejected rows, duplicates, unknown columns). Everything
//! echoed from the file (ids, values, column names) has its control characters escaped and is cut to
//! 80 characters, so that a hostile file can neither drive the terminal nor flood it.
//!
//! Exit status: 0 when the report was written; 1 when the file is refused whole or every row was
//! rejected (there is nothing to report); 2 for wrong arguments (a `--min-group-size` below the floor
//! included) or a file that is missing or cannot be read (a directory, say), with one line on stderr;
//! 3 when the report cannot be written (a full disk: one line on stderr says so); 141 when the reader
//! of stdout went away (`report F | head`), quietly, as a Unix tool killed by SIGPIPE would; 0 after
//! `--help`.
//!
//! The file is streamed and read on every core (`engine::report`): responses go straight into the
//! accumulators and are never held together.
//! The logic is in [`run`], which the tests in `tests/engine_report.rs` call with their own writers.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use serde::Serialize;

use collaboration_readiness::engine::aggregate::{GroupOptions, GroupReport, ResponseFilter};
use collaboration_readiness::engine::benchmark::{compare_group, GroupComparison};
use collaboration_readiness::engine::csv_format::{ImportOptions, ImportSummary};
use collaboration_readiness::engine::error::ImportError;
use collaboration_readiness::engine::instrument::{Choice, Region, RoleGroup, Sector};
use collaboration_readiness::engine::intake::echo;
use collaboration_readiness::engine::report::{report_csv_parallel, CsvReport, Parallelism};

/// Exit status: the file was refused whole, or every row was rejected.
pub const REFUSED: u8 = 1;
/// Wrong arguments, or a file that is missing or cannot be read.
pub const USAGE_ERROR: u8 = 2;
/// The report could not be written.
pub const WRITE_FAILED: u8 = 3;
/// stdout was closed by its reader.
pub const PIPE_CLOSED: u8 = 141;

const USAGE: &str = "usage: report FILE.csv [--min-group-size N] [--sector CODE] [--role-group chief_executives|others] [--region CODE] [--benchmark] [--max-mib N]";

/// The codes an option accepts, from the engine's own lists, so that the help cannot fall behind.
fn codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    codes.into_iter().collect::<Vec<_>>().join(", ")
}

/// An option's line of the help: its name, then what it does, wrapped at 100 columns under itself.
fn option(name: &str, text: &str) -> String {
    const INDENT: usize = 22;
    let mut lines = vec![format!("  {name:<width$}", width = INDENT - 2)];
    for word in text.split(' ') {
        let last = lines.last_mut().expect("there is a first line");
        if last.len() > INDENT && last.len() + 1 + word.len() > 100 {
            lines.push(format!("{:INDENT$}{word}", ""));
        } else {
            if last.len() > INDENT {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines.join("\n")
}

/// What `--help` prints: every option and every exit status.
pub fn help() -> String {
    let mib = ImportOptions::default().max_bytes / (1024 * 1024);
    let floor = GroupOptions::default().min_group_size;
    let options = [
        option(
            "--min-group-size N",
            &format!("withhold every figure of a group of fewer than N people (at least {floor}, the default), so that no figure can single out a person"),
        ),
        option(
            "--sector CODE",
            &format!(
                "only the responses of one sector: {}",
                codes(Sector::ALL.iter().map(|s| s.code()))
            ),
        ),
        option(
            "--role-group GROUP",
            &format!(
                "only one role group: {}",
                codes(RoleGroup::ALL.iter().map(|g| g.id()))
            ),
        ),
        option(
            "--region CODE",
            &format!(
                "only the responses of one area of the UK: {}",
                codes(Region::ALL.iter().map(|r| r.code()))
            ),
        ),
        option(
            "--benchmark",
            "add benchmark_2018: the group compared with the 2018 survey",
        ),
        option(
            "--max-mib N",
            &format!("refuse a file larger than N MiB (default {mib}, the app's limit)"),
        ),
        option("-h, --help", "print this help and exit"),
    ]
    .join("\n");
    format!(
        "report: the group report of a responses CSV file, as JSON on stdout

{USAGE}
       report -h | --help

The file is read as the app imports a responses file, streamed. The import summary goes to stderr:
rejected rows, duplicates, unknown columns, with anything echoed from the file escaped and cut to
80 characters.

Options:
{options}

Exit status:
  0    the report was written (or this help)
  1    the file was refused whole, or every row was rejected: nothing to report
  2    wrong arguments (a --min-group-size below {floor} included), or a file that is missing or
       cannot be read (a directory, say); one line on stderr says which
  3    the report could not be written (a full disk); one line on stderr says so
  141  the reader of stdout went away (report FILE.csv | head); nothing is said
"
    )
}

/// The report, with the benchmark comparison when asked for.
#[derive(Serialize)]
struct Output<'a> {
    #[serde(flatten)]
    report: &'a GroupReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    benchmark_2018: Option<GroupComparison>,
}

/// What the arguments ask for.
pub enum Command {
    /// The report of a file.
    Report(Args),
    /// The help (`-h`, `--help`).
    Help,
}

/// The parsed arguments of a report.
pub struct Args {
    path: String,
    options: GroupOptions,
    benchmark: bool,
    max_bytes: u64,
}

/// Reads the arguments (without the program name).
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut args = args.into_iter();
    let mut path = None;
    let mut options = GroupOptions::default();
    let mut filter = ResponseFilter::default();
    let mut benchmark = false;
    let mut max_bytes = ImportOptions::default().max_bytes;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--max-mib" => {
                let n = value("--max-mib")?;
                let mib: u64 = n
                    .parse()
                    .map_err(|_| format!("--max-mib: \"{}\" is not a number", echo(&n)))?;
                max_bytes = mib.saturating_mul(1024 * 1024);
            }
            "--min-group-size" => {
                let n = value("--min-group-size")?;
                let n = n
                    .parse()
                    .map_err(|_| format!("--min-group-size: \"{}\" is not a number", echo(&n)))?;
                options = options
                    .try_min_group_size(n)
                    .map_err(|e| format!("--min-group-size: {e}"))?;
            }
            "--sector" => {
                let code = value("--sector")?;
                filter.sector = Some(
                    Sector::from_code(&code)
                        .ok_or(format!("unknown sector \"{}\"", echo(&code)))?,
                );
            }
            "--role-group" => {
                let id = value("--role-group")?;
                filter.role_group = Some(
                    RoleGroup::ALL
                        .into_iter()
                        .find(|g| g.id() == id)
                        .ok_or(format!("unknown role group \"{}\"", echo(&id)))?,
                );
            }
            "--region" => {
                let code = value("--region")?;
                filter.region = Some(
                    Region::from_code(&code)
                        .ok_or(format!("unknown region \"{}\"", echo(&code)))?,
                );
            }
            "--benchmark" => benchmark = true,
            "-h" | "--help" => return Ok(Command::Help),
            other if path.is_none() && !other.starts_with("--") => path = Some(other.to_string()),
            other => return Err(format!("unexpected argument \"{}\"\n{USAGE}", echo(other))),
        }
    }
    Ok(Command::Report(Args {
        path: path.ok_or(USAGE.to_string())?,
        options: options.with_filter(filter),
        benchmark,
        max_bytes,
    }))
}

/// The import summary as lines for stderr, every value from the file escaped and cut.
pub fn summary_lines(summary: &ImportSummary) -> Vec<String> {
    let mut lines = vec![format!(
        "imported {} of {} rows; {} rejected ({} duplicates); {} ids assigned",
        summary.imported,
        summary.rows_read,
        summary.rejected_count,
        summary.duplicate_count,
        summary.assigned_ids
    )];
    for row in &summary.rejected {
        let id = row
            .response_id
            .as_deref()
            .map_or_else(|| "(no id)".to_string(), echo);
        for p in &row.problems {
            let column = p
                .column
                .as_deref()
                .map_or_else(|| "\u{2014}".to_string(), echo);
            lines.push(match &p.value {
                Some(v) => format!(
                    "  line {} ({id}): {column} = \"{}\": {}",
                    row.line,
                    echo(v),
                    echo_all(&p.reason.to_string())
                ),
                None => format!(
                    "  line {} ({id}): {column}: {}",
                    row.line,
                    echo_all(&p.reason.to_string())
                ),
            });
        }
    }
    if summary.unlisted_rejections() > 0 {
        lines.push(format!(
            "  \u{2026} and {} more rejected rows not listed",
            summary.unlisted_rejections()
        ));
    }
    for column in &summary.unknown_columns {
        lines.push(format!("unknown column ignored: {}", echo(column)));
    }
    lines
}

/// A reason is the engine's words around values it has already escaped and cut; it is escaped again
/// whole only so that no control character can ever reach the terminal.
fn echo_all(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                echo(&c.to_string())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Writes a line to stderr; if stderr itself is gone there is no one left to tell.
fn say(err: &mut dyn Write, line: &str) {
    let _ = writeln!(err, "{line}");
}

/// The whole command: reads `args`, writes the report to `out` and the summary to `err`, and returns
/// the exit status. Never panics on a failing writer.
pub fn run(args: impl IntoIterator<Item = String>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let args = match parse_args(args) {
        Ok(Command::Report(a)) => a,
        Ok(Command::Help) => return written(write_help(out), "the help", err),
        Err(e) => {
            say(err, &e);
            return USAGE_ERROR;
        }
    };
    let file = match File::open(&args.path) {
        Ok(f) => f,
        Err(e) => {
            say(err, &format!("cannot open {}: {e}", echo(&args.path)));
            return USAGE_ERROR;
        }
    };
    // A file that opens but cannot be read (a directory, a failing disk) is the analyst's to fix,
    // like a missing one; the import says so as an I/O error.
    let unreadable = |err: &mut dyn Write, e: &str| {
        say(err, &format!("cannot read {}: {e}", echo(&args.path)));
        USAGE_ERROR
    };
    let options = ImportOptions {
        declared_len: file.metadata().ok().map(|m| m.len()),
        max_bytes: args.max_bytes,
        ..ImportOptions::default()
    };
    // Read on every core; the same report and summary as reading row by row (engine::report).
    let read = report_csv_parallel(
        || File::open(&args.path),
        options,
        args.options,
        Parallelism::of_machine(),
    );
    let CsvReport { report, summary } = match read {
        Ok(read) => read,
        Err(ImportError::Io(e)) => return unreadable(err, &e),
        Err(e) => {
            say(err, &format!("refused: {e}"));
            return REFUSED;
        }
    };
    for line in summary_lines(&summary) {
        say(err, &line);
    }
    if summary.imported == 0 && summary.rejected_count > 0 {
        say(
            err,
            &format!(
                "no report: every one of the {} rows was rejected",
                summary.rejected_count
            ),
        );
        return REFUSED;
    }
    let output = Output {
        benchmark_2018: args.benchmark.then(|| compare_group(&report)),
        report: &report,
    };
    written(write_report(out, &output), "the report", err)
}

/// The exit status once `what` has been written to stdout: a closed pipe ends quietly, any other
/// failure (a full disk) is said in one line.
fn written(result: io::Result<()>, what: &str, err: &mut dyn Write) -> u8 {
    match result {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => PIPE_CLOSED,
        Err(e) => {
            say(err, &format!("{what} could not be written: {e}"));
            WRITE_FAILED
        }
    }
}

fn write_help(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(help().as_bytes())?;
    out.flush()
}

fn write_report(out: &mut dyn Write, output: &Output<'_>) -> io::Result<()> {
    let mut out = BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, output).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    // Errors of the last bytes (a full disk) show only here: flushed and checked, not dropped.
    out.flush()
}

fn main() -> ExitCode {
    let status = run(
        std::env::args().skip(1),
        &mut io::stdout().lock(),
        &mut io::stderr().lock(),
    );
    ExitCode::from(status)
}
