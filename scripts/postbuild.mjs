// Trunk post-build hook (see Trunk.toml): makes the built site safe to serve from any static host.
//
// 1. Replaces the loader Trunk writes for the questionnaire build (an inline script and preload tags)
//    with public/boot.js, inline, which loads whichever of the app's three builds the page needs (see
//    src/web/handoff.rs). The results build and the whole app are built by Trunk as "workers" (no tags,
//    plain file names); they are renamed here by their content like every other file, and every
//    build's files and integrity are written into the boot script.
// 2. Renames echarts.min.js to a content-hashed name (a new release can never mix an old ECharts with
//    new code in a cache) and tells the app its name and integrity in <meta> tags.
// 3. Adds the CSP <meta> tag, which allows the inline boot script and the inline main.css by their
//    hashes (no 'unsafe-inline').
// 4. Puts the pages' openings (public/openings, see src/model/openings.rs) in <main>.
// 5. Writes the service worker with this build's version and the list of files to keep offline.
//
// Works on $TRUNK_STAGING_DIR (or the directory given as the first argument).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { compactWasm } from './compact-wasm.mjs';
import { dropClasses } from './drop-classes.mjs';
import { importNames } from './wasm-sections.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('postbuild: no staging directory (TRUNK_STAGING_DIR)');

const sha = (algo, data) => createHash(algo).update(data).digest();
// SHA-256, the shortest hash Subresource Integrity takes: every build's files are named inline in the
// page, and each hash is incompressible bytes of the first load.
const integrity = (data) => `sha256-${sha('sha256', data).toString('base64')}`;
const shortHash = (data) => sha('sha256', data).toString('hex').slice(0, 16);

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// 1. The three builds.
const files = () => readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile());
const one = (pattern, what) => {
  const found = files().filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`postbuild: expected one ${what}, found ${JSON.stringify(found)}`);
  return found[0];
};
/**
 * binaryen's passes for each build, run here rather than by Trunk (index.html turns Trunk's off) so
 * that the classes no page uses are out of the WebAssembly first (scripts/drop-classes.mjs): binaryen
 * then removes their code, which it cannot do once it has optimised the module with them exported
 * (optimising a second time costs more than it saves).
 *
 * After -Oz, binaryen flattens and re-reloops the code and shrinks it again, twice: about 0.7 KB less
 * of the first load (gzip) than -Oz alone, with the same behaviour. For the first load, binaryen also
 * merges functions that differ only in constants, and repeats its passes until they shrink nothing
 * more (about 0.3 KB together).
 */
const TWICE = ['--flatten', '--rereloop', '-Oz', '--flatten', '--rereloop', '-Oz'];
const WASM_OPT = {
  questionnaire: [...TWICE, '--merge-similar-functions', '-Oz', '--converge'],
  results: TWICE,
  'collaboration-readiness': TWICE,
};
const wasmOpt = fileURLToPath(new URL('../node_modules/.bin/wasm-opt', import.meta.url));

/** Runs binaryen on `path` in place, as Trunk would have (`-Oz`, then the build's passes). */
function optimise(stem, path) {
  return new Promise((resolve, reject) => {
    const run = spawn(wasmOpt, [`--output=${path}`, '-Oz', path, ...WASM_OPT[stem]], { stdio: 'inherit' });
    run.on('error', reject);
    run.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`postbuild: ${stem}: wasm-opt exited with ${code}`))));
  });
}

/**
 * A build's files under content-hashed names, with their integrity: first without the classes no
 * page uses and optimised by binaryen (a release build), then with short import names
 * (scripts/compact-wasm.mjs, which stops the build when it cannot give every one of them), and
 * wasm-bindgen's script minified.
 */
