// The group's workshop guide and the colleagues' written answers, on the group report (#/group): a
// facilitator imports a group, reads what to discuss, prints the guide on its own (at most two A4
// pages), and reads the free-text answers, which a group below the minimum size keeps withheld.
import { fileURLToPath } from 'node:url';
import { test, expect, axeViolations } from './support.mjs';
import { GroupReportPage } from './pages/group.mjs';
import { csvOf, responseCells } from './group-data.mjs';

const fixture = (name) => fileURLToPath(new URL(`../tests/fixtures/${name}`, import.meta.url));

/** A responses CSV of `n` generated responses, each changed by `change(i)` (cells to override). */
function csvFile(name, n, change = () => ({})) {
  const rows = Array.from({ length: n }, (_, i) => responseCells(i + 1, undefined, change(i)));
  return { name, mimeType: 'text/csv', buffer: Buffer.from(csvOf(rows)) };
}

const guide = (page) => page.getByRole('region', { name: 'Workshop guide' });
const written = (page) => page.getByRole('region', { name: 'What colleagues wrote' });

/** How many pages a PDF has: its page objects (not the page tree's /Pages). */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
}

test('the workshop guide on the report, printed on its own on at most two A4 pages', async ({ page }) => {
  const g = new GroupReportPage(page);
  await g.open();
  await g.createGroup('Northshire partnership');
  await g.chooseFiles(fixture('group-40.csv'));
  await expect(await g.totals()).toHaveText('40 responses added, 0 duplicates left out, 0 rows rejected.');

  const section = guide(page);
  await expect(section).toBeVisible();
  // Four parts a screen reader can move between, each topic a heading with its questions as a list.
  for (const part of [
    'Where the group is divided',
    'Where the group agrees, the largest gaps',
    "The group's strengths",
    "Areas of action the group's answers point to",
  ]) {
    await expect(section.getByRole('heading', { level: 3, name: part })).toBeVisible();
  }
  const topics = section.getByRole('heading', { level: 4 });
  expect(await topics.count()).toBeGreaterThan(0);
  const first = await topics.first().textContent();
  const questions = section.getByRole('list', { name: `Questions about ${first}` });
  const n = await questions.getByRole('listitem').count();
  expect(n).toBeGreaterThanOrEqual(2);
  expect(n).toBeLessThanOrEqual(3);
  await expect(section).toContainText('See Appendix 1 of the 2018 report');
  expect(await axeViolations(page)).toEqual([]);

  // Print: the browser's dialog is replaced, so that the page stays as it is while it prints.
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
  });
  await section.getByRole('button', { name: 'Print the workshop guide' }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('heading', { level: 3, name: 'Where the group is divided' })).toBeVisible();
  await expect(section.getByText('Northshire partnership. Printed')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Print the workshop guide' })).toBeHidden();
  await expect(g.report()).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Group report' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Export' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = pdfPages(pdf);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);

  // Once printing ends, printing the page prints the whole report again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(g.report()).toBeVisible();
  await expect(section).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

test('written answers are listed without ids, a question too few answered is withheld, and both sections fit 320 px', async ({ page }) => {
  const g = new GroupReportPage(page);
  await g.open();
  await g.createGroup('Eight colleagues');
  // Everyone describes a project (q2); only three say why collaboration matters (q8), fewer than the
  // minimum group size of 5. One answer tries to be markup: it must be read as text.
  const reasons = ['It is how we reach people', '<b>We cannot do it alone</b>', 'Budgets are shared now'];
  await g.chooseFiles(csvFile('eight.csv', 8, (i) => ({
    q1: 'yes', q2: `Project line ${i + 1}`, q3: 'local_authority', q4: '3', q5: 'middle', q6: 'too_early',
    q8: i < 3 ? reasons[i] : '',
  })));
  await expect(await g.totals()).toHaveText('8 responses added, 0 duplicates left out, 0 rows rejected.');
  const section = written(page);
  await expect(section).toBeVisible();
  const projects = section.getByRole('list', { name: 'The project or programme of work (q2)' });
  await expect(projects.getByRole('listitem')).toHaveCount(8);
  const listed = (await projects.getByRole('listitem').allTextContents()).sort();
  expect(listed).toEqual(Array.from({ length: 8 }, (_, i) => `Project line ${i + 1}`).sort());
  await expect(section).not.toContainText('gen-0');
  const why = section.getByRole('heading', { level: 3, name: /q8/ });
  await expect(why).toBeVisible();
  await expect(section).toContainText('Withheld (fewer than 5): so few answers could show who wrote them.');
  for (const r of reasons) await expect(section).not.toContainText(r);
  expect(await axeViolations(page)).toEqual([]);

  // At 320 px nothing on the new sections scrolls sideways.
  await page.setViewportSize({ width: 320, height: 700 });
  await page.reload();
  await expect(written(page)).toBeVisible();
  await expect(guide(page)).toBeVisible();
  // (Other parts of the group page are the concern of their own specs.)
  for (const region of [written(page), guide(page)]) {
    const overflowing = await region.evaluate((el) => [el, ...el.querySelectorAll('*')]
      .filter((e) => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > 320.5; })
      .map((e) => `${e.tagName} ${e.textContent.slice(0, 30)}`));
    expect(overflowing).toEqual([]);
  }
  // Another page load lists the same answers (in an order of its own).
  const again = (await written(page).getByRole('list', { name: 'The project or programme of work (q2)' })
    .getByRole('listitem').allTextContents()).sort();
  expect(again).toEqual(listed);
});

