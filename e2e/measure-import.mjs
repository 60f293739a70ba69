// Measures the group import in the browser: wall time from choosing a generated responses CSV to the
// import summary, and how responsive the page stays meanwhile (the longest gap between timer ticks
// the page asked for every 10 ms, and the main-thread long tasks over 50 ms). Not a test: it prints
// numbers, it asserts nothing.
//
//   node e2e/serve.mjs --root dist --port 8767 &
//   node e2e/measure-import.mjs [http://127.0.0.1:8767/] [10000,100000]
import { chromium } from '@playwright/test';
import { generatedCsv } from './group-data.mjs';

const base = process.argv[2] || 'http://127.0.0.1:8767/';
const sizes = (process.argv[3] || '10000,100000').split(',').map(Number);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
for (const n of sizes) {
  const path = generatedCsv(n);
  const page = await browser.newPage();
  await page.goto(`${base}#/group`);
  await page.getByLabel('Name of the group', { exact: true }).fill(`Measure ${n}`);
  await page.getByRole('button', { name: 'Create group' }).click();
  await page.getByLabel('Response files (CSV or JSON)').waitFor();
  await page.evaluate(() => {
    window.__gaps = [];
    window.__long = [];
    let last = performance.now();
    window.__tick = setInterval(() => {
      const now = performance.now();
      window.__gaps.push(now - last);
      last = now;
    }, 10);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const started = Date.now();
  await page.getByLabel('Response files (CSV or JSON)').setInputFiles(path);
  await page.getByRole('region', { name: 'Import summary' }).waitFor({ timeout: 600_000 });
  const importMs = Date.now() - started;
  await page.getByRole('region', { name: /^Report: / }).waitFor({ timeout: 600_000 });
  const reportMs = Date.now() - started;
  const stats = await page.evaluate(() => {
    clearInterval(window.__tick);
    const gaps = window.__gaps.slice().sort((a, b) => a - b);
    const p = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
    return {
      ticks: gaps.length,
      medianGap: p(0.5),
      p95Gap: p(0.95),
      maxGap: gaps[gaps.length - 1],
      longTasks: window.__long.length,
      longestTask: Math.max(0, ...window.__long),
      summary: document.querySelector('.import-totals')?.textContent,
    };
  });
  console.log(JSON.stringify({ rows: n, importMs, reportShownMs: reportMs, ...stats }));
  await page.close();
}
await browser.close();
