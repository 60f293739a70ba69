//! Prints the group report of a responses CSV as JSON, natively.
//!
//! ```text
//! cargo run --release --example report -- FILE.csv [--min-group-size N]
//!     [--sector public|private|third] [--role-group chief_executives|others] [--region CODE]
//!     [--benchmark] [--max-mib N]
//! ```
//!
//! `--max-mib` raises the size limit (default: the app's 64 MiB): natively the file is streamed, so an
//! analyst can report on files of any size, such as a million responses.
//!
//! stdout: the group report (the shape of `tests/fixtures/group-40.expected.json`, figures rounded to
//! four decimals, plus extra keys; with `--benchmark` also `benchmark_2018`, the comparison with the
//! 2018 survey). stderr: the import summary (rejected rows, duplicates, unknown columns). The exit
//! status is non-zero only when the file is refused whole (or cannot be opened, or the arguments are
//! wrong); rejected rows are reported, not fatal.
//!
//! The file is streamed: responses go straight into the accumulator and are never held together.

use std::fs::File;
use std::io::BufReader;
use std::process::ExitCode;

use serde::Serialize;

use collaboration_readiness::engine::aggregate::{
    GroupAccumulator, GroupOptions, GroupReport, ResponseFilter,
};
use collaboration_readiness::engine::benchmark::{compare_group, GroupComparison};
use collaboration_readiness::engine::csv_format::{CsvImporter, ImportOptions, ImportSummary};
use collaboration_readiness::engine::instrument::{Choice, Region, RoleGroup, Sector};

const USAGE: &str = "usage: report FILE.csv [--min-group-size N] [--sector CODE] [--role-group chief_executives|others] [--region CODE] [--benchmark] [--max-mib N]";

/// The report, with the benchmark comparison when asked for.
#[derive(Serialize)]
struct Output<'a> {
    #[serde(flatten)]
    report: &'a GroupReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    benchmark_2018: Option<GroupComparison>,
}

struct Args {
    path: String,
    options: GroupOptions,
    benchmark: bool,
    max_bytes: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
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
                    .map_err(|_| format!("--max-mib: `{n}` is not a number"))?;
                max_bytes = mib.saturating_mul(1024 * 1024);
            }
            "--min-group-size" => {
                let n = value("--min-group-size")?;
                let n = n
                    .parse()
                    .map_err(|_| format!("--min-group-size: `{n}` is not a number"))?;
                options = options.with_min_group_size(n);
            }
            "--sector" => {
                let code = value("--sector")?;
                filter.sector =
                    Some(Sector::from_code(&code).ok_or(format!("unknown sector `{code}`"))?);
            }
            "--role-group" => {
                let id = value("--role-group")?;
                filter.role_group = Some(
                    RoleGroup::ALL
                        .into_iter()
                        .find(|g| g.id() == id)
                        .ok_or(format!("unknown role group `{id}`"))?,
                );
            }
            "--region" => {
                let code = value("--region")?;
                filter.region =
                    Some(Region::from_code(&code).ok_or(format!("unknown region `{code}`"))?);
            }
            "--benchmark" => benchmark = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            other if path.is_none() && !other.starts_with("--") => path = Some(other.to_string()),
            other => return Err(format!("unexpected argument `{other}`\n{USAGE}")),
        }
    }
    Ok(Args {
        path: path.ok_or(USAGE.to_string())?,
        options: options.with_filter(filter),
        benchmark,
        max_bytes,
    })
}

fn print_summary(summary: &ImportSummary) {
    eprintln!(
        "imported {} of {} rows; {} rejected ({} duplicates); {} ids assigned",
        summary.imported,
        summary.rows_read,
        summary.rejected_count,
        summary.duplicate_count,
        summary.assigned_ids
    );
    for row in &summary.rejected {
        let id = row.response_id.as_deref().unwrap_or("(no id)");
        for p in &row.problems {
            let column = p.column.as_deref().unwrap_or("—");
            match &p.value {
                Some(v) => eprintln!("  line {} ({id}): {column} = {v:?}: {}", row.line, p.reason),
                None => eprintln!("  line {} ({id}): {column}: {}", row.line, p.reason),
            }
        }
    }
    if summary.unlisted_rejections() > 0 {
        eprintln!(
            "  … and {} more rejected rows not listed",
            summary.unlisted_rejections()
        );
    }
    for column in &summary.unknown_columns {
        eprintln!("unknown column ignored: {column}");
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let file = match File::open(&args.path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot open {}: {e}", args.path);
            return ExitCode::from(2);
        }
    };
    let options = ImportOptions {
        declared_len: file.metadata().ok().map(|m| m.len()),
        max_bytes: args.max_bytes,
        ..ImportOptions::default()
    };
    let mut importer = match CsvImporter::new(BufReader::new(file), options) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("refused: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut accumulator = GroupAccumulator::new(args.options);
    for response in importer.by_ref() {
        match response {
            Ok(r) => accumulator.add(&r),
            Err(e) => {
                eprintln!("refused: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    print_summary(importer.summary());
    let report = accumulator.finish();
    let output = Output {
        benchmark_2018: args.benchmark.then(|| compare_group(&report)),
        report: &report,
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&output).expect("a report serialises")
    );
    ExitCode::SUCCESS
}
