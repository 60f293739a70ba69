// The page's boot script (public/boot.js) loads the build the Rust route table names for every
// route, and for fragments no link writes (hand-typed, doubled slashes, other cases, queries): the
// questionnaire where Route::in_questionnaire says so, the results build where Route::in_results does,
// else the whole app; and it shows the opening model::openings::opening names. The table comes from
// examples/route_table.rs (Route::all() and Route::from_hash). Run by scripts/test.sh (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = fileURLToPath(new URL('..', import.meta.url));
const boot = readFileSync(new URL('../public/boot.js', import.meta.url), 'utf8');

/**
 * One of boot.js's choices for a fragment (`const <name> = (hash) => { … };`), evaluated on its own
 * with the one helper they share (`const pathOf = (hash) => …;`, the fragment's path).
 */
function bootChoice(name = 'buildFor') {
  const source = boot.match(new RegExp(`^ {2}const ${name} = (\\(hash\\) => \\{\\n[\\s\\S]*?\\n {2}\\});$`, 'm'));
  assert.ok(source, `public/boot.js has no \`const ${name} = (hash) => { … };\``);
  const pathOf = boot.match(/^ {2}(const pathOf = \(hash\) => .*;)$/m);
  assert.ok(pathOf, 'public/boot.js has no one-line `const pathOf = (hash) => …;`');
  return vm.runInNewContext(`${pathOf[1]} (${source[1]})`);
}

/** Fragments no link of the app writes, read by both sides. */
const HOSTILE = [
  '', '#', '#/', '##', '#//', '#///', '#?x=1', '#/?start=group',
  '#assessment/example', '##/assessment/example', '#//assessment/example', '#/#/assessment/example',
  '#/assessment/example/', '#/assessment/example//', '#/assessment/example?x=1', '#/assessment/example#top',
  '#/assessment/check/', '#/assessment/check//', '#/assessment/check?x=1', '#//assessment/check',
  '#/assessment/example/change/', '#/assessment/example/change//', '#/assessment/example/change?x=1',
  '#/assessment/check/change', '#/assessment/change', '#/assessment/', '#/assessment', '#/assessment//example',
  '#/assessment/nowhere', '#/assessment/nowhere/change', '#/assessment/example/../check', '#/assessment/example ',
  '#/Assessment/example', '#/assessment/EXAMPLE', '#/%61ssessment/example', '#/ assessment/example',
  '#?/assessment/example', '#/results?next=#/assessment/example', '#/results/', '#/shared', '#/shared/x/y',
  '#/nowhere', '#/BENCHMARK', '#/\u001b[2J', '#/assessment/\u00e9',
  '#/join', '#/join/', '#/join/1~abc~~0~~Team~0000000', '#//join/1~x', '#/join/1~x?start=questionnaire', '#/joined',
  '#/JOIN/1~x', '#/send', '#/send/', '#/send?x=1',
  '#/Results', '#/results//', '#//compare', '#/compare?x=1', '#/benchmark/', '#/benchmarks', '#/sharedx',
  '##/shared/abc', '#/shared//x', '#/results/shared', '#/group/results',
];

function routeTable() {
  const run = spawnSync('cargo', ['run', '--quiet', '--example', 'route_table', '--', ...HOSTILE], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  assert.equal(run.status, 0, `cargo run --example route_table failed:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

test('the boot script loads the build the Rust route table names, for every route and odd fragments', () => {
  const buildFor = bootChoice();
  const table = routeTable();
  const routes = table.slice(0, table.length - HOSTILE.length);
  assert.deepEqual(table.slice(routes.length).map((row) => row.hash), HOSTILE, 'the table ends with the fragments asked about');
  // Route::all(): every screen, each page of questions in both forms, each with an address.
  assert.ok(routes.length > 20, `${routes.length} routes`);
  assert.ok(routes.some((row) => row.questionnaire) && routes.some((row) => row.results));
  assert.ok(routes.some((row) => !row.questionnaire && !row.results));
  assert.ok(!routes.some((row) => row.route === 'NotFound'));
  let notFound = 0;
  for (const { hash, route, questionnaire, results } of table) {
    const choice = buildFor(hash);
    if (route === 'NotFound') {
      // Both builds show "page not found" (the questionnaire by handing over to the whole app), so
      // either is right; boot.js, which does not know the questions' names, loads the questionnaire
      // for any assessment/… page.
      assert.ok(['questionnaire', 'app'].includes(choice), `${JSON.stringify(hash)}: ${choice}`);
      notFound++;
    } else {
      assert.equal(choice, questionnaire ? 'questionnaire' : results ? 'results' : 'app', `${JSON.stringify(hash)} (${route})`);
    }
  }
  assert.ok(notFound > 0 && notFound < HOSTILE.length, `${notFound} of the odd fragments are "page not found"`);
});

test('the boot script shows the opening the Rust route table names, for every route and odd fragments', () => {
  const openingFor = bootChoice('openingFor');
  const table = routeTable();
  const named = new Set(table.map((row) => row.opening).filter(Boolean));
  assert.deepEqual([...named].sort(), ['benchmark', 'group', 'results', 'shared']);
  for (const { hash, route, opening } of table) {
    assert.equal(openingFor(hash), opening, `${JSON.stringify(hash)} (${route})`);
  }
  // The style sheet shows each of them when the boot script names it.
  const css = readFileSync(new URL('../style/main.css', import.meta.url), 'utf8');
  for (const name of named) {
    assert.ok(css.includes(`html[data-opening="${name}"] main > [data-opening="${name}"]`), `style/main.css shows the opening ${name}`);
  }
});

test('the boot script loads the build it chooses for the page\'s own fragment', () => {
  assert.match(boot, /\n {2}const build = buildFor\(location\.hash\);\n[\s\S]*?\n {2}const start = \(\) => load\(build\)\.catch\([^\n]*\.finally\(settle\)/);
  // The service worker's first downloads wait for the page's build, as well as for the load event.
  assert.match(boot, /Promise\.all\(\[loaded, settled\]\)\.then\(\(\) => navigator\.serviceWorker\.register\(/);
  // At once, or on a page with an opening once it is painted (and after a while in any case).
  assert.match(boot, /\n {2}if \(openingFor\(location\.hash\)\) \{\n[\s\S]*?requestAnimationFrame\(\(\) => setTimeout\(once\)\);\n {4}setTimeout\(once, \d+\);\n {2}\} else \{\n {4}start\(\);\n {2}\}\n/);
});
