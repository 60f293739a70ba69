import { readFileSync } from 'node:fs';
import { test, expect, axeViolations, openApp, appStarted } from './support.mjs';
import { Questionnaire, Q } from './pages/questionnaire.mjs';
import { GroupReportPage } from './pages/group.mjs';
import { csvOf, responseCells } from './group-data.mjs';

/** `text` as UTF-16 little-endian with its byte-order mark, as spreadsheets save "Unicode text". */
const utf16le = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

test('a person keeps several assessments, renames one and deletes them with confirmation', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  await q.option(Q.q1, 'Yes').check();

  await page.getByRole('link', { name: 'Your assessments' }).click();
  await expect(q.heading()).toHaveText('Your assessments');
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await expect(q.heading()).toHaveText('A recent collaboration');
  await expect(q.option(Q.q1, 'Yes')).not.toBeChecked();

  await page.getByRole('link', { name: 'Your assessments' }).click();
  const items = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('In progress: 0 of 30 answers given');
  await expect(items.nth(1)).toContainText('In progress: 1 of 30 answers given');

  // Rename the older one.
  await items.nth(1).getByRole('button', { name: /^Rename/ }).click();
  await items.nth(1).getByLabel('New name').fill('Housing partnership');
  await items.nth(1).getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { name: 'Housing partnership' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Deleting asks first; cancelling keeps it.
  const housing = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Housing partnership' }) });
  await housing.getByRole('button', { name: 'Delete Housing partnership' }).click();
  await expect(housing.getByText('Delete “Housing partnership” from this browser?')).toBeVisible();
  await housing.getByRole('button', { name: 'Cancel' }).click();
  await expect(items).toHaveCount(2);
  await housing.getByRole('button', { name: 'Delete Housing partnership' }).click();
  await housing.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByRole('status')).toContainText('“Housing partnership” was deleted.');
  await expect(items).toHaveCount(1);

  // Open the remaining one where it was left.
  await items.first().getByRole('button', { name: /^Open/ }).click();
  await expect(q.heading()).toHaveText('A recent collaboration');

  await page.getByRole('link', { name: 'Your assessments' }).click();
  await page.getByRole('button', { name: 'Delete all assessments' }).click();
  await page.getByRole('button', { name: 'Yes, delete them all' }).click();
  await expect(page.getByText('You have not started an assessment in this browser yet.')).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('collaboration-readiness/assessments')).data.assessments)).toEqual([]);
});

test('an embed with its own namespace keeps its answers apart', async ({ page }) => {
  const q = new Questionnaire(page);
  await page.goto('./?ns=partner#/');
  await q.start();
  await q.option(Q.q1, 'Yes').check();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys).toContain('collaboration-readiness-partner/assessments');
  expect(keys).not.toContain('collaboration-readiness/assessments');
  await page.goto('./#/');
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
});

// Stored books as an earlier version of the app left them (the frozen fixture), changed as a fault or
// an adversary would change them.
const BOOK_KEY = 'collaboration-readiness/assessments';
const SET_ASIDE_KEY = 'collaboration-readiness/assessments.set-aside';
const fixtureBook = () =>
  JSON.parse(readFileSync(new URL('../tests/fixtures/storage/book-v1.json', import.meta.url), 'utf8'));

/** Puts `envelope` in storage as the book and opens the app on `fragment`, as a returning visitor. */
async function openWithStoredBook(page, envelope, fragment = '#/assessments') {
  await openApp(page);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [BOOK_KEY, JSON.stringify(envelope)]);
  await page.goto(`./${fragment}`);
  await page.reload();
  await appStarted(page);
}

const menuLink = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

const assessmentItems = (page) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });

