// Page object for the results: tables read as a person (or a screen reader) reads them.
import { expect } from '@playwright/test';
import { openApp, rowByHeader } from '../support.mjs';
import { Questionnaire, FULL_ANSWERS } from './questionnaire.mjs';

/** Completes the whole assessment with FULL_ANSWERS and opens its results. */
export async function completeAssessment(page, answers = FULL_ANSWERS) {
  const q = new Questionnaire(page);
  await openApp(page);
  await q.start();
  for (const a of answers) await q.answerWithMouse(a);
  await page.getByRole('button', { name: 'Finish and see your results' }).click();
  await expect(q.heading()).toHaveText('Your results');
  return new Results(page);
}

export class Results {
  constructor(page) {
    this.page = page;
  }

  factorTable() {
    return this.page.getByRole('table', { name: 'Importance, prevalence, gap, prevalence band and priority for each factor' });
  }

  /** The cells of a table row, by the row's header text. */
  async row(table, header) {
    return rowByHeader(table, header).getByRole('cell').allTextContents();
  }

  /** Every body row of a table as [header, ...cells], once the table is on the page (the results
   * draw their sections one after another, so a table may come a moment after the heading). */
  async rows(table) {
    await expect(table.locator('tbody tr').first()).toBeVisible();
    return table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent.trim())),
    );
  }

  chart(name) {
    return this.page.getByRole('img', { name });
  }

  /** Waits until the chart is drawn and returns how many of its canvas pixels are painted. */
  async paintedPixels(name) {
    const chart = this.chart(name);
    // A chart is drawn as it comes into view, as a reader scrolls to it.
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toHaveAttribute('data-drawn', 'true');
    // The pixels are the chart's final ones once its entry animation has finished (or never started:
    // reduced motion): ECharts paints each frame's last step before it drops the animation, so no
    // animation left to run means nothing more will be painted.
    await expect
      .poll(() => chart.locator('[_echarts_instance_]').evaluate((surface) => window.echarts.getInstanceByDom(surface).getZr().animation.isFinished()), {
        message: 'the chart\'s entry animation finishes',
      })
      .toBe(true);
    return chart.locator('canvas').first().evaluate((canvas) => {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return painted;
    });
  }
}
