// Collecting answers on the group page (#/group): the facilitator pastes the e-mails colleagues sent
// (tests/fixtures/mailbox.txt: real answers codes wrapped, indented and quoted as mail programs leave
// them, one damaged, one sent twice, one from another round, and a share link), reads what became of
// each code, removes a response and undoes it, and sees a second tab follow. The mailbox is made by
// `cargo run --example mailbox`; a native test (tests/paste_mailbox.rs) keeps it in step.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, axeViolations, forbidDialogs } from './support.mjs';
import { GroupReportPage } from './pages/group.mjs';
import { rowByHeader } from './support.mjs';

const mailbox = readFileSync(fileURLToPath(new URL('../tests/fixtures/mailbox.txt', import.meta.url)), 'utf8');

const FIRST = '7 codes found: 4 responses added, 1 duplicate left out, 1 code refused, 1 from another round held back.';
const AGAIN = '7 codes found: 0 responses added, 5 duplicates left out, 1 code refused, 1 from another round held back.';

/**
 * Clicks "Add the pasted answers" and measures, in the page, the time until the summary is there
 * and the longest task that blocked the page meanwhile (the browser's long-task entries, over 50 ms).
 */
async function timedPaste(page) {
  return page.evaluate(async () => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Add the pasted answers');
    const started = performance.now();
    button.click();
    await new Promise((resolve) => {
      const check = () => (document.getElementById('paste-summary') ? resolve() : requestAnimationFrame(check));
      check();
    });
    const ms = performance.now() - started;
    await new Promise((r) => setTimeout(r, 200));
    observer.disconnect();
    return { ms: Math.round(ms), longestTaskMs: Math.round(Math.max(0, ...tasks)), longTasks: tasks.length };
  });
}

class Collecting extends GroupReportPage {
  pasteField() {
    return this.page.getByLabel('Paste answers');
  }

  async paste(text) {
    await this.pasteField().fill(text);
    await this.page.getByRole('button', { name: 'Add the pasted answers' }).click();
  }

  pasteSummary() {
    return this.page.getByRole('region', { name: 'Import summary: pasted text' });
  }

  async pasteTotals() {
    await expect(this.pasteSummary()).toBeVisible({ timeout: 30_000 });
    return this.pasteSummary().getByRole('paragraph').first();
  }

  codes() {
    return this.page.getByRole('table', { name: 'Codes found in the pasted text' });
  }

  responses() {
    return this.page.getByRole('table', { name: 'Responses, in the order they were added' });
  }

  /** The rows of the list of responses (its header row apart). */
  responseRows() {
    return this.responses().getByRole('row').filter({ has: this.page.getByRole('rowheader') });
  }

  selected() {
    return this.groupSelect().getByRole('option', { selected: true });
  }
}

async function groupWithMailbox(page, name = 'Northshire partnership') {
  const g = new Collecting(page);
  await g.open();
  await g.createGroup(name);
  await g.paste(mailbox);
  await expect(await g.pasteTotals()).toHaveText(FIRST);
  return g;
}

test('a facilitator who never used the app is told how to collect, in a few steps', async ({ page }) => {
  const g = new Collecting(page);
  await g.open();
  await g.createGroup('First round');
  const steps = page.getByRole('group').filter({ hasText: 'How to collect your colleagues' }).getByRole('listitem');
  await expect(steps).toHaveText([
    /^Invite your colleagues\./, /^They answer and send\./, /^Paste or drop what arrives\./, /^Check, then read the report\./,
  ]);
  expect(await axeViolations(page)).toEqual([]);
});

test('the mailbox is pasted: every code reported, the damaged one refused with its place, the same paste again adds nobody', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  const g = await groupWithMailbox(page);
  await expect(g.pasteSummary()).toBeFocused();
  await expect(g.selected()).toHaveText('Northshire partnership (4 responses)');

  const damaged = rowByHeader(g.codes(), '4');
  await expect(damaged.getByRole('cell')).toHaveText([
    '43', '1', 'Answers code', /^Refused\. This code was changed or damaged on the way, so its answers cannot be trusted\./,
  ]);
  await expect(rowByHeader(g.codes(), '5').getByRole('cell').nth(2)).toHaveText('Share link');
  await expect(rowByHeader(g.codes(), '7').getByRole('cell').last()).toHaveText(/^Duplicate: the same answers as code 1/);
  expect(await axeViolations(page)).toEqual([]);

  await g.paste(mailbox);
  await expect(await g.pasteTotals()).toHaveText(AGAIN);
  await expect(rowByHeader(g.codes(), '1').getByRole('cell').last()).toHaveText(/^Duplicate: already in the group/);
  await expect(g.selected()).toHaveText('Northshire partnership (4 responses)');
  await expect(g.responseRows()).toHaveCount(4);

  // Text without any code says so, and adds nothing.
  await g.paste('Dear all, the survey closes on Friday. Thanks!');
  await expect(await g.pasteTotals()).toHaveText(/^No answers code or share link was found in the pasted text, so nothing was added\./);
  // An empty field is pointed out at the field.
  await g.pasteField().fill('   ');
  await page.getByRole('button', { name: 'Add the pasted answers' }).click();
  await expect(page.getByText('Paste the e-mails or codes first.')).toBeVisible();
  await expect(g.pasteField()).toBeFocused();
  expect(dialogs).toEqual([]);
});

