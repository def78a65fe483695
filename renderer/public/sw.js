/**
 * The service worker of a static export (`cli export`), which makes the reader an offline web app. Hand-written and
 * small on purpose: it keeps the reader's own files from its installation on, and answers from the one cache that the
 * page's "Lưu để đọc ngoại tuyến" fills with the library (renderer/src/offline/offlineCopy.ts, which also brings that
 * copy up to date). Its settings arrive in its URL (`sw.js?cache=…`), written once in core/common/staticSite.ts.
 *
 * Pages and the export's manifest: the network first, the cache when there is none. Everything else: the cache
 * first (what was saved is what is read, until the page updates it as a whole), else the network; a full-size
 * image that was not saved falls back to its saved small copy.
 */
const settings = new URL(self.location.href).searchParams;
const CACHE = settings.get('cache');
const MANIFEST = settings.get('manifest');
const FULL_IMAGES = settings.get('full');
const SMALL_IMAGES = settings.get('small');
const scope = self.registration.scope;

self.addEventListener('install', (event) => {
  event.waitUntil(precacheReader().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/** The reader's files as the export lists them (not this worker itself: the browser keeps that). */
async function precacheReader() {
  const response = await fetch(new URL(MANIFEST, scope), { cache: 'no-store' });
  if (!response.ok) return;
  const manifest = await response.json();
  const cache = await caches.open(CACHE);
  const own = new URL(self.location.href).pathname;
  const files = Object.entries(manifest.files).filter(([file, { group }]) => group === 'reader' && new URL(file, scope).pathname !== own);
  await Promise.all(
    files.map(async ([file, { hash }]) => {
      const url = new URL(file, scope);
      if (await cache.match(url)) return;
      const fresh = await fetch(`${url.href}?v=${hash}`, { cache: 'no-store' });
      if (fresh.ok) await cache.put(url, fresh);
    }),
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  if (request.mode === 'navigate' || url.href === new URL(MANIFEST, scope).href) event.respondWith(networkFirst(request));
  else event.respondWith(cacheFirst(request, url));
});

async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const saved = (await caches.match(request, { ignoreSearch: true })) ?? (request.mode === 'navigate' ? await caches.match(new URL('index.html', scope)) : undefined);
    if (saved) return saved;
    throw error;
  }
}

async function cacheFirst(request, url) {
  const saved = await caches.match(request);
  if (saved) return saved;
  try {
    return await fetch(request);
  } catch (error) {
    const full = new URL(FULL_IMAGES, scope).href;
    const small = url.href.startsWith(full) ? await caches.match(new URL(SMALL_IMAGES, scope).href + url.href.slice(full.length)) : undefined;
    if (small) return small;
    throw error;
  }
}
