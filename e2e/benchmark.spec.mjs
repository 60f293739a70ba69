import { test, expect, axeViolations, openApp } from './support.mjs';

test('the 2018 survey page draws its chart, with a summary and a data table', async ({ page, requests }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'See what the 2018 survey found' }).click();
  await expect(page).toHaveURL(/#\/benchmark$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What the 2018 survey found');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  const chart = page.getByRole('img', { name: /at least somewhat/ });
  await expect(chart).toHaveAttribute('data-drawn', 'true');
  await expect(chart.locator('canvas')).toHaveCount(1);
  expect(requests.filter((url) => /\/echarts-[0-9a-f]+\.min\.js$/.test(url))).toHaveLength(1);

  const table = page.getByRole('table', { name: /at least somewhat/ });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row', { name: /Collaborative Behaviours/ })).toContainText(['82%']);
  await expect(table.getByRole('row', { name: /Collaborative Behaviours/ })).toContainText(['72%']);
  await expect(page.getByRole('note')).toContainText('115 respondents');
  await expect(page.getByRole('note')).toContainText('overstated');
});

test('a reload on the 2018 survey page shows it again (no rewrite rules needed)', async ({ page }) => {
  await openApp(page, '#/benchmark');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What the 2018 survey found');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What the 2018 survey found');
  await expect(page.getByRole('img', { name: /at least somewhat/ })).toHaveAttribute('data-drawn', 'true');
  await expect(page).toHaveTitle(/The 2018 survey/);
});

test('the 2018 survey page has no accessibility violations once the chart is drawn', async ({ page }) => {
  await openApp(page, '#/benchmark');
  await expect(page.getByRole('img', { name: /at least somewhat/ })).toHaveAttribute('data-drawn', 'true');
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await axeViolations(page)).toEqual([]);
});

test('going back from the 2018 survey page returns to the start page', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'The 2018 survey', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What the 2018 survey found');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How ready are you to collaborate?');
});
