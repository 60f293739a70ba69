// A round from an invitation, as people do it: a facilitator invites colleagues from the group page
// (link, QR code, poster); colleagues open the link on a phone, see who is asking, answer, and are
// offered an e-mail to the facilitator holding their answers code.
import { test, expect, axeViolations, disableStorage } from './support.mjs';
import { GroupReportPage } from './pages/group.mjs';
import { Questionnaire, NO_EXAMPLE_ANSWERS } from './pages/questionnaire.mjs';
import { PHONE, answerAll, colleague, fitsAt320, makeInvitation as makeInvitationFor } from './pages/round.mjs';

const GROUP = 'Round 2027 — Northshire';
const CONTACT = 'facilitator@northshire.example';

/** Makes a group and an invitation for it; returns the invitation link as the page shows it. */
async function invite(page, options = {}) {
  const group = new GroupReportPage(page);
  await group.open();
  await group.createGroup(GROUP);
  return makeInvitation(page, options);
}

/** Makes an invitation for the group shown, to the contact; returns its link as the page shows it. */
const makeInvitation = (page, options = {}) => makeInvitationFor(page, GROUP, { contact: CONTACT, ...options });

test('a facilitator makes an invitation and sees its QR code, its link and a one-page poster', async ({ page, baseURL }) => {
  const group = new GroupReportPage(page);
  await group.open();
  await group.createGroup(GROUP);
  // A typing mistake is said beside its field, and no invitation is made.
  await page.getByLabel('Your e-mail address (optional)').fill('facilitator at northshire');
  await page.getByRole('button', { name: 'Make an invitation link' }).click();
  await expect(page.getByText('Enter the contact\'s e-mail address in the form name@example.org')).toBeVisible();
  await expect(page.getByLabel('Your e-mail address (optional)')).toBeFocused();
  await expect(page.getByText(/#\/join\//)).toHaveCount(0);

  const link = await makeInvitation(page);
  expect(link.startsWith(`${baseURL}#/join/1~`), link).toBe(true);
  const qr = page.getByRole('img', { name: `QR code of the invitation link for ${GROUP}` });
  await expect(qr).toBeVisible();
  await expect(page.getByText('Answers are asked for by 31 March 2027.')).toBeVisible();
  await expect(page.getByText('Free-text answers are not asked for, so that answers stay anonymous.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Kept with the group: there on the next visit.
  await page.reload();
  await expect(page.getByRole('img', { name: `QR code of the invitation link for ${GROUP}` })).toBeVisible();
  await expect(page.getByText(link, { exact: true })).toBeVisible();

  // The poster, shown alone, printed alone on one A4 page.
  await page.getByRole('button', { name: 'Show the poster' }).click();
  const title = page.getByRole('heading', { level: 1, name: `How ready are we to collaborate? For ${GROUP}` });
  await expect(title).toBeFocused();
  await expect(page.getByRole('banner')).toBeHidden();
  const poster = page.getByRole('region', { name: `How ready are we to collaborate? For ${GROUP}` });
  await expect(poster.getByRole('img', { name: `QR code of the invitation link for ${GROUP}` })).toBeVisible();
  await expect(poster.getByText(link, { exact: true })).toBeVisible();
  await expect(poster.getByText('Your answers stay on your device until you send them.')).toBeVisible();
  await expect(poster.getByText('Please answer by 31 March 2027.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print poster' })).toBeHidden();
  await expect(title).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Invite colleagues' })).toBeHidden();
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length, 'pages printed').toBe(1);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Back to the group page' }).click();
  await expect(page.getByRole('button', { name: 'Show the poster' })).toBeFocused();
  await expect(page.getByRole('banner')).toBeVisible();
  await fitsAt320(page);
});

test('the poster of a group with the longest name allowed still prints on one A4 page', async ({ page }) => {
  const group = new GroupReportPage(page);
  await group.open();
  const name = `Health and social care partnership of the North West, spring ${'and autumn '.repeat(6)}`.slice(0, 120).trim();
  await group.createGroup(name);
  await page.getByLabel('Your e-mail address (optional)').fill('a.very.long.address.for.the.round@partnership.north-west.example.org.uk');
  await page.getByLabel('Closing date (optional)').fill('2027-12-31');
  await page.getByRole('button', { name: 'Make an invitation link' }).click();
  await page.getByRole('button', { name: 'Show the poster' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `How ready are we to collaborate? For ${name}` })).toBeFocused();
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length, 'pages printed').toBe(1);
  // Escape closes it too, back where the person was.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Show the poster' })).toBeFocused();
});

