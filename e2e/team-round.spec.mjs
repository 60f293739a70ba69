// A whole round, as the people in it act, with nothing sent to any server: a facilitator invites
// colleagues; two colleagues, each in their own browser at phone size, open the link, answer and are
// given an e-mail to the facilitator; the facilitator pastes both e-mails as a mail program leaves
// them (one quoted in a reply and wrapped, one indented), and a damaged copy, and reads the report.
import { test, expect, axeViolations } from './support.mjs';
import { GroupReportPage } from './pages/group.mjs';
import { Questionnaire } from './pages/questionnaire.mjs';
import { answerAll, colleague, makeInvitation } from './pages/round.mjs';

const GROUP = 'Round 2027 — Northshire';
const CONTACT = 'facilitator@northshire.example';

/** `text` as a reply quotes it: every line wrapped at `width` characters and started with "> ". */
const quoted = (text, width) =>
  text.split('\n').flatMap((line) => line.match(new RegExp(`.{1,${width}}`, 'g')) || ['']).map((line) => `> ${line}`).join('\n');

/** `text` with every line indented, as some mail programs forward a message. */
const indented = (text) => text.split('\n').map((line) => `    ${line}`).join('\n');

test('a round from the invitation to the report: two colleagues answer, their e-mails are pasted, the report covers both', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const g = new GroupReportPage(page);
  await g.open();
  await g.createGroup(GROUP);
  const link = await makeInvitation(page, GROUP, { contact: CONTACT });
  await expect(page.getByRole('img', { name: `QR code of the invitation link for ${GROUP}` })).toBeVisible();

  // Each colleague in a browser of their own: what they answer stays there until they send it.
  const mails = [];
  for (const person of ['Ama', 'Ben']) {
    const { page: phone, done } = await colleague(browser, baseURL);
    await phone.goto(link);
    const q = new Questionnaire(phone);
    await expect(q.heading()).toHaveText(`Self-assessment for ${GROUP}`);
    await q.start();
    await answerAll(phone);
    const mail = phone.getByRole('link', { name: `Send by e-mail to ${CONTACT}` });
    const href = await mail.getAttribute('href');
    expect(href.startsWith(`mailto:${CONTACT}?`), href).toBe(true);
    const body = decodeURIComponent(href.split('&body=')[1]);
    expect(body).toMatch(/CRI1-[0-9A-Z]+/);
    mails.push({ person, body });
    await done();
  }

  // The facilitator's mailbox: one e-mail quoted in a reply and wrapped at 30 columns, one forwarded
  // indented, and a copy of the first with one character changed on the way.
  const [ama, ben] = mails;
  const code = ama.body.match(/CRI1-[0-9A-Z]+/)[0];
  const at = code.length - 12;
  const damaged = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
  const mailbox = [
    `From: ${ama.person}\nSubject: Re: My answers for ${GROUP}\n\nThanks, received.\n\nOn Monday ${ama.person} wrote:\n${quoted(ama.body, 30)}`,
    `From: ${ben.person}\nSubject: Fwd: My answers for ${GROUP}\n\n---------- Forwarded message ----------\n${indented(ben.body)}`,
    `From: ${ama.person}\nSubject: again\n\n${damaged}\n`,
  ].join('\n\n');

  const paste = page.getByLabel('Paste answers');
  await paste.fill(mailbox);
  await page.getByRole('button', { name: 'Add the pasted answers' }).click();
  const summary = page.getByRole('region', { name: 'Import summary: pasted text' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('paragraph').first()).toHaveText(/^3 codes found: 2 responses added, 0 duplicates left out, 1 code refused\./);
  await expect(summary).toContainText('This code was changed or damaged on the way');
  await expect(g.report()).toContainText(/his report covers 2 responses/);
  // Two responses are fewer than the minimum group size: the guide shows no figure either.
  await expect(page.getByRole('region', { name: /Workshop guide/ })).toContainText('fewer than the minimum group size of 5');
  expect(await axeViolations(page)).toEqual([]);

  // The same e-mails pasted again add nobody.
  await paste.fill(mailbox);
  await page.getByRole('button', { name: 'Add the pasted answers' }).click();
  await expect(summary.getByRole('paragraph').first()).toHaveText(/^3 codes found: 0 responses added, 2 duplicates left out, 1 code refused\./);
  await expect(g.report()).toContainText(/his report covers 2 responses/);

  // One response removed: the report follows.
  await page.getByRole('button', { name: /^Remove response 1, / }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(g.report()).toContainText(/his report covers 1 response\b/);
});

test('with the browser\'s storage full while sending, the code is still shown and can be copied', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  const g = new GroupReportPage(page);
  await g.open();
  await g.createGroup(GROUP);
  const link = await makeInvitation(page, GROUP, { contact: CONTACT });
  await page.goto(link);
  const q = new Questionnaire(page);
  await q.start();
  // The last answers and "Finish" meet a full storage: nothing more can be saved.
  await answerAll(page, 0, async () => {
    await page.evaluate(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key.includes('assessments')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
  });
  const code = page.getByText(/^CRI1-[0-9A-Z]+$/);
  await expect(code).toBeVisible();
  await page.getByRole('button', { name: 'Copy the code' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await code.textContent()).trim());
  const mail = page.getByRole('link', { name: `Send by e-mail to ${CONTACT}` });
  expect(decodeURIComponent(await mail.getAttribute('href'))).toContain((await code.textContent()).trim());
  await expect(page.getByRole('alert').filter({ hasText: 'storage for the app is full' })).toBeVisible();
});
