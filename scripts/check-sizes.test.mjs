// The size check (scripts/check-sizes.mjs) run as scripts/test.sh runs it, on crafted sites: one
// within its budgets, one whose questionnaire WebAssembly is too large, one whose results build is,
// one whose whole app grew more than 5%, one whose page names a file that is missing, a budget file
// without a figure. Run by scripts/test.sh (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const checker = fileURLToPath(new URL('./check-sizes.mjs', import.meta.url));

/** `n` bytes that gzip cannot shrink (a fixed xorshift sequence, so every run is the same). */
function noise(n, seed = 1) {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A built site as the post-build step writes it, with WebAssembly files of the given sizes. */
function site({ questionnaireWasm, appWasm, resultsWasm = 150 * 1024, leaveOut = [], icon = './icon.svg', style = '<link rel="stylesheet" href="./main-0123456789abcdef.css" integrity="sha256-x">' }) {
  const dist = mkdtempSync(join(tmpdir(), 'check-sizes-'));
  const files = {
    'index.html': `<!doctype html><html><head><meta charset="utf-8">
<script>(()=>{const u={questionnaire:{js:"./questionnaire-0123456789abcdef.js",wasm:"./questionnaire-fedcba9876543210_bg.wasm"},results:{js:"./results-00112233aabbccdd.js",wasm:"./results-44556677aabbccdd_bg.wasm",css:"./app-0123.css"},app:{js:"./collaboration-readiness-0011223344556677.js",wasm:"./collaboration-readiness-8899aabbccddeeff_bg.wasm",css:"./app-0123.css"}};navigator.serviceWorker.register("./sw.js")})();</script>
<link rel="manifest" href="./manifest.webmanifest">
<link rel="icon" href="${icon}" type="image/svg+xml">
${style}
</head><body></body></html>`,
    'main-0123456789abcdef.css': 'body{margin:0}',
    'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'questionnaire-0123456789abcdef.js': 'export default async function init(){}',
    'questionnaire-fedcba9876543210_bg.wasm': noise(questionnaireWasm, 7),
    'sw.js': 'self.addEventListener("install",()=>{})',
    'collaboration-readiness-8899aabbccddeeff_bg.wasm': noise(appWasm, 11),
    'app-0123.css': 'main{padding:0}',
    'results-00112233aabbccdd.js': 'export default async function init(){}',
    'results-44556677aabbccdd_bg.wasm': noise(resultsWasm, 13),
  };
  for (const [name, data] of Object.entries(files)) if (!leaveOut.includes(name)) writeFileSync(join(dist, name), data);
  return dist;
}

/** A budget file recording `appWasmGzip` for the crafted whole app. */
function budget(dir, appWasmGzip, without = null) {
  const path = join(dir, 'budget.json');
  const figures = { firstLoadLimitKB: 150, resultsLoadLimitKB: 200, appWasmGrowthPercent: 5, appWasmGzip };
  if (without) delete figures[without];
  writeFileSync(path, JSON.stringify(figures));
  return path;
}

const run = (dist, budgetPath) => spawnSync(process.execPath, [checker, dist, '--budget', budgetPath], { encoding: 'utf8' });
const gzipOf = (n, seed) => gzipSync(noise(n, seed), { level: 9 }).length;

test('a site within its budgets passes and prints each figure with its margin', (t) => {
  const dist = site({ questionnaireWasm: 100 * 1024, appWasm: 300 * 1024 });
  t.after(() => rmSync(dist, { recursive: true }));
  const out = run(dist, budget(dist, gzipOf(300 * 1024, 11)));
  assert.equal(out.status, 0, out.stderr);
  for (const name of ['index.html', 'main-0123456789abcdef.css', 'icon.svg', 'questionnaire-0123456789abcdef.js', 'questionnaire-fedcba9876543210_bg.wasm', 'sw.js']) {
    assert.match(out.stdout, new RegExp(`^ {2}${name.replace(/\./g, '\\.')} +\\d+\\.\\d\\d KB$`, 'm'), name);
  }
  assert.match(out.stdout, /^ {2}total +\d+\.\d\d KB {3}budget 150\.00 KB: \d+\.\d\d KB to spare$/m);
  // The results build's cold load: the page, both style sheets, its script and wasm, the worker.
  const results = out.stdout.split('Results, opened cold')[1].split('Whole app:')[0];
  for (const name of ['index.html', 'main-0123456789abcdef.css', 'app-0123.css', 'results-00112233aabbccdd.js', 'results-44556677aabbccdd_bg.wasm', 'sw.js']) {
    assert.match(results, new RegExp(`^ {2}${name.replace(/\./g, '\\.')} +\\d+\\.\\d\\d KB$`, 'm'), name);
  }
  assert.doesNotMatch(results, /questionnaire/);
  assert.match(results, /^ {2}total +1[45]\d\.\d\d KB {3}budget 200\.00 KB: \d+\.\d\d KB to spare$/m);
  assert.match(out.stdout, /collaboration-readiness-8899aabbccddeeff_bg\.wasm +\d+\.\d\d KB {3}recorded \d+\.\d\d KB \(\+0\.0%\), at most \d+\.\d\d KB \(\+5%\): \d+\.\d\d KB to spare$/m);
  // Neither the whole app's style sheet nor the manifest is part of the first load.
  assert.doesNotMatch(out.stdout.split('Results, opened cold')[0], /app-0123\.css|manifest/);
  assert.doesNotMatch(out.stdout, /manifest/);
  assert.equal(out.stderr, '');
});

test('a questionnaire WebAssembly that takes the first load over 150 KB fails, saying by how much', (t) => {
  const dist = site({ questionnaireWasm: 160 * 1024, appWasm: 300 * 1024 });
  t.after(() => rmSync(dist, { recursive: true }));
  const out = run(dist, budget(dist, gzipOf(300 * 1024, 11)));
  assert.equal(out.status, 1);
  assert.match(out.stdout, /total +1[67]\d\.\d\d KB {3}budget 150\.00 KB: \d+\.\d\d KB OVER$/m);
  assert.match(out.stderr, /^check-sizes: FAIL: the first load is 1[67]\d\.\d\d KB \(gzip\), \d+\.\d\d KB over its budget of 150\.00 KB$/m);
  assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
});

test('a whole app grown more than 5% over the recorded figure fails; 5% passes', (t) => {
  const dist = site({ questionnaireWasm: 100 * 1024, appWasm: 300 * 1024 });
  t.after(() => rmSync(dist, { recursive: true }));
  const size = gzipOf(300 * 1024, 11);
  const over = run(dist, budget(dist, Math.floor(size / 1.06)));
  assert.equal(over.status, 1);
  assert.match(over.stderr, /^check-sizes: FAIL: the whole app's WebAssembly is \d+\.\d\d KB \(gzip\), \+6\.0% over the recorded \d+\.\d\d KB; at most \+5% is allowed/m);
  const within = run(dist, budget(dist, Math.ceil(size / 1.05)));
  assert.equal(within.status, 0, within.stderr);
});

test('a file the page names that is not in the site fails, naming it', (t) => {
  const dist = site({ questionnaireWasm: 1024, appWasm: 1024, leaveOut: ['questionnaire-fedcba9876543210_bg.wasm'] });
  t.after(() => rmSync(dist, { recursive: true }));
  const out = run(dist, budget(dist, 1000));
  assert.equal(out.status, 1);
  assert.match(out.stderr, /^check-sizes: the questionnaire's WebAssembly is questionnaire-fedcba9876543210_bg\.wasm, which is not in /);
});

test('an icon given inline is counted in the page, not looked for as a file', (t) => {
  const dist = site({ questionnaireWasm: 100 * 1024, appWasm: 300 * 1024, icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E", leaveOut: ['icon.svg'] });
  t.after(() => rmSync(dist, { recursive: true }));
  const out = run(dist, budget(dist, gzipOf(300 * 1024, 11)));
  assert.equal(out.status, 0, out.stderr);
  assert.doesNotMatch(out.stdout, /icon/);
  assert.match(out.stdout, /^ {2}index\.html +\d+\.\d\d KB$/m);
});

test('a style sheet inline is counted in the page; a page with no style sheet at all fails', (t) => {
  const dist = site({ questionnaireWasm: 100 * 1024, appWasm: 300 * 1024, style: '<style>body{margin:0}</style>', leaveOut: ['main-0123456789abcdef.css'] });
  t.after(() => rmSync(dist, { recursive: true }));
  const out = run(dist, budget(dist, gzipOf(300 * 1024, 11)));
  assert.equal(out.status, 0, out.stderr);
  assert.doesNotMatch(out.stdout, /main-/);
  const none = site({ questionnaireWasm: 1024, appWasm: 1024, style: '', leaveOut: ['main-0123456789abcdef.css'] });
  t.after(() => rmSync(none, { recursive: true }));
  const failed = run(none, budget(none, 1000));
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /index\.html has no style sheet/);
});

test('a results build that takes its cold load over its limit fails, saying by how much', (t) => {
  const dist = site({ questionnaireWasm: 100 * 1024, appWasm: 300 * 1024, resultsWasm: 210 * 1024 });
  t.after(() => rmSync(dist, { recursive: true }));
  const out = run(dist, budget(dist, gzipOf(300 * 1024, 11)));
  assert.equal(out.status, 1);
  assert.match(out.stderr, /^check-sizes: FAIL: the results build's cold load is 21\d\.\d\d KB \(gzip\), \d+\.\d\d KB over its budget of 200\.00 KB$/m);
  assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
});

test('a budget file without one of its figures fails, naming it', (t) => {
  const dist = site({ questionnaireWasm: 1024, appWasm: 1024 });
  t.after(() => rmSync(dist, { recursive: true }));
  const out = run(dist, budget(dist, 1000, 'resultsLoadLimitKB'));
  assert.equal(out.status, 1);
  assert.match(out.stderr, /gives no number for resultsLoadLimitKB$/m);
});
