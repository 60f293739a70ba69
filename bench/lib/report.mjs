// The harness's budgets and its printed table.
import { TOOLS } from './native.mjs';
import { kb, mb, ms, ratio, secs, table, times } from './util.mjs';

const KB = 1024;

/** Budget values from issue 8; see bench/README.md. */
export const BUDGETS = {
  firstLoadBytes: 150 * KB,
  firstQuestionVsSurveyjs: 0.5,
  longTaskWhileAnsweringMs: 200,
  chartsVsPlainEcharts: 1.5,
  // Issue 14: the native report on the harness's million responses.
  nativeVsDuckdb: 1,
  nativePeakBytes: 150 * 1024 * 1024,
  // Issue 14: no long task where a person can interact; the group report at 100,000 responses;
  // every cold visit in Lighthouse.
  longTaskMs: 200,
  groupImportSeconds: 1,
  groupFilterMs: 100,
  groupWasmBytes: 64 * 1024 * 1024,
  lighthouse: { performance: 95, lcpMs: 2500, tbtMs: 200, cls: 0.1, others: 100 },
};

/** The group report's budgets are about this many responses. */
const GROUP_BUDGET_RESPONSES = 100_000;

const cls = (x) => (x == null ? '–' : x.toFixed(2));

/** Each app page's Lighthouse budget: one line per page, passing only when every figure does. */
function lighthouseBudgets(res, out) {
  const L = BUDGETS.lighthouse;
  for (const [name, r] of Object.entries(res.lighthouse || {})) {
    if (!name.startsWith('app: ')) continue;
    const row = { name: `Lighthouse, ${name.slice(5)}: performance (LCP, TBT, CLS; accessibility, best practices, SEO)`, limit: L.performance, unit: 'score', section: 'lighthouse', limitShown: `${L.performance} (≤ ${ms(L.lcpMs)}, ≤ ${ms(L.tbtMs)}, ≤ ${cls(L.cls)}; ${L.others})` };
    if (!r.scores) {
      out.push({ ...row, value: null, pass: null, margin: null, shown: r.error || '–' });
      continue;
    }
    const m = r.metrics;
    const others = ['accessibility', 'best-practices', 'seo'].map((c) => r.scores[c]);
    const pass = r.scores.performance >= L.performance && m['largest-contentful-paint'] <= L.lcpMs && m['total-blocking-time'] <= L.tbtMs
      && (m['cumulative-layout-shift'] ?? 0) <= L.cls && others.every((x) => x >= L.others);
    out.push({ ...row, value: r.scores.performance, pass, margin: r.scores.performance - L.performance, shown: `${r.scores.performance} (${ms(m['largest-contentful-paint'])}, ${ms(m['total-blocking-time'])}, ${cls(m['cumulative-layout-shift'])}; ${others.join('/')})` });
  }
}

/** The group report's budgets, at 100,000 responses in the browser. */
function groupBudgets(res, add) {
  const g = (res.group || []).find((x) => x.responses === GROUP_BUDGET_RESPONSES && x.available && !x.error);
  const d = g ? g.median : {};
  const label = GROUP_BUDGET_RESPONSES.toLocaleString('en-GB');
  add(`Group report, ${label} responses: imported`, d.importSeconds, BUDGETS.groupImportSeconds, 'seconds', secs, 'group');
  add(`Group report, ${label} responses: a filter applied`, d.filterMs, BUDGETS.groupFilterMs, 'ms', ms, 'group');
  add(`Group report, ${label} responses: wasm memory`, d.wasmMemory, BUDGETS.groupWasmBytes, 'memory', mb, 'group');
  const longest = worst(g, (r) => (r.longTasks && r.filterLongTasks ? Math.max(r.longTasks.max, r.filterLongTasks.max) : null));
  add(`Group report, ${label} responses: longest task importing, drawing and filtering (worst run)`, longest, BUDGETS.longTaskMs, 'ms', ms, 'group');
}

