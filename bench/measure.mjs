// The measurements of the performance harness; run by bench/run.sh after it has built the site and
// the reference pages into bench/build/. Prints the table and writes bench/results/latest.json.
//
//   node bench/measure.mjs            (BENCH_RUNS=3, BENCH_PORT=8790, BENCH_SKIP=lighthouse,group,native)
//   BENCH_ONLY=native node bench/measure.mjs   (section 8 alone: no browser; bench/results/native.json)
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, longTasks, openSession, PHONE, rendererRss, waitFor } from './lib/browser.mjs';
import { background, log, median, waitForUrl } from './lib/util.mjs';
import { runLighthouse } from './lib/lighthouse.mjs';
import { runNative } from './lib/native.mjs';
import { budgets, render } from './lib/report.mjs';
import { breakdown } from './wasm-breakdown.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const BUILD = resolve(process.env.BENCH_BUILD || join(root, 'bench/build'));
const SITE = join(BUILD, 'site');
const RUNS = Number(process.env.BENCH_RUNS || 3);
// Lighthouse on each page this many times, the median run reported (bench/lib/lighthouse.mjs).
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3);
const PORT = Number(process.env.BENCH_PORT || 8790);
const SKIP = new Set((process.env.BENCH_SKIP || '').split(',').map((s) => s.trim()).filter(Boolean));
const ONLY = process.env.BENCH_ONLY || '';
const ORIGIN = `http://127.0.0.1:${PORT}`;
/** The three builds (src/web/handoff.rs), by the name of Cargo's output. */
const WASM_BUILDS = [
  { bin: 'questionnaire', build: 'questionnaire' },
  { bin: 'results', build: 'results' },
  { bin: 'collaboration-readiness', build: 'whole app' },
];
const URLS = {
  app: `${ORIGIN}/app/`,
  appFull: `${ORIGIN}/app-full/`,
  surveyjs: `${ORIGIN}/surveyjs/`,
  plain: `${ORIGIN}/plain/`,
  chartsRef: `${ORIGIN}/charts-ref/`,
};
const STATS = `${ORIGIN}/__bench/stats`;
/** A session whose bytes the bench server counts too. */
const session = (browser, options = {}) => openSession(browser, { ...options, statsUrl: STATS });
const instrument = JSON.parse(readFileSync(join(BUILD, 'instrument.json'), 'utf8'));

// ------------------------------------------------------------------------------------------------
// How each page is answered: the same answers, found the way each page labels its controls.

/** The answer given to a field: "Yes" to q1 (so every page is asked), else the second option. */
function answerFor(f) {
  if (f.kind === 'text') return f.name === 'q3_other' ? null : { text: 'A shared hub with the council.' };
  if (f.name === 'q1') return { option: f.options[0] };
  if (f.kind === 'multiple') return { options: [f.options[0]] };
  return { option: f.options[Math.min(1, f.options.length - 1)] };
}

const ADAPTERS = {
  app: {
    group: (page, f) => page.getByRole('group', { name: f.title, exact: true }),
    async answer(page, f, a) {
      if (a.text) return page.getByRole('textbox', { name: f.title }).fill(a.text);
      for (const o of a.options || [a.option]) await this.group(page, f).getByLabel(o.label, { exact: true }).check();
    },
    first: (page, f) => (f.kind === 'text' ? page.getByRole('textbox', { name: f.title }) : page.getByRole('group', { name: f.title, exact: true })),
    next: (page) => page.getByRole('button', { name: 'Continue', exact: true }),
  },
  surveyjs: {
    async answer(page, f, a) {
      const q = page.locator(`[data-name="${f.name}"]`);
      if (a.text) return q.locator('textarea, input[type=text]').first().fill(a.text);
      for (const o of a.options || [a.option]) await q.getByText(o.label, { exact: true }).click();
    },
    first: (page, f) => page.locator(`[data-name="${f.name}"]`),
    next: (page) => page.getByRole('button', { name: 'Continue', exact: true }),
  },
  plain: {
    async answer(page, f, a) {
      if (a.text) return page.locator(`[name="${f.name}"]`).fill(a.text);
      for (const o of a.options || [a.option]) await page.locator(`input[name="${f.name}"][value="${o.code}"]`).check();
    },
    first: (page, f) => page.locator(f.kind === 'text' ? `#${f.name}` : `fieldset[data-name="${f.name}"]`),
    next: (page) => page.locator('section.page:not([hidden]) button.next'),
  },
};