test('two colleagues at phone size open the link, see who is asking, answer and get an e-mail to the contact', async ({ page, browser, baseURL }) => {
  const link = await invite(page);
  const codes = [];
  for (const person of ['first', 'second']) {
    const { page: phone, done } = await colleague(browser, baseURL);
    await phone.goto(link);
    const q = new Questionnaire(phone);
    await expect(q.heading()).toHaveText(`Self-assessment for ${GROUP}`);
    await expect(phone.getByText(`${CONTACT} has invited you`)).toBeVisible();
    await expect(phone.getByText('Please answer by 31 March 2027.')).toBeVisible();
    await expect(phone.getByRole('heading', { name: 'What will happen to your answers' })).toBeVisible();
    if (person === 'first') {
      expect(await axeViolations(phone)).toEqual([]);
      await fitsAt320(phone);
      await phone.setViewportSize(PHONE);
    }
    await q.start();
    let from = 0;
    if (person === 'first') {
      // Saved on every change and resumable: the link, opened again later, offers to carry on.
      await q.answerWithMouse(NO_EXAMPLE_ANSWERS[0]);
      await expect(q.heading()).toHaveText(NO_EXAMPLE_ANSWERS[1].heading);
      await phone.goto(link);
      await phone.reload();
      await phone.getByRole('button', { name: 'Continue your answers' }).click();
      await expect(q.heading()).toHaveText(NO_EXAMPLE_ANSWERS[1].heading);
      from = 1;
    }
    await answerAll(phone, from);
    await expect(phone.getByText(`Your answers for ${GROUP}, for ${CONTACT}.`)).toBeVisible();
    await expect(phone.getByText('without anything you wrote in your own words', { exact: false })).toBeVisible();
    await expect(phone.getByRole('term').filter({ hasText: 'What is your role?' })).toBeVisible();
    const mail = phone.getByRole('link', { name: `Send by e-mail to ${CONTACT}` });
    const href = await mail.getAttribute('href');
    expect(href.startsWith(`mailto:${CONTACT}?subject=`), href).toBe(true);
    const body = decodeURIComponent(href.split('&body=')[1]);
    const code = body.match(/CRI1-[0-9A-Z]+/)?.[0];
    expect(code, body).toBeTruthy();
    await expect(phone.getByText(code, { exact: true })).toBeVisible();
    expect(decodeURIComponent(href.split('?subject=')[1].split('&')[0])).toBe(`My answers for ${GROUP}`);
    codes.push(code);
    if (person === 'second') {
      expect(await axeViolations(phone)).toEqual([]);
      await fitsAt320(phone);
    }
    await done();
  }
  expect(codes[0]).not.toBe(codes[1]);
});

test('a past closing date is announced, answering is still allowed, and with storage off the code is still given', async ({ page }) => {
  await disableStorage(page);
  const link = await invite(page, { closes: '2020-01-31', freeText: true });
  await page.goto(link);
  const q = new Questionnaire(page);
  await expect(q.heading()).toHaveText(`Self-assessment for ${GROUP}`);
  await expect(page.getByText('The closing date for this round, 31 January 2020, has passed.')).toBeVisible();
  await q.start();
  await answerAll(page);
  // Free text only when asked for and ticked.
  const written = 'Nobody can do this alone.';
  const preview = page.getByRole('definition').filter({ hasText: written });
  await expect(preview).toHaveCount(0);
  const code = page.getByText(/^CRI1-/);
  const short = await code.textContent();
  await page.getByLabel('Send what I wrote in my own words too').check();
  await expect(preview).toHaveCount(1);
  await expect(code).not.toHaveText(short);
  expect((await code.textContent()).length).toBeGreaterThan(short.length);
  expect(decodeURIComponent(await page.getByRole('link', { name: `Send by e-mail to ${CONTACT}` }).getAttribute('href'))).toContain(await code.textContent());
  expect(await axeViolations(page)).toEqual([]);
});

test('a damaged or newer invitation link says so and lets the person answer without it', async ({ page }) => {
  const q = new Questionnaire(page);
  await page.goto('./#/join/1~k3x9~~0~~Team~0000000');
  await expect(q.heading()).toHaveText('This invitation link cannot be read');
  await expect(page.getByRole('alert')).toContainText('incomplete or damaged');
  expect(await axeViolations(page)).toEqual([]);
  await page.goto('./#/join/2~anything');
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('newer version of this app');
  await page.getByRole('button', { name: 'Start without the invitation' }).click();
  await expect(q.heading()).toHaveText('A recent collaboration');
});
