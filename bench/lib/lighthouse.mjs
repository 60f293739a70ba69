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
 * `pages`: name → URL, or { url, storage } for a page that needs something in localStorage (a
 * profile is seeded with it and Lighthouse keeps it).
 */
export async function runLighthouse({ root, build, pages, origin }) {
  const dir = join(build, 'lighthouse');
  mkdirSync(dir, { recursive: true });
  const out = {};
  let i = 0;
  for (const [name, page] of Object.entries(pages)) {
    i += 1;
    const { url, storage } = typeof page === 'string' ? { url: page, storage: null } : page;
    const needsStorage = storage != null;
    const profile = join(dir, `profile-${i}`);
    if (needsStorage) await seedProfile(profile, origin, storage);
    else {
      rmSync(profile, { recursive: true, force: true });
      mkdirSync(profile, { recursive: true });
    }
    const report = join(dir, `report-${i}.json`);
    log(`lighthouse: ${name}`);
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
      out[name] = {
        url: url.length > 120 ? `${url.slice(0, 117)}...` : url,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c] ? Math.round(lhr.categories[c].score * 100) : null])),
        metrics: Object.fromEntries(METRICS.map((m) => [m, lhr.audits[m] ? lhr.audits[m].numericValue : null])),
        warnings: lhr.runWarnings || [],
        consoleErrors: ((lhr.audits['errors-in-console'].details || {}).items || []).map((x) => `${x.description} (${x.sourceLocation ? x.sourceLocation.url : ''})`),
        // The question page needs the seeded assessment: with it the page has form controls to label.
        formControls: lhr.audits.label ? lhr.audits.label.scoreDisplayMode !== 'notApplicable' : null,
        error: lhr.runtimeError ? lhr.runtimeError.message : undefined,
      };
    } catch (e) {
      out[name] = { url, error: `lighthouse failed (exit ${r.status}): ${(r.stderr || e.message).split('\n').filter(Boolean).slice(-1)[0]}` };
    }
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}
