import { test, expect, axeViolations, openApp, disableStorage } from './support.mjs';

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
