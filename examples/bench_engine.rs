//! Benchmarks the engine natively: CSV import + group aggregation of generated responses.
//!
//! ```text
//! cargo run --release --example bench_engine                  # 10k, 100k, 1M responses
//! cargo run --release --example bench_engine -- --sizes 10000,50000
//! cargo run --release --example bench_engine -- --write N FILE  # only write a generated CSV
//! cargo run --release --example bench_engine -- --measure FILE  # import + aggregate one file
//! cargo run --release --example bench_engine -- --measure-held FILE  # … also keeping every response
//! ```
//!
//! For each size the parent writes a CSV of valid responses (deterministic PRNG, streamed through the
//! exporter, so it is also an export benchmark) to a temporary file, then runs itself as a child with
//! `--measure FILE`. The child does nothing but import and aggregate, and reports its wall time and its
//! peak resident memory (`VmHWM` from `/proc/self/status`), so each size's peak is its own and not the
//! generator's or a previous size's. A second child (`--measure-held`) does the same while keeping
//! every imported response in memory, which is what the app does with a group. The import limit is
//! lifted for the benchmark (a 1M-response file is far larger than the app's default
//! [`MAX_IMPORT_BYTES`]).

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use collaboration_readiness::engine::aggregate::{GroupAccumulator, GroupOptions};
use collaboration_readiness::engine::csv_format::{
    CsvExporter, CsvImporter, ImportOptions, MAX_IMPORT_BYTES,
};
use collaboration_readiness::engine::file_import::{FileImporter, STEP_BYTES};
use collaboration_readiness::engine::instrument::{Field, FieldKind};
use collaboration_readiness::engine::Response;
use serde::{Deserialize, Serialize};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

const TEXTS: [&str; 6] = [
    "Shared hub",
    "Pilot, phase 2",
    "A \"quoted\" project",
    "Line one\nline two",
    "=SUM(A1:A9) is not a formula here",
    "Integrated discharge with the NHS Trust and two housing associations",
];

/// One valid response: q1 = yes for most, every required field answered, some free text, a tenth of
/// the ratings "not applicable".
fn generate(rng: &mut Rng, index: usize) -> Response {
    let mut r = Response::new(format!("bench-{index:07}"));
    r.submitted_at = Some(format!(
        "2026-{:02}-{:02}T09:{:02}:00Z",
        1 + rng.below(12),
        1 + rng.below(28),
        rng.below(60)
    ));
    r.choose(Field::Q1, if rng.chance(85) { "yes" } else { "no" })
        .expect("q1 takes yes/no");
    for field in Field::ALL.into_iter().skip(1) {
        if !r.answers().is_shown(field) {
            continue;
        }
        let options = field.kind().options();
        let result = match field.kind() {
            FieldKind::Text { .. } => {
                if rng.chance(30) {
                    r.set_text(field, TEXTS[rng.below(TEXTS.len())])
                } else {
                    Ok(())
                }
            }
            FieldKind::Multiple(_) => {
                let first = options[rng.below(options.len())].code;
                let second = options[rng.below(options.len())].code;
                r.set_codes(field, &[first, second])
            }
            FieldKind::Scale(_) if options.len() == 5 && rng.chance(10) => r.choose(field, "na"),
            FieldKind::Scale(_) => r.choose(field, options[rng.below(4)].code),
            FieldKind::Single(_) => r.choose(field, options[rng.below(options.len())].code),
        };
        result.expect("generated answers come from the instrument's own options");
    }
    r
}

/// Writes `n` generated responses as CSV; returns the seconds spent.
fn write_csv(n: usize, path: &Path) -> std::io::Result<f64> {
    let start = Instant::now();
    let file = BufWriter::new(File::create(path)?);
    let mut exporter = CsvExporter::new(file).map_err(std::io::Error::other)?;
    let mut rng = Rng(0x5EED_2018);
    for i in 0..n {
        exporter
            .write(&generate(&mut rng, i))
            .map_err(std::io::Error::other)?;
    }
    exporter.finish().map_err(std::io::Error::other)?;
    Ok(start.elapsed().as_secs_f64())
}

/// A line of `/proc/self/status` in kB (Linux only; 0 elsewhere).
fn status_kb(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// CPU time (user + system) of this process so far, in seconds, from `/proc/self/stat` (Linux only;
/// 0 elsewhere). Less sensitive than wall time to other work on a shared machine.
fn cpu_seconds() -> f64 {
    // After the parenthesised command name come the fields from `state` (field 3) on; utime and stime
    // are fields 14 and 15, in clock ticks (100 per second on Linux).
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let fields: Vec<&str> = s[s.rfind(')')? + 1..].split_whitespace().collect();
            let utime: f64 = fields.get(11)?.parse().ok()?;
            let stime: f64 = fields.get(12)?.parse().ok()?;
            Some((utime + stime) / 100.0)
        })
        .unwrap_or(0.0)
}

#[derive(Serialize, Deserialize)]
struct Measurement {
    rows: u64,
    imported: u64,
    rejected: u64,
    seconds: f64,
    cpu_seconds: f64,
    rss_before_kb: u64,
    peak_kb: u64,
    report_bytes: usize,
}

