// The page's boot script. scripts/postbuild.mjs puts it inline in index.html (allowed by its hash in
// the Content-Security-Policy) with this build's files in place of __APPS__, so that it runs while the
// page is still being read and the right WebAssembly starts downloading at once.
//
// 1. Applies the embedding options before anything is drawn.
// 2. Loads one of the app's three builds (see src/web/handoff.rs): the questionnaire (the start page and
//    the questions) or the results build (a person's results, the comparison, a share link, the 2018
//    survey) when the page opens on one of those, else the whole app (on a page with an opening, once
//    that is painted); and offers either a way to fetch and start the whole app later
//    (window.collaborationReadiness).
// 3. Shows the opening of the page (its heading and first lines) until the app has run, and makes the
//    skip link work.
// 4. Registers the service worker that keeps the app working offline, once the page has loaded.
// 5. When the page is embedded in another site's <iframe>, tells the host page how tall the app is, so
//    that embed.js can size the iframe with no inner scroll bar. It sends nothing but the height.
//
// Options (in the iframe's address, set by embed.js from data attributes):
//   embed=1          compact mode: without the app's own header and footer
//   accent=#1d4f91   accent colour (a hex colour): header, buttons, and links where it is readable
//   font=inherit     font: "inherit" leaves the system font; otherwise a font-family list
//   start=group      start on the group report when no page is named; "questionnaire": on the
//                    open assessment (its results once finished), or the first question of a new one
//   ns=name          storage namespace, so several embeds on one site keep their answers apart
(() => {
  const APPS = __APPS__;
  const params = new URLSearchParams(location.search);
  const root = document.documentElement;

  // 1. Embedding options.
  if (params.get('embed') === '1') root.classList.add('embedded');
  const accent = params.get('accent');
  if (accent && /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(accent)) {
    // The accent fills the header and the buttons, with black or white text, whichever reads
    // better (one of them always reaches 4.5:1). Links use it only where it reaches 4.5:1 against
    // the page's background (light, and dark for a visitor whose system asks for it); otherwise they
    // keep the app's own colour, and the web admin is told why. Contrast is WCAG's
    // (L1 + 0.05) / (L2 + 0.05) of relative luminances: white is 1, black 0, the dark page 0.00687.
    const L = (accent.length === 4 ? accent.replace(/\w/g, (c) => c + c) : accent).match(/\w\w/g)
      .map((h) => ((h = parseInt(h, 16) / 255) <= 0.04045 ? h / 12.92 : ((h + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    // Black text contrasts more than white: (L + 0.05) / 0.05 > 1.05 / (L + 0.05).
    const light = (L + 0.05) ** 2 > 0.0525;
    const text = light ? '#000' : '#fff';
    const set = (name, value) => root.style.setProperty(name, value);
    set('--cr-accent', accent);
    set('--cr-accent-text', text);
    set('--cr-button', accent);
    set('--cr-button-text', text);
    // Hover moves away from the text colour, so the text stays as readable.
    set('--cr-button-hover', `color-mix(in srgb, ${accent} ${light ? '70%, #fff' : '80%, #000'})`);
    set('--cr-button-shadow', `color-mix(in srgb, ${accent} 40%, #000)`);
    const onLight = 1.05 / (L + 0.05);
    if (onLight >= 4.5) set('--cr-host-link', accent);
    else console.warn(`Collaboration Readiness: accent ${accent} is not used for links (contrast ${onLight.toFixed(1)}:1 with the page; text needs 4.5:1).`);
    if ((L + 0.05) / 0.05687 >= 4.5) set('--cr-host-link-dark', accent);
  }
  const font = params.get('font');
  if (font && /^[\w\s,"'-]{1,200}$/.test(font) && font !== 'inherit') root.style.setProperty('--cr-font', font);
  // (start=questionnaire opens on the start page's build, which decides from the stored assessments
  // where to go: see Route::questionnaire_visit in src/model/routes.rs.)
  if (params.get('start') === 'group' && (!location.hash || location.hash === '#' || location.hash === '#/')) {
    history.replaceState(null, '', '#/group');
  }

  // 2. The app. Its JavaScript is preloaded with its integrity (so the import below runs only the
  // file this build names), its WebAssembly fetched with integrity, both at once.
  const loads = {};
  // A file that failed to load (offline) stays failed for the page under its address (the module map,
  // the preload list), so a later attempt asks for it under another (the query is ignored by the
  // service worker and by static servers).
  const attempts = {};
  const link = (rel, href, integrity, as) => {
    const l = document.createElement('link');
    l.rel = rel;
    l.href = href;
    l.crossOrigin = 'anonymous';
    if (integrity) l.integrity = integrity;
    if (as) l.as = as;
    document.head.append(l);
  };
  const load = (name) => {
    if (!loads[name]) {
      const app = APPS[name];
      const again = attempts[name] ? `?attempt=${attempts[name]}` : '';
      const [js, wasm] = [app.js + again, app.wasm + again];
      if (app.css) link('stylesheet', app.css + again, app.cssIntegrity);
      link('modulepreload', js, app.jsIntegrity);
      // (Chromium ignores integrity on a fetch preload, and says so; the fetch below checks it.)
      link('preload', wasm, null, 'fetch');
      loads[name] = import(js)
        .then((glue) => glue.default({ module_or_path: fetch(wasm, { integrity: app.wasmIntegrity }) }))
        .then((instance) => {
          // As Trunk's own loader announces it (tools that measure the app listen for it).
          dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
          return instance;
        })
        .catch((error) => {
          delete loads[name];
          attempts[name] = (attempts[name] || 0) + 1;
          throw error;
        });
    }
    return loads[name];
  };
  let prefetched = false;
  window.collaborationReadiness = {
    // Starts the whole app; the build on the page, the questionnaire or the results, hands over to it.
    openApp: () => load('app'),
    // Fetches the whole app in the background (the service worker keeps it for offline use).
    prefetchApp: () => {
      if (prefetched || loads.app) return;
      prefetched = true;
      const app = APPS.app;
      const get = (url, integrity) => fetch(url, { integrity, priority: 'low' }).then((r) => r.arrayBuffer());
      Promise.all([get(app.js, app.jsIntegrity), get(app.wasm, app.wasmIntegrity), get(app.css, app.cssIntegrity)]).catch(() => {
        prefetched = false;
      });
    },
  };
  // The build for a fragment, with the fragment read as Route::from_hash reads it: the choices
  // Route::in_questionnaire and Route::in_results make (src/model/routes.rs). The questionnaire has the
  // start page and the questions, not a question changed from "check your answers" (…/change); the
  // results build the results, the comparison, a share link and the 2018 survey. (An unknown
  // assessment/… page loads the questionnaire too, which hands over to "page not found".)
  // scripts/boot.test.mjs checks it against the Rust route table for every route.
  const pathOf = (hash) => hash.replace(/^#*\/*/, '').split(/[?#]/)[0].replace(/\/+$/, '');
  const buildFor = (hash) => {
    const path = pathOf(hash);
    if (path === '' || (path.startsWith('assessment/') && path !== 'assessment/check' && !path.endsWith('/change'))) return 'questionnaire';
    return /^(results|compare|benchmark|shared(\/.*)?)$/.test(path) ? 'results' : 'app';
  };
  // 3. Until the app runs: the opening of a page that has one (src/model/openings.rs: a share link,
  // the 2018 survey, the group report, one's own results), which scripts/postbuild.mjs puts in <main> and main.css shows
  // by this attribute, set before the body is read so that the first paint has it; the app empties
  // <main> when it starts. Chosen from the fragment as Route::from_hash reads it (scripts/boot.test.mjs
  // checks it against model::openings::opening for every route).
  const openingFor = (hash) => {
    const path = pathOf(hash);
    if (path === 'group' || path === 'benchmark' || path === 'results') return path;
    return /^shared(\/.*)?$/.test(path) ? 'shared' : null;
  };
  const showOpening = () => {
    const name = openingFor(location.hash);
    if (name) root.dataset.opening = name;
    else delete root.dataset.opening;
  };
  showOpening();
  addEventListener('hashchange', showOpening);
  // The build for the page. When a partial build cannot be loaded (offline, with only the whole app
  // kept by the service worker, as after a questionnaire), the whole app, which has every page, is
  // tried before giving up. On a page with an opening, the download starts once the opening has been
  // painted (the frame after the first): on a fast connection the app would otherwise arrive, and
  // take the main thread, before the first paint, and the opening would never be seen.
  const build = buildFor(location.hash);
  // Settled once the page's build has started, or could not be loaded (for the service worker, below).
  let settle;
  const settled = new Promise((resolve) => { settle = resolve; });
  const start = () => load(build).catch((error) => (build === 'app' ? Promise.reject(error) : load('app'))).finally(settle).catch(() => {
    const say = () => {
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.className = 'load-failed';
      p.textContent = 'Collaboration Readiness could not be loaded: this device may be offline. Your answers are kept in this browser. Reload the page to try again.';
      document.body.prepend(p);
      // Nothing more is coming: the opening, if the page has one, is all <main> will show.
      document.getElementById('main')?.removeAttribute('aria-busy');
    };
    if (document.body) say();
    else addEventListener('DOMContentLoaded', say);
  });
  if (openingFor(location.hash)) {
    // (A page opened in the background paints no frame: the download starts after a while anyway.)
    let started = false;
    const once = () => started || ((started = true), start());
    requestAnimationFrame(() => setTimeout(once));
    setTimeout(once, 250);
  } else {
    start();
  }

  // The skip link moves focus to the page's <main> without changing the address, which is the
  // router's ("#main" would be "page not found").
  addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('.skip-link')) return;
    event.preventDefault();
    document.getElementById('main').focus();
  });

  // 4. The service worker, once the page has loaded and its build has started, so that its first
  // downloads never compete with the app's own (on a page with an opening, the load event comes
  // before the app's download has begun). A failure (a private window that forbids it, say) only
  // means no offline use.
  if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
    const loaded = new Promise((resolve) => addEventListener('load', resolve));
    Promise.all([loaded, settled]).then(() => navigator.serviceWorker.register('./sw.js').catch(() => {}));
  }

  // 5. The iframe's height, for embed.js.
  if (window.parent !== window) {
    let last = 0;
    const post = () => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        // Only a number leaves the app, so any host may receive it.
        window.parent.postMessage({ type: 'collaboration-readiness:height', height }, '*');
      }
    };
    new ResizeObserver(post).observe(document.documentElement);
    addEventListener('hashchange', () => requestAnimationFrame(post));
    addEventListener('load', post);
  }
})();
