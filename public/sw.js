// Sportello's service worker: once the app has been opened online, every screen opens
// without a network.
//
// `cargo xtask build` writes dist/sw.js from this file (xtask/src/offline.rs): VERSION is a
// hash of every file the build has, PRECACHE the list of them (trunk and the split step hash
// their names, so the list exists only after the build). A new build is a new sw.js: the
// browser installs it beside the one running and the page offers to reload
// (src/components/update_notice.rs); it takes over only when the citizen says so.
//
// Only the build is cached. API answers (receipts, statuses, the review desk) carry personal
// data: they always go to the network, and nothing here stores them.
const VERSION = '__SPORTELLO_VERSION__';
const PRECACHE = __SPORTELLO_PRECACHE__;
const CACHE = `sportello-${VERSION}`;
// The server's table of which page has which address (crates/cpi/src/app_files.rs).
const ROUTES = '/app-routes.json';
const PRECACHED = new Set(PRECACHE);

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

// Two files at a time: on a first visit the page is still fetching its own screen, and a
// browser opens only six connections to a server. Any file missing fails the install, so a
// half-cached version never takes over.
async function precache() {
  const cache = await caches.open(CACHE);
  // `/` is kept as the server answered it: the home page in the browser's language.
  const queue = ['/', ROUTES, ...PRECACHE];
  const fetchNext = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await cache.put(url, response);
    }
  };
  await Promise.all([fetchNext(), fetchNext()]);
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('sportello-') && name !== CACHE) await caches.delete(name);
      }
      // The page that installed this worker fetches its screens through it from now on, so
      // it keeps working if the network drops before the next visit.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  // Sent by the page when the citizen accepts the new version.
  if (event.data === 'sportello-update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate' && isAppRoute(url.pathname)) {
    event.respondWith(pageFor(url.pathname).then((page) => fromCache(page, request)));
  } else if (PRECACHED.has(url.pathname)) {
    event.respondWith(fromCache(url.pathname, request));
  }
});

// The cached copy of `key`, or the network when the cache lost it (storage pressure).
async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  // `/` varies by Accept-Language, which the cached request was made with.
  return (await cache.match(key, { ignoreVary: true, ignoreSearch: true })) || fetch(request);
}

// As the server decides: a path whose last segment has an extension is a file.
function isAppRoute(path) {
  return !path.slice(path.lastIndexOf('/') + 1).includes('.');
}

let table;
async function routes() {
  if (!table) {
    const cached = await caches.match(ROUTES, { cacheName: CACHE });
    table = cached ? await cached.json() : { pages: [], other: '/index.html' };
  }
  return table;
}

async function pageFor(path) {
  if (path === '/') return '/';
  const { pages, other } = await routes();
  const under = (prefix) => path === prefix || path.startsWith(`${prefix}/`);
  const entry = pages.find((p) => p.routes.some(under));
  return entry ? entry.page : other;
}
