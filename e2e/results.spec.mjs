import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { test as plainTest } from '@playwright/test';
import { test, expect, axeViolations, drawnInFull, forbidDialogs, openApp, rowByHeader } from './support.mjs';
import { Questionnaire, FULL_ANSWERS, Q } from './pages/questionnaire.mjs';
import { Results, completeAssessment } from './pages/results.mjs';

// What FULL_ANSWERS gives, worked out by hand from instrument.md §3.
const EXPECTED_FACTORS = [
  ['Collaborative Behaviours', '3', '1', '2', 'A little or not at all', 'Yes'],
  ['Collaborative Citizens', '2', '1', '1', 'A little or not at all', 'Yes'],
  ['Collaborative Systems', '3', '3', '0', 'A great deal', 'No'],
  ['Collaborative Services', '3', '2', '1', 'Somewhat', 'No'],
  ['Collaborative Places', '3', '1', '2', 'A little or not at all', 'Yes'],
  ['Collaborative Markets', '2', '2', '0', 'Somewhat', 'No'],
  ['Urgency', '1', '0', '1', 'A little or not at all', 'No'],
  ['Requirements', 'Not applicable', '0', '–', 'A little or not at all', 'No'],
];

test('the results show every number of the known answers', async ({ page }) => {
  const r = await completeAssessment(page);
  // Readiness = mean prevalence of the six categories = 10/6; importance = 16/6.
  await expect(page.getByText('1.67 out of 3 (56%)')).toBeVisible();
  await expect(page.getByText('2.67 out of 3 (89%)')).toBeVisible();
  await expect(page.getByText('Based on 6 of the 6 categories of the Collaboration Readiness Index; 0 marked not applicable.')).toBeVisible();
  // Eight factors: prevalence 10/8 = 1.25, importance 17/7 = 2.43 (requirements not applicable).
  await expect(page.getByText('readiness 1.25, importance 2.43')).toBeVisible();
  const rows = (await r.rows(r.factorTable())).filter((row) => row.length > 1);
  expect(rows).toEqual(EXPECTED_FACTORS);

  // The action areas that apply, with their reasons.
  for (const title of ['Develop collaborative leadership', 'Align around place', 'Develop the skills and knowledge of collaborative citizens']) {
    await expect(page.getByRole('heading', { name: title, level: 3 })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Challenge rules and tolerate mistakes' })).toHaveCount(0);
  await expect(page.getByText('You placed the typical involvement of the public and service users at step 3 of 5')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '(your answer)' })).toHaveText(/^INVOLVE/);

  // The benchmark, with its sample size and caveat.
  const benchmark = page.getByRole('table', { name: 'Your answers beside the 2018 survey (115 respondents)' });
  expect(await r.row(benchmark, 'Average importance, six categories')).toEqual(['2.42', '2.67', '§2.3']);
  await expect(page.getByRole('note').filter({ hasText: '115 people' })).toContainText('overstated');
});

test('both charts draw, each beside a table that matches the engine', async ({ page }) => {
  const r = await completeAssessment(page);
  expect(await r.paintedPixels(/^Radar chart/)).toBeGreaterThan(1000);
  expect(await r.paintedPixels(/^Scatter chart/)).toBeGreaterThan(1000);
  await expect(page.locator('figcaption').filter({ hasText: 'The largest gap is 2, shared by Collaborative Behaviours (importance 3, prevalence 1) and Collaborative Places (importance 3, prevalence 1).' })).toBeVisible();
  await expect(page.locator('figcaption').filter({ hasText: 'In the priority zone (important, but little or not prevalent): Collaborative Behaviours, Collaborative Citizens, Collaborative Places.' })).toBeVisible();

  const radarTable = page.getByRole('table', { name: 'Your importance and prevalence for the six categories (0 to 3)' });
  const fromFactors = EXPECTED_FACTORS.slice(0, 6).map((row) => row.slice(0, 3));
  expect(await r.rows(radarTable)).toEqual(fromFactors);

  // Overlay of the 2018 survey: the chart redraws and the table gains its columns.
  await page.getByLabel('Compare with').selectOption({ label: 'The 2018 survey' });
  await expect(radarTable.getByRole('columnheader', { name: '2018: at least somewhat important' })).toBeVisible();
  expect(await r.row(radarTable, 'Collaborative Behaviours')).toEqual(['3', '1', '82%', '72%']);
  await expect(page.locator('figcaption').filter({ hasText: 'dashed grey lines show the share of 2018 respondents' })).toBeVisible();
  expect(await r.paintedPixels(/^Radar chart/)).toBeGreaterThan(1000);
  expect(await axeViolations(page)).toEqual([]);
});

