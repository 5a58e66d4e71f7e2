// Tafukt's service worker: after a first visit the whole app (page, code, styles, every
// lesson in every language, catalogues, thumbnails) is kept on the device, so Tafukt opens
// and works with no connection for days. `tafukt bundle` writes this file into the build
// with the list of files and a version that changes with them; a new version replaces the
// old cache once it has everything. Files are served from the cache first; anything not in
// it goes to the network. The studio's files (ON_DEMAND) are kept only once a teacher opens
// the studio (a pupil's device never downloads them), and then in every new version.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const ON_DEMAND = __ON_DEMAND__;

// Whether an older version kept the studio (a teacher's device).
const hadStudio = () =>
  caches
    .keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.open(k).then((c) => c.keys()))))
    .then((lists) => lists.some((l) => l.some((r) => r.url.includes('tafukt-studio-'))));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      .then((cache) =>
        cache
          .addAll(FILES)
          .then(hadStudio)
          .then((had) => (had ? cache.addAll(ON_DEMAND).catch(() => {}) : null)),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  event.respondWith(
    caches.open(VERSION).then((cache) =>
      cache.match(event.request, { ignoreSearch: true }).then(
        (hit) =>
          hit ||
          fetch(event.request).then((response) => {
            const name = new URL(event.request.url).pathname.split('/').pop();
            if (response.ok && ON_DEMAND.includes(name)) cache.put(event.request, response.clone());
            return response;
          }),
      ),
    ),
  );
});