test('defect 2: one bad answer in storage hides nothing; what could not be read is kept aside and can be downloaded', async ({ page }) => {
  const book = fixtureBook();
  book.data.assessments[1].response.answers.q4 = '99';
  await openWithStoredBook(page, book);

  await expect(page.getByRole('alert')).toContainText('Some saved answers could not be read');
  await expect(page.getByRole('alert')).toContainText('“Before the restructure”');
  await expect(assessmentItems(page)).toHaveCount(2);
  const done = assessmentItems(page).filter({ has: page.getByRole('heading', { name: 'Before the restructure' }) });
  await expect(done).toContainText('Complete');

  const kept = page.getByRole('region', { name: 'Kept aside' });
  await expect(kept).toContainText('One thing saved in this browser could not be read');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    kept.getByRole('button', { name: 'Download what was set aside' }).click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file.items).toHaveLength(1);
  expect(file.items[0].answers).toEqual(['q4']);
  expect(JSON.parse(file.items[0].stored).response.answers.q4).toBe('99');
  expect(await axeViolations(page)).toEqual([]);

  // The repaired book was saved: a reload reads it cleanly, and what was set aside stays.
  await page.reload();
  await expect(assessmentItems(page)).toHaveCount(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Kept aside' })).toBeVisible();
});

test('defect 2: an assessment that cannot be read at all is kept aside and Try to restore brings it back', async ({ page }) => {
  const book = fixtureBook();
  book.data.assessments[1].name = null;
  await openWithStoredBook(page, book);
  await expect(assessmentItems(page)).toHaveCount(1);
  await expect(page.getByRole('alert')).toContainText('could not be read at all');

  const kept = page.getByRole('region', { name: 'Kept aside' });
  await kept.getByRole('button', { name: 'Try to restore' }).click();
  await expect(kept.getByRole('status')).toContainText('1 restored');
  await expect(assessmentItems(page)).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Restored assessment' })).toBeVisible();
  const stored = await page.evaluate(([b, s]) => [localStorage.getItem(b), localStorage.getItem(s)], [BOOK_KEY, SET_ASIDE_KEY]);
  expect(JSON.parse(stored[0]).data.assessments).toHaveLength(2);
  expect(JSON.parse(stored[1]).data).toEqual([]);
});

test('defect 2: a book saved by a newer version is said so and left untouched', async ({ page }) => {
  const book = fixtureBook();
  book.schema = 99;
  const raw = JSON.stringify(book);
  await openWithStoredBook(page, book, '#/');
  await expect(page.getByRole('alert')).toContainText('saved by a newer version of this app');
  await expect(page.getByRole('alert')).not.toContainText('could not be read');
  await page.getByRole('button', { name: 'Start now' }).click();
  await new Questionnaire(page).option(Q.q1, 'Yes').check();
  expect(await page.evaluate((key) => localStorage.getItem(key), BOOK_KEY)).toBe(raw);
});

test('defect 8: two stored assessments with one id are both listed and each opens', async ({ page }) => {
  const book = fixtureBook();
  book.data.assessments[1].response.id = book.data.assessments[0].response.id;
  await openWithStoredBook(page, book);
  await expect(assessmentItems(page)).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Team away day' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Before the restructure' })).toBeVisible();
  const ids = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).data.assessments.map((a) => a.response.id), BOOK_KEY);
  expect(new Set(ids).size).toBe(2);
  const done = assessmentItems(page).filter({ has: page.getByRole('heading', { name: 'Before the restructure' }) });
  await done.getByRole('button', { name: /^Results/ }).click();
  await expect(page.getByText('Before the restructure, completed')).toBeVisible();
});

test('defect 9 and 27: names are limited, default names and file names of one day are distinct, compare is offered', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page, '#/assessments');
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await expect(q.heading()).toHaveText('A recent collaboration');
  await menuLink(page, 'Your assessments').click();
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await expect(q.heading()).toHaveText('A recent collaboration');
  await menuLink(page, 'Your assessments').click();
  const headings = assessmentItems(page).getByRole('heading', { level: 2 });
  await expect(headings).toHaveCount(2);
  const [newer, older] = await headings.allTextContents();
  expect(newer).toBe(`${older} (2)`);
  await expect(page.getByRole('link', { name: 'Compare two of your assessments' })).toBeVisible();

  const names = [];
  for (const i of [0, 1]) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      assessmentItems(page).nth(i).getByRole('button', { name: /^Download/ }).click(),
    ]);
    names.push(download.suggestedFilename());
  }
  expect(names[0]).not.toBe(names[1]);
  for (const name of names) expect(name.length).toBeLessThanOrEqual(80);

  const first = assessmentItems(page).first();
  await first.getByRole('button', { name: /^Rename/ }).click();
  await first.getByLabel('New name').fill('x'.repeat(121));
  await first.getByRole('button', { name: 'Save name' }).click();
  await expect(first.getByText('A name can be at most 120 characters long.')).toBeVisible();
  await expect(headings.first()).toHaveText(newer);
});

