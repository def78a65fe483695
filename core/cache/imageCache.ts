/**
 * The offline image cache: lecture images downloaded once, read forever.
 *
 * Each entry is two files named by the SHA-256 of the URL: `<key>.img` (the bytes) and `<key>.json` (URL,
 * content type, size, checksum, fetched-at, ETag). Both are written to a temporary file and renamed into
 * place, the metadata last: it is the commit mark. An entry is valid only when its metadata parses and the
 * image's size and checksum match it, so a crash or kill mid-download never leaves a file that reads as a
 * valid image, and a corrupted entry is detected and fetched again.
 *
 * Downloads are bounded: concurrency, a timeout, a size limit, a number of redirects; the response must really
 * be an image (its bytes are checked, not only its header); only public internet addresses are fetched unless
 * allowed otherwise (see publicNetwork). Failures are recorded and retried on the next run; they are never
 * fatal. A full disk stops the run (nothing more could be stored) without touching the entries already there.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { removeTemporaryFiles, writeFileAtomic } from '../node/atomicFile.js';
import { encodeAssetPath } from '../common/assetPath.js';
import { IMAGE_CONTENT_TYPES } from '../common/imageTypes.js';
import { sniffImage } from './imageBytes.js';
import { PrivateAddressError, publicOnlyFetch } from './publicNetwork.js';
import type { Fetch } from '../node/fetch.js';

export interface CacheEntry {
  url: string;
  contentType: string;
  size: number;
  sha256: string;
  fetchedAt: string;
  etag?: string;
}

export interface CacheOptions {
  /** Largest image accepted, in bytes. */
  maxBytes?: number;
  /** Whole-download time limit, in milliseconds. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Downloads running at once. */
  concurrency?: number;
  /** Fetch from loopback, private and link-local addresses too (a school's own mirror); refused by default. */
  allowPrivateNetwork?: boolean;
  /** How images are downloaded (default: the global fetch). */
  fetch?: Fetch;
}

export type DownloadOutcome = { url: string; ok: true; entry: CacheEntry; cached: boolean } | { url: string; ok: false; error: string; diskFull?: boolean };

export interface Progress {
  done: number;
  total: number;
  bytes: number;
  failures: number;
  /** The disk holding the cache filled up: the remaining downloads were not tried. */
  diskFull: boolean;
}

/** The cache's disk has no room left (or the user's quota is used up). */
export class DiskFullError extends Error {
  constructor(dir: string) {
    super(`no space left on the disk holding ${dir}`);
  }
}

const isDiskFull = (error: unknown) => ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException).code ?? '');

const DEFAULTS: Required<Omit<CacheOptions, 'fetch'>> = {
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 20_000,
  maxRedirects: 5,
  concurrency: 4,
  allowPrivateNetwork: false,
};
const FAILURES_FILE = 'failures.json';

export class ImageCache {
  private readonly options: Required<Omit<CacheOptions, 'fetch'>>;
  /** Entries already verified in this process, by key, with the image's mtime when verified. */
  private readonly verified = new Map<string, { entry: CacheEntry; mtimeMs: number }>();
  /** URLs with a valid entry: filled by `open`, kept current by downloads. */
  private readonly available = new Set<string>();

  constructor(
    readonly dir: string,
    options: CacheOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.send = this.options.allowPrivateNetwork ? (options.fetch ?? fetch) : publicOnlyFetch(options.fetch);
  }

  /** One request (redirects are followed here, each hop through it). */
  private readonly send: Fetch;

