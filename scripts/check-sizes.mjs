// The size budgets of a built site, checked by scripts/test.sh after the release build:
//
//   node scripts/check-sizes.mjs dist              prints the figures and their margins; exits 1 when
//                                                  a budget is exceeded
//   node scripts/check-sizes.mjs dist --record     writes the whole app's figure into the budget file
//   (--budget FILE: another budget file than scripts/size-budget.json)
//
// 1. The first load: the page and every file it loads before the first question (its style sheets and
//    icon, the questionnaire build's script and WebAssembly, the service worker), each gzip'd as
//    bench/serve.mjs serves them (level 9), summed, must stay within 150 KB (KB = 1,024 bytes). It is
//    bench/'s "all-in" first load less the HTTP headers; bench/ measures the same files in a browser.
// 2. The results build's cold load (a share link, a person's results, the 2018 survey): the page, its
//    style sheets, the results build's style sheet, script and WebAssembly, and the service worker,
//    counted the same way, must stay within its own limit. ECharts comes after the text and is not
//    counted: the figures and tables are shown without it.
// 3. The whole app's WebAssembly (gzip) may grow by at most 5% over the figure recorded in the budget
//    file. When it grows on purpose, record the new figure (--record) in the same commit, which says
//    why.
//
// Byte counts of a build are deterministic; timings stay in bench/.
import { readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const KB = 1024;
export const DEFAULT_BUDGET = fileURLToPath(new URL('./size-budget.json', import.meta.url));

const gzip = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;

/** A file of the site that the page names, which must be there. */
function file(dist, name, why) {
  const path = join(dist, name);
  if (!existsSync(path) || !statSync(path).isFile()) throw new Error(`${why} is ${name}, which is not in ${dist}`);
  return path;
}

/** The one name in the page matching `pattern` (its first group), or an error naming `what`. */
function named(html, pattern, what) {
  const found = [...new Set([...html.matchAll(pattern)].map((m) => m[1]))];
  if (found.length !== 1) throw new Error(`index.html should name one ${what}, it names ${found.length}: ${found.join(', ')}`);
  return found[0];
}

/** The files of the first load, of the results build's cold load and the whole app's WebAssembly, with their gzip sizes. */
export function measure(dist) {
  const html = readFileSync(file(dist, 'index.html', 'the page'), 'utf8');
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
  const href = (tag) => (tag.match(/\bhref="\.\/([^"]+)"/) || [])[1];
  const styles = links.filter((tag) => /\brel="stylesheet"/.test(tag)).map(href);
  // (A style sheet inline in a <style> element is part of index.html.)
  if (styles.length === 0 && !/<style>/.test(html)) throw new Error('index.html has no style sheet');
  // An icon given inline (a data: address) is part of index.html.
  const icons = links.filter((tag) => /\brel="icon"/.test(tag)).map(href).filter(Boolean);
  const first = [
    ['index.html', 'the page'],
    ...styles.map((name) => [name, 'a style sheet of the page']),
    ...icons.map((name) => [name, 'the page\'s icon']),
    [named(html, /"\.\/(questionnaire-[0-9a-f]+\.js)"/g, 'questionnaire script'), 'the questionnaire\'s script'],
    [named(html, /"\.\/(questionnaire-[0-9a-f]+_bg\.wasm)"/g, 'questionnaire WebAssembly'), 'the questionnaire\'s WebAssembly'],
  ];
  const results = [
    ...first.filter(([name]) => !name.startsWith('questionnaire-')),
    [named(html, /"\.\/(app-[0-9a-f]+\.css)"/g, 'style sheet of the results and the whole app'), 'the results build\'s style sheet'],
    [named(html, /"\.\/(results-[0-9a-f]+\.js)"/g, 'results script'), 'the results build\'s script'],
    [named(html, /"\.\/(results-[0-9a-f]+_bg\.wasm)"/g, 'results WebAssembly'), 'the results build\'s WebAssembly'],
  ];
  const worker = html.match(/\.register\("\.\/([\w.-]+\.js)"\)/);
  if (worker) {
    first.push([worker[1], 'the service worker']);
    results.push([worker[1], 'the service worker']);
  }
  const sized = (list) => list.map(([name, why]) => ({ name, why, gzip: gzip(file(dist, name, why)) }));
  const app = named(html, /"\.\/(collaboration-readiness-[0-9a-f]+_bg\.wasm)"/g, 'whole app WebAssembly');
  return {
    firstLoad: sized(first),
    resultsLoad: sized(results),
    app: { name: app, gzip: gzip(file(dist, app, 'the whole app\'s WebAssembly')) },
  };
}

/** The report on `figures` against `budget`: lines to print, and a line for each budget exceeded. */
export function check(figures, budget) {
  const lines = ['Sizes of the built site (gzip level 9, as bench/serve.mjs serves it; KB = 1,024 bytes)', 'First load (the page and what it loads before the first question):'];
  const failures = [];
  const width = Math.max(...[...figures.firstLoad, ...figures.resultsLoad, figures.app].map((f) => f.name.length)) + 2;
  const load = (list, limitKB, what) => {
    for (const f of list) lines.push(`  ${f.name.padEnd(width)}${kb(f.gzip).padStart(11)}`);
    const total = list.reduce((sum, f) => sum + f.gzip, 0);
    const limit = limitKB * KB;
    const spare = limit - total;
    lines.push(`  ${'total'.padEnd(width)}${kb(total).padStart(11)}   budget ${kb(limit)}: ${spare >= 0 ? `${kb(spare)} to spare` : `${kb(-spare)} OVER`}`);
    if (spare < 0) failures.push(`${what} is ${kb(total)} (gzip), ${kb(-spare)} over its budget of ${kb(limit)}`);
  };
  load(figures.firstLoad, budget.firstLoadLimitKB, 'the first load');
  lines.push('Results, opened cold (the page and what it loads before the figures, ECharts not counted):');
  load(figures.resultsLoad, budget.resultsLoadLimitKB, 'the results build\'s cold load');

  const recorded = budget.appWasmGzip;
  const allowed = Math.floor(recorded * (1 + budget.appWasmGrowthPercent / 100));
  const growth = ((figures.app.gzip - recorded) / recorded) * 100;
  const growthText = `${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%`;
  lines.push('Whole app:');
  lines.push(
    `  ${figures.app.name.padEnd(width)}${kb(figures.app.gzip).padStart(11)}   recorded ${kb(recorded)} (${growthText}), ` +
      `at most ${kb(allowed)} (+${budget.appWasmGrowthPercent}%): ${allowed - figures.app.gzip >= 0 ? `${kb(allowed - figures.app.gzip)} to spare` : `${kb(figures.app.gzip - allowed)} OVER`}`,
  );
  if (figures.app.gzip > allowed) {
    failures.push(
      `the whole app's WebAssembly is ${kb(figures.app.gzip)} (gzip), ${growthText} over the recorded ${kb(recorded)}; ` +
        `at most +${budget.appWasmGrowthPercent}% is allowed (if it grew on purpose: node scripts/check-sizes.mjs <dist> --record, and say why in the commit)`,
    );
  } else if (growth < -budget.appWasmGrowthPercent) {
    lines.push(`  (${growthText} since it was recorded: record the new figure with --record, so that growth is counted from it)`);
  }
  return { lines, failures };
}

function main(args) {
  let dist = null;
  let budgetPath = DEFAULT_BUDGET;
  let record = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--budget' && i + 1 < args.length) budgetPath = args[++i];
    else if (args[i] === '--record') record = true;
    else if (!args[i].startsWith('--') && dist === null) dist = args[i];
    else dist = undefined;
  }
  if (!dist) {
    console.error('usage: node scripts/check-sizes.mjs DIST [--record] [--budget FILE]');
    return 2;
  }
  let figures;
  try {
    figures = measure(dist);
  } catch (e) {
    console.error(`check-sizes: ${e.message}`);
    return 1;
  }
  const budget = JSON.parse(readFileSync(budgetPath, 'utf8'));
  const unset = ['firstLoadLimitKB', 'resultsLoadLimitKB', 'appWasmGrowthPercent', 'appWasmGzip'].filter((key) => !Number.isFinite(budget[key]));
  if (unset.length) {
    console.error(`check-sizes: ${budgetPath} gives no number for ${unset.join(', ')}`);
    return 1;
  }
  if (record) {
    budget.appWasmGzip = figures.app.gzip;
    writeFileSync(budgetPath, `${JSON.stringify(budget, null, 2)}\n`);
    console.log(`check-sizes: recorded the whole app's WebAssembly, ${kb(figures.app.gzip)} (${figures.app.gzip} bytes), in ${budgetPath}`);
  }
  const { lines, failures } = check(figures, budget);
  console.log(lines.join('\n'));
  for (const f of failures) console.error(`check-sizes: FAIL: ${f}`);
  return failures.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