test('defect 24: an exported assessment imports elsewhere with its name, start and completion', async ({ page, browser }) => {
  const book = fixtureBook();
  await openWithStoredBook(page, book);
  const done = assessmentItems(page).filter({ has: page.getByRole('heading', { name: 'Before the restructure' }) });
  const started = (await done.textContent()).match(/Started ([^.]+)\./)[1];
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    done.getByRole('button', { name: /^Download/ }).click(),
  ]);
  const path = await download.path();
  const file = JSON.parse(readFileSync(path, 'utf8'));
  expect(file.assessment).toEqual({
    name: 'Before the restructure',
    started_at: book.data.assessments[1].created_at,
    completed_at: book.data.assessments[1].completed_at,
  });
  expect(file.response.submitted_at).toBe(book.data.assessments[1].completed_at);

  // Another device: a fresh browser imports the file.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page2 = await other.newPage();
  await openApp(page2, '#/assessments');
  await page2.getByLabel('Import answers from a file').setInputFiles(path);
  await expect(page2.getByRole('status')).toContainText('1 added');
  const item = assessmentItems(page2).filter({ has: page2.getByRole('heading', { name: 'Before the restructure' }) });
  await expect(item).toContainText(`Started ${started}.`);
  await expect(item).toContainText('Complete');
  await other.close();
});

test('defect 2: opened on the start page, a damaged book is read by the whole app, which keeps every assessment', async ({ page }) => {
  const book = fixtureBook();
  book.data.assessments[0].response.answers.q4 = '99';
  await openWithStoredBook(page, book, '#/');
  await expect(page.getByRole('alert')).toContainText('in “Team away day”, the answer to q4 (“How many organisations');
  await menuLink(page, 'Your assessments').click();
  await expect(assessmentItems(page)).toHaveCount(2);
});

test('defect 4: your assessments\' import reads UTF-16 exactly and refuses Latin-1, as the group import does', async ({ page }) => {
  const words = 'Café à naïve – “joint” work';
  const csv = csvOf([responseCells(1, undefined, { response_id: 'utf16-1', q1: 'yes', q2: words })]);
  const latin1 = Buffer.from(csvOf([responseCells(2, undefined, { response_id: 'latin-1', q1: 'yes', q2: 'Café à naïve' })]), 'latin1');
  const files = {
    utf16: { name: 'unicode.csv', mimeType: 'text/csv', buffer: utf16le(csv) },
    latin1: { name: 'latin.csv', mimeType: 'text/csv', buffer: latin1 },
  };

  await openApp(page, '#/assessments');
  const chooser = page.getByLabel('Import answers from a file');
  await chooser.setInputFiles(files.latin1);
  await expect(page.getByRole('status')).toContainText('latin.csv: 0 added');
  await expect(page.getByRole('status')).toContainText('not UTF-8 text (the first problem is on line 2)');
  await expect(page.getByText('You have not started an assessment in this browser yet.')).toBeVisible();

  await chooser.setInputFiles(files.utf16);
  await expect(page.getByRole('status')).toContainText('unicode.csv: 1 added');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('collaboration-readiness/assessments')).data.assessments);
  expect(stored.map((a) => [a.response.id, a.response.answers.q2])).toEqual([['utf16-1', words]]);

  // The group import applies the same rules to the same files.
  const g = new GroupReportPage(page);
  await g.open();
  await g.createGroup('Encodings');
  await g.chooseFiles([files.latin1, files.utf16]);
  await expect(await g.totals()).toHaveText('1 response added, 0 duplicates left out, 0 rows rejected, 1 file not imported.');
  await expect(g.summary()).toContainText('not UTF-8 text (the first problem is on line 2)');
});
