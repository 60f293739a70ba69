import { test, expect, axeViolations, openApp } from './support.mjs';
import { Questionnaire, Q } from './pages/questionnaire.mjs';

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
