// Page object for the self-assessment: what a person does, found by role and label only.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

export const Q = {
  q1: 'In the past 12 months, can you think of an example of a time you have worked in collaboration to achieve one of your organisation\'s objectives?',
  q2: 'Please briefly describe the project or programme of work.',
  q3: 'Which of these organisations were stakeholders and/or involved in the programme of work or project?',
  q4: 'How many organisations were involved in this programme of work or project?',
  q5: 'Where did most of the staff involved in the programme of work or project come from?',
  q6: 'Based on progress so far, how successful has programme of work or project been in achieving its desired outcomes?',
  q7: 'In general, to what extent (if at all) is collaboration with other providers and organisations important in your/your organisation\'s ability to deliver services to the public?',
  q8: 'Why do you say that?',
  q9: 'On balance, which of these statements reflects your view best?',
  q10: 'Please indicate the typical level of involvement of the public and service users in collaborative activities you have been involved in.',
  q11: 'To what extent, if at all, does your organisation value and incentivise staff to work collaboratively with other organisations?',
  q12: 'To what extent, if at all, does your organisation provide you with the tools to do collaboration well?',
  q13: 'How important do you think this factor is to successful collaboration in your geographic area?',
  q14: 'To what extent is this factor prevalent in your organisation?',
  q15: 'What is your role?',
  q16: 'What sector does your organisation work in?',
  q17: 'What area does your organisation work in? (please select ALL applicable)',
  q18: 'What area of the UK does your organisation work in? (select all that apply)',
};

export const FACTORS = [
  ['behaviours', 'Collaborative Behaviours'],
  ['citizens', 'Collaborative Citizens'],
  ['systems', 'Collaborative Systems'],
  ['services', 'Collaborative Services'],
  ['places', 'Collaborative Places'],
  ['markets', 'Collaborative Markets'],
  ['urgency', 'Urgency'],
  ['requirements', 'Requirements'],
];

/**
 * A complete set of answers, page by page, in the order the controls stand on the page: `choose`
 * picks one option of a question, `tick` ticks options, `type` fills a text box. Used by the keyboard
 * and mouse runs and by the results tests.
 */
export const FULL_ANSWERS = [
  { heading: 'A recent collaboration', answers: [['choose', Q.q1, 'Yes']] },
  {
    heading: 'About that collaboration',
    answers: [
      ['type', Q.q2, 'Joint hub with the council, "phase 2", <b>not bold</b>'],
      ['tick', Q.q3, ['Local authority', 'NHS Trust']],
      ['choose', Q.q4, '5 or more'],
      ['choose', Q.q5, 'Middle management (e.g. service coordinators)'],
      ['choose', Q.q6, 'Somewhat successful'],
    ],
  },
  {
    heading: 'Collaboration in general',
    answers: [
      ['choose', Q.q7, 'Critical'],
      ['type', Q.q8, 'Nobody can do this alone.'],
      ['choose', Q.q9, 'Collaborating with other organisations achieves better outcomes'],
    ],
  },
  {
    heading: 'Involvement',
    answers: [
      ['choose', Q.q10, 'INVOLVE (invited to participate in deciding what to do)'],
      ['choose', Q.q11, 'A little'],
      ['choose', Q.q12, 'Somewhat'],
    ],
  },
  ...[
    ['Collaborative Behaviours', 'A great deal', 'A little'],
    ['Collaborative Citizens', 'Somewhat', 'A little'],
    ['Collaborative Systems', 'A great deal', 'A great deal'],
    ['Collaborative Services', 'A great deal', 'Somewhat'],
    ['Collaborative Places', 'A great deal', 'A little'],
    ['Collaborative Markets', 'Somewhat', 'Somewhat'],
    ['Urgency', 'A little', 'Not at all'],
    ['Requirements', 'Not applicable', 'Not at all'],
  ].map(([heading, importance, prevalence]) => ({
    heading,
    answers: [['choose', Q.q13, importance], ['choose', Q.q14, prevalence]],
  })),
  {
    heading: 'About you',
    answers: [
      ['choose', Q.q15, 'Director'],
      ['choose', Q.q16, 'Public sector'],
      ['tick', Q.q17, ['Housing', 'Education']],
      ['tick', Q.q18, ['London']],
    ],
  },
];

