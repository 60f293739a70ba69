// Runs in the app's own page before the app starts: registers the service worker that keeps the app
// working offline after a first visit, applies the embedding options, and, when the page is embedded
// in another site's <iframe>, tells the host page how tall the app is, so that embed.js can size the
// iframe with no inner scroll bar. It sends nothing but the height.
//
// Options (in the iframe's address, set by embed.js from data attributes):
//   embed=1          compact mode: without the app's own header and footer
//   accent=#1d4f91   accent colour (a hex colour)
//   font=inherit     font: "inherit" leaves the system font; otherwise a font-family list
//   start=group      start on the group report (or "questionnaire") when no page is named
//   ns=name          storage namespace, so several embeds on one site keep their answers apart
const params = new URLSearchParams(location.search);

if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  // A failure (a private window that forbids it, say) only means no offline use.
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
const root = document.documentElement;

if (params.get('embed') === '1') root.classList.add('embedded');
const accent = params.get('accent');
if (accent && /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(accent)) {
  root.style.setProperty('--cr-accent', accent);
  root.style.setProperty('--cr-link', accent);
}
const font = params.get('font');
if (font && /^[\w\s,"'-]{1,200}$/.test(font) && font !== 'inherit') root.style.setProperty('--cr-font', font);
const start = params.get('start');
if (!location.hash || location.hash === '#' || location.hash === '#/') {
  if (start === 'group') history.replaceState(null, '', '#/group');
  if (start === 'questionnaire') history.replaceState(null, '', '#/assessment/example');
}

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
