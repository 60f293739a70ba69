// The app's three builds (src/web/handoff.rs): a first visit downloads only the questionnaire; the whole
// app comes when the person reaches the six categories, or at once when the page opens on one of its
// pages; it takes over with everything the questionnaire held, answers that storage refused included.
// The results, a share link and the 2018 survey opened cold load the results build, which hands over
// to the whole app in the same way.
import { readFileSync } from 'node:fs';
import { test, expect, openApp, appStarted, disableStorage, axeViolations } from './support.mjs';
import { Questionnaire, Q, FULL_ANSWERS, storedBook, seedStorage } from './pages/questionnaire.mjs';
import { GroupReportPage } from './pages/group.mjs';

const QUESTIONNAIRE_WASM = /\/questionnaire-[0-9a-f]+_bg\.wasm$/;
const RESULTS_WASM = /\/results-[0-9a-f]+_bg\.wasm$/;
const APP_WASM = /\/collaboration-readiness-[0-9a-f]+_bg\.wasm$/;
const BOOK_KEY = 'collaboration-readiness/assessments';
const builds = (requests) => ({
  questionnaire: requests.filter((u) => QUESTIONNAIRE_WASM.test(u)).length,
  results: requests.filter((u) => RESULTS_WASM.test(u)).length,
  app: requests.filter((u) => APP_WASM.test(u)).length,
});

test('a first visit loads the questionnaire alone; the whole app comes with the six categories', async ({ page, requests }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await page.waitForLoadState('networkidle');
  expect(requests.filter((u) => QUESTIONNAIRE_WASM.test(u))).toHaveLength(1);
  expect(requests.filter((u) => APP_WASM.test(u)), 'the whole app on the start page').toEqual([]);
  await q.start();
  // Up to the pages on the six categories, nothing more is downloaded.
  const beforeCategories = FULL_ANSWERS.findIndex((p) => p.heading === 'Collaborative Behaviours');
  for (const answers of FULL_ANSWERS.slice(0, beforeCategories)) await q.answerWithMouse(answers);
  await expect(q.heading()).toHaveText('Collaborative Behaviours');
  // From there it is fetched in the background, once, while the person answers.
  await expect.poll(() => requests.filter((u) => APP_WASM.test(u)).length).toBe(1);
  for (const answers of FULL_ANSWERS.slice(beforeCategories)) await q.answerWithMouse(answers);
  // "Check your answers" is the whole app's: it takes over, keeps every answer and moves focus to
  // the new page's heading, as on any change of page.
  await expect(q.heading()).toHaveText('Check your answers');
  await expect(q.heading()).toBeFocused();
  await expect(page).toHaveTitle('Check your answers – Collaboration Readiness');
  await expect(page.getByText('Not answered')).toHaveCount(0);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  // Back to a question: the whole app has every page, so nothing changes hands again.
  await page.getByRole('link', { name: /^Change what is your role/i }).click();
  await expect(q.heading()).toHaveText('About you');
  await expect(q.option(Q.q15, 'Director')).toBeChecked();
  expect(requests.filter((u) => QUESTIONNAIRE_WASM.test(u))).toHaveLength(1);
});

test('a page the questionnaire does not have loads the whole app alone', async ({ page, requests }) => {
  await new GroupReportPage(page).open();
  expect(requests.filter((u) => APP_WASM.test(u))).toHaveLength(1);
  expect(requests.filter((u) => QUESTIONNAIRE_WASM.test(u))).toEqual([]);
});

