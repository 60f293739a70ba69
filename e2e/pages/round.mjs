// The people of a round, for the specs that follow one (team-invite, team-round): the facilitator's
// invitation, a colleague's own browser at phone size, answering everything, and the 320 px check.
import { expect } from '@playwright/test';
import { Questionnaire, NO_EXAMPLE_ANSWERS } from './questionnaire.mjs';
import { drawnInFull } from '../support.mjs';

export const PHONE = { width: 360, height: 740 };

/** Makes an invitation for the group shown; returns its link as the page shows it. */
export async function makeInvitation(page, group, { contact, closes = '2027-03-31', freeText = false } = {}) {
  if (contact) await page.getByLabel('Your e-mail address (optional)').fill(contact);
  if (closes) await page.getByLabel('Closing date (optional)').fill(closes);
  if (freeText) await page.getByLabel('Ask for free-text answers').check();
  await page.getByRole('button', { name: 'Make an invitation link' }).click();
  const heading = page.getByRole('heading', { name: `Invitation link for ${group}` });
  await expect(heading).toBeFocused();
  const link = (await page.getByText(/#\/join\/1~/).textContent()).trim();
  return link;
}

/** No sideways scrolling at 320 px wide. */
export async function fitsAt320(page) {
  await page.setViewportSize({ width: 320, height: 740 });
  await drawnInFull(page);
  const [scroll, client, wide] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
    // What sticks out, to say in the failure.
    [...document.querySelectorAll('main *')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent.slice(0, 40)}`)
      .slice(-5),
  ]);
  expect(scroll, `sideways scrolling at 320 px: ${wide.join(' | ')}`).toBeLessThanOrEqual(client);
}

/**
 * A colleague's own browser (a fresh context: nothing stored) at phone size, watched like the
 * `page` fixture: no request to another origin, no Content-Security-Policy violation.
 */
export async function colleague(browser, baseURL) {
  const context = await browser.newContext({ baseURL, viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const own = new URL(baseURL).origin;
  const foreign = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== own) foreign.push(r.url());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const done = async () => {
    expect(foreign, 'requests to other origins').toEqual([]);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    await context.close();
  };
  return { page, done };
}

/**
 * Answers the whole questionnaire (no recent example) from page `from` on, and finishes; `beforeLast`,
 * if given, runs before the last page is answered.
 */
export async function answerAll(page, from = 0, beforeLast = null) {
  const q = new Questionnaire(page);
  const pages = NO_EXAMPLE_ANSWERS.slice(from);
  for (const [i, answers] of pages.entries()) {
    if (beforeLast && i === pages.length - 1) await beforeLast();
    await q.answerWithMouse(answers);
  }
  await page.getByRole('button', { name: 'Finish and see your results' }).click();
  await expect(q.heading()).toHaveText('Send your answers to the facilitator');
}
