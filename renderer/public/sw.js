/**
 * The service worker of a static export (`cli export`), which makes the reader an offline web app. Hand-written and
 * small on purpose: it answers from its export's own cache (named in its URL), which the page's "Lưu để đọc ngoại
 * tuyến" fills with the reader's own files and the library (renderer/src/offline/offlineCopy.ts, which also brings that copy up to date). Its
 * settings arrive in its URL (`sw.js?manifest=…`), written once in core/common/staticSite.ts.
 *
 * Pages and the export's manifest: the network first, the cache when there is none. Everything else: the cache
 * first (what was saved is what is read, until the page updates it as a whole), else the network; a full-size
 * image that was not saved falls back to its saved small copy.
 */
const settings = new URL(self.location.href).searchParams;
const MANIFEST = settings.get('manifest');
const FULL_IMAGES = settings.get('full');
const SMALL_IMAGES = settings.get('small');
// This export's own cache: another export on the same origin has its own, which this one never answers from.
const CACHE = settings.get('cache');
const scope = self.registration.scope;
const saved = (request, options) => caches.open(CACHE).then((cache) => cache.match(request, options));

// Nothing is downloaded at installation: a first visit costs only the home page. The reader's own files are
// precached with the library when the student saves it (their size is part of the size shown first).
self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

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
    const copy = (await saved(request, { ignoreSearch: true })) ?? (request.mode === 'navigate' ? await saved(new URL('index.html', scope)) : undefined);
    if (copy) return copy;
    throw error;
  }
}

async function cacheFirst(request, url) {
  const copy = await saved(request);
  if (copy) return copy;
  try {
    return await fetch(request);
  } catch (error) {
    const full = new URL(FULL_IMAGES, scope).href;
    const small = url.href.startsWith(full) ? await saved(new URL(SMALL_IMAGES, scope).href + url.href.slice(full.length)) : undefined;
    if (small) return small;
    throw error;
  }
}