/** Answers the first `pages` pages and clicks Continue on each; returns the Continue times. */
async function answerPages(page, adapter, pages) {
  const transitions = [];
  for (let i = 0; i < pages && i + 1 < instrument.pages.length; i++) {
    const p = instrument.pages[i];
    for (const f of p.fields) {
      const a = answerFor(f);
      if (a) await adapter.answer(page, f, a);
    }
    const t0 = Date.now();
    await adapter.next(page).click();
    await adapter.first(page, instrument.pages[i + 1].fields[0]).waitFor({ state: 'visible', timeout: 60_000 });
    transitions.push(Date.now() - t0);
  }
  return transitions;
}

// ------------------------------------------------------------------------------------------------
// Scenarios

/**
 * Start page → "Start now" → the first "Yes" radio shown and enabled, on a phone; then a person
 * answers the first six pages. One run.
 */
async function firstQuestion(browser, target, { answer = true } = {}) {
  const s = await session(browser);
  try {
    await s.page.goto(URLS[target], { waitUntil: 'commit' });
    // Clicked as a person would, as soon as it is shown: the probe sees it in the frame it appears,
    // where the click's own wait for the button polls at growing intervals (up to 500 ms late in two
    // runs of five, which was the whole difference between one run's median and another's).
    await s.page.waitForFunction(() => 'start' in window.__bench.t, null, { polling: 'raf', timeout: 120_000 });
    await s.page.getByRole('button', { name: /^Start now/ }).click({ timeout: 120_000 });
    const yes = await waitFor(s, 'yes');
    const p = await s.probe();
    const click = p.clicks[0];
    const loaded = s.responses();
    const memory = await s.memory();
    const out = {
      startShown: p.t.start,
      firstQuestion: yes,
      afterClick: yes - click,
      bytes: s.bytes(),
      requests: loaded.length,
      resources: loaded.map((r) => ({ url: r.url.replace(ORIGIN, ''), type: r.type, bytes: r.bytes, encoding: r.encoding })),
      echartsLoaded: loaded.some((r) => /echarts/.test(r.url)),
      longTasksLoad: longTasks(p.longtasks, 0, yes),
      memory,
    };
    // Everything the first visit downloads, as the server counts it: the page's requests, and the
    // service worker's offline copy once it is installed (the page's DevTools session does not see it).
    out.servedAtQuestion = (await s.served()).bytes;
    out.serviceWorker = await s.serviceWorkerSettled();
    const served = await s.served();
    out.allIn = {
      bytes: served.bytes,
      requests: served.requests,
      paths: Object.entries(served.paths).map(([path, p]) => ({ path: path.replace(/^\/[^/]+\//, ''), bytes: p.bytes, requests: p.requests, statuses: p.statuses })),
    };
    out.echartsLoaded = out.echartsLoaded || Object.keys(served.paths).some((path) => /echarts/.test(path));
    if (answer) {
      const since = await s.page.evaluate(() => performance.now());
      out.continueTimes = await answerPages(s.page, ADAPTERS[target], 6);
      const q = await s.probe();
      out.longTasksAnswering = longTasks(q.longtasks, since);
      out.memoryAfterAnswering = await s.memory();
    }
    return out;
  } finally {
    await s.close();
  }
}

/** A returning person opens `#/assessment/example` directly (an open assessment in storage). */
async function coldQuestion(browser, storage) {
  const s = await session(browser, { storage });
  try {
    await s.page.goto(`${URLS.app}#/assessment/example`, { waitUntil: 'commit' });
    const yes = await waitFor(s, 'yes');
    const p = await s.probe();
    return { firstQuestion: yes, bytes: s.bytes(), requests: s.responses().length, longTasksLoad: longTasks(p.longtasks, 0, yes), memory: await s.memory() };
  } finally {
    await s.close();
  }
}

/** On "Check your answers", "Finish and see your results" → both charts drawn. */
async function seeResults(browser, target, storage, width) {
  const s = await session(browser, { storage: target.startsWith('app') ? storage : null });
  try {
    const url = target.startsWith('app')
      ? `${URLS[target]}#/assessment/check`
      : `${URLS.chartsRef}?w=${width}${target === 'chartsRefCustom' ? '&lib=custom' : ''}`;
    await s.page.goto(url, { waitUntil: 'commit' });
    const button = s.page.getByRole('button', { name: 'Finish and see your results', exact: true });
    await button.waitFor({ state: 'visible', timeout: 120_000 });
    // Let the page settle: the click is what is timed, not the page's own load.
    await s.page.waitForLoadState('load');
    await s.serviceWorkerSettled();
    const before = (await s.served()).bytes;
    await button.click();
    const drawn = await waitFor(s, 'charts');
    const p = await s.probe();
    const click = p.clicks[p.clicks.length - 1];
    return {
      chartsDrawn: drawn - click,
      bytesAfterClick: (await s.served()).bytes - before,
      longTasks: longTasks(p.longtasks, click),
      memory: await s.memory(),
    };
  } finally {
    await s.close();
  }
}

/**
 * The hand-over from the questionnaire build to the whole app (src/web/handoff.rs): on the last question
 * page, where the questionnaire has fetched the whole app in the background, "Continue" → "Check your
 * answers" shown by the whole app.
 */
async function handOver(browser, storage) {
  const s = await session(browser, { storage });
  try {
    await s.page.goto(`${URLS.app}#/assessment/about-you`, { waitUntil: 'commit' });
    const next = ADAPTERS.app.next(s.page);
    await next.waitFor({ state: 'visible', timeout: 120_000 });
    // A person reads and answers the page meanwhile: the background fetch has finished.
    await s.page.waitForLoadState('networkidle');
    const before = (await s.served()).bytes;
    await next.click();
    const shown = await waitFor(s, 'check');
    const p = await s.probe();
    const click = p.clicks[p.clicks.length - 1];
    return { checkShown: shown - click, bytesAfterClick: (await s.served()).bytes - before, longTasks: longTasks(p.longtasks, click) };
  } finally {
    await s.close();
  }
}

/** A share link opened cold: the results page read-only, to both charts drawn. */
async function sharedResults(browser, fragment) {
  const s = await session(browser);
  try {
    await s.page.goto(`${URLS.app}${fragment}`, { waitUntil: 'commit' });
    const drawn = await waitFor(s, 'charts');
    const p = await s.probe();
    return { chartsDrawn: drawn, bytes: s.bytes(), requests: s.responses().length, longTasks: longTasks(p.longtasks), memory: await s.memory() };
  } finally {
    await s.close();
  }
}

/**
 * Completes the questionnaire once, without throttling, to learn the storage a returning person has
 * (an open assessment; a finished one on "Check your answers"), the share link and the charts' width.
 */
async function seed(browser) {
  const s = await session(browser, { throttle: false });
  try {
    const { page } = s;
    const dump = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    await page.goto(URLS.app);
    await page.getByRole('button', { name: /^Start now/ }).click();
    await waitFor(s, 'yes');
    const open = await dump();
    await answerPages(page, ADAPTERS.app, instrument.pages.length - 1);
    const last = instrument.pages[instrument.pages.length - 1];
    for (const f of last.fields) {
      const a = answerFor(f);
      if (a) await ADAPTERS.app.answer(page, f, a);
    }
    await ADAPTERS.app.next(page).click();
    await page.getByRole('button', { name: 'Finish and see your results', exact: true }).waitFor();
    const complete = await dump();
    await page.getByRole('button', { name: 'Finish and see your results', exact: true }).click();
    await waitFor(s, 'charts');
    const width = await page.evaluate(() => Math.round(document.getElementById('results-radar').getBoundingClientRect().width));
    const share = await page.getByLabel('Link to these results', { exact: true }).inputValue();
    const fragment = share.slice(share.indexOf('#'));
    const finished = await dump();
    // A facilitator's group of 40 responses, for the group report opened with a group in storage.
    await page.goto(`${URLS.app}#/group`);
    await page.getByLabel('Name of the group', { exact: true }).fill('Workshop');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.locator('input[type=file]').and(page.getByLabel(/respons/i)).setInputFiles(join(root, 'tests/fixtures/group-40.csv'));
    await page.getByRole('region', { name: 'Import summary' }).getByText(/responses? added/).first().waitFor();
    const group = await dump();
    return { open, complete, finished, group, width, fragment };
  } finally {
    await s.close();
  }
}

// ------------------------------------------------------------------------------------------------
// The group report at scale, in the browser (not throttled: a facilitator at a desk).

function ensureCsv(n) {
  const dir = join(BUILD, 'data');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `group-${n}.csv`);
  if (!existsSync(path) || statSync(path).size === 0) {
    const r = spawnSync(join(root, 'target/release/examples/bench_engine'), ['--write', String(n), path], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench_engine --write ${n}: ${r.stderr}`);
  }
  return path;
}

async function groupImport(browser, csv, n) {
  const s = await session(browser, { throttle: false });
  let timer = null;
  try {
    const { page } = s;
    await page.goto(`${URLS.app}#/group`);
    // (The header is the page's own: the app has started once <main> is no longer busy.)
    await page.locator('main:not([aria-busy])').waitFor({ timeout: 30_000 });
    const input = page.locator('input[type=file]').and(page.getByLabel(/respons/i));
    const name = page.getByLabel('Name of the group', { exact: true });
    try {
      await input.or(name).first().waitFor({ state: 'attached', timeout: 10_000 });
    } catch {
      return { available: false, reason: 'group page not available (no file input labelled "responses" on #/group)' };
    }
    if (await name.isVisible()) {
      await name.fill(`Bench ${n}`);
      await page.getByRole('button', { name: 'Create group' }).click();
    }
    await input.waitFor({ state: 'attached', timeout: 10_000 });
    // Peak memory, sampled from outside the page (the page's thread may be busy for seconds).
    const peak = { rss: 0, jsHeap: 0 };
    const sample = () => {
      for (const r of rendererRss()) peak.rss = Math.max(peak.rss, r.rss);
      s.cdp.send('Runtime.getHeapUsage').then((h) => { peak.jsHeap = Math.max(peak.jsHeap, h.usedSize); }, () => {});
    };
    sample();
    const baseline = peak.rss;
    timer = setInterval(sample, 200);
    // The import timed in the page, from just before the file is chosen to the DOM change that puts
    // "… added" into the import summary (seen by a MutationObserver in the same task): the harness's
    // own round trip to notice it, which waits for the page's next free moment, is not counted.
    await page.evaluate(() => {
      const b = window.__bench;
      b.importStart = performance.now();
      new MutationObserver((_, observer) => {
        const summary = document.getElementById('import-summary');
        if (summary && /responses? added/.test(summary.textContent)) {
          b.imported = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const t0 = Date.now();
    await input.setInputFiles(csv);
    const summary = page.getByRole('region', { name: 'Import summary' });
    await summary.getByText(/responses? added/).first().waitFor({ timeout: 600_000 });
    const noticed = Date.now() - t0;
    const imported = await page.evaluate(() => window.__bench.imported - window.__bench.importStart);
    const report = page.getByRole('region', { name: /^Report: / });
    await report.first().waitFor({ timeout: 120_000 }).catch(() => {});
    // Every chart drawn, scrolled to one after another as a reader would (the app draws a chart as it
    // comes into view).
    await page.waitForFunction(() => {
      const waiting = document.querySelector('[role=img][data-drawn=false]');
      if (waiting) waiting.scrollIntoView({ block: 'nearest' });
      return !waiting;
    }, null, { timeout: 120_000, polling: 100 });
    const reported = Date.now() - t0;
    clearInterval(timer);
    timer = null;
    sample();
    const text = (await summary.getByRole('paragraph').first().textContent()).trim();
    const importTasks = longTasks((await s.probe()).longtasks);
    // A filter chosen: from the change to the report's size line saying how many it keeps (timed in
    // the page, so that the harness's own round trips are not counted).
    const size = page.locator('.report-size');
    const before = await size.textContent();
    const filtered = await page.evaluate(async (before) => {
      const select = document.getElementById('filter-sector');
      const line = document.querySelector('.report-size');
      const t = performance.now();
      select.value = 'public';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      while (line.isConnected && line.textContent === before) await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t;
    }, before);
    const all = (await s.probe()).longtasks;
    const filterTasks = longTasks(all.slice(importTasks.count));
    const wasm = (await s.memory()).wasm;
    return { available: true, responses: n, importSeconds: imported / 1000, importNoticedSeconds: noticed / 1000, reportSeconds: reported / 1000, summary: text, peakRendererRss: peak.rss, rendererRssBefore: baseline, peakJsHeap: peak.jsHeap, wasmMemory: wasm, longTasks: importTasks, filterMs: filtered, filterLongTasks: filterTasks };
  } finally {
    if (timer) clearInterval(timer);
    await s.close();
  }
}

// ------------------------------------------------------------------------------------------------

async function repeat(label, n, fn) {
  const runs = [];
  for (let i = 0; i < n; i++) {
    log(`${label}: run ${i + 1}/${n}`);
    try {
      runs.push(await fn());
    } catch (e) {
      log(`${label}: run ${i + 1} failed: ${e.message.split('\n')[0]}`);
      runs.push({ error: e.message.split('\n')[0] });
    }
  }
  return runs;
}

/** The median of `path` (a function of a run) over the runs that have it. */
const med = (runs, path) => median(runs.filter((r) => !r.error).map(path));

function summarise(runs) {
  const ok = runs.filter((r) => !r.error);
  if (!ok.length) return { runs, error: runs[0] && runs[0].error };
  const keys = (o, prefix = []) => Object.entries(o).flatMap(([k, v]) => (typeof v === 'number' ? [[...prefix, k]] : v && typeof v === 'object' && !Array.isArray(v) ? keys(v, [...prefix, k]) : []));
  const medianOf = {};
  for (const path of keys(ok[0])) {
    const value = med(ok, (r) => path.reduce((o, k) => (o == null ? undefined : o[k]), r));
    let o = medianOf;
    for (const k of path.slice(0, -1)) o = o[k] = o[k] || {};
    o[path[path.length - 1]] = value;
  }
  const allContinue = ok.flatMap((r) => r.continueTimes || []);
  if (allContinue.length) medianOf.continueMedian = median(allContinue);
  return { median: medianOf, runs };
}

/** Section 8 alone: the native report against DuckDB, Polars and pandas, without the browser. */
function nativeOnly(started) {
  const results = {
    only: 'native',
    date: new Date().toISOString(),
    git: spawnSync('git', ['-C', root, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).stdout.trim(),
    settings: { runs: RUNS },
    native: runNative({ root, runs: RUNS, ensureCsv }),
  };
  // Only the budgets this section measures (the browser's would read "not measured").
  results.budgets = budgets(results).filter((b) => b.section === 'native');
  results.seconds = (Date.now() - started) / 1000;
  const text = render(results);
  results.table = text;
  const out = join(root, 'bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'native.json'), JSON.stringify(results, null, 2));
  process.stdout.write(`${text}\n\nWritten to bench/results/native.json (${Math.round(results.seconds)} s of measuring).\n`);
}

async function main() {
  const started = Date.now();
  if (ONLY === 'native') return nativeOnly(started);
  const results = {
    date: new Date().toISOString(),
    git: spawnSync('git', ['-C', root, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).stdout.trim(),
    settings: {
      runs: RUNS,
      cpuThrottling: PHONE.cpuRate,
      network: { downKbps: 1600, upKbps: 750, rttMs: PHONE.network.latency },
      viewport: '412×823 @1.75, mobile, touch',
      server: 'bench/serve.mjs on loopback: gzip (level 9), Cache-Control max-age=600 and ETag as GitHub Pages; every run in a new browser context (empty cache and storage)',
      chromium: spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim(),
    },
    echartsBundle: JSON.parse(readFileSync(join(BUILD, 'echarts-sizes.json'), 'utf8')),
  };
  // Where each build's wasm code comes from, read from Cargo's output of the build (names not yet
  // stripped). run.sh keeps a copy of it right after the build (target/ is shared with other builds).
  results.wasmBreakdown = WASM_BUILDS.flatMap(({ bin, build }) => {
    const file = [join(BUILD, `${bin}-cargo.wasm`), join(root, `target/wasm32-unknown-unknown/release/${bin}.wasm`)].find(existsSync);
    if (!file) return [];
    const b = breakdown(file);
    return [{ build, file, bytes: b.bytes, code: b.code, data: b.data, crates: b.crates.slice(0, 15) }];
  });
  const server = background(process.execPath, [join(root, 'bench/serve.mjs'), '--root', SITE, '--port', String(PORT)]);
  try {
    await waitForUrl(`${URLS.app}index.html`);
    // Fill the server's gzip cache, so that no measured request waits for compression.
    for (const dir of readdirSync(SITE)) {
      for (const f of readdirSync(join(SITE, dir))) {
        if (statSync(join(SITE, dir, f)).isFile()) await fetch(`${ORIGIN}/${dir}/${f}`, { headers: { 'accept-encoding': 'gzip' } }).then((r) => r.arrayBuffer());
      }
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      log('seeding: completing the questionnaire once');
      const seeded = await seed(browser);
      results.seed = { width: seeded.width, shareLinkChars: seeded.fragment.length };
      results.firstQuestion = {};
      results.results = {};
      if (!SKIP.has('pages')) {
        for (const target of ['app', 'surveyjs', 'plain']) {
          results.firstQuestion[target] = summarise(await repeat(`first question, ${target}`, RUNS, () => firstQuestion(browser, target)));
        }
        results.coldQuestion = summarise(await repeat('cold #/assessment/example', RUNS, () => coldQuestion(browser, seeded.open)));
        for (const target of ['app', 'chartsRefCustom', 'appFull', 'chartsRef']) {
          results.results[target] = summarise(await repeat(`see results, ${target}`, RUNS, () => seeResults(browser, target, seeded.complete, seeded.width)));
        }
        results.shared = summarise(await repeat('share link, cold', RUNS, () => sharedResults(browser, seeded.fragment)));
        results.handOver = summarise(await repeat('hand-over to the whole app', RUNS, () => handOver(browser, seeded.complete)));
      }
      results.group = [];
      if (!SKIP.has('group')) {
        for (const [n, runs] of [[10_000, RUNS], [100_000, Number(process.env.BENCH_RUNS_100K || 1)]]) {
          const csv = ensureCsv(n);
          const r = await repeat(`group import ${n}`, runs, () => groupImport(browser, csv, n));
          const first = r.find((x) => !x.error) || r[0];
          if (first && first.available === false) {
            results.group.push({ responses: n, available: false, reason: first.reason });
            break;
          }
          results.group.push({ responses: n, available: true, ...summarise(r) });
        }
      }
      results.shareFragment = seeded.fragment;
      results.storage = seeded;
    } finally {
      await browser.close();
    }
    if (!SKIP.has('native')) results.native = runNative({ root, runs: RUNS, ensureCsv });
    if (!SKIP.has('lighthouse')) {
      results.lighthouse = await runLighthouse({
        root,
        build: BUILD,
        pages: {
          'app: start': `${URLS.app}#/`,
          'app: question': { url: `${URLS.app}#/assessment/example`, storage: results.storage.open },
          'app: results (share link)': `${URLS.app}${results.shareFragment}`,
          'app: results (own assessment)': { url: `${URLS.app}#/results`, storage: results.storage.finished },
          'app: group (none stored)': `${URLS.app}#/group`,
          'app: group (40 responses stored)': { url: `${URLS.app}#/group`, storage: results.storage.group },
          'app: the 2018 survey': `${URLS.app}#/benchmark`,
          'SurveyJS': URLS.surveyjs,
          'plain HTML': URLS.plain,
        },
        origin: URLS.app,
        runs: LIGHTHOUSE_RUNS,
      });
    }
  } finally {
    server.stop();
  }
  delete results.storage;
  results.budgets = budgets(results);
  results.seconds = (Date.now() - started) / 1000;
  const text = render(results);
  results.table = text;
  const out = join(root, 'bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), JSON.stringify(results, null, 2));
  process.stdout.write(`${text}\n\nWritten to bench/results/latest.json (${Math.round(results.seconds)} s of measuring).\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