/** The file the native budgets are about. */
const NATIVE_BUDGET_RESPONSES = 1_000_000;

const m = (r) => (r && r.median) || {};
const worst = (r, f) => {
  const xs = ((r && r.runs) || []).filter((x) => !x.error).map(f).filter((x) => typeof x === 'number');
  return xs.length ? Math.max(...xs) : null;
};

/** The native report's budgets (issue 14), on the million responses of section 8. */
function nativeBudgets(res, add, out) {
  const f = res.native && res.native.files[NATIVE_BUDGET_RESPONSES];
  const ours = f && f.report.ok ? f.report : null;
  const duck = f && f.tools.duckdb;
  const label = NATIVE_BUDGET_RESPONSES.toLocaleString('en-GB');
  const duckSeconds = duck && duck.available && duck.ok ? duck.seconds : null;
  add(`Native report, ${label} responses: time ÷ DuckDB's (same run)`, ratio(ours && ours.seconds, duckSeconds), BUDGETS.nativeVsDuckdb, 'ratio', times, 'native');
  add(`Native report, ${label} responses: peak memory`, ours ? ours.peakRss : null, BUDGETS.nativePeakBytes, 'memory', mb, 'native');
  const agreeing = TOOLS.map((t) => f && f.tools[t.key]).filter((x) => x && x.agreement);
  const differs = agreeing.filter((x) => !x.agreement.agrees);
  const value = !agreeing.length ? null : differs.length ? 'differ' : 'same';
  out.push({
    name: `Native report, ${label} responses: per-factor n, means and shares as DuckDB/Polars/pandas to 4 decimals`,
    value,
    pass: value == null ? null : value === 'same',
    shown: value == null ? '–' : value === 'same' ? `same (${agreeing.length} tools)` : `differ: ${differs.map((x) => x.agreement.detail).join('; ')}`,
    limitShown: 'same',
    section: 'native',
  });
}

export function budgets(res) {
  const fq = res.firstQuestion || {};
  const app = m(fq.app);
  const sjs = m(fq.surveyjs);
  const out = [];
  const add = (name, value, limit, unit, show, section = 'browser') => {
    const pass = value == null ? null : value <= limit;
    out.push({ name, value, limit, pass, margin: value == null ? null : limit - value, unit, shown: show(value), limitShown: show(limit), section });
  };
  add('First load of the questionnaire, gzip, all-in (ECharts excluded)', app.allIn ? app.allIn.bytes : app.bytes, BUDGETS.firstLoadBytes, 'bytes', kb);
  const echartsEarly = ((fq.app && fq.app.runs) || []).some((r) => r.echartsLoaded);
  out.push({ name: 'ECharts not loaded before the first question', value: echartsEarly ? 'loaded' : 'not loaded', pass: !echartsEarly, shown: echartsEarly ? 'loaded' : 'not loaded', limitShown: 'not loaded', section: 'browser' });
  add('Time to first interactive question, ratio to SurveyJS', ratio(app.firstQuestion, sjs.firstQuestion), BUDGETS.firstQuestionVsSurveyjs, 'ratio', times);
  add('Longest task while answering (worst of the runs)', worst(fq.app, (r) => r.longTasksAnswering && r.longTasksAnswering.max), BUDGETS.longTaskWhileAnsweringMs, 'ms', ms);
  const rs = res.results || {};
  add('Results charts drawn, ratio to plain-JS ECharts', ratio(m(rs.app).chartsDrawn, m(rs.chartsRefCustom).chartsDrawn), BUDGETS.chartsVsPlainEcharts, 'ratio', times);
  add('Longest task opening the results and drawing their charts (worst run)', worst(rs.app, (r) => r.longTasks && r.longTasks.max), BUDGETS.longTaskMs, 'ms', ms);
  add('Longest task opening a share link cold, to its charts drawn (worst run)', worst(res.shared, (r) => r.longTasks && r.longTasks.max), BUDGETS.longTaskMs, 'ms', ms);
  groupBudgets(res, add);
  nativeBudgets(res, add, out);
  lighthouseBudgets(res, out);
  return out;
}

