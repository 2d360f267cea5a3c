// The playground's service worker: after one visit, the page works offline.
//
// Network first, for every same-origin GET: while the server answers, the page always gets what it
// serves now (a rebuilt .wasm, an edited module), and each answer refreshes the cache; when the
// network fails, the cached copy answers. So no build hash is needed and nothing is served stale.
// Installing precaches the files offline.json lists (scripts/offline.mjs writes it at build time:
// the pages, the manifest, www/ with the built-in data, and every pkg*/ package but pkg-bench/),
// so the first visit already holds what a later offline visit needs, including the datasets it
// did not open. The page asks again on each visit (`precache` message): files a rebuild added
// (a new pkg*/ package) join without a new service worker, and names the libraries it imported
// lazily (mermaid's chunks), which are cached as well. It does not claim the page that
// registered it: that page keeps talking to the network; the next load is served by it.
const CACHE = 'kindling-offline';

/** Caches every file offline.json lists that the cache does not hold yet (all of them on install). */
async function precache(all) {
  const cache = await caches.open(CACHE);
  const res = await fetch('offline.json', { cache: 'no-cache' });
  if (!res.ok) return;
  const { files } = await res.json();
  const missing = [];
  for (const file of files) if (all || !(await cache.match(file))) missing.push(file);
  await Promise.all(missing.map(async (file) => {
    const answer = await fetch(file, { cache: 'no-cache' });
    if (answer.ok) await cache.put(file, answer);
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache(true).then(() => self.skipWaiting()));
});

/** Caches `urls` (same-origin libraries the page imported lazily) unless already cached. */
async function keep(urls) {
  const cache = await caches.open(CACHE);
  const mine = urls.filter((u) => typeof u === 'string' && new URL(u).origin === self.location.origin);
  await Promise.all(mine.map(async (url) => {
    if (await cache.match(url)) return;
    const res = await fetch(url);
    if (res.ok) await cache.put(url, res);
  }));
}

self.addEventListener('message', (event) => {
  if (event.data === 'precache') event.waitUntil(precache(false).catch(() => {}));
  else if (Array.isArray(event.data?.cache)) event.waitUntil(keep(event.data.cache).catch(() => {}));
});

/** The cached answer for `request`: the same URL, else without its query (`?lang=zh`, `?speed=`),
 *  else for a folder its index.html. */
async function cached(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  return (await cache.match(request)) ?? (await cache.match(url.href, { ignoreSearch: true }));
}

async function answer(request) {
  try {
    const res = await fetch(request);
    if (res.ok && res.type === 'basic' && !request.headers.has('range')) {
      const copy = res.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
    }
    return res;
  } catch (err) {
    const hit = await cached(request);
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request));
});