test('five answers to a question are listed, markup read as text', async ({ page }) => {
  const g = new GroupReportPage(page);
  await g.open();
  await g.createGroup('Five reasons');
  const five = ['It is how we reach people', '<b>We cannot do it alone</b>', 'Budgets are shared now', 'Less duplication', 'Residents asked us to'];
  await g.chooseFiles(csvFile('five.csv', 5, (i) => ({ q8: five[i], response_id: `five-${i}` })));
  await expect(await g.totals()).toHaveText('5 responses added, 0 duplicates left out, 0 rows rejected.');
  const reasonsList = written(page).getByRole('list', { name: /q8/ });
  await expect(reasonsList.getByRole('listitem')).toHaveCount(5);
  expect((await reasonsList.getByRole('listitem').allTextContents()).sort()).toEqual([...five].sort());
  await expect(written(page).locator('b')).toHaveCount(0);
});

test('a group below the minimum size keeps its written answers withheld, and has no guide', async ({ page }) => {
  const g = new GroupReportPage(page);
  await g.open();
  await g.createGroup('Three colleagues');
  await g.chooseFiles(csvFile('three.csv', 3, (i) => ({ q8: `Reason ${i + 1}`, response_id: `small-${i}` })));
  await expect(await g.totals()).toHaveText('3 responses added, 0 duplicates left out, 0 rows rejected.');
  await expect(written(page)).toContainText('The figures are withheld: this report covers 3 responses, fewer than the minimum group size of 5.');
  await expect(written(page).getByRole('listitem')).toHaveCount(0);
  await expect(written(page)).not.toContainText('Reason 1');
  await expect(guide(page)).toContainText('There is no workshop guide: it is drawn from the group\'s figures.');
  await expect(guide(page).getByRole('heading', { level: 3 })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('a long list of written answers shows 50 at a time, says how many there are, and moves focus to the ones added', async ({ page }) => {
  const g = new GroupReportPage(page);
  await g.open();
  await g.createGroup('Large round');
  await g.chooseFiles(csvFile('large.csv', 120, (i) => ({
    q1: 'yes', q2: `Project ${String(i + 1).padStart(3, '0')}`, q3: 'local_authority', q4: '3', q5: 'middle', q6: 'too_early', q8: '',
  })));
  await expect(await g.totals()).toHaveText('120 responses added, 0 duplicates left out, 0 rows rejected.');
  const section = written(page);
  const projects = section.getByRole('list', { name: 'The project or programme of work (q2)' });
  await expect(projects.getByRole('listitem')).toHaveCount(50);
  await expect(section).toContainText('Showing 50 of 120 answers.');
  const more = section.getByRole('button', { name: 'Show 50 more answers: The project or programme of work (q2)' });
  const first50 = await projects.getByRole('listitem').allTextContents();
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(projects.getByRole('listitem')).toHaveCount(100);
  // Focus moves to the first answer added; those shown before stay where they were.
  await expect(projects.getByRole('listitem').nth(50)).toBeFocused();
  expect((await projects.getByRole('listitem').allTextContents()).slice(0, 50)).toEqual(first50);
  await section.getByRole('button', { name: 'Show 20 more answers: The project or programme of work (q2)' }).click();
  await expect(projects.getByRole('listitem')).toHaveCount(120);
  await expect(projects.getByRole('listitem').nth(100)).toBeFocused();
  await expect(section.getByRole('button', { name: /^Show \d+ more/ })).toHaveCount(0);
  await expect(section).not.toContainText('Showing');
  const all = (await projects.getByRole('listitem').allTextContents()).sort();
  expect(all).toEqual(Array.from({ length: 120 }, (_, i) => `Project ${String(i + 1).padStart(3, '0')}`));
  expect(await axeViolations(page)).toEqual([]);
});
