// From results to actions: a person's action plan (saved with the assessment, in its JSON download,
// its own CSV, print, and a share link only when asked), the earlier plan on a later assessment, and
// a group's agreed actions. Acted as people do: by label and role, with the mouse and the keyboard.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, axeViolations, drawnInFull, openApp, rowByHeader } from './support.mjs';
import { Questionnaire, FULL_ANSWERS, seedStorage } from './pages/questionnaire.mjs';
import { completeAssessment } from './pages/results.mjs';
import { GroupReportPage } from './pages/group.mjs';

const BOOK_KEY = 'collaboration-readiness/assessments';
const fixture = (name) => fileURLToPath(new URL(`../tests/fixtures/${name}`, import.meta.url));

/** The book of tests/fixtures/storage/book-v2.json: "Before the restructure" (finished, with a plan). */
function bookV2(open) {
  const book = JSON.parse(readFileSync(fixture('storage/book-v2.json'), 'utf8'));
  book.data.current = open ? book.data.assessments[1].response.id : undefined;
  return JSON.stringify(book);
}

async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** No sideways scrolling at the viewport's width. */
async function fitsWidth(page) {
  await drawnInFull(page);
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test('an action added to the plan survives a reload, and is in the JSON, the actions CSV, print and (when ticked) the share link', async ({ page }) => {
  await completeAssessment(page);
  const plan = page.getByRole('region', { name: /Develop collaborative leadership/ });
  const topics = page.getByRole('group', { name: 'What will you work on?' });
  // The areas the answers point to come first, marked suggested.
  const first = topics.getByRole('checkbox').first();
  await expect(first).toHaveAccessibleName('Develop collaborative leadership (Area of action, suggested)');
  await expect(topics.getByLabel('Challenge rules and tolerate mistakes (Area of action)')).not.toBeChecked();

  // With the keyboard: tick the topic, open the form, try to save it empty, then fill it in.
  await first.focus();
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  const add = page.getByRole('button', { name: 'Add an action for Develop collaborative leadership' });
  await add.focus();
  await page.keyboard.press('Enter');
  const what = page.getByLabel('What will be done');
  await expect(what).toBeFocused();
  await page.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.getByText('Error: Say what will be done.')).toBeVisible();
  await expect(what).toBeFocused();
  await page.keyboard.type('Ask the board for time for joint work, =SUM(A1)');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Chief executive');
  await page.getByLabel('By when').fill('2027-03-31');
  await page.getByLabel('Status', { exact: true }).selectOption('Started');
  await page.getByRole('button', { name: 'Add the action' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'The action was added to “Develop collaborative leadership”.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Develop collaborative leadership', level: 3 }).last()).toBeFocused();
  await expect(plan.getByText('Who: Chief executive. By 31 March 2027.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // It is saved with the assessment.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await expect(plan.getByText('Ask the board for time for joint work, =SUM(A1)', { exact: true })).toBeVisible();
  await expect(plan.getByLabel(/^Status/)).toHaveValue('started');

  // The JSON download carries it.
  const json = await downloaded(page, () => page.getByRole('button', { name: 'Download as JSON' }).click());
  const file = JSON.parse(json.text);
  expect(file.schema_version).toBe(4);
  expect(file.plan.actions).toEqual([
    expect.objectContaining({ topic: 'area:leadership', what: 'Ask the board for time for joint work, =SUM(A1)', who: 'Chief executive', by: '2027-03-31', status: 'started' }),
  ]);
  // So does its own CSV, with the spreadsheet formula guard.
  const csv = await downloaded(page, () => page.getByRole('button', { name: 'Download the actions (CSV)' }).click());
  expect(csv.name).toMatch(/-actions\.csv$/);
  expect(csv.text.replace(/^\uFEFF/, '').split('\r\n').slice(0, 2)).toEqual([
    'Topic,What,Who,By when,Status',
    'Develop collaborative leadership,"Ask the board for time for joint work, =SUM(A1)",Chief executive,2027-03-31,Started',
  ]);

  // The plan prints as a table; the editor does not.
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByRole('table', { name: 'Your action plan' });
  await expect(printed).toBeVisible();
  expect(await rowByHeader(printed, 'Develop collaborative leadership').getByRole('cell').allTextContents()).toEqual([
    'Ask the board for time for joint work, =SUM(A1)', 'Chief executive', '31 March 2027', 'Started',
  ]);
  await expect(page.getByRole('button', { name: 'Add an action for Develop collaborative leadership' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // The share link leaves the plan out unless the person ticks the box.
  const link = page.getByLabel('Link to these results');
  const without = await link.inputValue();
  await page.getByLabel('Include my action plan in the link').check();
  const withPlan = await link.inputValue();
  expect(withPlan).not.toEqual(without);
  // Opened as a person opens a link: a fresh load of the page.
  await page.goto(without);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shared results');
  await expect(page.getByRole('heading', { name: 'The action plan' })).toHaveCount(0);
  await page.goto(withPlan);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'The action plan' })).toBeVisible();
  const shared = page.getByRole('table', { name: 'The action plan' });
  await expect(rowByHeader(shared, 'Develop collaborative leadership')).toContainText('Ask the board for time for joint work');
  await expect(page.getByRole('button', { name: /Add an action/ })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('the plan works at 320 pixels: change, remove and undo', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await seedStorage(page, BOOK_KEY, bookV2(true));
  await openApp(page, '#/results');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  const topic = page.getByRole('region', { name: 'Collaborative Places' });
  await expect(topic.getByText('Map the partners who serve the town centre', { exact: true })).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);

  await topic.getByRole('button', { name: 'Change “Map the partners who serve the town centre”' }).click();
  await expect(page.getByLabel('What will be done')).toBeFocused();
  await page.getByLabel('By when').fill('2027-02-28');
  expect(await fitsWidth(page)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Save the change' }).click();
  await expect(topic.getByText('No date set')).toHaveCount(0);
  await expect(topic.getByText('By 28 February 2027.')).toBeVisible();

  // A topic that still has actions cannot be unticked; a removed action can be put back.
  const places = page.getByRole('group', { name: 'What will you work on?' }).getByLabel(/^Collaborative Places/);
  await places.click();
  await expect(page.getByRole('status').filter({ hasText: '“Collaborative Places” still has actions.' })).toBeVisible();
  await expect(places).toBeChecked();
  await topic.getByRole('button', { name: 'Remove “Map the partners who serve the town centre”' }).click();
  await expect(topic.getByText('No actions yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(topic.getByText('Map the partners who serve the town centre', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Collaborative Places' }).getByText('By 28 February 2027.')).toBeVisible();
});

test('a second assessment shows the earlier plan, its status beside the change in each factor since', async ({ page }) => {
  await seedStorage(page, BOOK_KEY, bookV2(true));
  await openApp(page);
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  const q = new Questionnaire(page);
  for (const a of FULL_ANSWERS) await q.answerWithMouse(a);
  await page.getByRole('button', { name: 'Finish and see your results' }).click();
  await expect(q.heading()).toHaveText('Your results');
  await expect(page.getByRole('heading', { name: 'Your earlier plan' })).toBeVisible();
  const earlier = page.getByRole('table', { name: 'Your plan from “Before the restructure”, with what changed since (prevalence 0 to 3)' });
  const rows = rowByHeader(earlier, 'Develop collaborative leadership');
  await expect(rows).toHaveCount(2);
  // In the fixture behaviours' prevalence was 0 and places' not applicable; FULL_ANSWERS gives 1 each.
  expect(await rows.first().getByRole('cell').allTextContents()).toEqual([
    'Ask the board to set aside time for joint work', 'Started',
    'Prevalence Collaborative Behaviours: 0 to 1 (+1); still an area of action for you.',
  ]);
  expect(await rowByHeader(earlier, 'Collaborative Places').getByRole('cell').allTextContents()).toEqual([
    'Map the partners who serve the town centre', 'Planned', 'Prevalence Collaborative Places: not rated in both',
  ]);
  // The new assessment's own plan starts empty.
  await expect(page.getByRole('group', { name: 'What will you work on?' }).getByRole('checkbox', { checked: true })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('a group records an agreed action, exports it with the group and as CSV, and prints it', async ({ page }) => {
  const g = new GroupReportPage(page);
  await g.open();
  await g.createGroup('Northshire');
  await g.chooseFiles(fixture('group-40.csv'));
  await expect(await g.totals()).toContainText('40 responses added');
  const topics = page.getByRole('group', { name: 'What will the group work on?' });
  await expect(topics).toBeVisible();
  await topics.getByRole('checkbox').first().check();
  const chosen = await topics.getByRole('checkbox').first().getAttribute('id');
  const name = (await page.locator(`label[for="${chosen}"]`).innerText()).replace(/ \(.*$/, '');
  await page.getByRole('button', { name: `Add an action for ${name}` }).click();
  await page.getByLabel('What will be done').fill('Hold a joint session on the town centre');
  await page.getByLabel('Who will do it').fill('All partners');
  await page.getByLabel('By when').fill('2027-01-15');
  await page.getByRole('button', { name: 'Add the action' }).click();
  const section = page.getByRole('region', { name: 'Agreed actions' });
  await expect(section.getByText('Hold a joint session on the town centre', { exact: true }).filter({ visible: true })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.reload();
  await expect(section.getByText('Hold a joint session on the town centre', { exact: true }).filter({ visible: true })).toBeVisible();
  const json = await downloaded(page, () => page.getByRole('button', { name: 'Download the group (JSON)' }).click());
  const file = JSON.parse(json.text);
  expect(file.responses).toHaveLength(40);
  expect(file.plan.actions).toEqual([expect.objectContaining({ what: 'Hold a joint session on the town centre', who: 'All partners', by: '2027-01-15', status: 'planned' })]);
  const csv = await downloaded(page, () => page.getByRole('button', { name: 'Download the agreed actions (CSV)' }).click());
  expect(csv.text).toContain(`${name},Hold a joint session on the town centre,All partners,2027-01-15,Planned`);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('table', { name: 'Agreed actions' })).toBeVisible();
  await expect(topics).toBeHidden();
});
