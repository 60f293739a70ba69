import { test, expect, axeViolations, openApp, disableStorage } from './support.mjs';
import { Questionnaire, Q, storedBook, seedStorage } from './pages/questionnaire.mjs';

const BOOK_KEY = 'collaboration-readiness/assessments';
// embed-example.html names its own storage namespace.
const EMBED_BOOK_KEY = 'collaboration-readiness-example-foundation/assessments';
const APP_WASM = /\/collaboration-readiness-[0-9a-f]+_bg\.wasm$/;

test('the start page says what the self-assessment is and where answers are kept', async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle('Collaboration Readiness');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How ready are you to collaborate?');
  await expect(page.getByRole('heading', { name: 'Your answers stay in this browser' })).toBeVisible();
  await expect(page.getByText('Nothing is sent anywhere')).toBeVisible();
  // Storage works in this browser, so no warning about it.
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the start page does not download the chart library', async ({ page, requests }) => {
  await openApp(page);
  await page.waitForLoadState('networkidle');
  expect(requests.some((url) => url.endsWith('.wasm')), 'the app itself loads').toBe(true);
  expect(requests.filter((url) => url.includes('echarts'))).toEqual([]);
});

test('the start page has no accessibility violations', async ({ page }) => {
  await openApp(page);
  expect(await axeViolations(page)).toEqual([]);
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('an unknown address shows "page not found" with a way back', async ({ page }) => {
  await openApp(page, '#/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How ready are you to collaborate?');
});

test('without storage the start page says answers are kept only while it is open', async ({ page }) => {
  await disableStorage(page);
  await openApp(page);
  await expect(page.getByRole('alert')).toContainText('does not let the app keep data');
});

test('defect 26: the start page continues to the first unanswered page, and to the results once finished', async ({ page }) => {
  const q = new Questionnaire(page);
  await seedStorage(page, BOOK_KEY, storedBook('unfinished'));
  await openApp(page);
  // Last on the involvement page, but q5 and q6 (about the example) are still unanswered.
  await page.getByRole('button', { name: 'Continue “Team away day”' }).click();
  await expect(q.heading()).toHaveText('About that collaboration');
  await expect(q.option(Q.q4, '5 or more')).toBeChecked();

  // A finished assessment: its results, not the last page of questions.
  await page.evaluate(([key, book]) => localStorage.setItem(key, book), [BOOK_KEY, storedBook('finished')]);
  await openApp(page);
  await expect(page.getByText('You have finished “Before the restructure”.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Continue/ })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'See the results of “Before the restructure”' }).click();
  await expect(q.heading()).toHaveText('Your results');
  await expect(page.getByText(/^Before the restructure, completed/)).toBeVisible();
  await page.goBack();
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await expect(q.heading()).toHaveText('A recent collaboration');
  await expect(page.getByText('0 of 30 answers given')).toBeVisible();
});

test('defect 3: the embed example opens on the first question, and a returning visitor who finished on the results', async ({ page, requests }) => {
  await page.goto('./embed-example.html');
  const frame = page.frameLocator('iframe[title="Collaboration readiness self-assessment"]');
  const q = new Questionnaire(frame);
  // A first visit: a new assessment, on its first question (the questionnaire build alone).
  await expect(q.heading()).toHaveText('A recent collaboration');
  await expect(frame.getByText('0 of 30 answers given')).toBeVisible();
  await q.option(Q.q1, 'No').check();
  expect(requests.filter((u) => APP_WASM.test(u)), 'the whole app on the first question').toEqual([]);
  // Coming back: on with the same assessment, where it misses an answer (no second one started).
  await page.reload();
  await expect(q.heading()).toHaveText('Collaboration in general');
  const stored = (key) => frame.locator('html').evaluate((_, key) => JSON.parse(localStorage.getItem(key)), key);
  expect((await stored(EMBED_BOOK_KEY)).data.assessments).toHaveLength(1);

  // A returning visitor whose open assessment is finished: its results (the whole app takes over).
  await frame.locator('html').evaluate((_, [key, book]) => localStorage.setItem(key, book), [EMBED_BOOK_KEY, storedBook('finished')]);
  await page.reload();
  await expect(q.heading()).toHaveText('Your results');
  await expect(frame.getByText(/^Before the restructure, completed/)).toBeVisible();
  expect((await stored(EMBED_BOOK_KEY)).data.assessments).toHaveLength(2);
});