test('export as JSON, clear storage, import: the same results', async ({ page }) => {
  const r = await completeAssessment(page);
  const before = await r.rows(r.factorTable());
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as JSON' }).click();
  const file = await (await download).path();
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as CSV' }).click();
  const csv = await readFile(await (await csvDownload).path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('\r\n');
  expect(csv.split('\r\n')[0]).toContain('q13_behaviours');

  await page.evaluate(() => localStorage.clear());
  await page.goto('./#/assessments');
  await page.reload();
  await expect(page.getByText('You have not started an assessment in this browser yet.')).toBeVisible();
  await page.getByLabel('Import answers from a file').setInputFiles(file);
  await expect(page.getByRole('status')).toContainText('1 added, 0 already in this browser.');
  await page.getByRole('button', { name: /^Results/ }).click();
  await expect(r.factorTable()).toBeVisible();
  expect(await r.rows(r.factorTable())).toEqual(before);

  // Importing the same file again adds nothing.
  await page.goto('./#/assessments');
  await page.getByLabel('Import answers from a file').setInputFiles(file);
  await expect(page.getByRole('status')).toContainText('0 added, 1 already in this browser.');
});

test('a wrong file is refused with a clear message and changes nothing', async ({ page }) => {
  await openApp(page, '#/assessments');
  await page.getByLabel('Import answers from a file').setInputFiles({
    name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('name,colour\nAnn,blue\n'),
  });
  await expect(page.getByRole('status')).toContainText('notes.csv: 0 added');
  await expect(page.getByRole('status')).toContainText('The file was not imported');
  await expect(page.getByText('You have not started an assessment in this browser yet.')).toBeVisible();
});

test('a share link opened in a fresh browser shows the same results, read-only', async ({ page, browser, baseURL }) => {
  const r = await completeAssessment(page);
  const before = await r.rows(r.factorTable());
  const link = await page.getByLabel('Link to these results').inputValue();
  expect(new URL(link).search).toBe('');
  expect(new URL(link).hash).toMatch(/^#\/shared\/[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Shared results');
  const shared = new Results(other);
  expect(await shared.rows(shared.factorTable())).toEqual(before);
  expect(await other.evaluate(() => localStorage.length)).toBe(0);
  await other.getByRole('button', { name: 'Keep a copy in this browser' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Kept.' })).toBeVisible();
  await fresh.close();
});

test('a damaged share link says so', async ({ page }) => {
  await openApp(page, '#/shared/not-really-answers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('These shared results cannot be shown');
});

test('printing the results gives a PDF with the charts and tables', async ({ page, browserName }) => {
  const r = await completeAssessment(page);
  await r.paintedPixels(/^Radar chart/);
  await r.paintedPixels(/^Scatter chart/);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  expect(pdf.length).toBeGreaterThan(50_000);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.getByText('state-of-collaboration version 1')).toBeVisible();
});

test('the results page has no accessibility violations, on a desktop and on a phone', async ({ page }) => {
  const r = await completeAssessment(page);
  await r.paintedPixels(/^Scatter chart/);
  expect(await axeViolations(page)).toEqual([]);
  // On a phone the tables scroll sideways: each scrolling box must be reachable by keyboard.
  await page.setViewportSize({ width: 390, height: 844 });
  await r.paintedPixels(/^Scatter chart/);
  expect(await axeViolations(page)).toEqual([]);
});

test('markup typed as an answer is shown as text and never runs', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  const xss = '<img src=x onerror=alert(1)>';
  const answers = structuredClone(FULL_ANSWERS);
  answers[1].answers[0][2] = xss;
  answers[2].answers[1][2] = `<script>alert(2)</script>${xss}`;
  const r = await completeAssessment(page, answers);
  const link = await page.getByLabel('Link to these results').inputValue();
  await page.goto('./#/assessment/check');
  await expect(page.getByText(xss, { exact: true })).toBeVisible();
  await page.goto(link);
  await expect(r.factorTable()).toBeVisible();
  // The shared results have settled once both charts are drawn, the last thing the page does
  // (ECharts fetched, then given every figure): anything that could run from the answers would be
  // in the page by then.
  for (const name of [/^Radar chart/, /^Scatter chart/]) {
    await r.chart(name).scrollIntoViewIfNeeded();
    await expect(r.chart(name)).toHaveAttribute('data-drawn', 'true');
  }
  await drawnInFull(page);
  expect(dialogs).toEqual([]);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('two assessments compare side by side, factor by factor', async ({ page }) => {
  await completeAssessment(page);
  const later = structuredClone(FULL_ANSWERS);
  later[4].answers[1][2] = 'A great deal'; // behaviours prevalence 1 -> 3
  await page.goto('./#/assessments');
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  const q = new Questionnaire(page);
  for (const a of later) await q.answerWithMouse(a);
  await page.getByRole('button', { name: 'Finish and see your results' }).click();
  await page.getByRole('link', { name: 'Compare two of your assessments' }).click();
  await expect(q.heading()).toHaveText('Compare two assessments');
  const r = new Results(page);
  const table = page.getByRole('table', { name: /^Change per factor/ });
  expect(await r.row(table, 'Collaborative Behaviours')).toEqual(['3', '3', '0', '1', '3', '+2']);
  await expect(page.locator('figcaption')).toContainText('prevalence rose for Collaborative Behaviours and did not fall for any factor');
  expect(await r.paintedPixels(/^Radar chart of importance and prevalence in the two/)).toBeGreaterThan(1000);
  expect(await axeViolations(page)).toEqual([]);
});

/** Completes FULL_ANSWERS, then a second assessment with behaviours' prevalence raised to 3. */
async function twoAssessments(page) {
  await completeAssessment(page);
  const later = structuredClone(FULL_ANSWERS);
  later[4].answers[1][2] = 'A great deal';
  await page.goto('./#/assessments');
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  const q = new Questionnaire(page);
  for (const a of later) await q.answerWithMouse(a);
  await page.getByRole('button', { name: 'Finish and see your results' }).click();
  await expect(q.heading()).toHaveText('Your results');
}

/** True when the element lies wholly inside the viewport's width (no sideways scrolling needed). */
async function fitsAcross(locator, width) {
  const box = await locator.boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= width + 0.5;
}

test('defect 16: the results of an unfinished assessment say what is missing and lead back to it', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  for (const a of FULL_ANSWERS.slice(0, 3)) await q.answerWithMouse(a);
  await expect(q.heading()).toHaveText('Involvement');
  await page.goto('./#/results');
  await expect(q.heading()).toHaveText('Your results');
  await expect(page.getByText('None of the weaknesses')).toHaveCount(0);
  const next = page.getByRole('heading', { name: 'What to do next', level: 2 });
  await expect(next).toBeVisible();
  await expect(page.getByText(/^No area of action can be given yet: the assessment is not finished/)).toBeVisible();
  await expect(page.getByText('Not answered yet: Involvement (3 answers), the eight pages on the factors, Collaborative Behaviours to Requirements (16 answers) and About you (4 answers).').first()).toBeVisible();
  const links = page.getByRole('link', { name: 'Continue the assessment at “Involvement”' });
  await expect(links).toHaveCount(2);
  await links.last().click();
  await expect(q.heading()).toHaveText('Involvement');
  expect(await axeViolations(page)).toEqual([]);
});

test('defect 17: a shared view speaks of these results, never of the reader\'s own', async ({ page, browser, baseURL }) => {
  await completeAssessment(page);
  await expect(page.getByRole('heading', { name: 'Your collaboration readiness' })).toBeVisible();
  const link = await page.getByLabel('Link to these results').inputValue();
  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Shared results');
  await expect(new Results(other).factorTable()).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Collaboration readiness in these results', level: 2 })).toBeVisible();
  await expect(other.getByRole('listitem').filter({ hasText: '(the answer)' })).toHaveText(/^INVOLVE/);
  await expect(other.getByText('(your answer)')).toHaveCount(0);
  await expect(other.getByText('The answer places the typical involvement of the public and service users at step 3 of 5')).toBeVisible();
  // Everything above "Keep a copy" (which offers the reader a copy among their own assessments),
  // but the name of the page "Your assessments".
  const text = await other.evaluate(() => {
    const range = document.createRange();
    range.setStartBefore(document.querySelector('main').firstChild);
    range.setEndBefore(document.getElementById('section-keep-a-copy'));
    return range.toString();
  });
  expect(text).toContain('Scores by factor');
  const results = text.replaceAll('Your assessments', '');
  expect(results).not.toMatch(/\byour\b/i);
  expect(results).not.toMatch(/\byou (are|placed|said|have)\b/i);
  // Nor do the names that assistive technology reads out.
  const names = await other.locator('main [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(names.filter((name) => /\byour\b/i.test(name))).toEqual([]);
  await fresh.close();
});

test('defect 17 and 22: the compare page never offers one assessment twice, and its changes fit a phone', async ({ page }) => {
  await twoAssessments(page);
  await page.getByRole('link', { name: 'Compare two of your assessments' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare two assessments');
  const earlier = page.getByLabel('Earlier assessment');
  const later = page.getByLabel('Later assessment');
  const offered = async (select) => select.locator('option').evaluateAll((os) => os.map((o) => o.value));
  const chosen = async (select) => select.evaluate((s) => s.value);
  expect(await offered(later)).not.toContain(await chosen(earlier));
  expect(await offered(earlier)).not.toContain(await chosen(later));
  expect(await offered(earlier)).toHaveLength(1);
  await expect(page.locator('figcaption')).toContainText('prevalence rose for Collaborative Behaviours and did not fall for any factor');

  await page.setViewportSize({ width: 320, height: 640 });
  const table = page.getByRole('table', { name: /^Change per factor/ });
  const cells = rowByHeader(table, 'Collaborative Behaviours').getByRole('cell');
  await expect(cells.last()).toHaveText('+2');
  await cells.last().scrollIntoViewIfNeeded();
  expect(await fitsAcross(cells.last(), 320)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(await axeViolations(page)).toEqual([]);
});

test('defect 22: on a 320 px phone the key columns fit, and the contents list moves to each section', async ({ page }) => {
  const r = await completeAssessment(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await drawnInFull(page);
  const cells = rowByHeader(r.factorTable(), 'Collaborative Behaviours').getByRole('cell');
  await expect(cells).toHaveText(['3', '1', '2', 'A little or not at all', 'Yes']);
  for (const i of [2, 3, 4]) {
    await cells.nth(i).scrollIntoViewIfNeeded();
    await expect(cells.nth(i)).toBeVisible();
    expect(await fitsAcross(cells.nth(i), 320), `gap, band, priority: cell ${i}`).toBe(true);
  }
  // Nothing on the page needs sideways scrolling, and no table sits in a box that scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const boxes = await page.locator('.table-scroll').evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth));
  expect(boxes.every((d) => d <= 1), `sideways overflow: ${boxes}`).toBe(true);
  // Captions wrap instead of being cut.
  for (const caption of await page.locator('main caption').all()) {
    expect(await fitsAcross(caption, 320)).toBe(true);
  }

  const contents = page.getByRole('navigation', { name: 'Contents' });
  await contents.scrollIntoViewIfNeeded();
  const links = contents.getByRole('link');
  await expect(links).toHaveText([
    'Your collaboration readiness', 'Your scores by factor', 'Your profile across the six categories',
    'Importance against prevalence', 'Compared with the 2018 survey', 'What to do next',
    'Your action plan', 'Engagement of citizens', 'Keep, share and print',
  ]);
  for (const name of ['Compared with the 2018 survey', 'Keep, share and print', 'Your scores by factor']) {
    await contents.scrollIntoViewIfNeeded();
    await contents.getByRole('link', { name }).click();
    const heading = page.getByRole('heading', { name, level: 2 });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    expect(new URL(page.url()).hash).toBe('#/results');
  }
  // By keyboard too.
  await contents.getByRole('link', { name: 'What to do next' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'What to do next', level: 2 })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
});

// A share link made inside an embed: the host page is served from another origin (another port of
// 127.0.0.1), as in embed.spec.mjs, so this test does without the fixture that forbids such requests.
plainTest.describe('defect 25', () => {
  let host;
  let hostURL;

  plainTest.beforeAll(async ({}, testInfo) => {
    const appURL = new URL('./', testInfo.project.use.baseURL).href;
    host = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>A foundation</title></head><body>
        <h1>A foundation's page</h1>
        <div data-collaboration-readiness data-src="${appURL}" data-namespace="host"></div>
        <script src="${appURL}embed.js"></script></body></html>`);
    });
    await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostURL = `http://127.0.0.1:${host.address().port}/take-part?page=2`;
  });

  plainTest.afterAll(() => host.close());

  plainTest('defect 25: a share link made in an embed opens the host page, never the bare app', async ({ page, baseURL }) => {
    const r = await completeAssessment(page);
    const before = await r.rows(r.factorTable());
    const own = await page.getByLabel('Link to these results').inputValue();
    const fragment = new URL(own).hash;

    // The host page, opened with the results' fragment: the embed shows them.
    await page.goto(hostURL + fragment);
    const frame = page.frameLocator('iframe[title="Collaboration readiness self-assessment"]');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Shared results');
    const link = await frame.getByLabel('Link to these results').inputValue();
    expect(link).toBe(hostURL + fragment);

    // The link made there opens the host page again, with the same results.
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: "A foundation's page" })).toBeVisible();
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Shared results');
    expect(await new Results(frame).rows(new Results(frame).factorTable())).toEqual(before);

    // A host named in the address but not the page that framed the app is ignored: the link opens
    // the full app at its own address.
    await page.goto(`./?embed=1&host=${encodeURIComponent('https://elsewhere.example/')}${fragment}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shared results');
    const forged = await page.getByLabel('Link to these results').inputValue();
    expect(forged).toBe(new URL('./', baseURL).href + fragment);
  });
});

test('a share link opened cold shows its figures and tables before the chart library, and the charts after', async ({ page, browser, baseURL }) => {
  await completeAssessment(page);
  const link = await page.getByLabel('Link to these results').inputValue();
  // A first visit, with ECharts held back on the way: no service worker to answer from a cache.
  const fresh = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const other = await fresh.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const asked = [];
  // Whether the headline was on the page when the library was asked for: it is fetched after the
  // text, not beside the app, whose download it would slow on a slow connection.
  const textFirst = [];
  await other.route(/\/echarts-[0-9a-f]+\.min\.js$/, async (route) => {
    asked.push(route.request().url());
    textFirst.push(await other.evaluate(() => document.body.innerText.includes('1.67 out of 3 (56%)')));
    await held;
    await route.continue();
  });
  const wasm = [];
  other.on('request', (request) => {
    if (/_bg\.wasm$/.test(request.url())) wasm.push(new URL(request.url()).pathname.replace(/.*\//, '').replace(/-[0-9a-f]+_bg\.wasm$/, ''));
  });
  // (The page's load event waits for the held library: the text must not.)
  await other.goto(link, { waitUntil: 'domcontentloaded' });
  const shared = new Results(other);
  await expect(other.getByText('1.67 out of 3 (56%)')).toBeVisible();
  await expect(shared.factorTable()).toBeVisible();
  await expect(other.getByRole('table', { name: 'Importance and prevalence for the six categories in these results (0 to 3)' })).toBeVisible();
  // The library is on its way while the text is read, and nothing is drawn without it.
  await expect.poll(() => asked.length).toBe(1);
  await expect.poll(() => textFirst).toEqual([true]);
  await expect(shared.chart(/^Radar chart/)).toHaveAttribute('data-drawn', 'false');
  release();
  expect(await shared.paintedPixels(/^Radar chart/)).toBeGreaterThan(1000);
  expect(await shared.paintedPixels(/^Scatter chart/)).toBeGreaterThan(1000);
  expect(asked).toHaveLength(1);
  // All of it from the results build: neither the questionnaire nor the whole app was loaded.
  expect(wasm).toEqual(['results']);
  await fresh.close();
});

test('a chart far below the fold is drawn only when the reader scrolls towards it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 640 });
  const r = await completeAssessment(page);
  const scatter = r.chart(/^Scatter chart/);
  // Well over a screen away from the top of the page: still waiting, its table already there.
  const distance = await scatter.evaluate((el) => el.getBoundingClientRect().top - 2 * window.innerHeight);
  expect(distance).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  await expect(scatter).toHaveAttribute('data-drawn', 'false');
  expect(await r.paintedPixels(/^Scatter chart/)).toBeGreaterThan(1000);
});
