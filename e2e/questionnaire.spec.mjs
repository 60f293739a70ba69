import { test, expect, axeViolations, openApp, disableStorage } from './support.mjs';
import { Questionnaire, FULL_ANSWERS, NO_EXAMPLE_ANSWERS, Q } from './pages/questionnaire.mjs';

const BOOK_KEY = 'collaboration-readiness/assessments';

test('a person completes every question with the keyboard alone', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.tabTo(page.getByRole('button', { name: 'Start now' }));
  await page.keyboard.press('Enter');
  await expect(q.heading()).toHaveText('A recent collaboration');
  for (const answers of FULL_ANSWERS) await q.answerWithKeyboard(answers);

  await expect(q.heading()).toHaveText('Check your answers');
  await expect(page.getByText('Joint hub with the council, "phase 2", <b>not bold</b>')).toBeVisible();
  await expect(page.getByText('Local authority, NHS Trust')).toBeVisible();
  await expect(page.getByText('Not answered')).toHaveCount(0);
  await q.tabTo(page.getByRole('button', { name: 'Finish and see your results' }));
  await page.keyboard.press('Enter');
  await expect(q.heading()).toHaveText('Your results');
  await expect(q.heading()).toBeFocused();
});

test('a reload half-way finds every answer and the same page', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  for (const answers of FULL_ANSWERS.slice(0, 5)) await q.answerWithMouse(answers);
  await expect(q.heading()).toHaveText('Collaborative Citizens');
  await q.option(Q.q13, 'Somewhat').check();
  await page.reload();
  await expect(q.heading()).toHaveText('Collaborative Citizens');
  await expect(q.option(Q.q13, 'Somewhat')).toBeChecked();
  await expect(page.getByText('13 of 30 answers given')).toBeVisible();

  // Coming back later from the start page resumes at the same place.
  await openApp(page);
  await page.getByRole('button', { name: /^Continue “Assessment of/ }).click();
  await expect(q.heading()).toHaveText('Collaborative Citizens');
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(q.option(Q.q13, 'A great deal')).toBeChecked();
  await expect(q.option(Q.q14, 'A little')).toBeChecked();
  for (let i = 0; i < 3; i++) await page.getByRole('link', { name: 'Back' }).click();
  await expect(q.heading()).toHaveText('About that collaboration');
  await expect(q.textbox(Q.q2)).toHaveValue('Joint hub with the council, "phase 2", <b>not bold</b>');
  await expect(q.option(Q.q3, 'NHS Trust')).toBeChecked();
  await expect(q.option(Q.q4, '5 or more')).toBeChecked();
});

test('answering No to the first question skips the questions about the example', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  await expect(page.getByText('0 of 30 answers given')).toBeVisible();
  await q.option(Q.q1, 'No').check();
  await expect(page.getByText('1 of 26 answers given')).toBeVisible();
  await q.continue();
  await expect(q.heading()).toHaveText('Collaboration in general');
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(q.heading()).toHaveText('A recent collaboration');
  await page.goto('./#/assessment/check');
  await expect(page.getByRole('heading', { name: 'About that collaboration' })).toHaveCount(0);
  await page.goto('./#/assessment/example-details');
  await expect(q.heading()).toHaveText('These questions are skipped');
});

test('a missing answer shows the error summary, which takes focus and leads to the question', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  await q.continue();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  const message = 'Select yes if you can think of a time you worked in collaboration in the past 12 months';
  await expect(summary.getByRole('link', { name: message })).toBeVisible();
  await expect(q.group(Q.q1)).toHaveAccessibleDescription(new RegExp(message));
  expect(await axeViolations(page)).toEqual([]);
  await summary.getByRole('link', { name: message }).click();
  await expect(q.option(Q.q1, 'Yes')).toBeFocused();
  await expect(page).toHaveURL(/#\/assessment\/example$/);

  // Moving on is allowed; the check page then lists what is missing and leads back to it.
  await page.getByRole('link', { name: 'Skip these questions for now' }).click();
  await expect(q.heading()).toHaveText('About that collaboration');
  await page.goto('./#/assessment/check');
  await page.getByRole('button', { name: 'Finish and see your results' }).click();
  const checkSummary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(checkSummary).toBeFocused();
  await checkSummary.getByRole('link', { name: 'Select your role' }).click();
  await expect(q.heading()).toHaveText('About you');
});

test('text over the limit is kept, counted and reported', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  await q.option(Q.q1, 'No').check();
  await q.continue();
  await q.textbox(Q.q8).fill('x'.repeat(2005));
  await expect(page.getByText('You have 5 characters too many')).toBeVisible();
  await q.option(Q.q7, 'Critical').check();
  await q.option(Q.q9, 'My organisation working alone achieves better outcomes').check();
  await q.continue();
  await expect(page.getByRole('link', { name: 'Your reason must be 2,000 characters or fewer' })).toBeVisible();
  await page.reload();
  await expect(q.textbox(Q.q8)).toHaveValue('x'.repeat(2005));
});

