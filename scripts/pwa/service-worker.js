// Each web app's service worker. scripts/pwa.mjs writes it into the app's build with `BUILD` in
// front: the build's id, the app's scope and every file of the build (the app shell).
//
// It keeps only the shell. The data the app shows offline (shops, orders, the profile) is
// TanStack Query's cache, which the app already keeps on the device and restores before its first
// render, so API answers pass through untouched: caching them here too would store private data
// twice, and a stale copy could win over the app's own.
/* global BUILD */
const CACHE = `${BUILD.cachePrefix}${BUILD.id}`;
const SHELL = `${BUILD.scope}index.html`;
/** How long a page waits for the network before opening from the cached shell (a 2G cell that answers nothing). */
const HTML_TIMEOUT_MS = 3000;
const shellFiles = new Set(BUILD.files);

self.addEventListener('install', (event) => {
  // index.html past the HTTP cache: it must be this build's, naming this build's bundles.
  const requests = BUILD.files.map((url) => (url === SHELL ? new Request(url, { cache: 'reload' }) : url));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(BUILD.cachePrefix) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** Network first for a page, so a new build shows at once; the cached shell when the network fails or stalls. */
async function page(request) {
  const network = fetch(request);
  // Answered later or never: nobody waits for it after the timeout.
  network.catch(() => undefined);
  const timeout = new Promise((resolve) => setTimeout(resolve, HTML_TIMEOUT_MS));
  try {
    const answer = await Promise.race([network, timeout]);
    if (answer?.ok) return answer;
  } catch {
    // No network: the shell below.
  }
  return (await caches.match(SHELL, { cacheName: CACHE })) ?? network;
}

/** The build's own files never change under their names (they are hashed): from the cache first. */
async function shellFile(request) {
  return (await caches.match(request, { cacheName: CACHE })) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BUILD.scope)) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (shellFiles.has(url.pathname)) event.respondWith(shellFile(request));
});
