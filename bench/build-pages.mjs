// Builds the site the harness measures, all under one origin (bench/build/site/):
//
//   app/          the release build of the app (Trunk writes it here)
//   app-full/     the same files with the shipped ECharts bundle (scripts/echarts-custom.mjs) replaced
//                 by the npm package's full echarts.min.js: what the custom bundle saves
//   surveyjs/     the same questionnaire with SurveyJS (survey-core + survey-js-ui, bundled by esbuild)
//   plain/        the same questionnaire as a plain HTML form (no framework; a few lines of script to
//                 page through it)
//   charts-ref/   the results page's two charts drawn with ECharts from plain JavaScript, with the
//                 options the app's chart builders produce
//
// and BUILD_DIR/echarts-sizes.json: the ECharts bundle the app ships (the file in site/app/ its
// <meta> tag names) against the npm package's full echarts.min.js, raw and gzip.
//
//   node bench/build-pages.mjs BUILD_DIR
//
// BUILD_DIR must hold instrument.json (cargo run --example instrument_json) and chart-options.json
// (cargo run --example chart_options), and site/app/ (trunk build --dist BUILD_DIR/site/app).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const buildDir = resolve(process.argv[2] || join(root, 'bench/build'));
const site = join(buildDir, 'site');
const instrument = JSON.parse(readFileSync(join(buildDir, 'instrument.json'), 'utf8'));
const chartOptions = JSON.parse(readFileSync(join(buildDir, 'chart-options.json'), 'utf8'));
if (!existsSync(join(site, 'app/index.html'))) throw new Error(`no app build in ${site}/app`);
/** The npm package's full ECharts build. */
const FULL_ECHARTS = join(root, 'node_modules/echarts/dist/echarts.min.js');

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSON that is safe inside an inline <script>. */
const inlineJson = (v) => JSON.stringify(v).replace(/</g, '\\u003c');

// The start page's words (src/pages/start.rs), shown by both reference pages before "Start now".
const START = {
  heading: 'How ready are you to collaborate?',
  html: `<p class="lead">A self-assessment for anyone who delivers services to the public: how ready are you, and your organisation, to work with other organisations and with citizens to achieve a shared goal?</p>
<p>It asks the questions of <cite>The State of Collaboration</cite>, a survey of 115 leaders in the public, private and third sectors published by the Collaborate Foundation in 2018. Because the questions are the same, your answers can be set beside what those leaders said.</p>
<h2>What it asks</h2>
<ul>
<li>A recent example of collaboration in your work, and how well it went.</li>
<li>How much collaboration matters to the services you deliver, and how far the public is involved.</li>
<li>For each of eight factors, how important it is to successful collaboration in your area, and how far it is present in your organisation: the six categories of the Collaboration Readiness Index (behaviours, citizens, systems, services, places and markets), the sense of urgency, and requirements from central government.</li>
<li>Your role, sector and the areas you work in.</li>
</ul>
<p>It takes about 10 to 15 minutes. You can stop at any point and carry on later.</p>
<h2>Your answers stay in this browser</h2>
<p>Every answer is saved in this browser, on this device, as you give it. Nothing is sent anywhere: there is no account and no server.</p>`,
};

const page = (title, head, body) => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${esc(title)}: a reference page of the performance harness (bench/).">
<title>${esc(title)}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;

// ---------------------------------------------------------------------------------------------
// SurveyJS: the questionnaire as a SurveyJS model, one SurveyJS page per app page.

function surveyJson() {
  const pages = [{ name: 'start', elements: [{ type: 'html', name: 'intro', html: `<h1>${START.heading}</h1>${START.html}` }] }];
  for (const p of instrument.pages) {
    const elements = [];
    if (p.preamble) elements.push({ type: 'html', name: `${p.slug}-preamble`, html: `<p>${esc(p.preamble)}</p>` });
    if (p.statement) elements.push({ type: 'html', name: `${p.slug}-statement`, html: `<p>The statement:</p><blockquote><p>${esc(p.statement)}</p></blockquote>` });
    for (const f of p.fields) {
      const base = { name: f.name, title: f.title, isRequired: f.required };
      if (f.kind === 'text') {
        elements.push({ ...base, type: f.name === 'q3_other' ? 'text' : 'comment', maxLength: f.max_chars });
      } else {
        elements.push({
          ...base,
          type: f.kind === 'multiple' ? 'checkbox' : 'radiogroup',
          choices: f.options.map((o) => ({ value: o.code, text: o.label })),
        });
      }
    }
    pages.push({
      name: p.slug,
      title: p.heading,
      description: p.section_heading,
      visibleIf: p.shown_when === 'unless_no_example' ? "{q1} = 'yes'" : undefined,
      elements,
    });
  }
  return {
    firstPageIsStartPage: true,
    startSurveyText: 'Start now',
    pageNextText: 'Continue',
    pagePrevText: 'Back',
    completeText: 'Finish and see your results',
    showQuestionNumbers: 'off',
    showProgressBar: true,
    progressBarLocation: 'top',
    pages,
  };
}