function marginText(b) {
  if (b.pass == null) return 'not measured';
  if (b.margin == null) return b.pass ? 'PASS' : 'FAIL';
  const pct = b.limit ? Math.abs(b.margin / b.limit) * 100 : 0;
  const amount = b.unit === 'bytes' ? kb(Math.abs(b.margin)) : b.unit === 'memory' ? mb(Math.abs(b.margin)) : b.unit === 'ms' ? ms(Math.abs(b.margin))
    : b.unit === 'seconds' ? secs(Math.abs(b.margin)) : b.unit === 'score' ? `${Math.abs(b.margin)} points` : `${Math.abs(b.margin).toFixed(2)}×`;
  // A score is a floor, not a ceiling.
  if (b.unit === 'score') return `${b.pass ? 'PASS' : 'FAIL'} by ${amount} ${b.margin >= 0 ? 'above' : 'below'}${b.pass || b.margin < 0 ? '' : ' (another figure is over)'}`;
  return `${b.pass ? 'PASS' : 'FAIL'} by ${amount} (${pct.toFixed(0)}% of the budget) ${b.pass ? 'under' : 'over'}`;
}

/**
 * The file's name without its directory (`/app/`) and Trunk's content hash, for the contributors list.
 * The server's paths (allIn.paths) come with their directory already stripped.
 */
