// The app embedded in another site's page, from another origin: the test serves a host page from its
// own server on another port of 127.0.0.1 (another origin, in the same address space, as the
// browser's local-network rules want), so this spec does not use the fixture that forbids requests
// to other origins.
import { createServer } from 'node:http';
import { test, expect } from '@playwright/test';

let host;
let hostURL;
let appURL = '';

test.beforeAll(async ({}, testInfo) => {
  appURL = new URL('./', testInfo.project.use.baseURL).href;
  host = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>A foundation</title></head><body>
      <h1>A foundation's page</h1>
      <div data-collaboration-readiness data-src="${appURL}" data-accent="#00703c" data-namespace="host"></div>
      <script src="${appURL}embed.js"></script></body></html>`);
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostURL = `http://127.0.0.1:${host.address().port}/`;
});

test.afterAll(() => host.close());

async function hostPage(page) {
  await page.goto(hostURL);
  const iframe = page.locator('iframe[title="Collaboration readiness self-assessment"]');
  const frame = page.frameLocator('iframe[title="Collaboration readiness self-assessment"]');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('How ready are you to collaborate?');
  return { iframe, frame };
}

/** The iframe's height and its content's height, once they agree (the app reports it after layout). */
async function heights(iframe) {
  const measure = async () => ({
    iframe: (await iframe.boundingBox()).height,
    content: await iframe.contentFrame().locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height)),
  });
  await expect.poll(async () => {
    const m = await measure();
    return Math.abs(m.iframe - m.content) <= 1;
  }).toBe(true);
  return measure();
}

test('the iframe follows the height of the app as the person moves through pages', async ({ page }) => {
  const { iframe, frame } = await hostPage(page);
  const start = await heights(iframe);
  await frame.getByRole('button', { name: 'Start now' }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A recent collaboration');
  const question = await heights(iframe);
  expect(question.iframe).not.toBe(start.iframe);
  await frame.getByRole('button', { name: 'Continue' }).click();
  await expect(frame.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  const withError = await heights(iframe);
  expect(withError.iframe).toBeGreaterThan(question.iframe);
  // No inner scroll bar: the app's page is no taller than the iframe.
  const scroll = await iframe.contentFrame().locator('html').evaluate((h) => h.scrollHeight - h.clientHeight);
  expect(scroll).toBeLessThanOrEqual(1);
  // Compact mode, the host's accent, and storage kept under the embed's own namespace.
  await expect(frame.getByRole('banner')).toBeHidden();
  const keys = await iframe.contentFrame().locator('html').evaluate(() => Object.keys(localStorage));
  expect(keys).toContain('collaboration-readiness-host/assessments');
});

test('a forged height message from another origin is ignored', async ({ page }) => {
  const { iframe } = await hostPage(page);
  const before = (await heights(iframe)).iframe;
  // The host page (another origin than the app) posts a message shaped like the app's.
  await page.evaluate(() => window.postMessage({ type: 'collaboration-readiness:height', height: 7 }, '*'));
  // So does a frame of yet another origin.
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.srcdoc = "<script>parent.postMessage({ type: 'collaboration-readiness:height', height: 9 }, '*')<\/script>";
    document.body.appendChild(f);
  });
  // And the right window sends a message of the wrong shape.
  await iframe.contentFrame().locator('html').evaluate(() =>
    window.parent.postMessage({ type: 'collaboration-readiness:height', height: '12px' }, '*'),
  );
  await page.waitForTimeout(500);
  expect((await iframe.boundingBox()).height).toBeCloseTo(before, 0);
});