async function build(stem, js, wasm) {
  const dropped = dropClasses(readFileSync(join(dir, wasm)), readFileSync(join(dir, js), 'utf8'), stem);
  console.log(`postbuild: ${stem}: ${dropped.exports.length} exports of unused classes taken out (${dropped.classes.join(', ') || 'none'})`);
  writeFileSync(join(dir, wasm), dropped.wasm);
  if (process.env.TRUNK_PROFILE !== 'debug') await optimise(stem, join(dir, wasm));
  const optimised = readFileSync(join(dir, wasm));
  // What only the dropped classes called is no longer imported; its (dead) function stays in the script.
  const imported = new Set(importNames(optimised));
  const unused = importNames(dropped.wasm).filter((name) => !imported.has(name));
  const out = {};
  const compact = compactWasm(optimised, dropped.script, stem, unused);
  console.log(`postbuild: ${stem}: ${compact.renamed} wasm-bindgen imports renamed, as many as its script declares`);
  for (const [key, name, suffix] of [['js', js, '.js'], ['wasm', wasm, '_bg.wasm']]) {
    let data = compact[key === 'js' ? 'script' : 'wasm'];
    if (key === 'js') data = Buffer.from(transformSync(data, { minify: true, format: 'esm', target: 'es2020' }).code);
    const hashed = `${stem}-${shortHash(data)}${suffix}`;
    writeFileSync(join(dir, hashed), data);
    if (hashed !== name) unlinkSync(join(dir, name));
    out[key] = `./${hashed}`;
    out[`${key}Integrity`] = integrity(data);
  }
  return out;
}
// The three at once: binaryen takes most of a release build's post-build time.
const [questionnaireBuild, resultsBuild, appBuild] = await Promise.all([
  build('questionnaire', one(/^questionnaire-[0-9a-f]+\.js$/, 'questionnaire script'), one(/^questionnaire-[0-9a-f]+_bg\.wasm$/, 'questionnaire wasm')),
  build('results', one(/^results(-[0-9a-f]+)?\.js$/, 'results script'), one(/^results(-[0-9a-f]+)?_bg\.wasm$/, 'results wasm')),
  build('collaboration-readiness', one(/^collaboration-readiness(-[0-9a-f]+)?\.js$/, 'app script'), one(/^collaboration-readiness(-[0-9a-f]+)?_bg\.wasm$/, 'app wasm')),
]);
const APPS = { questionnaire: questionnaireBuild, results: resultsBuild, app: appBuild };
// The style sheets, minified. main.css goes inline, allowed by its hash in the CSP: the first paint
// then waits for no request but the page's own. app.css (the pages the questionnaire does not have)
// is loaded with the results build and with the whole app.
const styleHashes = [];
html = html.replace(/<link rel="stylesheet" href="\.\/([\w-]+\.css)" integrity="[^"]*"\/?>\s*/g, (tag, name) => {
  const code = transformSync(readFileSync(join(dir, name), 'utf8'), { loader: 'css', minify: true }).code.trim();
  if (name.startsWith('app-')) {
    const data = Buffer.from(code);
    writeFileSync(join(dir, name), data);
    for (const later of [APPS.results, APPS.app]) {
      later.css = `./${name}`;
      later.cssIntegrity = integrity(data);
    }
    return '';
  }
  if (!name.startsWith('main-')) throw new Error(`postbuild: an unexpected style sheet, ${name}`);
  if (code.includes('</')) throw new Error(`postbuild: ${name} cannot go inside a <style> element`);
  unlinkSync(join(dir, name));
  styleHashes.push(`'sha256-${sha('sha256', code).toString('base64')}'`);
  return `<style>${code}</style>\n    `;
});
if (!APPS.app.css) throw new Error('postbuild: app.css was not found in index.html');
if (styleHashes.length !== 1) throw new Error('postbuild: main.css was not found in index.html');
// Trunk's own loading of the questionnaire goes: the inline module script and the preload tags.
const trunkLoader = /<script type="module">[\s\S]*?<\/script>/;
if (!trunkLoader.test(html)) throw new Error('postbuild: Trunk\'s inline loader was not found in index.html');
html = html.replace(trunkLoader, '');
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
const bootSource = readFileSync(new URL('../public/boot.js', import.meta.url), 'utf8');
if (!bootSource.includes('const APPS = __APPS__;')) throw new Error('postbuild: public/boot.js has no place for the builds');
const boot = transformSync(bootSource.replace('const APPS = __APPS__;', `const APPS = ${JSON.stringify(APPS)};`), { minify: true, target: 'es2020' }).code.trim();
const bootHash = `'sha256-${sha('sha256', boot).toString('base64')}'`;

