/**
 * The offline copy of a static export: what "Lưu để đọc ngoại tuyến" keeps in the browser's cache, which the service
 * worker (renderer/public/sw.js) answers from. The export's manifest lists every file with its hash and size, so the
 * size is known before anything is downloaded, and an update after the library changed fetches only the files whose
 * hash changed (and drops those gone). The copy's own record (version, image choice, each file's hash) lives in the
 * same cache: if the browser evicts the cache, the record goes with it, and a flag in local storage tells the
 * student plainly.
 */
import {
  EXPORT_MANIFEST,
  offlineCacheName,
  SERVICE_WORKER,
  serviceWorkerUrl,
  slugOfStaticPath,
  type ExportedFile,
  type ExportManifest,
} from '../../../core/common/staticSite.js';

/** Full-size images, or only their small copies (the service worker shows a small copy in place of a full image). */
export type ImageChoice = 'full' | 'small';

export interface SavedCopy {
  version: string;
  images: ImageChoice;
  /** Each saved file's hash, by its path in the export. */
  files: Record<string, string>;
  bytes: number;
}

export interface CopyPlan {
  manifest: ExportManifest;
  images: ImageChoice;
  files: [string, ExportedFile][];
  bytes: number;
}

export type CopyState = { kind: 'none' } | { kind: 'saved'; copy: SavedCopy } | { kind: 'evicted' };

/** What an update brought: lectures new or changed, and lectures gone. */
export interface CopyUpdate {
  changed: number;
  removed: number;
}

export class OfflineCopyError extends Error {
  constructor(readonly reason: 'quota' | 'network') {
    super(reason);
  }
}

const RECORD = 'offline-copy.json';
/** Downloads at a time: enough to fill a phone's connection, few enough to leave it usable. */
const PARALLEL = 4;

const inScope = (file: string) => new URL(file, document.baseURI).href;
/** This export's folder: its service worker's scope, which names its cache and its flag (one origin may host several). */
const scope = () => inScope('./');
const openCache = () => caches.open(offlineCacheName(scope()));
const savedFlag = () => `lecture-reader-offline-saved ${scope()}`;

/** Service workers exist only on secure origins (HTTPS, localhost) and in browsers that have them. */
export const offlinePossible = () => window.isSecureContext && 'serviceWorker' in navigator && 'caches' in window;

export async function registerServiceWorker(): Promise<void> {
  await navigator.serviceWorker.register(serviceWorkerUrl(scope()), { scope: scope() });
}

export async function fetchExportManifest(): Promise<ExportManifest> {
  const response = await fetch(EXPORT_MANIFEST, { cache: 'no-store' });
  if (!response.ok) throw new OfflineCopyError('network');
  return (await response.json()) as ExportManifest;
}

/**
 * The files a copy holds: everything but full-size images when small ones are chosen, the e-book (a download of the
 * same lectures) and the service worker itself.
 */
export function planCopy(manifest: ExportManifest, images: ImageChoice): CopyPlan {
  const files = Object.entries(manifest.files).filter(
    ([file, { group }]) => file !== SERVICE_WORKER && group !== 'book' && (group !== 'image' || images === 'full'),
  );
  return { manifest, images, files, bytes: files.reduce((sum, [, file]) => sum + file.bytes, 0) };
}

export async function copyState(): Promise<CopyState> {
  const record = await (await openCache()).match(inScope(RECORD));
  if (record) return { kind: 'saved', copy: (await record.json()) as SavedCopy };
  return localStorage.getItem(savedFlag()) ? { kind: 'evicted' } : { kind: 'none' };
}

/**
 * Brings the cache to `plan`: downloads the files missing or changed since `previous`, removes those the plan no
 * longer has, then writes the record. `onProgress` is told the bytes downloaded of those to download.
 */
export async function saveCopy(plan: CopyPlan, previous: SavedCopy | null, onProgress: (done: number, total: number) => void = () => {}): Promise<SavedCopy> {
  const cache = await openCache();
  const missing: [string, ExportedFile][] = [];
  for (const entry of plan.files) {
    if (previous?.files[entry[0]] !== entry[1].hash || !(await cache.match(inScope(entry[0])))) missing.push(entry);
  }
  const total = missing.reduce((sum, [, file]) => sum + file.bytes, 0);
  let done = 0;
  onProgress(0, total);
  const queue = [...missing];
  // The first failure stops every download: nothing is fetched or written once the student has been told.
  const stop = new AbortController();
  const download = async () => {
    for (let entry = queue.shift(); entry && !stop.signal.aborted; entry = queue.shift()) {
      const [file, { hash, bytes }] = entry;
      // The hash in the query passes by the service worker's and the browser's copies: this file, as exported now.
      const response = await fetch(`${file}?v=${hash}`, { cache: 'no-store', signal: stop.signal }).catch(() => null);
      if (stop.signal.aborted) return;
      if (!response?.ok) throw new OfflineCopyError('network');
      await cache.put(inScope(file), response).catch(rethrowQuota);
      if (stop.signal.aborted) return;
      done += bytes;
      onProgress(done, total);
    }
  };
  await Promise.all(
    Array.from({ length: PARALLEL }, () =>
      download().catch((error: unknown) => {
        stop.abort();
        throw error;
      }),
    ),
  );
  const kept = new Set(plan.files.map(([file]) => file));
  for (const file of Object.keys(previous?.files ?? {})) if (!kept.has(file)) await cache.delete(inScope(file));
  const copy: SavedCopy = {
    version: plan.manifest.version,
    images: plan.images,
    files: Object.fromEntries(plan.files.map(([file, { hash }]) => [file, hash])),
    bytes: plan.bytes,
  };
  await cache.put(inScope(RECORD), new Response(JSON.stringify(copy), { headers: { 'content-type': 'application/json' } })).catch(rethrowQuota);
  localStorage.setItem(savedFlag(), '1');
  // Asks the browser not to evict the copy under storage pressure (it may still say no).
  await navigator.storage?.persist?.().catch(() => false);
  return copy;
}

function rethrowQuota(error: unknown): never {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') throw new OfflineCopyError('quota');
  throw error;
}

/** Removes the copy, the reader's own files with it: without the library they are no use offline. */
export async function removeCopy(): Promise<void> {
  await caches.delete(offlineCacheName(scope()));
  localStorage.removeItem(savedFlag());
}

/** After the library changed (a new export), the changed files; null when the copy is current or cannot be checked. */
export async function updateCopy(copy: SavedCopy): Promise<CopyUpdate | null> {
  const manifest = await fetchExportManifest().catch(() => null);
  if (!manifest || manifest.version === copy.version) return null;
  const plan = planCopy(manifest, copy.images);
  await saveCopy(plan, copy);
  const lectures = (files: Record<string, string>) => new Map(Object.entries(files).flatMap(([file, hash]) => (slugOfStaticPath(file) ? [[file, hash]] : [])));
  const before = lectures(copy.files);
  const after = lectures(Object.fromEntries(plan.files.map(([file, { hash }]) => [file, hash])));
  return {
    changed: [...after].filter(([file, hash]) => before.get(file) !== hash).length,
    removed: [...before.keys()].filter((file) => !after.has(file)).length,
  };
}
