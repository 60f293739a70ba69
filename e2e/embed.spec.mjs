// The app embedded in another site's page, from another origin: the test serves a host page from its
// own server on another port of 127.0.0.1 (another origin, in the same address space, as the
// browser's local-network rules want), so this spec does not use the fixture that forbids requests
// to other origins.
import { createServer } from 'node:http';
import { test, expect } from '@playwright/test';
import { axeViolations, forbidDialogs } from './support.mjs';

let host;
let hostURL;
let appURL = '';

test.beforeAll(async ({}, testInfo) => {
  appURL = new URL('./', testInfo.project.use.baseURL).href;
  // Host pages by path: each is the snippet a web admin pastes, with other attributes.
  const embeds = {
    '/': `<div data-collaboration-readiness data-src="${appURL}" data-accent="#00703c" data-namespace="host"></div>`,
    // Addresses that are not the web: each must be refused, none may run.
    '/not-the-web': [
      'javascript:parent.alert(1)//',
      ' JaVaScRiPt:parent.alert(2)//',
      'java\tscript:parent.alert(3)//',
      'data:text/html,<script>parent.alert(4)<\/script>',
    ].map((src) => `<div data-collaboration-readiness data-src="${src.replace(/"/g, '&quot;').replace(/</g, '&lt;')}"></div>`).join('\n'),
    // A light accent: a yellow on which white text and links would be unreadable.
    '/light-accent': `<div data-collaboration-readiness data-src="${appURL}" data-accent="#ffdd00" data-namespace="light"></div>`,
  };
  host = createServer((req, res) => {
    const embed = embeds[new URL(req.url, 'http://host').pathname] ?? embeds['/'];
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>A foundation</title></head><body>
      <h1>A foundation's page</h1>
      ${embed}
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
  // Every height message the host page receives, after embed.js has handled it (its listener was
  // added first, and a window's listeners run in the order they were added).
  await page.evaluate(() => {
    window.__heights = [];
    window.addEventListener('message', (e) => e.data?.type === 'collaboration-readiness:height' && window.__heights.push(e.data.height));
  });
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
  // Settled once embed.js has handled all three.
  await expect.poll(() => page.evaluate(() => [7, 9, '12px'].every((h) => window.__heights.includes(h)))).toBe(true);
  expect((await iframe.boundingBox()).height).toBeCloseTo(before, 0);
});

test('defect 10: a data-src that is not a web address draws nothing, runs nothing and says why', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${hostURL}not-the-web`);
  // embed.js has seen all four snippets (it marks each one it has handled).
  await expect(page.locator('[data-collaboration-readiness-ready]')).toHaveCount(4);
  // And has refused each of them, on the console. It handles every snippet at once, when the page
  // has been read, and never again: no iframe can come after its four refusals.
  await expect.poll(() => errors.length).toBeGreaterThanOrEqual(4);
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(errors).toHaveLength(4);
  for (const error of errors) {
    expect(error).toContain('data-src must be an http: or https: address, or one relative to this page');
    expect(error).toContain('was refused and nothing is shown');
  }
});

test('defect 20: a light accent colours the buttons with readable text, keeps links readable and passes axe', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`${hostURL}light-accent`);
  const iframe = page.locator('iframe[title="Collaboration readiness self-assessment"]');
  const frame = page.frameLocator('iframe[title="Collaboration readiness self-assessment"]');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('How ready are you to collaborate?');
  const style = (locator, property) => locator.evaluate((el, p) => getComputedStyle(el)[p], property);

  const start = frame.getByRole('button', { name: 'Start now' });
  expect(await style(start, 'backgroundColor')).toBe('rgb(255, 221, 0)');
  expect(await style(start, 'color')).toBe('rgb(0, 0, 0)');
  // Yellow text on white would read at 1.4:1: links keep the app's own blue, and the console says why.
  const link = frame.getByRole('link', { name: 'See what the 2018 survey found' });
  expect(await style(link, 'color')).toBe('rgb(29, 79, 145)');
  await expect.poll(() => warnings.join('\n')).toContain('accent #ffdd00 is not used for links');
  const app = await (await iframe.elementHandle()).contentFrame();
  expect(await axeViolations(app)).toEqual([]);

  // The whole app's pages too (buttons on the questions, and the summary's links).
  await start.click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A recent collaboration');
  expect(await style(frame.getByRole('button', { name: 'Continue' }), 'backgroundColor')).toBe('rgb(255, 221, 0)');
  expect(await axeViolations(app)).toEqual([]);
});

test('defect 20: a dark accent keeps links readable in dark mode, where it would not be', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const { frame } = await hostPage(page);
  // #00703c on the dark background reads at under 3:1: links keep the dark theme's own colour.
  const link = frame.getByRole('link', { name: 'See what the 2018 survey found' });
  expect(await link.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(138, 180, 248)');
  const start = frame.getByRole('button', { name: 'Start now' });
  expect(await start.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 112, 60)');
  expect(await start.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)');
});
