// The group report outside the browser: the native report command against what an analyst would use
// instead (DuckDB, Polars, pandas), on the same files in the same run; wall time and peak RSS from
// /usr/bin/time -v. Each tool computes the per-factor n, mean and share "at least somewhat" of every
// q13/q14 column (bench/duckdb_report.py, bench/polars_report.py, bench/pandas_report.py); the runs
// are interleaved (ours, DuckDB, Polars, pandas, then again), so that a change in the machine's load
// falls on every tool alike.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { log, median, timed } from './util.mjs';

const FACTORS = ['behaviours', 'citizens', 'systems', 'services', 'places', 'markets', 'urgency', 'requirements'];

/** The tools compared, in the order they are run and shown. */
export const TOOLS = [
  { key: 'duckdb', name: 'DuckDB', module: 'duckdb', script: 'bench/duckdb_report.py', does: 'read_csv + count/avg per column (SQL)' },
  { key: 'polars', name: 'Polars', module: 'polars', script: 'bench/polars_report.py', does: 'read_csv (the 16 columns) + count/mean per column' },
  { key: 'pandas', name: 'pandas', module: 'pandas', script: 'bench/pandas_report.py', does: 'read_csv + means/shares per column' },
];

/** The native report's figure as printed (four decimals) and another tool's, rounded the same way. */
const decimals = (x) => (x == null ? 'null' : Number(x).toFixed(4));

/**
 * Whether another tool's per-factor n, means and shares are the native report's to the last decimal
 * it prints (four): the same n, and each of the tool's figures rounded to four decimals.
 */
function agreement(nativeJson, toolJson) {
  let worst = 0;
  for (const f of FACTORS) {
    for (const [measure, q] of [['importance', 'q13'], ['prevalence', 'q14']]) {
      const a = nativeJson.factors[f][measure];
      const b = toolJson.factors[`${q}_${f}`];
      if (!b) return { agrees: false, detail: `${q}_${f} missing` };
      if (a.n !== b.n) return { agrees: false, detail: `${q}_${f}: n ${a.n} vs ${b.n}` };
      for (const [key, ours, theirs] of [['mean', a.mean, b.mean], ['share', a.share_at_least_somewhat, b.share_at_least_somewhat]]) {
        if (decimals(ours) !== decimals(theirs)) return { agrees: false, detail: `${q}_${f} ${key}: ${decimals(ours)} vs ${decimals(theirs)}` };
        worst = Math.max(worst, Math.abs(ours - theirs));
      }
    }
  }
  return { agrees: true, maxDifference: worst };
}

function summary(runs) {
  const ok = runs.filter((r) => r.exit === 0);
  return {
    ok: ok.length,
    seconds: median(ok.map((r) => r.seconds)),
    peakRss: median(ok.map((r) => r.peakRss)),
    exit: runs[0] && runs[0].exit,
    error: ok.length ? undefined : (runs[0] && runs[0].stderr.split('\n').find((l) => l.trim())) || 'failed',
    // Every run, for a look at the spread (the table shows medians).
    runs: runs.map((r) => ({ seconds: r.seconds, peakRss: r.peakRss, exit: r.exit })),
  };
}

/** Whether Python can import `module` (run.sh installs each from bench/requirements.txt, if it can). */
function importable(python, module) {
  const r = spawnSync(python, ['-c', `import ${module}`], { encoding: 'utf8' });
  return r.status === 0 ? null : (r.stderr.trim().split('\n').pop() || `cannot import ${module}`);
}

export function runNative({ root, runs, ensureCsv }) {
  const report = join(root, 'target/release/examples/report');
  const engine = join(root, 'target/release/examples/bench_engine');
  const python = process.env.PYTHON || 'python3';
  const missing = Object.fromEntries(TOOLS.map((t) => [t.key, importable(python, t.module)]));
  const out = { files: {}, cores: availableParallelism() };
  for (const n of [100_000, 1_000_000]) {
    log(`native: generating ${n} responses`);
    const csv = ensureCsv(n);
    const row = { responses: n };
    const reportRuns = [];
    const toolRuns = Object.fromEntries(TOOLS.map((t) => [t.key, []]));
    for (let i = 0; i < runs; i++) {
      if (i === 0 || reportRuns[0].exit === 0) {
        log(`native: report ${n}, run ${i + 1}/${runs}`);
        // Natively the file is streamed; the app's 64 MiB import limit is lifted for the million.
        reportRuns.push(timed(report, [csv, '--max-mib', '4096']));
      }
      for (const t of TOOLS) {
        if (missing[t.key]) continue;
        log(`native: ${t.name} ${n}, run ${i + 1}/${runs}`);
        toolRuns[t.key].push(timed(python, [join(root, t.script), csv]));
      }
    }
    row.report = summary(reportRuns);
    if (row.report.ok === 0) {
      // A report command that refuses the file: the engine's own benchmark is measured instead.
      const engineRuns = [];
      for (let i = 0; i < runs; i++) {
        log(`native: bench_engine --measure ${n}, run ${i + 1}/${runs}`);
        engineRuns.push(timed(engine, ['--measure', csv]));
      }
      row.engine = summary(engineRuns);
    }
    const nativeOk = reportRuns.find((r) => r.exit === 0);
    row.tools = {};
    for (const t of TOOLS) {
      if (missing[t.key]) {
        row.tools[t.key] = { available: false, reason: `not installed (${missing[t.key]})` };
        continue;
      }
      const x = { available: true, ...summary(toolRuns[t.key]) };
      const ok = toolRuns[t.key].find((r) => r.exit === 0);
      if (nativeOk && ok) {
        try {
          x.agreement = agreement(JSON.parse(nativeOk.stdout), JSON.parse(ok.stdout));
        } catch (e) {
          x.agreement = { agrees: false, detail: e.message };
        }
      }
      row.tools[t.key] = x;
    }
    out.files[n] = row;
  }
  return out;
}