test('two tabs on the same assessment see each other\'s answers and lose none', async ({ page, context }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  await q.option(Q.q1, 'No').check();
  await q.continue();

  const other = await context.newPage();
  const q2 = new Questionnaire(other);
  await other.goto(page.url());
  await expect(q2.heading()).toHaveText('Collaboration in general');

  await q.option(Q.q7, 'Critical').check();
  await expect(q2.option(Q.q7, 'Critical')).toBeChecked();
  await q2.option(Q.q9, 'My organisation working alone achieves better outcomes').check();
  await expect(q.option(Q.q9, 'My organisation working alone achieves better outcomes')).toBeChecked();
  await q.textbox(Q.q8).fill('Typed in the first tab');
  await expect(q2.textbox(Q.q8)).toHaveValue('Typed in the first tab');

  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), BOOK_KEY));
  const answers = stored.data.assessments[0].response.answers;
  expect(answers).toMatchObject({ q1: 'no', q7: 'critical', q9: 'alone_better', q8: 'Typed in the first tab' });
});

test('corrupt stored data is kept aside under a backup key and the person is told', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"schema": 1, "data": {"assessments": [{"broken": tru');
      sessionStorage.setItem('seeded', '1');
    }
  }, BOOK_KEY);
  await openApp(page);
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('Saved data could not be read, so it was kept aside under');
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const backup = keys.find((k) => k.startsWith(`${BOOK_KEY}.backup-`));
  expect(backup).toBeTruthy();
  await expect(notice).toContainText(backup);
  expect(await page.evaluate((k) => localStorage.getItem(k), backup)).toContain('"broken": tru');
  expect(await axeViolations(page)).toEqual([]);

  // The app starts clean and works.
  const q = new Questionnaire(page);
  await q.start();
  await q.option(Q.q1, 'Yes').check();
  await page.getByRole('button', { name: 'Hide this message' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('data saved by a newer version is left untouched, not overwritten', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, JSON.stringify({ schema: 99, data: { from: 'the future' } }));
      sessionStorage.setItem('seeded', '1');
    }
  }, BOOK_KEY);
  await openApp(page);
  // Defect 2: a newer version's data is said to be so (not damaged) and left where it is, untouched.
  await expect(page.getByRole('alert')).toContainText('saved by a newer version of this app');
  await expect(page.getByRole('alert')).not.toContainText('could not be read');
  const q = new Questionnaire(page);
  await q.start();
  await q.option(Q.q1, 'Yes').check();
  const kept = await page.evaluate((key) => localStorage.getItem(key), BOOK_KEY);
  expect(JSON.parse(kept)).toEqual({ schema: 99, data: { from: 'the future' } });
});

test('with storage disabled a person can still finish, is told, and is offered a download', async ({ page }) => {
  await disableStorage(page);
  const q = new Questionnaire(page);
  await openApp(page);
  await expect(page.getByRole('alert')).toContainText('does not let the app keep data');
  await q.start();
  for (const answers of FULL_ANSWERS) await q.answerWithMouse(answers);
  await expect(q.heading()).toHaveText('Check your answers');
  await expect(page.getByText('Not answered')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download your answers' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^collaboration-readiness-assessment-of-.*\.json$/);
  const body = JSON.parse(await (await import('node:fs/promises')).readFile(await file.path(), 'utf8'));
  expect(JSON.stringify(body)).toContain('"q15":"director"');
  await page.getByRole('button', { name: 'Finish and see your results' }).click();
  await expect(q.heading()).toHaveText('Your results');
  await expect(page.getByRole('alert')).toContainText('does not let the app keep data');
});

test('when storage is full the answer stays on screen, the person is told and offered a download', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  await q.option(Q.q1, 'No').check();
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    window.__fillStorage = true;
    Storage.prototype.setItem = function (key, value) {
      if (window.__fillStorage) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.call(this, key, value);
    };
  });
  await q.continue();
  await q.option(Q.q7, 'Important').check();
  await expect(page.getByRole('alert')).toContainText('storage for the app is full');
  await expect(q.option(Q.q7, 'Important')).toBeChecked();
  await expect(page.getByRole('button', { name: 'Download your answers' })).toBeVisible();
  // Space comes back: the next change saves everything, the one that failed included.
  await page.evaluate(() => (window.__fillStorage = false));
  await q.option(Q.q9, 'My organisation working alone achieves better outcomes').check();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await expect(q.option(Q.q7, 'Important')).toBeChecked();
});

