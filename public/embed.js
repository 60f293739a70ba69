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
(function () {
  'use strict';
  var MESSAGE = 'collaboration-readiness:height';
  var frames = [];

  function build(host) {
    var src = host.getAttribute('data-src');
    if (!src) return;
    var url = new URL(src, document.baseURI);
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
    // page (#/shared/…) opens its results in the app.
    url.searchParams.set('host', location.href.split('#')[0]);
    if (location.hash.indexOf('#/shared/') === 0) url.hash = location.hash;
    var iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = host.getAttribute('data-title') || 'Collaboration readiness self-assessment';
    iframe.setAttribute('scrolling', 'no');
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.style.height = (host.getAttribute('data-min-height') || '600') + 'px';
    host.appendChild(iframe);
    frames.push({ iframe: iframe, origin: url.origin });
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== MESSAGE) return;
    if (typeof data.height !== 'number' || !isFinite(data.height) || data.height < 0 || data.height > 100000) return;
    frames.forEach(function (f) {
      if (event.source === f.iframe.contentWindow && event.origin === f.origin) {
        f.iframe.style.height = Math.ceil(data.height) + 'px';
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
