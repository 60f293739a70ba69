import { test, expect, axeViolations, openApp } from './support.mjs';
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
