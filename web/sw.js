// The service worker of pipelens: keeps this build's own files so that, once visited, the app
// opens and analyses files with the network gone.
//
// What it caches: only the files listed in BUILD (index.html, boot.js, the wasm-bindgen glue,
// the wasm module, the stylesheet, the icon, and the two workers (the parse worker and the
// workbook reader): their loader, glue and wasm module, which Trunk names without a content
// hash, so they are revalidated), fetched with GET from this origin and this
// directory. pipelens never fetches user data (files are read inside the tab with the File
// API), so the cache only ever holds the app's files; every other request passes untouched.
//
// Updates: files without a content hash in their name (index.html, boot.js) come from the
// network first, revalidating any HTTP-cached copy, and from the cache only when the network
// fails, so a new deployment shows on the next load. Trunk's content-hashed files never change
// under their name, so they come from the cache. Each build stamps its file list and version
// into BUILD (scripts/stamp-sw.mjs at Trunk's post_build stage); the browser sees a changed
// worker, which caches the new build under a new name and deletes the old caches on activation.

// Stamped at build time; one line, replaced whole.
const BUILD = { version: 'unstamped', revalidate: [], immutable: [] };

/** The directory this worker serves, e.g. `/` or `/pipelens/`. */
const SCOPE = new URL('./', self.location).pathname;
/** Caches are per origin, so names carry the directory: two deployments under one origin
 * (`<user>.github.io/a/`, `<user>.github.io/b/`) never delete each other's cache. */
const PREFIX = `pipelens ${SCOPE} `;
const CACHE = PREFIX + BUILD.version;
const REVALIDATE = new Set(BUILD.revalidate);
const IMMUTABLE = new Set(BUILD.immutable);

/** The URL a build file is cached under ('' is the directory itself, served as index.html). */
const urlOf = (path) => new URL(path, self.location.origin + SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // All or nothing: addAll rejects, and the install fails, if any file cannot be fetched.
      await cache.addAll([
        ...BUILD.revalidate.map((path) => new Request(urlOf(path), { cache: 'no-cache' })),
        ...BUILD.immutable.map(urlOf),
      ]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // Take over the page that registered this worker, so it works offline without a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  const path = url.pathname.slice(SCOPE.length);
  if (IMMUTABLE.has(path)) event.respondWith(cacheFirst(event, path));
  else if (REVALIDATE.has(path)) event.respondWith(networkFirst(event, path));
  // Anything else is not a file of this build: the browser fetches it as if there were no worker.
});

/** The network's answer (revalidated), kept for later; the cached copy when offline. */
async function networkFirst(event, path) {
  const url = urlOf(path);
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (response.ok) event.waitUntil(keep(url, response.clone()));
    return response;
  } catch (offline) {
    return (await caches.match(url, { cacheName: CACHE })) ?? Response.error();
  }
}

/** A content-hashed file: the cached copy, or the network's if the cache lost it. */
async function cacheFirst(event, path) {
  const url = urlOf(path);
  const hit = await caches.match(url, { cacheName: CACHE });
  if (hit) return hit;
  const response = await fetch(url);
  if (response.ok) event.waitUntil(keep(url, response.clone()));
  return response;
}

async function keep(url, response) {
  await (await caches.open(CACHE)).put(url, response);
}