/** FULL_ANSWERS for a person with no recent example (q1 = No): the questions about it are skipped. */
export const NO_EXAMPLE_ANSWERS = [
  { heading: 'A recent collaboration', answers: [['choose', Q.q1, 'No']] },
  ...FULL_ANSWERS.filter((p) => !['A recent collaboration', 'About that collaboration'].includes(p.heading)),
];

/**
 * The stored book every shipped version reads (tests/fixtures/storage/book-v1.json): "Team away day",
 * unfinished (last on the involvement page, q5 and q6 not answered), and "Before the restructure",
 * finished. `open` names the one that is open: 'unfinished' or 'finished'.
 */
export function storedBook(open) {
  const book = JSON.parse(readFileSync(new URL('../../tests/fixtures/storage/book-v1.json', import.meta.url), 'utf8'));
  book.data.current = book.data.assessments[open === 'finished' ? 1 : 0].response.id;
  return JSON.stringify(book);
}

/** Puts `book` in storage under `key` before the page's scripts run, on the first load only. */
export async function seedStorage(page, key, book) {
  await page.addInitScript(([key, book]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, book);
      sessionStorage.setItem('seeded', '1');
    }
  }, [key, book]);
}

export class Questionnaire {
  constructor(page) {
    this.page = page;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  group(legend) {
    return this.page.getByRole('group', { name: legend, exact: true });
  }

  option(legend, label) {
    return this.group(legend).getByLabel(label, { exact: true });
  }

  textbox(label) {
    return this.page.getByRole('textbox', { name: label });
  }

  async start() {
    await this.page.getByRole('button', { name: 'Start now' }).click();
    await expect(this.heading()).toHaveText('A recent collaboration');
  }

  async continue() {
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }

  /** Answers one page of FULL_ANSWERS with the mouse. */
  async answerWithMouse(answers) {
    await expect(this.heading()).toHaveText(answers.heading);
    for (const [kind, legend, value] of answers.answers) {
      if (kind === 'type') await this.textbox(legend).fill(value);
      if (kind === 'tick') for (const label of value) await this.option(legend, label).check();
      if (kind === 'choose') await this.option(legend, value).check();
    }
    await this.continue();
  }

  /** Presses Tab until `locator` has focus (a person moving through the page with the keyboard). */
  async tabTo(locator, limit = 80) {
    for (let i = 0; i < limit; i++) {
      if (await locator.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`could not reach ${locator} with the Tab key`);
  }

  /** Answers one page of FULL_ANSWERS with the keyboard alone. */
  async answerWithKeyboard(answers) {
    const page = this.page;
    await expect(this.heading()).toHaveText(answers.heading);
    for (const [kind, legend, value] of answers.answers) {
      if (kind === 'type') {
        await this.tabTo(this.textbox(legend));
        await page.keyboard.type(value);
        continue;
      }
      if (kind === 'tick') {
        for (const label of value) {
          await this.tabTo(this.option(legend, label));
          await page.keyboard.press('Space');
          await expect(this.option(legend, label)).toBeChecked();
        }
        continue;
      }
      const label = value;
      // A radio group is one tab stop: Tab lands on its first option, Space selects it, and the arrow
      // keys move the selection down the list.
      const radios = this.group(legend).getByRole('radio');
      await this.tabTo(radios.first());
      await page.keyboard.press('Space');
      const labels = await this.group(legend).locator('label').allTextContents();
      const steps = labels.indexOf(label);
      expect(steps, `option ${label}`).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
      await expect(this.option(legend, label)).toBeChecked();
    }
    await this.tabTo(page.getByRole('button', { name: 'Continue' }));
    await page.keyboard.press('Enter');
  }
}
