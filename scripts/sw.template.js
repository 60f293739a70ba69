// Service worker of Collaboration Readiness, written by scripts/postbuild.mjs for one build.
//
// Each build has its own cache, named by a hash of every file, so a release never mixes its files with
// another's. The page itself is fetched from the network when there is one (so a new release is seen at
// once) and from the cache otherwise; the other files have content-hashed names and come from the
// cache first, and are kept the first time they are fetched (the whole app, ECharts). A new version
// waits until no page of the old one is open, then removes the old cache and takes charge of any page
// opened meanwhile without one (a first visit: so that what that visit fetches later is kept too).
const VERSION = 'collaboration-readiness-__VERSION__';
const CORE = __CORE__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(CORE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('collaboration-readiness-') && k !== VERSION).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(VERSION).then((cache) => cache.match('./', { ignoreSearch: true })),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(VERSION).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            // The worker stays alive until the copy is stored, however long the body takes to arrive.
            if (response.ok) event.waitUntil(cache.put(request, response.clone()));
            return response;
          }),
      ),
    ),
  );
});