// 2. ECharts under a content-hashed name.
const echarts = readFileSync(join(dir, 'echarts.min.js'));
const echartsName = `echarts-${shortHash(echarts)}.min.js`;
renameSync(join(dir, 'echarts.min.js'), join(dir, echartsName));
const meta = [
  `<meta name="collaboration-readiness:echarts" content="./${echartsName}">`,
  `<meta name="collaboration-readiness:echarts-integrity" content="${integrity(echarts)}">`,
];

// 3. The CSP, then the boot script (a <meta> CSP applies to what follows it).
// frame-ancestors cannot be set from a <meta> tag; a host that can send headers should add it (README).
// (Fonts and the manifest fall back to default-src, so they are not named again.)
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${bootHash}`,
  `style-src 'self' ${styleHashes.join(' ')}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
meta.unshift(`<meta http-equiv="Content-Security-Policy" content="${csp}">`);
meta.push(`<script>${boot}</script>`);
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    ${meta.join('\n    ')}`);
// The page's icon goes inline: one request fewer on the first visit (its headers weigh more than the
// icon does). The file stays for the manifest, which the browser reads when someone installs the app.
const icon = readFileSync(join(dir, 'icon.svg'), 'utf8').trim()
  .replace(/"/g, "'").replace(/#/g, '%23').replace(/</g, '%3C').replace(/>/g, '%3E');
html = html.replace(/<link rel="icon" href="\.\/icon\.svg"/, `<link rel="icon" href="data:image/svg+xml,${icon}"`);
// The openings (src/model/openings.rs) in <main>: main.css shows the one the boot script names.
const openings = readdirSync(new URL('../public/openings/', import.meta.url)).filter((f) => f.endsWith('.html')).sort();
if (openings.length === 0) throw new Error('postbuild: public/openings has no opening');
const mainOpen = /(<main id="main"[^>]*>)/;
if (!mainOpen.test(html)) throw new Error('postbuild: index.html has no <main id="main">');
html = html.replace(mainOpen, (tag) => tag + openings.map((f) => {
  const body = readFileSync(new URL(`../public/openings/${f}`, import.meta.url), 'utf8').trim();
  return `\n      <div class="opening" data-opening="${f.slice(0, -'.html'.length)}">${body}</div>`;
}).join(''));
// Comments in index.html are for whoever edits it, not for every visitor's download.
html = html.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s*\n/g, '\n');
writeFileSync(indexPath, html);

// 5. The service worker. On installing it keeps what the questionnaire needs offline: the page and the
// questionnaire build, both fetched by the visit already (the page's icon and main.css are inline).
// Everything else (the results build, the whole app, ECharts, the install icons) is kept the first time
// the page fetches it, so that a first visit downloads no more than it uses.
const all = files().filter((f) => f !== 'sw.js');
const app = new Set([APPS.results, APPS.app].flatMap((b) => [b.js, b.wasm, b.css]).map((u) => u.slice(2)));
// (index.html is kept as "./", the address the page is opened at; the manifest's icons are fetched
// by the browser when someone installs the app; favicon.ico only by tools that ask for
// /favicon.ico whatever the page names.)
const core = all.filter((f) => !app.has(f) && f !== echartsName && !/^embed|^favicon\.ico$|^icon(-\d+\.png|\.svg)$|^index\.html$|\.webmanifest$/.test(f));
const version = shortHash(Buffer.from(all.map((f) => `${f}:${shortHash(readFileSync(join(dir, f)))}`).join('\n')));
const sw = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8')
  .replace('__VERSION__', version)
  .replace('__CORE__', JSON.stringify(['./', ...core.map((f) => `./${f}`)]));
writeFileSync(join(dir, 'sw.js'), transformSync(sw, { minify: true, target: 'es2020' }).code);
console.log(`postbuild: ${APPS.questionnaire.wasm}, ${APPS.results.wasm}, ${APPS.app.wasm}, ${echartsName}, service worker version ${version} (${core.length} files kept on install)`);