async function buildSurveyjs() {
  const dir = join(site, 'surveyjs');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entry = join(buildDir, 'surveyjs-entry.mjs');
  // As the SurveyJS guide for plain JavaScript does it, through a bundler: the model from survey-core,
  // rendered by survey-js-ui (Preact inside), answers kept in localStorage like the app keeps them.
  writeFileSync(entry, `import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
const json = ${inlineJson(surveyJson())};
const survey = new Model(json);
const KEY = 'surveyjs-reference';
try { const saved = JSON.parse(localStorage.getItem(KEY) || 'null'); if (saved) survey.data = saved; } catch {}
survey.onValueChanged.add((s) => { try { localStorage.setItem(KEY, JSON.stringify(s.data)); } catch {} });
renderSurvey(survey, document.getElementById('survey'));
`);
  await build({
    entryPoints: [entry],
    outfile: join(dir, 'survey.min.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    absWorkingDir: root,
    nodePaths: [join(root, 'bench/node_modules'), join(root, 'node_modules')],
  });
  // The theme without web fonts: the default one loads Open Sans from another origin.
  cpSync(join(root, 'bench/node_modules/survey-core/survey-core.fontless.min.css'), join(dir, 'survey-core.fontless.min.css'));
  writeFileSync(join(dir, 'index.html'), page('Collaboration Readiness (SurveyJS reference)',
    '<link rel="stylesheet" href="survey-core.fontless.min.css">\n<script defer src="survey.min.js"></script>',
    '<main><div id="survey"></div></main>'));
}

// ---------------------------------------------------------------------------------------------
// Plain HTML: the same pages as fieldsets in one form; a few lines of script show one page at a time.

function buildPlain() {
  const dir = join(site, 'plain');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const control = (f) => {
    if (f.kind === 'text') {
      const input = f.name === 'q3_other'
        ? `<input type="text" id="${f.name}" name="${f.name}" maxlength="${f.max_chars}">`
        : `<textarea id="${f.name}" name="${f.name}" rows="4" maxlength="${f.max_chars}"></textarea>`;
      return `<div class="field"><label for="${f.name}">${esc(f.title)}</label>${input}</div>`;
    }
    const type = f.kind === 'multiple' ? 'checkbox' : 'radio';
    const options = f.options.map((o, i) => `<div class="option"><input type="${type}" id="${f.name}-${i}" name="${f.name}" value="${esc(o.code)}"${type === 'radio' && f.required && i === 0 ? ' required' : ''}><label for="${f.name}-${i}">${esc(o.label)}</label></div>`).join('');
    return `<fieldset data-name="${f.name}"><legend>${esc(f.title)}</legend>${options}</fieldset>`;
  };
  const pages = instrument.pages.map((p, i) => `<section class="page" data-slug="${p.slug}" data-unless-no-example="${p.shown_when === 'unless_no_example'}" hidden>
<span class="caption">${esc(p.section_heading)}</span>
<h1>${esc(p.heading)}</h1>
${p.preamble ? `<p>${esc(p.preamble)}</p>` : ''}
${p.statement ? `<p>The statement:</p><blockquote><p>${esc(p.statement)}</p></blockquote>` : ''}
${p.fields.map(control).join('\n')}
<p><button type="button" class="next">${i === instrument.pages.length - 1 ? 'Finish and see your results' : 'Continue'}</button></p>
</section>`).join('\n');
  const css = `body{font:1rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem}fieldset{border:0;margin:0 0 1.5rem;padding:0}legend{font-weight:700;margin-bottom:.5rem}.option{margin:.25rem 0}.option input{width:1.5rem;height:1.5rem;vertical-align:middle}textarea,input[type=text]{width:100%;font:inherit}button{font:inherit;padding:.5rem 1rem;background:#00703c;color:#fff;border:0}.caption{color:#505a5f}`;
  const script = `(()=>{const s=[...document.querySelectorAll('.page')];let i=-1;const show=(n)=>{s.forEach((e,k)=>e.hidden=k!==n);document.getElementById('start').hidden=n>=0;i=n;};
document.getElementById('start-button').addEventListener('click',()=>show(0));
s.forEach((e)=>e.querySelector('.next').addEventListener('click',()=>{let n=i+1;const no=document.querySelector('input[name=q1][value=no]').checked;while(n<s.length&&no&&s[n].dataset.unlessNoExample==='true')n++;if(n<s.length)show(n);}));})();`;
  writeFileSync(join(dir, 'index.html'), page('Collaboration Readiness (plain HTML reference)', `<style>${css}</style>`,
    `<main><section id="start"><h1>${START.heading}</h1>${START.html}<p><button type="button" id="start-button">Start now</button></p></section>
<form action="#" method="get" novalidate>
${pages}
</form></main>
<script>${script}</script>`));
}

// ---------------------------------------------------------------------------------------------
// Charts: the results page's radar and scatter drawn from plain JavaScript.

function buildChartsRef(customFile) {
  const dir = join(site, 'charts-ref');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(FULL_ECHARTS, join(dir, 'echarts.min.js'));
  cpSync(customFile, join(dir, 'echarts-custom.min.js'));
  const charts = [chartOptions.radar, chartOptions.scatter];
  const figures = charts.map((c) => `<figure><div class="chart" role="img" aria-label="${c.id}" data-drawn="false"><div id="${c.id}" aria-hidden="true" style="height:${c.height}px"></div></div></figure>`).join('\n');
  // As the app does: on "see results", load ECharts from our own origin, then init + setOption each
  // chart (src/charts/view.rs) and mark it drawn. ?lib=custom uses the custom bundle; ?w=PX sets
  // the width the app's charts had.
  const script = `const CHARTS=${inlineJson(charts)};
const q=new URLSearchParams(location.search);
if(q.get('w'))for(const c of CHARTS)document.getElementById(c.id).style.width=q.get('w')+'px';
document.getElementById('see').addEventListener('click',()=>{const s=document.createElement('script');s.src=q.get('lib')==='custom'?'echarts-custom.min.js':'echarts.min.js';
s.onload=()=>{for(const c of CHARTS){const el=document.getElementById(c.id);const chart=echarts.init(el,'',{height:c.height});chart.setOption(c.option);el.parentElement.dataset.drawn='true';}};document.head.appendChild(s);});`;
  writeFileSync(join(dir, 'index.html'), page('Charts reference (ECharts from plain JavaScript)',
    '<style>body{font:1rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem}</style>',
    `<main><h1>Check your answers</h1><p><button type="button" id="see">Finish and see your results</button></p>
${figures}</main>
<script>${script}</script>`));
}

// ---------------------------------------------------------------------------------------------
// ECharts: the bundle the app ships, and the app with the full package instead.

/**
 * The file the app loads ECharts from, given its index.html: the name in the <meta> tag
 * scripts/postbuild.mjs writes (content-hashed, beside its Subresource Integrity); without it,
 * echarts.min.js.
 */
function echartsFileOf(html) {
  const named = html.match(/<meta name="collaboration-readiness:echarts" content="\.?\/?([^"]+)">/);
  return named ? named[1] : 'echarts.min.js';
}