test('answers from another round are held back and added anyway when the facilitator chooses', async ({ page }) => {
  const g = await groupWithMailbox(page);
  const held = g.pasteSummary().getByRole('listitem').filter({ hasText: 'Code 6' });
  await expect(held).toContainText('round “old2025”');
  await held.getByRole('button', { name: 'Add code 6 anyway' }).click();
  await expect(g.pasteSummary().getByRole('status')).toHaveText('1 response added anyway.');
  await expect(rowByHeader(g.codes(), '6').getByRole('cell').last()).toHaveText('Added (from another round, as you chose)');
  await expect(g.selected()).toHaveText('Northshire partnership (5 responses)');
  const last = rowByHeader(g.responses(), '5').getByRole('cell');
  await expect(last.nth(1)).toHaveText('old2025 (not invited from this group)');
  await expect(last.nth(4)).toHaveText('Pasted answers code');
  // The list never shows a written answer.
  await expect(g.responses()).not.toContainText('Shared hub');
});

test('one response removed and undone, then removed; all from one source removed and undone', async ({ page }) => {
  const g = await groupWithMailbox(page);
  await expect(g.responseRows()).toHaveCount(4);
  await expect(rowByHeader(g.responses(), '4').getByRole('cell').nth(4)).toHaveText('Pasted share link');

  await page.getByRole('button', { name: /^Remove response 2, / }).click();
  const confirm = page.getByRole('group', { name: /^Remove response 2, .* from this group\?/ });
  await expect(confirm).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await confirm.getByRole('button', { name: 'Yes, remove' }).click();
  const message = page.getByRole('status').filter({ hasText: 'removed' });
  await expect(message).toContainText('1 response removed. You can undo this until you leave this page.');
  await expect(g.selected()).toHaveText('Northshire partnership (3 responses)');
  await message.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'put back' })).toHaveText('1 response put back.');
  await expect(g.selected()).toHaveText('Northshire partnership (4 responses)');

  await page.getByRole('button', { name: /^Remove response 2, / }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(g.selected()).toHaveText('Northshire partnership (3 responses)');
  await expect(g.responseRows()).toHaveCount(3);

  // Every pasted code at once: only the share link is left; then back again.
  await page.getByRole('button', { name: 'Remove these 2 responses from pasted answers codes' }).click();
  await page.getByRole('group', { name: /^Remove 2 responses from pasted answers codes/ })
    .getByRole('button', { name: 'Yes, remove' }).click();
  await expect(g.selected()).toHaveText('Northshire partnership (1 response)');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(g.selected()).toHaveText('Northshire partnership (3 responses)');

  // Leaving the page ends what can be undone; what was removed stays removed.
  await page.getByRole('link', { name: 'Your answers and your privacy' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your answers and your privacy');
  await page.goBack();
  await expect(g.selected()).toHaveText('Northshire partnership (3 responses)');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
});

test('a second tab sees the pasted answers', async ({ page, context }) => {
  const g = new Collecting(page);
  await g.open();
  await g.createGroup('Two tabs');
  const pageB = await context.newPage();
  const b = new Collecting(pageB);
  await b.open();
  await expect(b.selected()).toHaveText('Two tabs (0 responses)');
  await g.paste(mailbox);
  await expect(await g.pasteTotals()).toHaveText(FIRST);
  await expect(b.selected()).toHaveText('Two tabs (4 responses)');
  await expect(b.responseRows()).toHaveCount(4);
  // Removed in the second tab: the first follows.
  await pageB.getByRole('button', { name: /^Remove response 1, / }).click();
  await pageB.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(g.selected()).toHaveText('Two tabs (3 responses)');
  await pageB.close();
});

test('10 MB of mail before the mailbox: the page stays responsive and every code is still found', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'root', 'one run is enough for the large text');
  test.setTimeout(120_000);
  const g = new Collecting(page);
  await g.open();
  await g.createGroup('Long mailbox');
  const line = 'Dear colleagues, the partnership meeting is on Friday at the Civic Centre (room 2). CRI was discussed.\n';
  const noise = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
  await g.pasteField().evaluate((el, t) => { el.value = t; }, noise + mailbox);
  const figures = await timedPaste(page);
  await expect(await g.pasteTotals()).toHaveText(FIRST);
  testInfo.annotations.push({ type: 'timing', description: JSON.stringify(figures) });
  console.log(`10 MB: ${JSON.stringify(figures)}`);
  const damaged = rowByHeader(g.codes(), '4').getByRole('cell');
  await expect(damaged.first()).toHaveText(String(noise.split('\n').length - 1 + 43));
});

// Timing a large paste (reported, not asserted): make the mailbox first with
//   cargo run --release --example mailbox -- 5000 /tmp/mailbox-5000.txt
const big = process.env.E2E_BIG_MAILBOX || '/tmp/mailbox-5000.txt';
test('5,000 codes in one paste: the time it takes and the longest the page is blocked', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'root' || !existsSync(big), 'needs the generated mailbox; one run is enough');
  test.setTimeout(120_000);
  const text = readFileSync(big, 'utf8');
  const g = new Collecting(page);
  await g.open();
  await g.createGroup('Five thousand');
  // Put in at once, as a paste does (typing 900 KB into the field would take minutes).
  await g.pasteField().evaluate((el, t) => { el.value = t; }, text);
  const figures = await timedPaste(page);
  await expect(await g.pasteTotals()).toHaveText(/^5,000 codes found: 5,000 responses added, 0 duplicates left out, 0 codes refused\.$/);
  testInfo.annotations.push({ type: 'timing', description: JSON.stringify(figures) });
  console.log(`5,000 codes: ${JSON.stringify(figures)}`);
});
