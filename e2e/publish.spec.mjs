import { test, expect, axeViolations, openApp } from './support.mjs';
import { Questionnaire, Q } from './pages/questionnaire.mjs';

const ROUTES = [
  ['#/', 'How ready are you to collaborate?'],
  ['#/assessments', 'Your assessments'],
  ['#/privacy', 'Your answers and your privacy'],
  ['#/accessibility', 'Accessibility statement'],
  ['#/benchmark', 'What the 2018 survey found'],
  ['#/group', 'Group report'],
  ['#/results', 'No assessment is open'],
  ['#/compare', 'Compare two assessments'],
  ['#/assessment/example', 'No assessment is open'],
  ['#/assessment/check', 'No assessment is open'],
  ['#/shared/', 'These shared results cannot be shown'],
];

test('every route survives a reload on a plain static server, with no failed request', async ({ page }) => {
  const failed = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  for (const [fragment, heading] of ROUTES) {
    await openApp(page, fragment);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }), `after reload of ${fragment}`).toHaveText(heading);
  }
  expect(failed).toEqual([]);
});

/** The SHA-256 of `text`, in base64, as a CSP names an inline script or style. */
const sha256 = (page, text) => page.evaluate(async (t) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}, text);

test('the page carries a strict Content-Security-Policy and runs under it', async ({ page }) => {
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  // The one inline script (the boot script) runs because the policy names its hash; no other can.
  const inline = await page.locator('script:not([src])').evaluateAll((s) => s.map((e) => e.textContent));
  expect(inline).toHaveLength(1);
  const hash = await sha256(page, inline[0]);
  expect(csp).toContain(`'sha256-${hash}'`);
  // The one inline style sheet (main.css, so that the first paint waits for no other request) is
  // allowed by its hash in style-src, and styles the page.
  const styles = await page.locator('style').evaluateAll((s) => s.map((e) => e.textContent));
  expect(styles).toHaveLength(1);
  const styleHash = await sha256(page, styles[0]);
  expect(csp.split('; ')).toContain(`style-src 'self' 'sha256-${styleHash}'`);
  expect(await page.getByRole('banner').evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  // Every script and module the page loads carries Subresource Integrity.
  const scripts = await page.locator('script[src], link[rel="modulepreload"]').evaluateAll((s) =>
    s.map((e) => [e.getAttribute('src') || e.getAttribute('href'), e.integrity]),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const [src, integrity] of scripts) expect(integrity, src).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
  // A chart page loads ECharts under the policy, checked against its integrity.
  await page.goto('./#/benchmark');
  await expect(page.getByRole('img', { name: /at least somewhat/ })).toHaveAttribute('data-drawn', 'true');
  // The fixture fails the test on any policy violation.
});

test('after one visit the app works with the network cut, answers included', async ({ page, context }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await q.start();
  await q.option(Q.q1, 'No').check();
  // The whole app is kept the first time it is used (here: the privacy page).
  await page.goto('./#/privacy');
  await expect(q.heading()).toHaveText('Your answers and your privacy');
  // Its files are stored while the page is already shown; the network goes only once they are.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const stored = [];
        for (const name of await caches.keys()) {
          for (const request of await (await caches.open(name)).keys()) stored.push(new URL(request.url).pathname);
        }
        return stored.filter((path) => /\/(collaboration-readiness-[0-9a-f]+(_bg\.wasm|\.js)|app-[0-9a-f]+\.css)$/.test(path)).length;
      }),
    )
    .toBe(3);
  await page.goto('./#/assessment/example');
  await context.setOffline(true);
  await page.reload();
  await expect(q.heading()).toHaveText('A recent collaboration');
  await expect(q.option(Q.q1, 'No')).toBeChecked();
  await page.goto('./#/privacy');
  await expect(q.heading()).toHaveText('Your answers and your privacy');
  // The results build was never fetched, so it is not kept: the whole app shows the 2018 survey.
  await page.goto('./#/benchmark');
  await page.reload();
  await expect(q.heading()).toHaveText('What the 2018 survey found');
  await expect(page.getByRole('table', { name: 'Average scores in the 2018 survey' })).toBeVisible();
  await context.setOffline(false);
});

test('the accessibility statement has no accessibility violations', async ({ page }) => {
  await openApp(page, '#/accessibility');
  await expect(page.getByRole('heading', { name: 'How we tested it' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('the example host page embeds the app in compact mode with its accent colour', async ({ page }) => {
  await page.goto('./embed-example.html');
  const frame = page.frameLocator('iframe[title="Collaboration readiness self-assessment"]');
  // start=questionnaire opens on the first question of a new assessment (issue 15, item 3).
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A recent collaboration');
  await expect(frame.getByRole('banner')).toBeHidden();
  const accent = await frame.locator('html').evaluate((el) => getComputedStyle(el).getPropertyValue('--cr-accent').trim());
  expect(accent).toBe('#00703c');
  const keys = await frame.locator('html').evaluate(() => Object.keys(localStorage));
  expect(keys.every((k) => !k.startsWith('collaboration-readiness/'))).toBe(true);
});

test('the site answers a request for favicon.ico with the icon, not a 404', async ({ page }) => {
  await openApp(page, '#/');
  // Relative to the page: at the site's root on its own host, beside the page under a sub-path.
  const response = await page.request.get(new URL('favicon.ico', page.url()).href);
  expect(response.status()).toBe(200);
  const body = await response.body();
  // An ICO header (reserved 0, type 1) with one 32 × 32 image.
  expect([...body.subarray(0, 8)]).toEqual([0, 0, 1, 0, 1, 0, 32, 32]);
});