test('the results opened cold load the results build alone; another page hands over to the whole app', async ({ page, requests }) => {
  const q = new Questionnaire(page);
  await seedStorage(page, BOOK_KEY, storedBook('finished'));
  await openApp(page, '#/results');
  await expect(q.heading()).toHaveText('Your results');
  await expect(page.getByText(/^Before the restructure, completed/)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(builds(requests)).toEqual({ questionnaire: 0, results: 1, app: 0 });
  expect(await axeViolations(page)).toEqual([]);
  // What the results build writes is the person's: an action added here is there after the hand-over.
  await page.getByRole('group', { name: 'What will you work on?' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: /^Add an action for / }).first().click();
  await page.getByLabel('What will be done').fill('Ask the partners to the next review');
  await page.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^The action was added/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your assessments' }).click();
  await expect(q.heading()).toHaveText('Your assessments');
  await expect(q.heading()).toBeFocused();
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  expect(builds(requests)).toEqual({ questionnaire: 0, results: 1, app: 1 });
  // Back to the results: the whole app has them, with the action.
  await page.goBack();
  await expect(q.heading()).toHaveText('Your results');
  await expect(page.getByText('Ask the partners to the next review').first()).toBeVisible();
  expect(builds(requests)).toEqual({ questionnaire: 0, results: 1, app: 1 });
});

test('the 2018 survey opened cold loads the results build and draws its chart beside its table', async ({ page, requests }) => {
  await openApp(page, '#/benchmark');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What the 2018 survey found');
  await expect(page.getByRole('table', { name: 'Average scores in the 2018 survey' })).toBeVisible();
  await expect(page.getByRole('img', { name: /at least somewhat/ })).toHaveAttribute('data-drawn', 'true');
  expect(builds(requests)).toEqual({ questionnaire: 0, results: 1, app: 0 });
});

test('a stored book that only the whole app can repair, opened on the results, is repaired there and nothing is lost', async ({ page, requests }) => {
  const book = JSON.parse(readFileSync(new URL('../tests/fixtures/storage/book-v1.json', import.meta.url), 'utf8'));
  book.data.current = book.data.assessments[1].response.id;
  book.data.assessments[0].response.answers.q4 = '99';
  await seedStorage(page, BOOK_KEY, JSON.stringify(book));
  await openApp(page, '#/results');
  // The results build leaves the book untouched and hands over at once.
  await expect(page.getByRole('alert')).toContainText('Some saved answers could not be read');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await expect(page.getByText(/^Before the restructure, completed/)).toBeVisible();
  expect(builds(requests)).toEqual({ questionnaire: 0, results: 1, app: 1 });
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), BOOK_KEY);
  expect(stored.data.assessments).toHaveLength(2);
});

test('a link from the questionnaire to another page hands over, and the way back works', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  await q.option(Q.q1, 'No').check();
  await page.getByRole('link', { name: 'Your assessments' }).click();
  await expect(q.heading()).toHaveText('Your assessments');
  await expect(q.heading()).toBeFocused();
  await page.goBack();
  await expect(q.heading()).toHaveText('A recent collaboration');
  await expect(q.option(Q.q1, 'No')).toBeChecked();
});

test('with storage disabled, the questionnaire\'s download comes from the whole app and nothing is lost', async ({ page }) => {
  await disableStorage(page);
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  await q.option(Q.q1, 'No').check();
  await q.continue();
  await q.option(Q.q7, 'Important').check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download your answers' }).click();
  const file = await download;
  const body = JSON.parse(await (await import('node:fs/promises')).readFile(await file.path(), 'utf8'));
  expect(body.response.answers).toMatchObject({ q1: 'no', q7: 'important' });
  // The person is still where they were, answers on screen, the notice still there.
  await expect(q.heading()).toHaveText('Collaboration in general');
  await expect(q.option(Q.q7, 'Important')).toBeChecked();
  await expect(page.getByRole('alert')).toContainText('does not let the app keep data');
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expect(q.option(Q.q1, 'No')).toBeChecked();
});

test('offline, a page the questionnaire does not have says so, and the answers stay', async ({ page, context }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await q.start();
  await q.option(Q.q1, 'No').check();
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Your answers and your privacy' }).click();
  await expect(q.heading()).toHaveText('This page could not be opened');
  await expect(page.getByRole('alert')).toContainText('could not be loaded');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Back to the start page' }).click();
  await expect(page.getByRole('button', { name: /^Continue/ })).toBeVisible();
  await context.setOffline(false);
  await page.goto('./#/privacy');
  await expect(q.heading()).toHaveText('Your answers and your privacy');
});

/**
 * A fresh visitor's page (no service worker to answer from a cache) whose WebAssembly waits until
 * `release` is called; it fails on any Content-Security-Policy violation, as the `page` fixture does.
 * `book`, if given, is in its storage (a returning person's assessments).
 */
async function heldBack(browser, baseURL, book = null) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  if (book) await seedStorage(page, BOOK_KEY, book);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm(\?.*)?$/, async (route) => {
    await held;
    await route.continue();
  });
  const close = async () => {
    expect(await page.evaluate(() => window.__cspViolations), 'Content-Security-Policy violations').toEqual([]);
    await context.close();
  };
  return { page, release, close };
}