/// Imports and aggregates one file (the child's whole job). With `hold`, every imported response is
/// also kept in a `Vec`, as the app does when it imports into a group, so the peak shows that cost too.
fn measure(path: &Path, hold: bool) -> Result<Measurement, String> {
    let rss_before_kb = status_kb("VmRSS:");
    let cpu_before = cpu_seconds();
    let start = Instant::now();
    let file = File::open(path).map_err(|e| e.to_string())?;
    let options = ImportOptions {
        max_bytes: u64::MAX,
        ..ImportOptions::default()
    };
    let mut accumulator = GroupAccumulator::new(GroupOptions::default());
    let mut held = Vec::new();
    let summary = if hold {
        // As the app imports into a group: the whole file staged, the quick way, then aggregated.
        drop(file);
        let open = || BufReader::with_capacity(1 << 16, File::open(path).expect("opened before"));
        let mut importer =
            FileImporter::new(open, options, STEP_BYTES).map_err(|e| e.to_string())?;
        while !importer.is_finished() {
            importer.step().map_err(|e| e.to_string())?;
        }
        let summary;
        (held, summary) = importer.finish();
        for response in &held {
            accumulator.add(response);
        }
        summary
    } else {
        let mut importer = CsvImporter::new(BufReader::with_capacity(1 << 16, file), options)
            .map_err(|e| e.to_string())?;
        for response in importer.by_ref() {
            accumulator.add(&response.map_err(|e| e.to_string())?);
        }
        importer.summary().clone()
    };
    let report = accumulator.finish();
    // Serialise the report so that nothing of the aggregation can be optimised away.
    let report_bytes = serde_json::to_string(&report)
        .map_err(|e| e.to_string())?
        .len();
    let seconds = start.elapsed().as_secs_f64();
    let cpu_seconds = cpu_seconds() - cpu_before;
    let peak_kb = status_kb("VmHWM:");
    drop(held);
    Ok(Measurement {
        rows: summary.rows_read,
        imported: summary.imported,
        rejected: summary.rejected_count,
        seconds,
        cpu_seconds,
        rss_before_kb,
        peak_kb,
        report_bytes,
    })
}

/// Runs this program as a child in `mode` on `path` and reads its measurement.
fn child(mode: &str, path: &Path) -> Result<Measurement, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let output = Command::new(exe)
        .arg(mode)
        .arg(path)
        .output()
        .map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    serde_json::from_slice(&output.stdout).map_err(|e| e.to_string())
}

fn run_sizes(sizes: &[usize]) -> Result<(), String> {
    println!(
        "{:>9} {:>8} {:>9} {:>13} {:>12} {:>10} {:>6} {:>7} {:>10} {:>8} {:>8} {:>9}",
        "responses",
        "file MB",
        "export s",
        "export resp/s",
        "import+agg s",
        "resp/s",
        "MB/s",
        "cpu s",
        "resp/cpu-s",
        "start MB",
        "peak MB",
        "held peak"
    );
    for &n in sizes {
        let path: PathBuf = std::env::temp_dir().join(format!(
            "collaboration-readiness-bench-{n}-{}.csv",
            std::process::id()
        ));
        let export_seconds = write_csv(n, &path).map_err(|e| e.to_string())?;
        let bytes = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
        let measured =
            child("--measure", &path).and_then(|m| Ok((m, child("--measure-held", &path)?)));
        let _ = std::fs::remove_file(&path);
        let (m, held) = measured?;
        for run in [&m, &held] {
            if run.imported != n as u64 || run.rejected != 0 {
                return Err(format!(
                    "{n}: imported {} and rejected {}",
                    run.imported, run.rejected
                ));
            }
        }
        let mb = bytes as f64 / 1e6;
        println!(
            "{:>9} {:>8.1} {:>9.2} {:>13.0} {:>12.2} {:>10.0} {:>6.1} {:>7.2} {:>10.0} {:>8.1} {:>8.1} {:>9.1}",
            n,
            mb,
            export_seconds,
            n as f64 / export_seconds,
            m.seconds,
            n as f64 / m.seconds,
            mb / m.seconds,
            m.cpu_seconds,
            n as f64 / m.cpu_seconds,
            m.rss_before_kb as f64 / 1024.0,
            m.peak_kb as f64 / 1024.0,
            held.peak_kb as f64 / 1024.0,
        );
    }
    println!(
        "start/peak MB: RSS before reading and VmHWM of a child process that only imports and aggregates;\n\
         held peak: the same with every imported response kept in memory (as the app keeps a group);\n\
         the app's import limit ({} MB) is lifted here.",
        MAX_IMPORT_BYTES / 1_000_000
    );
    Ok(())
}

fn print_measurement(m: Measurement) {
    println!(
        "{}",
        serde_json::to_string(&m).expect("a measurement serialises")
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [] => run_sizes(&[10_000, 100_000, 1_000_000]),
        ["--sizes", list] => list
            .split(',')
            .map(|s| {
                s.trim()
                    .parse::<usize>()
                    .map_err(|e| format!("--sizes: {e}"))
            })
            .collect::<Result<Vec<_>, _>>()
            .and_then(|sizes| run_sizes(&sizes)),
        ["--write", n, file] => n
            .parse::<usize>()
            .map_err(|e| format!("--write N: {e}"))
            .and_then(|n| write_csv(n, Path::new(file)).map_err(|e| e.to_string()))
            .map(|seconds| eprintln!("wrote {n} responses to {file} in {seconds:.2} s")),
        ["--measure", file] => measure(Path::new(file), false).map(print_measurement),
        ["--measure-held", file] => measure(Path::new(file), true).map(print_measurement),
        _ => Err(
            "usage: bench_engine [--sizes N,N,…] | --write N FILE | --measure FILE | --measure-held FILE"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
