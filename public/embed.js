// Collaboration Readiness embed script, for the host page of a foundation's website.
//
//   <div data-collaboration-readiness
//        data-src="https://example.org/collaboration-readiness/"
//        data-start="questionnaire" data-accent="#00703c" data-compact="true" data-namespace="team"></div>
//   <script src="https://example.org/collaboration-readiness/embed.js" defer></script>
//
// Each such element becomes an <iframe> running the app, sized to its content: the app reports its
// height with postMessage, and this script applies it. Messages are accepted only from the iframe's own
// window and origin, and only in the expected shape (a type and a height in pixels).
//
// Attributes (all but data-src optional; README "Embedding in a website"):
//   data-src         the app's address: an http: or https: URL, or one relative to this page. Any
//                    other (javascript:, data:, …) is refused with a console error, and nothing drawn.
//   data-start       "questionnaire" or "group": the page the app opens on
//   data-accent      a hex colour (#00703c) for the header, buttons and, where readable, links
//   data-font        a font-family list for the app's text
//   data-compact     "false" keeps the app's own header and footer
//   data-namespace   a name for this embed's saved answers
//   data-title       the iframe's accessible name
//   data-min-height  the iframe's smallest height in pixels, and its height while the app loads
//                    (without it: 600 while loading, then always the app's own height)
(function () {
  'use strict';
  var MESSAGE = 'collaboration-readiness:height';
  var frames = [];

  function build(host) {
    var src = host.getAttribute('data-src');
    if (!src) return;
    var url = null;
    try {
      url = new URL(src, document.baseURI);
    } catch (e) {
      // Not an address at all: refused below like any other.
    }
    // Only a web address can run the app; a javascript: one would run in this page.
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      console.error('Collaboration Readiness embed: data-src must be an http: or https: address, or one ' +
        'relative to this page; ' + JSON.stringify(src.slice(0, 80)) + ' was refused and nothing is shown.');
      return;
    }
    var min = parseInt(host.getAttribute('data-min-height'), 10);
    if (!(min > 0 && min <= 100000)) min = 0;
    var opts = {
      embed: host.getAttribute('data-compact') === 'false' ? null : '1',
      start: host.getAttribute('data-start'),
      accent: host.getAttribute('data-accent'),
      font: host.getAttribute('data-font'),
      ns: host.getAttribute('data-namespace'),
    };
    Object.keys(opts).forEach(function (k) {
      if (opts[k]) url.searchParams.set(k, opts[k]);
    });
    // This page's address, so that a share link made in the app opens this page rather than the bare
    // app (the app uses it only if this page is the one that framed it); and a share link to this
    // page (#/shared/…) opens its results in the app, and an invitation to this page (#/join/…) its
    // invitation.
    url.searchParams.set('host', location.href.split('#')[0]);
    if (location.hash.indexOf('#/shared/') === 0 || location.hash.indexOf('#/join/') === 0) url.hash = location.hash;
    var iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = host.getAttribute('data-title') || 'Collaboration readiness self-assessment';
    iframe.setAttribute('scrolling', 'no');
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.style.height = (min || 600) + 'px';
    host.appendChild(iframe);
    frames.push({ iframe: iframe, origin: url.origin, min: min });
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== MESSAGE) return;
    if (typeof data.height !== 'number' || !isFinite(data.height) || data.height < 0 || data.height > 100000) return;
    frames.forEach(function (f) {
      if (event.source === f.iframe.contentWindow && event.origin === f.origin) {
        f.iframe.style.height = Math.max(f.min, Math.ceil(data.height)) + 'px';
      }
    });
  });

  function init() {
    var hosts = document.querySelectorAll('[data-collaboration-readiness]');
    for (var i = 0; i < hosts.length; i++) {
      if (!hosts[i].hasAttribute('data-collaboration-readiness-ready')) {
        hosts[i].setAttribute('data-collaboration-readiness-ready', '');
        build(hosts[i]);
      }
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
