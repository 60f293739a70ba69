// Page object for the group report: what a facilitator does, found by role and label only.
import { expect } from '@playwright/test';
import { drawnInFull, openApp, rowByHeader } from '../support.mjs';

export class GroupReportPage {
  constructor(page) {
    this.page = page;
  }

  async open() {
    await openApp(this.page, '#/group');
    await expect(this.heading()).toHaveText('Group report');
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Starts a group (the first one, or another one). */
  async createGroup(name) {
    const first = this.page.getByLabel('Name of the group', { exact: true });
    if (await first.isVisible()) {
      await first.fill(name);
    } else {
      await this.page.getByText('Start another group', { exact: true }).click();
      await this.page.getByLabel('Name of the new group').fill(name);
    }
    await this.page.getByRole('button', { name: 'Create group' }).click();
    await expect(this.groupSelect().getByRole('option', { name: new RegExp(`^${escape(name)} \\(`), selected: true })).toBeAttached();
  }

  groupSelect() {
    return this.page.getByLabel('Group', { exact: true });
  }

  fileInput() {
    return this.page.getByLabel('Response files (CSV or JSON)');
  }

  /** Chooses files in the file chooser: paths, or `{ name, mimeType, buffer }` objects. */
  async chooseFiles(files) {
    await this.fileInput().setInputFiles(files);
  }

  /** Drops files (`{ name, type, text }`) onto the drop zone, as a person dragging them from a folder. */
  async dropFiles(files) {
    const dataTransfer = await this.page.evaluateHandle((specs) => {
      const dt = new DataTransfer();
      for (const f of specs) dt.items.add(new File([f.text], f.name, { type: f.type }));
      return dt;
    }, files);
    await this.fileInput().dispatchEvent('drop', { dataTransfer });
  }

  summary() {
    return this.page.getByRole('region', { name: 'Import summary' });
  }

  /** Waits for the import summary and returns its first sentence. */
  async totals() {
    await expect(this.summary()).toBeVisible({ timeout: 120_000 });
    return this.summary().getByRole('paragraph').first();
  }

  report() {
    return this.page.getByRole('region', { name: /^Report: / });
  }

  table(name) {
    return this.page.getByRole('table', { name });
  }

  /** The data cells (not the row header) of the row of `table` whose header is `rowName`. */
  cells(table, rowName) {
    return rowByHeader(table, rowName).getByRole('cell');
  }

  /** Waits until every chart on the page is drawn. */
  async chartsDrawn() {
    await drawnInFull(this.page);
    const charts = this.page.getByRole('img');
    const n = await charts.count();
    // Each is drawn as it comes into view, as a reader scrolls to it.
    for (let i = 0; i < n; i++) {
      await charts.nth(i).scrollIntoViewIfNeeded();
      await expect(charts.nth(i)).toHaveAttribute('data-drawn', 'true');
    }
    return n;
  }
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