const shortName = (url) => url.replace(/^\/[^/]+\//, '').replace(/-[0-9a-f]{16}(?=[._])/, '') || './';

/** Section 8: the native report against DuckDB, Polars and pandas. */
function renderNative(n) {
  const rows = [['responses', 'tool', 'wall time', 'peak RSS', 'note']];
  for (const [size, f] of Object.entries(n.files)) {
    const label = Number(size).toLocaleString('en-GB');
    if (f.report.ok) rows.push([label, 'native report command', secs(f.report.seconds), mb(f.report.peakRss), `${n.cores} cores`]);
    else rows.push([label, 'native report command', '–', '–', f.report.error]);
    if (f.engine) rows.push([label, 'native engine (bench_engine --measure, no size limit)', secs(f.engine.seconds), mb(f.engine.peakRss), f.engine.error || '']);
    const nat = f.report.ok ? f.report : f.engine;
    for (const t of TOOLS) {
      const x = f.tools[t.key];
      if (!x.available) {
        rows.push([label, `${t.name} ${t.does}`, '–', '–', x.reason]);
        continue;
      }
      rows.push([label, `${t.name} ${t.does}`, secs(x.seconds), mb(x.peakRss), x.error || '']);
    }
    for (const t of TOOLS) {
      const x = f.tools[t.key];
      if (!x.available || !x.ok || !nat) continue;
      const same = x.agreement ? (x.agreement.agrees ? 'same n, means and shares to 4 decimals' : `DIFFER: ${x.agreement.detail}`) : '';
      rows.push([label, `native ÷ ${t.name}`, times(ratio(nat.seconds, x.seconds)), times(ratio(nat.peakRss, x.peakRss)), same]);
    }
  }
  return `\n8. Group report outside the browser (/usr/bin/time -v; runs interleaved, medians)\n${table(rows)}`;
}

/** The table of a run of the native section alone (BENCH_ONLY=native). */
function renderNativeOnly(res) {
  return [
    `Collaboration Readiness — native report (${res.date}, ${res.git}). Medians of ${res.settings.runs} runs.`,
    res.native ? renderNative(res.native) : '\n8. Group report outside the browser: not measured.',
    `\nBudgets (issue 14)\n${table([
      ['budget', 'measured', 'limit', 'result'],
      ...(res.budgets || []).filter((b) => b.section === 'native').map((b) => [b.name, b.shown, b.limitShown, marginText(b)]),
    ])}`,
  ].join('\n');
}

export function render(res) {
  if (res.only === 'native') return renderNativeOnly(res);
  const parts = [];
  const s = res.settings;
  parts.push(`Collaboration Readiness — performance (${res.date}, ${res.git})
Phone profile: CPU ${s.cpuThrottling}× slower, ${s.network.downKbps} kbps down / ${s.network.upKbps} kbps up, ${s.network.rttMs} ms RTT; ${s.viewport}; ${s.chromium}.
${s.server}. Medians of ${s.runs} runs unless said. Times are from navigation start unless said.`);

  const fq = res.firstQuestion || {};
  const app = m(fq.app);
  const sjs = m(fq.surveyjs);
  const plain = m(fq.plain);
  const row = (name, r) => {
    const x = m(r);
    if (r && r.error) return [name, `failed: ${r.error}`];
    return [name, kb(x.bytes), x.requests, kb(x.allIn && x.allIn.bytes), ms(x.startShown), ms(x.firstQuestion), ms(x.afterClick),
      `${x.longTasksLoad ? x.longTasksLoad.count : '–'} / ${ms(x.longTasksLoad && x.longTasksLoad.max)}`,
      x.memory && x.memory.wasm ? `${mb(x.memory.jsHeap)} + ${mb(x.memory.wasm)}` : mb(x.memory && x.memory.jsHeap)];
  };
  parts.push(`\n1. First load: start page → "Start now" → first question (radio "Yes" shown and enabled). Page bytes: what the page's requests took on the wire (DevTools); all-in: everything the server sent for the visit, with the service worker's offline copy\n${table([
    ['page', 'page bytes (gzip)', 'requests', 'all-in bytes', '"Start now" shown', 'first question', '…after the click', 'long tasks / longest', 'JS heap (+ wasm)'],
    row('our app', fq.app),
    row('SurveyJS', fq.surveyjs),
    row('plain HTML', fq.plain),
    ['our app ÷ SurveyJS', times(ratio(app.bytes, sjs.bytes)), '', times(ratio(app.allIn && app.allIn.bytes, sjs.allIn && sjs.allIn.bytes)), times(ratio(app.startShown, sjs.startShown)), times(ratio(app.firstQuestion, sjs.firstQuestion)), times(ratio(app.afterClick, sjs.afterClick)), '', ''],
    ['our app ÷ plain HTML', times(ratio(app.bytes, plain.bytes)), '', times(ratio(app.allIn && app.allIn.bytes, plain.allIn && plain.allIn.bytes)), times(ratio(app.startShown, plain.startShown)), times(ratio(app.firstQuestion, plain.firstQuestion)), times(ratio(app.afterClick, plain.afterClick)), '', ''],
  ])}`);
  const cold = m(res.coldQuestion);
  parts.push(`Cold load of #/assessment/example (an open assessment in storage): first question at ${ms(cold.firstQuestion)}, ${kb(cold.bytes)} in ${cold.requests} requests.`);

  const answering = (name, r) => {
    const x = m(r);
    return [name, ms(worst(r, (q) => q.longTasksAnswering && q.longTasksAnswering.max)), x.longTasksAnswering ? x.longTasksAnswering.count : '–', ms(x.longTasksAnswering && x.longTasksAnswering.total), ms(x.continueMedian)];
  };
  parts.push(`\n2. Answering: six pages answered, "Continue" on each (long tasks > 50 ms from the first question on)\n${table([
    ['page', 'longest task (worst run)', 'long tasks', 'total long-task time', '"Continue" → next page shown'],
    answering('our app', fq.app),
    answering('SurveyJS', fq.surveyjs),
    answering('plain HTML', fq.plain),
  ])}`);

  const rs = res.results || {};
  const rrow = (name, r) => (r && r.error ? [name, `failed: ${r.error}`] : [name, ms(m(r).chartsDrawn), kb(m(r).bytesAfterClick), ms(worst(r, (q) => q.longTasks && q.longTasks.max))]);
  parts.push(`\n3. Results: "Finish and see your results" → both charts drawn ([role=img][data-drawn=true])\n${table([
    ['page', 'click → charts drawn', 'bytes after the click', 'longest task'],
    rrow('our app (shipped: custom ECharts bundle)', rs.app),
    rrow('plain JS + the same bundle, same options', rs.chartsRefCustom),
    ['our app ÷ plain JS', times(ratio(m(rs.app).chartsDrawn, m(rs.chartsRefCustom).chartsDrawn)), '', ''],
    rrow('our app with the full echarts.min.js', rs.appFull),
    rrow('plain JS + full echarts.min.js', rs.chartsRef),
    ['our app ÷ plain JS (full ECharts)', times(ratio(m(rs.appFull).chartsDrawn, m(rs.chartsRef).chartsDrawn)), '', ''],
  ])}`);
  if (res.handOver) {
    const h = m(res.handOver);
    parts.push(`Hand-over to the whole app (src/web/handoff.rs): on the last question page, after its background fetch, "Continue" → "Check your answers" shown by the whole app in ${ms(h.checkShown)}, ${kb(h.bytesAfterClick)} fetched after the click, longest task ${ms(worst(res.handOver, (q) => q.longTasks && q.longTasks.max))}.`);
  }
  const sh = m(res.shared);
  parts.push(`Share link opened cold (#/shared/…): both charts drawn at ${ms(sh.chartsDrawn)}, ${kb(sh.bytes)} in ${sh.requests} requests (ECharts included); longest task ${ms(worst(res.shared, (q) => q.longTasks && q.longTasks.max))}; JS heap ${mb(sh.memory && sh.memory.jsHeap)} + wasm ${mb(sh.memory && sh.memory.wasm)}.`);

  parts.push(`\n4. Budgets (issue 8; the native report's, issue 14, are measured in section 8)\n${table([
    ['budget', 'measured', 'limit', 'result'],
    ...(res.budgets || []).map((b) => [b.name, b.shown, b.limitShown, marginText(b)]),
  ])}`);

  const e = res.echartsBundle;
  if (e) {
    parts.push(`\n5. ECharts: shipped bundle (scripts/echarts-custom.mjs: bar, radar, scatter, line; grid, legend, tooltip, radar, aria, title; canvas) vs the npm package's echarts.min.js\n${table([
      ['file', 'raw', 'gzip'],
      ['echarts.min.js (npm, full)', kb(e.full.raw), kb(e.full.gzip)],
      ['custom bundle (shipped)', kb(e.custom.raw), kb(e.custom.gzip)],
      ['saving', `${kb(e.saving.raw)} (${((e.saving.raw / e.full.raw) * 100).toFixed(0)}%)`, `${kb(e.saving.gzip)} (${(e.saving.gzipShare * 100).toFixed(0)}%)`],
    ])}`);
  }

  const first = fq.app && fq.app.runs && fq.app.runs.find((r) => !r.error);
  if (first && first.allIn) {
    const total = first.allIn.bytes;
    const byPage = new Set(first.resources.map((r) => shortName(r.url)));
    parts.push(`\n6. What our first visit downloads (one run, as the server sent it; "offline copy": fetched by the service worker only)\n${table([
      ['file', 'bytes', 'requests (status)', 'share', 'by'],
      ...[...first.allIn.paths].sort((a, b) => b.bytes - a.bytes).map((p) => {
        const name = shortName(p.path);
        return [name, kb(p.bytes), `${p.requests} (${p.statuses.join(', ')})`, `${((p.bytes / total) * 100).toFixed(0)}%`, byPage.has(name) ? 'page' + (p.requests > 1 ? ' + offline copy' : '') : 'offline copy'];
      }),
    ])}`);
  }

  // One column per build: the crates that are among the largest in any of them.
  const w = Array.isArray(res.wasmBreakdown) ? res.wasmBreakdown : [];
  if (w.length) {
    const top = [...new Set(w.flatMap((b) => b.crates.slice(0, 10).map((c) => c.crate)))];
    const cell = (b, crate) => {
      const c = b.crates.find((x) => x.crate === crate);
      return c ? `${kb(c.bytes)} (${(c.share * 100).toFixed(0)}%)` : '–';
    };
    parts.push(`\nInside each build's wasm: code by crate, from Cargo's output before wasm-bindgen and wasm-opt (the shipped files are smaller: the shares are what matter)\n${table([
      ['crate', ...w.map((b) => b.build)],
      ...top.map((crate) => [crate, ...w.map((b) => cell(b, crate))]),
      ['all code (data)', ...w.map((b) => `${kb(b.code)} (${kb(b.data)})`)],
    ])}`);
  }

  const g = res.group || [];
  if (g.length) {
    const grow = (x) => {
      if (!x.available) return [x.responses.toLocaleString('en-GB'), `not measured: ${x.reason}`];
      if (x.error) return [x.responses.toLocaleString('en-GB'), `failed: ${x.error}`];
      const d = x.median;
      const longest = worst(x, (r) => (r.longTasks ? r.longTasks.max : null));
      const filterLongest = worst(x, (r) => (r.filterLongTasks ? r.filterLongTasks.max : null));
      return [x.responses.toLocaleString('en-GB'), secs(d.importSeconds), secs(d.reportSeconds), ms(longest), ms(d.filterMs), ms(filterLongest), `${mb(d.peakRendererRss)} (${mb(d.rendererRssBefore)} before)`, mb(d.peakJsHeap), mb(d.wasmMemory), x.runs.length];
    };
    parts.push(`\n7. Group report in the browser (#/group, not throttled): choose the file → import summary → report drawn; then a sector filter chosen (longest tasks: worst run)\n${table([
      ['responses', 'imported', 'report shown', 'longest task', 'filtered', 'its longest task', 'peak renderer RSS', 'peak JS heap', 'wasm memory', 'runs'],
      ...g.map(grow),
    ])}`);
  } else {
    parts.push('\n7. Group report in the browser: not measured (skipped).');
  }

  const n = res.native;
  if (n) parts.push(renderNative(n));

  const lh = res.lighthouse;
  if (lh) {
    parts.push(`\n9. Lighthouse 12.2.3 (default mobile settings: simulated slow 4G, 4× CPU)\n${table([
      ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'bytes'],
      ...Object.entries(lh).map(([name, r]) => (r.scores
        ? [name, r.scores.performance, r.scores.accessibility, r.scores['best-practices'], r.scores.seo, ms(r.metrics['first-contentful-paint']), ms(r.metrics['largest-contentful-paint']), ms(r.metrics['total-blocking-time']), cls(r.metrics['cumulative-layout-shift']), kb(r.metrics['total-byte-weight'])]
        : [name, r.error])),
    ])}`);
    const several = Object.entries(lh).filter(([, r]) => (r.runs || []).length > 1);
    if (several.length) {
      parts.push(`Each page audited ${several[0][1].runs.length} times, the run with the median performance shown; every run's performance (LCP, TBT):`);
      for (const [name, r] of several) {
        parts.push(`  ${name}: ${r.runs.map((x) => (x.error ? 'failed' : `${x.performance} (${ms(x.lcp)}, ${ms(x.tbt)})`)).join(', ')}`);
      }
    }
    const errors = [...new Set(Object.values(lh).flatMap((r) => r.consoleErrors || []))];
    if (errors.length) parts.push(`Console errors Lighthouse counts against best practices: ${errors.join('; ')}`);
    const q = Object.entries(lh).find(([name]) => /question/.test(name));
    if (q && q[1].formControls === false) parts.push('WARNING: the question page showed no form controls: the seeded assessment was not seen.');
  }
  return parts.join('\n');
}