test('a share link, the 2018 survey, the group report and one\'s own results opened cold show their heading and introduction before the app has arrived, then the app draws the same page once', async ({ page, browser, baseURL }) => {
  await seedStorage(page, BOOK_KEY, storedBook('finished'));
  await openApp(page, '#/results');
  const link = await page.getByLabel('Link to these results').inputValue();
  const pages = [
    { fragment: link.slice(link.indexOf('#')), heading: 'Shared results', line: /^Someone shared these results with you\./, menu: null },
    { fragment: '#/benchmark', heading: 'What the 2018 survey found', line: /^Read these figures with care\./, menu: 'The 2018 survey' },
    { fragment: '#/group', heading: 'Group report', line: /Files are read in this browser: nothing is uploaded\.$/, menu: 'Group report' },
    // Which assessment they are comes from storage, once the app runs.
    { fragment: '#/results', heading: 'Your results', line: /^How ready you and your organisation are to collaborate,/, menu: null, book: storedBook('finished'), then: /^Before the restructure, completed / },
  ];
  for (const { fragment, heading, line, menu, book, then } of pages) {
    const visit = await heldBack(browser, baseURL, book);
    const other = visit.page;
    const main = other.getByRole('main');
    await other.goto(`./${fragment}`, { waitUntil: 'domcontentloaded' });
    // Before any of the app has arrived: the page's header, its heading and first lines, and only
    // those of this page; the footer waits for the page, which would push it down.
    await expect(other.getByRole('banner')).toBeVisible();
    await expect(other.locator('footer')).toBeHidden();
    await expect(main.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
    await expect(main.getByText(line)).toBeVisible();
    await expect(other.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(main).toHaveAttribute('aria-busy', 'true');
    expect(await other.evaluate(() => document.title)).toBe('Collaboration Readiness');
    visit.release();
    // The app draws the page: the same heading and lines, once, and its own parts after them.
    await appStarted(other);
    await expect(other).toHaveTitle(`${fragment === '#/benchmark' ? 'The 2018 survey' : heading} – Collaboration Readiness`);
    await expect(other.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(main.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
    await expect(main.getByText(line)).toHaveCount(1);
    if (then) await expect(main.getByText(then)).toBeVisible();
    await expect(main.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(other.getByRole('main')).toHaveCount(1);
    await expect(other.getByRole('banner')).toHaveCount(1);
    await expect(other.getByRole('contentinfo')).toBeVisible();
    // The menu marks the page shown, if it lists it, and nothing else.
    const current = other.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]');
    if (menu) await expect(current).toHaveText(menu);
    else await expect(current).toHaveCount(0);
    expect(await axeViolations(other)).toEqual([]);
    await visit.close();
  }
});

test('a link followed before the app has arrived shows that page\'s opening, then that page', async ({ browser, baseURL }) => {
  const visit = await heldBack(browser, baseURL);
  const other = visit.page;
  await other.goto('./#/benchmark', { waitUntil: 'domcontentloaded' });
  await expect(other.getByRole('heading', { level: 1, name: 'What the 2018 survey found' })).toBeVisible();
  await other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Group report' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Group report' })).toBeVisible();
  await expect(other.getByRole('heading', { level: 1 })).toHaveCount(1);
  // The results build, chosen for the 2018 survey, hands over to the whole app for the group report.
  visit.release();
  await expect(other.getByLabel('Name of the group', { exact: true })).toBeVisible();
  await expect(other.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(other.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]')).toHaveText('Group report');
  await visit.close();
});

test('when the app cannot be downloaded, the page says so and stops being busy; the opening stays', async ({ page }) => {
  await page.route(/_bg\.wasm(\?.*)?$/, (route) => route.abort('internetdisconnected'));
  await page.goto('./#/group');
  await expect(page.getByRole('alert')).toHaveText(/could not be loaded: this device may be offline\. Your answers are kept in this browser\./);
  const main = page.getByRole('main');
  await expect(main).not.toHaveAttribute('aria-busy', 'true');
  await expect(main.getByRole('heading', { level: 1, name: 'Group report' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('the service worker waits for the app\'s download, also on a page whose opening lets the load event come first', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm(\?.*)?$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./#/group');
  await expect(page.getByRole('heading', { level: 1, name: 'Group report' })).toBeVisible();
  // The load event has come and gone while the app is still on its way: no worker downloads yet.
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r))).toBe(false);
  release();
  await appStarted(page);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r))).toBe(true);
});