/** Raw and gzip (level 9, as e2e/serve.mjs serves) sizes of a file, in bytes. */
function sizes(path) {
  const body = readFileSync(path);
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

/** The shipped bundle (`customFile`) against the npm package's full echarts.min.js. */
function echartsSizes(customFile) {
  const full = sizes(FULL_ECHARTS);
  const custom = sizes(customFile);
  return {
    file: customFile,
    full,
    custom,
    saving: { raw: full.raw - custom.raw, gzip: full.gzip - custom.gzip, gzipShare: 1 - custom.gzip / full.gzip },
  };
}

function buildAppWithEcharts(libFile, name) {
  const dir = join(site, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(site, 'app'), dir, { recursive: true });
  // The app finds ECharts by the <meta> tags scripts/postbuild.mjs writes (a content-hashed name and
  // its Subresource Integrity).
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const file = echartsFileOf(html);
  const lib = readFileSync(libFile);
  writeFileSync(join(dir, file), lib);
  const sri = `sha384-${createHash('sha384').update(lib).digest('base64')}`;
  html = html.replace(/(<meta name="collaboration-readiness:echarts-integrity" content=")[^"]*(">)/, `$1${sri}$2`);
  writeFileSync(indexPath, html);
}

// The ECharts bundle as the app build ships it (scripts/build-echarts.mjs, run by Trunk).
const shippedEcharts = join(site, 'app', echartsFileOf(readFileSync(join(site, 'app/index.html'), 'utf8')));
if (!existsSync(shippedEcharts)) throw new Error(`no ECharts bundle in ${site}/app (${shippedEcharts})`);
await buildSurveyjs();
buildPlain();
buildChartsRef(shippedEcharts);
buildAppWithEcharts(FULL_ECHARTS, 'app-full');
writeFileSync(join(buildDir, 'echarts-sizes.json'), JSON.stringify(echartsSizes(shippedEcharts), null, 2));
console.log(`reference pages written to ${site}`);
