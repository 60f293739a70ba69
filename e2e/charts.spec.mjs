// Every chart, hovered as a person moving the mouse over it, under the site's Content-Security-Policy
// (no inline styles): the tooltips must show without a single `securitypolicyviolation`. The support
// fixture records every violation from the page's start; each page's hovers are checked at once, and
// the fixture checks again at the end.
import { fileURLToPath } from 'node:url';
import { test, expect, drawnInFull } from './support.mjs';
import { GroupReportPage } from './pages/group.mjs';
import { completeAssessment } from './pages/results.mjs';

const fixture = (name) => fileURLToPath(new URL(`../tests/fixtures/${name}`, import.meta.url));

/**
 * Moves the mouse over every chart on the page (each an image with its accessible name): over a grid
 * of points across it (bars and radar areas answer anywhere near them) and over each scatter mark,
 * found with ECharts' public convertToPixel. Returns how many tooltips each chart showed, by name.
 */
async function hoverEveryChart(page, where) {
  await drawnInFull(page);
  const all = page.getByRole('img');
  const n = await all.count();
  expect(n, `charts on ${where}`).toBeGreaterThan(0);
  // Each is drawn as it comes into view, as a reader scrolls to it.
  for (let i = 0; i < n; i++) {
    await all.nth(i).scrollIntoViewIfNeeded();
    await expect(all.nth(i)).toHaveAttribute('data-drawn', 'true');
  }
  // Count the tooltips ECharts shows (its 'showTip' event), chart by chart.
  await page.evaluate(() => {
    window.__tips = {};
    document.querySelectorAll('[role="img"] [_echarts_instance_]').forEach((surface) => {
      const name = surface.closest('[role="img"]').getAttribute('aria-label');
      window.__tips[name] = 0;
      window.echarts.getInstanceByDom(surface).on('showTip', () => window.__tips[name]++);
    });
  });
  for (let i = 0; i < n; i++) {
    const chart = all.nth(i);
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    const marks = await chart.locator('[_echarts_instance_]').evaluate((surface) => {
      const chart = window.echarts.getInstanceByDom(surface);
      return chart.getOption().series.flatMap((s, index) =>
        s.type === 'scatter' ? s.data.map((d) => chart.convertToPixel({ seriesIndex: index }, d.value ?? d)) : [],
      );
    });
    const points = [...marks.map(([x, y]) => [box.x + x, box.y + y])];
    for (const fy of [0.2, 0.35, 0.5, 0.65, 0.8]) {
      for (const fx of [0.2, 0.35, 0.5, 0.65, 0.8]) points.push([box.x + box.width * fx, box.y + box.height * fy]);
    }
    for (const [x, y] of points) await page.mouse.move(x, y);
  }
  await page.mouse.move(0, 0);
  // Violations are reported asynchronously, each by a task queued when it happens, in order. One
  // caused now on purpose (a <base> element, which base-uri 'self' refuses: nothing is loaded) is
  // reported after every earlier one: once it has arrived, so have the hovers'. It is then taken off
  // the list.
  const canary = 'base-uri https://canary.invalid';
  await page.evaluate(() => {
    const base = document.createElement('base');
    base.href = 'https://canary.invalid/';
    document.head.append(base);
    base.remove();
  });
  await expect.poll(() => page.evaluate((canary) => window.__cspViolations.some((v) => v.startsWith(canary)), canary)).toBe(true);
  const violations = await page.evaluate((canary) => (window.__cspViolations = window.__cspViolations.filter((v) => !v.startsWith(canary))), canary);
  expect(violations, `Content-Security-Policy violations while hovering on ${where}`).toEqual([]);
  const tips = await page.evaluate(() => window.__tips);
  expect(Object.keys(tips)).toHaveLength(n);
  for (const [name, count] of Object.entries(tips)) {
    expect(count, `tooltips shown by "${name}" on ${where}`).toBeGreaterThan(0);
  }
  return tips;
}

/** Stores a copy of the first assessment under another id and name (a second completed one). */
async function addCopyOfAssessment(page, name) {
  await page.evaluate((name) => {
    const key = 'collaboration-readiness/assessments';
    const stored = JSON.parse(localStorage.getItem(key));
    const copy = structuredClone(stored.data.assessments[0]);
    copy.name = name;
    copy.response.id = `${copy.response.id}-copy`;
    stored.data.assessments.push(copy);
    localStorage.setItem(key, JSON.stringify(stored));
  }, name);
  await page.reload();
}

test('defect 11: hovering over every chart of the results, compare and 2018 survey pages breaks no CSP rule', async ({ page }) => {
  await completeAssessment(page);
  await hoverEveryChart(page, 'the results');
  await page.getByLabel('Compare with').selectOption({ label: 'The 2018 survey' });
  await expect(page.locator('figcaption').filter({ hasText: 'percentages, not scores' })).toBeVisible();
  await hoverEveryChart(page, 'the results with the 2018 survey');

  await addCopyOfAssessment(page, 'A second look');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await page.getByLabel('Compare with').selectOption({ index: 2 });
  await expect(page.getByLabel('Compare with').getByRole('option', { selected: true })).toHaveText(/^Your earlier assessment: A second look/);
  await hoverEveryChart(page, 'the results with an earlier assessment');

  await page.getByRole('link', { name: 'Compare two of your assessments' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare two assessments');
  await hoverEveryChart(page, 'the compare page');

  await page.getByRole('link', { name: 'The 2018 survey', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What the 2018 survey found');
  await hoverEveryChart(page, 'the 2018 survey page');
});

test('defect 11: hovering over every chart of the group report and a comparison breaks no CSP rule', async ({ page }) => {
  // Two imports and a few hundred hovers over some twenty charts: over a minute alone, and more
  // while the other specs share the machine's two cores.
  test.setTimeout(180_000);
  const g = new GroupReportPage(page);
  await g.open();
  await expect(page.getByLabel('Name of the group', { exact: true })).toBeVisible();
  await g.createGroup('Partnership 2026');
  await g.chooseFiles(fixture('group-40.csv'));
  await expect(await g.totals()).toContainText('40 responses added');
  await g.chartsDrawn();
  await hoverEveryChart(page, 'the group report');

  await g.createGroup('Partnership 2025');
  await g.chooseFiles(fixture('group-40.csv'));
  await expect(await g.totals()).toContainText('40 responses added');
  await page.getByLabel('Compare with', { exact: true }).selectOption({ label: 'Partnership 2026 (40 responses)' });
  await expect(g.table('Key figures of both groups')).toBeVisible();
  await hoverEveryChart(page, 'the group report with a comparison');
});
