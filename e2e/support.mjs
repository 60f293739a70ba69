// Shared fixtures for the end-to-end specs: every test watches the requests its page makes, and
// fails if one goes to another origin; `axe` scans the page with axe-core for WCAG 2.2 AA.
import { createRequire } from 'node:module';
import { test as base, expect } from '@playwright/test';

const require = createRequire(import.meta.url);
const axeSource = require('fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const test = base.extend({
  /** Every URL the page requested, in order. */
  requests: async ({ page }, use) => {
    const urls = [];
    page.on('request', (request) => urls.push(request.url()));
    await use(urls);
  },
  /**
   * After each test: nothing was requested from any origin but the site's own, and the page's
   * Content-Security-Policy was never violated.
   */
  page: async ({ page, baseURL }, use) => {
    const own = new URL(baseURL).origin;
    const foreign = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== own) foreign.push(request.url());
    });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    await use(page);
    expect(foreign, 'requests to other origins').toEqual([]);
    if (!page.isClosed()) {
      const violations = await page.evaluate(() => window.__cspViolations || []).catch(() => []);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    }
  },
});

/**
 * Waits until a long page has drawn all its sections: they come one per frame after the first
 * (web::components::in_turn), so a count of what the page holds must wait for them.
 */
export async function drawnInFull(page) {
  await expect(page.locator('.in-turn')).toHaveCount(0);
}

/** Runs axe-core on the page (WCAG 2.0–2.2 A and AA rules) and returns its violations. */
export async function axeViolations(page) {
  // Every section is checked, not only those drawn so far.
  await drawnInFull(page);
  // Evaluated through the DevTools protocol, so the page's own Content-Security-Policy is untouched.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }),
  );
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Makes `localStorage` throw, as a browser does where storage is disabled or blocked. */
export async function disableStorage(page) {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
}

/**
 * Watches for dialogs (an injected script would call alert): each one is dismissed, and its message
 * added to the list returned, which a test expects to stay empty.
 */
export function forbidDialogs(page) {
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

/** The rows of `table` whose row header is exactly `name`. */
export function rowByHeader(table, name) {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });
}

/**
 * Opens the app on `fragment` and waits until it has started: the page's header and footer are
 * index.html's, and its <main> is busy (showing at most the page's opening) until the app draws it.
 */
export async function openApp(page, fragment = '') {
  await page.goto(`./${fragment}`);
  await appStarted(page);
}

/** Waits until the app has drawn the page (its <main> is no longer busy). */
export async function appStarted(page) {
  await expect(page.getByRole('main')).not.toHaveAttribute('aria-busy', 'true');
}

export { expect };