test('every page of the questionnaire passes an accessibility scan', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  expect(await axeViolations(page)).toEqual([]);
  await q.start();
  for (const answers of FULL_ANSWERS) {
    await expect(q.heading()).toHaveText(answers.heading);
    expect(await axeViolations(page), answers.heading).toEqual([]);
    await q.answerWithMouse(answers);
  }
  await expect(q.heading()).toHaveText('Check your answers');
  expect(await axeViolations(page)).toEqual([]);
  for (const path of ['#/assessments', '#/privacy']) {
    await page.goto(`./${path}`);
    await expect(q.heading()).toBeVisible();
    expect(await axeViolations(page), path).toEqual([]);
  }
});

test('at 320 px wide nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const q = new Questionnaire(page);
  await openApp(page);
  const noSideways = async (where) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, where).toBeLessThanOrEqual(0);
  };
  await noSideways('start');
  await q.start();
  for (const answers of FULL_ANSWERS) {
    await expect(q.heading()).toHaveText(answers.heading);
    await noSideways(answers.heading);
    await q.answerWithMouse(answers);
  }
  await noSideways('check your answers');
});

test('text at 200% loses nothing: no sideways scrolling and every control still reachable', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 800 });
  const q = new Questionnaire(page);
  await openApp(page);
  // Text zoom to 200% (set through the CSSOM: the page's Content-Security-Policy forbids inline styles).
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
  await q.start();
  for (const answers of FULL_ANSWERS.slice(0, 5)) {
    await expect(q.heading()).toHaveText(answers.heading);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, answers.heading).toBeLessThanOrEqual(0);
    await q.answerWithMouse(answers);
  }
});

test('defect 15: Change from Check your answers comes back there, through the pages the change reveals', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  for (const answers of NO_EXAMPLE_ANSWERS) await q.answerWithMouse(answers);
  await expect(q.heading()).toHaveText('Check your answers');

  // A change that reveals nothing: straight back.
  await page.getByRole('link', { name: /^Change in general, to what extent/ }).click();
  await expect(q.heading()).toHaveText('Collaboration in general');
  await q.option(Q.q7, 'Important').check();
  await q.continue();
  await expect(q.heading()).toHaveText('Check your answers');
  await expect(page.getByText('Important', { exact: true })).toBeVisible();

  // Back from a change page returns to the check page too.
  await page.getByRole('link', { name: /^Change what is your role/ }).click();
  await expect(q.heading()).toHaveText('About you');
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expect(q.heading()).toHaveText('Check your answers');

  // q1 No → Yes reveals the questions about the example: they are asked, then the check page.
  await page.getByRole('link', { name: /^Change in the past 12 months/ }).click();
  await expect(q.heading()).toHaveText('A recent collaboration');
  await q.option(Q.q1, 'Yes').check();
  await q.continue();
  await expect(q.heading()).toHaveText('About that collaboration');
  await expect(q.heading()).toBeFocused();
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expect(q.heading()).toHaveText('A recent collaboration');
  await q.continue();
  await q.answerWithMouse(FULL_ANSWERS[1]);
  await expect(q.heading()).toHaveText('Check your answers');
  await expect(page.getByText('Not answered')).toHaveCount(0);
  await page.getByRole('button', { name: 'Finish and see your results' }).click();
  await expect(q.heading()).toHaveText('Your results');
});

test('defect 29: the Other box of q3 shows only while Other is ticked, and keeps what was typed', async ({ page }) => {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  await q.option(Q.q1, 'Yes').check();
  await q.continue();
  await expect(q.heading()).toHaveText('About that collaboration');
  const other = q.option(Q.q3, 'Other');
  const box = q.textbox('If other, which organisations?');
  await expect(box).toBeHidden();
  await expect(other).toHaveAttribute('aria-expanded', 'false');
  const controls = await other.getAttribute('aria-controls');
  expect(controls).toBeTruthy();
  // The revealed box stands right after its checkbox, in the element the checkbox controls.
  await expect(page.locator(`.choice:has(> input[aria-controls="${controls}"]) + #${controls}`)).toHaveCount(1);

  await other.check();
  await expect(other).toHaveAttribute('aria-expanded', 'true');
  await expect(box).toBeVisible();
  await expect(page.locator(`#${controls}`).getByRole('textbox', { name: 'If other, which organisations?' })).toBeVisible();
  await box.fill('A housing trust');
  expect(await axeViolations(page)).toEqual([]);
  // The next control after the ticked Other is its box, for the keyboard too.
  await other.focus();
  await page.keyboard.press('Tab');
  await expect(box).toBeFocused();

  await other.uncheck();
  await expect(box).toBeHidden();
  await expect(other).toHaveAttribute('aria-expanded', 'false');
  await other.check();
  await expect(box).toHaveValue('A housing trust');
  await page.reload();
  await expect(q.option(Q.q3, 'Other')).toBeChecked();
  await expect(q.textbox('If other, which organisations?')).toHaveValue('A housing trust');
});