  /** Opens the cache folder, verifying every entry, and drops what a crash left half-written. */
  static async open(dir: string, options: CacheOptions = {}): Promise<ImageCache> {
    const cache = new ImageCache(dir, options);
    await removeTemporaryFiles(dir);
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const key = /^([0-9a-f]{64})\.json$/.exec(name)?.[1];
      const found = key ? await cache.lookupKey(key) : null;
      if (found) cache.available.add(found.entry.url);
    }
    return cache;
  }

  /** Asset path (`cache/<key>`) of a URL with a valid entry, without touching the disk. */
  assetFor(url: string): string | null {
    return this.available.has(url) ? encodeAssetPath({ kind: 'cache', key: ImageCache.keyFor(url) }) : null;
  }

  static keyFor(url: string): string {
    return createHash('sha256').update(url).digest('hex');
  }

  private imagePath(key: string): string {
    return path.join(this.dir, `${key}.img`);
  }

  private metaPath(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  /** The valid entry for a URL, or null (missing, torn or corrupt). */
  async lookup(url: string): Promise<{ file: string; entry: CacheEntry } | null> {
    return this.lookupKey(ImageCache.keyFor(url), url);
  }

  /** The valid entry for a key (as used in asset paths), or null. */
  async lookupKey(key: string, expectedUrl?: string): Promise<{ file: string; entry: CacheEntry } | null> {
    if (!/^[0-9a-f]{64}$/.test(key)) return null;
    const file = this.imagePath(key);
    let info;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    const known = this.verified.get(key);
    if (known && known.mtimeMs === info.mtimeMs && known.entry.size === info.size) return { file, entry: known.entry };
    try {
      const entry = JSON.parse(await readFile(this.metaPath(key), 'utf8')) as CacheEntry;
      if (expectedUrl !== undefined && entry.url !== expectedUrl) return null;
      if (entry.size !== info.size) return null;
      const bytes = await readFile(file);
      if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256 || !sniffImage(bytes)) {
        this.available.delete(entry.url);
        return null;
      }
      this.verified.set(key, { entry, mtimeMs: info.mtimeMs });
      return { file, entry };
    } catch {
      return null;
    }
  }

  /** Fetches a URL into the cache unless a valid entry is already there. */
  async fetch(url: string): Promise<DownloadOutcome> {
    const existing = await this.lookup(url);
    if (existing) return { url, ok: true, entry: existing.entry, cached: true };
    try {
      const { bytes, contentType, etag } = await this.download(url);
      const kind = sniffImage(bytes);
      if (!kind) throw new Error(`not an image (server said ${contentType || 'nothing'})`);
      const entry: CacheEntry = {
        url,
        contentType: IMAGE_CONTENT_TYPES[kind],
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        fetchedAt: new Date().toISOString(),
        etag,
      };
      await this.commit(entry, bytes);
      return { url, ok: true, entry, cached: false };
    } catch (error) {
      return { url, ok: false, error: (error as Error).message, diskFull: error instanceof DiskFullError };
    }
  }

  private async download(url: string): Promise<{ bytes: Buffer; contentType: string; etag?: string }> {
    const { maxBytes, timeoutMs, maxRedirects } = this.options;
    const signal = AbortSignal.timeout(timeoutMs);
    let target = url;
    for (let redirects = 0; ; redirects++) {
      if (!/^https?:\/\//i.test(target)) throw new Error(`refused: ${target.split(':')[0]} URL`);
      let response: Response;
      try {
        response = await this.send(target, { redirect: 'manual', signal, headers: { accept: 'image/*' } });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        // One message for every refused address, whatever is listening there: no port scanning through errors.
        const refused = [error, cause].find((reason) => reason instanceof PrivateAddressError);
        if (refused) throw refused;
        throw new Error(signal.aborted ? `timed out after ${timeoutMs} ms` : `network error: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
      }
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        await response.body?.cancel();
        if (redirects >= maxRedirects) throw new Error(`too many redirects (more than ${maxRedirects})`);
        target = new URL(response.headers.get('location')!, target).href;
        continue;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw new Error(`HTTP ${response.status}`);
      }
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > maxBytes) {
        await response.body.cancel();
        throw new Error(`too large (${declared} bytes, limit ${maxBytes})`);
      }
      const chunks: Buffer[] = [];
      let total = 0;
      try {
        for await (const chunk of Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>)) {
          total += chunk.length;
          if (total > maxBytes) throw new Error(`too large (over ${maxBytes} bytes)`);
          chunks.push(Buffer.from(chunk));
        }
      } catch (error) {
        if (signal.aborted) throw new Error(`timed out after ${timeoutMs} ms`);
        throw error;
      }
      return { bytes: Buffer.concat(chunks), contentType: response.headers.get('content-type') ?? '', etag: response.headers.get('etag') ?? undefined };
    }
  }

  /**
   * Image first, metadata last, each written atomically. When a write fails (a full disk), whatever this entry
   * had written is removed, so a failed download takes no space and leaves no orphan.
   */
  private async commit(entry: CacheEntry, bytes: Buffer): Promise<void> {
    const key = ImageCache.keyFor(entry.url);
    const image = this.imagePath(key);
    const meta = this.metaPath(key);
    try {
      await rm(meta, { force: true });
      this.available.delete(entry.url);
      await writeFileAtomic(image, bytes);
      await writeFileAtomic(meta, JSON.stringify(entry));
    } catch (error) {
      await rm(image, { force: true });
      throw isDiskFull(error) ? new DiskFullError(this.dir) : error;
    } finally {
      this.verified.delete(key);
    }
    this.available.add(entry.url);
  }

  /** Fetches every URL not yet cached, a few at a time, reporting progress; failures are recorded for later. */
  async fetchAll(urls: string[], onProgress?: (progress: Progress) => void): Promise<{ outcomes: DownloadOutcome[]; progress: Progress }> {
    const queue = [...new Set(urls)];
    const progress: Progress = { done: 0, total: queue.length, bytes: 0, failures: 0, diskFull: false };
    const outcomes: DownloadOutcome[] = [];
    const worker = async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        // Once the disk is full, downloading the rest would only be thrown away.
        const outcome: DownloadOutcome = progress.diskFull ? { url, ok: false, error: 'not tried: the disk is full', diskFull: true } : await this.fetch(url);
        outcomes.push(outcome);
        progress.done++;
        if (outcome.ok) progress.bytes += outcome.entry.size;
        else progress.failures++;
        if (!outcome.ok && outcome.diskFull) progress.diskFull = true;
        onProgress?.({ ...progress });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, queue.length) }, worker));
    await this.recordFailures(outcomes);
    return { outcomes, progress };
  }

  private async recordFailures(outcomes: DownloadOutcome[]): Promise<void> {
    const previous = await this.failures();
    for (const outcome of outcomes) {
      if (outcome.ok) delete previous[outcome.url];
      else previous[outcome.url] = { error: outcome.error, at: new Date().toISOString() };
    }
    try {
      await writeFileAtomic(path.join(this.dir, FAILURES_FILE), JSON.stringify(previous, null, 2));
    } catch {
      // A full disk: the old record stays as it was, and every image not cached is tried again anyway.
    }
  }

  /** Downloads that failed last time, by URL: retried by the next "make available offline". */
  async failures(): Promise<Record<string, { error: string; at: string }>> {
    try {
      return JSON.parse(await readFile(path.join(this.dir, FAILURES_FILE), 'utf8'));
    } catch {
      return {};
    }
  }

  /** Entries and bytes on disk (valid or not: what clearing would free). */
  async size(): Promise<{ entries: number; bytes: number }> {
    let entries = 0;
    let bytes = 0;
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const info = await stat(path.join(this.dir, name)).catch(() => null);
      if (!info?.isFile()) continue;
      bytes += info.size;
      if (name.endsWith('.img')) entries++;
    }
    return { entries, bytes };
  }

  /** Removes every cached image and the failure record; the folder itself stays. */
  async clear(): Promise<void> {
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (/^[0-9a-f]{64}\.(img|json)(\..*\.tmp)?$/.test(name) || name.startsWith(FAILURES_FILE)) await rm(path.join(this.dir, name), { force: true });
    }
    this.verified.clear();
    this.available.clear();
  }
}
