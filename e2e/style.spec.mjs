// How the pages look, where that is a promise: styles that do not depend on the order the two style
// sheets arrive in, room between the header and each page's heading, and printouts without the
// controls that only work on a screen.
import { test, expect, openApp } from './support.mjs';
import { Questionnaire, Q } from './pages/questionnaire.mjs';
import { GroupReportPage } from './pages/group.mjs';
import { completeAssessment } from './pages/results.mjs';

const background = (locator) => locator.evaluate((el) => getComputedStyle(el).backgroundColor);

/** Opens `fragment` as a fresh page load (typed into the address bar, or a bookmark). */
async function loadDirectly(page, fragment) {
  await page.goto('about:blank');
  await openApp(page, fragment);
}

test('defect 19: delete buttons stay red on a direct load of #/group and #/assessments', async ({ page }) => {
  // One assessment and one group, so that both pages show a delete button.
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  await q.option(Q.q1, 'Yes').check();
  const g = new GroupReportPage(page);
  await g.open();
  await expect(page.getByLabel('Name of the group', { exact: true })).toBeVisible();
  await g.createGroup('Style check');
  const deleteGroup = page.getByRole('button', { name: 'Delete group' });
  const deleteAll = page.getByRole('button', { name: 'Delete all assessments' });
  const red = 'rgb(176, 32, 15)';

  // Reached from the start page: the questionnaire's styles first, then the whole app's.
  await loadDirectly(page, '');
  await page.getByRole('link', { name: 'Group report' }).click();
  await expect(deleteGroup).toBeVisible();
  const navigatedGroup = await background(deleteGroup);
  await page.getByRole('link', { name: 'Your assessments' }).click();
  await expect(deleteAll).toBeVisible();
  const navigatedAssessments = await background(deleteAll);
  expect([navigatedGroup, navigatedAssessments]).toEqual([red, red]);

  // Loaded directly: the whole app (and its style sheet) starts first.
  await loadDirectly(page, '#/group');
  await expect(deleteGroup).toBeVisible();
  expect(await background(deleteGroup)).toBe(navigatedGroup);
  await loadDirectly(page, '#/assessments');
  await expect(deleteAll).toBeVisible();
  expect(await background(deleteAll)).toBe(navigatedAssessments);
  // An ordinary button keeps its own colour either way.
  expect(await background(page.getByRole('button', { name: 'Start a new assessment' }))).toBe('rgb(0, 112, 60)');
});

test('defect 21: each page leaves room between the header bar and its heading', async ({ page }) => {
  const gap = async () => {
    const header = await page.getByRole('banner').boundingBox();
    const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
    return h1.y - (header.y + header.height);
  };
  await completeAssessment(page);
  const pages = [['results', await gap()]];
  for (const [link, heading] of [
    ['Your assessments', 'Your assessments'],
    ['Group report', 'Group report'],
    ['The 2018 survey', 'What the 2018 survey found'],
    ['Start', 'How ready are you to collaborate?'],
  ]) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    pages.push([link, await gap()]);
  }
  // The start page as a first visit sees it (the questionnaire's build, main.css alone).
  await page.evaluate(() => localStorage.clear());
  await loadDirectly(page, '');
  pages.push(['first visit', await gap()]);
  for (const [name, px] of pages) expect(px, `gap above the heading on ${name}`).toBeGreaterThanOrEqual(16);
});

test('defect 23: printed results leave out what only works on a screen', async ({ page }) => {
  await completeAssessment(page);
  // A second completed assessment, so that the link to compare them is shown.
  await page.evaluate(() => {
    const key = 'collaboration-readiness/assessments';
    const stored = JSON.parse(localStorage.getItem(key));
    const copy = structuredClone(stored.data.assessments[0]);
    copy.name = 'A second look';
    copy.response.id = `${copy.response.id}-copy`;
    stored.data.assessments.push(copy);
    localStorage.setItem(key, JSON.stringify(stored));
  });
  await page.reload();
  const screenOnly = [
    page.getByRole('heading', { name: 'Keep, share and print' }),
    page.getByRole('heading', { name: 'Share these results' }),
    page.getByRole('link', { name: 'Compare two of your assessments' }),
    page.getByRole('button', { name: 'Copy the link' }),
    page.getByText('This link carries your answers'),
  ];
  for (const item of screenOnly) await expect(item).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  for (const item of screenOnly) await expect(item).toBeHidden();
  // What a printout is for stays.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await expect(page.getByText(/Printed from Collaboration Readiness/)).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(screenOnly[0]).toBeVisible();
});
