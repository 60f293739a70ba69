// Lighthouse (npm lighthouse, its default mobile settings) on the app's pages and the reference pages:
// performance, accessibility, best practices and SEO scores, and the main load metrics.
//
// A page that needs something in localStorage (the question page an open assessment, the results a
// finished one, the group report a group) gets a Chromium profile seeded with it through Playwright,
// and Lighthouse runs on that profile with --disable-storage-reset. A share link needs no storage.
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.mjs';
import { log } from './util.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'total-byte-weight'];

async function seedProfile(dir, origin, storage) {
  rmSync(dir, { recursive: true, force: true });
  // No service worker: its offline copy would serve the audited load from the cache.
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, serviceWorkers: 'block' });
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.goto(`${origin}index.html`);
    await page.evaluate((entries) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, storage);
    // Nothing of the seeding visit may be served from the cache during the audit.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await page.close();
  } finally {
    await context.close();
  }
}

/**
 * The run to report of several of one page: the one with the median performance score (ties: the
 * median LCP among them), as Lighthouse's own advice is to report a median of several runs, its
 * TBT on this machine moving by up to 100 ms between two runs of the same build.
 */
export function medianRun(runs) {
  const ok = runs.filter((r) => r.scores);
  if (ok.length === 0) return runs[runs.length - 1];
  const sorted = [...ok].sort((a, b) => a.scores.performance - b.scores.performance
    || a.metrics['largest-contentful-paint'] - b.metrics['largest-contentful-paint']);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** One Lighthouse run of `url`, on a fresh profile (seeded with `storage`, if any). */
async function runOnce({ root, dir, i, url, storage, origin }) {
  const needsStorage = storage != null;
  const profile = join(dir, `profile-${i}`);
  if (needsStorage) await seedProfile(profile, origin, storage);
  else {
    rmSync(profile, { recursive: true, force: true });
    mkdirSync(profile, { recursive: true });
  }
  const report = join(dir, `report-${i}.json`);
  const args = [
    join(root, 'bench/node_modules/lighthouse/cli/index.js'), url,
    '--output=json', `--output-path=${report}`, '--quiet',
    `--only-categories=${CATEGORIES.join(',')}`,
    '--max-wait-for-load=60000',
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')} --user-data-dir=${profile}`,
    ...(needsStorage ? ['--disable-storage-reset'] : []),
  ];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 240_000 });
  try {
    const lhr = JSON.parse(readFileSync(report, 'utf8'));
    return {
      url: url.length > 120 ? `${url.slice(0, 117)}...` : url,
      report,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c] ? Math.round(lhr.categories[c].score * 100) : null])),
      metrics: Object.fromEntries(METRICS.map((m) => [m, lhr.audits[m] ? lhr.audits[m].numericValue : null])),
      warnings: lhr.runWarnings || [],
      consoleErrors: ((lhr.audits['errors-in-console'].details || {}).items || []).map((x) => `${x.description} (${x.sourceLocation ? x.sourceLocation.url : ''})`),
      // The question page needs the seeded assessment: with it the page has form controls to label.
      formControls: lhr.audits.label ? lhr.audits.label.scoreDisplayMode !== 'notApplicable' : null,
      error: lhr.runtimeError ? lhr.runtimeError.message : undefined,
    };
  } catch (e) {
    return { url, error: `lighthouse failed (exit ${r.status}): ${(r.stderr || e.message).split('\n').filter(Boolean).slice(-1)[0]}` };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * `pages`: name → URL, or { url, storage } for a page that needs something in localStorage (a
 * profile is seeded with it and Lighthouse keeps it). Each page is audited `runs` times; the median
 * run is reported ([`medianRun`]), with every run's score, LCP and TBT beside it.
 */
export async function runLighthouse({ root, build, pages, origin, runs = 1 }) {
  const dir = join(build, 'lighthouse');
  mkdirSync(dir, { recursive: true });
  const out = {};
  let i = 0;
  for (const [name, page] of Object.entries(pages)) {
    const { url, storage } = typeof page === 'string' ? { url: page, storage: null } : page;
    const all = [];
    for (let run = 1; run <= runs; run++) {
      i += 1;
      log(`lighthouse: ${name}${runs > 1 ? `, run ${run}/${runs}` : ''}`);
      all.push(await runOnce({ root, dir, i, url, storage, origin }));
    }
    out[name] = {
      ...medianRun(all),
      runs: all.map((r) => (r.scores
        ? { performance: r.scores.performance, lcp: r.metrics['largest-contentful-paint'], tbt: r.metrics['total-blocking-time'] }
        : { error: r.error })),
    };
  }
  return out;
}
