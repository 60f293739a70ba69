// The group report outside the browser: the native report command against pandas on the same files,
// wall time and peak RSS from /usr/bin/time -v.
import { join } from 'node:path';
import { log, median, timed } from './util.mjs';

const FACTORS = ['behaviours', 'citizens', 'systems', 'services', 'places', 'markets', 'urgency', 'requirements'];

/** Largest difference between the native report's and pandas' per-factor means and shares. */
function agreement(nativeJson, pandasJson) {
  let worst = 0;
  for (const f of FACTORS) {
    for (const [measure, q] of [['importance', 'q13'], ['prevalence', 'q14']]) {
      const a = nativeJson.factors[f][measure];
      const b = pandasJson.factors[`${q}_${f}`];
      if (a.n !== b.n) return { agrees: false, detail: `${q}_${f}: n ${a.n} vs ${b.n}` };
      // The report rounds to four decimals.
      worst = Math.max(worst, Math.abs(a.mean - b.mean), Math.abs(a.share_at_least_somewhat - b.share_at_least_somewhat));
    }
  }
  return { agrees: worst < 1e-4, maxDifference: worst };
}

function summary(runs) {
  const ok = runs.filter((r) => r.exit === 0);
  return {
    ok: ok.length,
    seconds: median(ok.map((r) => r.seconds)),
    peakRss: median(ok.map((r) => r.peakRss)),
    exit: runs[0] && runs[0].exit,
    error: ok.length ? undefined : (runs[0] && runs[0].stderr.split('\n').find((l) => l.trim())) || 'failed',
  };
}

export function runNative({ root, runs, ensureCsv }) {
  const report = join(root, 'target/release/examples/report');
  const engine = join(root, 'target/release/examples/bench_engine');
  const python = process.env.PYTHON || 'python3';
  const pandas = join(root, 'bench/pandas_report.py');
  const out = { files: {} };
  for (const n of [100_000, 1_000_000]) {
    log(`native: generating ${n} responses`);
    const csv = ensureCsv(n);
    const row = { responses: n };
    const reportRuns = [];
    for (let i = 0; i < runs; i++) {
      log(`native: report ${n}, run ${i + 1}/${runs}`);
      // Natively the file is streamed; the app's 64 MiB import limit is lifted for the million.
      const r = timed(report, [csv, '--max-mib', '4096']);
      reportRuns.push(r);
      if (r.exit !== 0) break; // refused whole: the same answer every time
    }
    row.report = summary(reportRuns);
    if (row.report.ok === 0) {
      // The report command refuses files over the app's import limit (64 MiB); the engine's own
      // benchmark lifts it, so the native engine is still measured on the same file.
      const engineRuns = [];
      for (let i = 0; i < runs; i++) {
        log(`native: bench_engine --measure ${n}, run ${i + 1}/${runs}`);
        engineRuns.push(timed(engine, ['--measure', csv]));
      }
      row.engine = summary(engineRuns);
    }
    const pandasRuns = [];
    for (let i = 0; i < runs; i++) {
      log(`native: pandas ${n}, run ${i + 1}/${runs}`);
      pandasRuns.push(timed(python, [pandas, csv]));
    }
    row.pandas = summary(pandasRuns);
    const nativeOk = reportRuns.find((r) => r.exit === 0);
    const pandasOk = pandasRuns.find((r) => r.exit === 0);
    if (nativeOk && pandasOk) {
      try {
        row.agreement = agreement(JSON.parse(nativeOk.stdout), JSON.parse(pandasOk.stdout));
      } catch (e) {
        row.agreement = { agrees: false, detail: e.message };
      }
    }
    out.files[n] = row;
  }
  return out;
}
