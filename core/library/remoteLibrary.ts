/**
 * Lecture libraries that live in a GitHub repository: the repository's archive is downloaded once when online,
 * its Markdown and images are kept in the data folder, updates are checked on request (ETag), and it reads fully
 * offline afterwards.
 *
 * Safety: the archive is size- and time-limited, and unpacked as it downloads within limits of its own (see
 * unpackArchive); only regular Markdown and image files are extracted, never links or paths that leave the
 * folder, never with the archive's permissions or owner; the new copy is unpacked beside the old one and
 * swapped in by rename, so a crash or kill mid-download leaves the previous copy readable, and a half-done swap
 * is repaired on the next sync.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { imageTypeOf } from '../common/imageTypes.js';
import { finishFolderSwap, removeTemporaryFiles, swapFolder, temporaryPath, writeFileAtomic } from '../node/atomicFile.js';
import { isMarkdownFile } from './discover.js';
import { DEFAULT_UNPACK_LIMITS, unpackArchive, type UnpackLimits } from './unpackArchive.js';
import type { Fetch } from '../node/fetch.js';
import { LIBRARY_FILES } from './libraryInfo.js';

export interface RepositoryAddress {
  owner: string;
  repo: string;
  /** Branch, tag or commit; the default branch when absent. */
  ref?: string;
}

/** `https://github.com/OWNER/REPO[.git][/tree/REF]` or `OWNER/REPO[@REF]`. */
export function parseRepositoryAddress(address: string): RepositoryAddress {
  const text = address.trim();
  const url = /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?(?:\/tree\/([^?#]+))?\/?(?:[?#].*)?$/i.exec(text);
  const short = /^([\w.-]+)\/([\w.-]+?)(?:@([\w./-]+))?$/.exec(text);
  const match = url ?? short;
  if (!match) throw new Error(`Not a GitHub repository address: ${address}`);
  return { owner: match[1], repo: match[2], ref: match[3] || undefined };
}

export interface RemoteOptions {
  /** Where the archive of a repository is downloaded from (tests point this at a local server). */
  archiveUrl?: (address: RepositoryAddress) => string;
  maxBytes?: number;
  timeoutMs?: number;
  /** What the archive may unpack to (each file, in total, relative to its download). */
  unpackLimits?: Partial<UnpackLimits>;
  /** How archives are downloaded (default: the global fetch). */
  fetch?: Fetch;
}

export interface RemoteRecord {
  address: string;
  archiveUrl: string;
  etag?: string;
  fetchedAt: string;
  files: number;
}

export type SyncResult = { folder: string; status: 'downloaded' | 'updated' | 'unchanged'; record: RemoteRecord };

/** A sync under way: bytes downloaded so far, then files kept from the archive. */
export interface SyncProgress {
  bytes: number;
  files: number;
}

export interface SyncOptions {
  /** Cancels the sync; the previous copy, if any, stays as it was. */
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

/** Thrown when a sync was cancelled through its signal. */
export class SyncCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

/** Only what a lecture library reads is extracted: lectures, their images, and the library's name and tag labels (libraryInfo.ts). */
const isKept = (entryPath: string) =>
  isMarkdownFile(entryPath) || imageTypeOf(entryPath) !== undefined || LIBRARY_FILES.includes(path.posix.basename(entryPath));

export class RemoteLibraries {
  private readonly archiveUrl: (address: RepositoryAddress) => string;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly unpackLimits: UnpackLimits;
  private readonly fetch: Fetch;

  constructor(
    readonly dataDir: string,
    options: RemoteOptions = {},
  ) {
    this.archiveUrl = options.archiveUrl ?? ((a) => `https://codeload.github.com/${a.owner}/${a.repo}/tar.gz/${a.ref ?? 'HEAD'}`);
    this.maxBytes = options.maxBytes ?? 500 * 1024 * 1024;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.unpackLimits = { ...DEFAULT_UNPACK_LIMITS, ...options.unpackLimits };
    this.fetch = options.fetch ?? fetch;
  }

  private get root(): string {
    return path.join(this.dataDir, 'libraries');
  }

  folderFor(address: RepositoryAddress): string {
    return path.join(this.root, `${address.owner}__${address.repo}${address.ref ? `__${address.ref.replace(/[^\w.-]+/g, '-')}` : ''}`);
  }

  /** Every library downloaded so far, with its record. */
  async list(): Promise<{ folder: string; record: RemoteRecord }[]> {
    const found: { folder: string; record: RemoteRecord }[] = [];
    for (const name of await readdir(this.root).catch(() => [] as string[])) {
      if (!name.endsWith('.json')) continue;
      const folder = path.join(this.root, name.slice(0, -5));
      await this.repair(folder);
      try {
        if (existsSync(folder)) found.push({ folder, record: JSON.parse(await readFile(path.join(this.root, name), 'utf8')) });
      } catch {
        // A damaged record: the folder is still there; the next sync rewrites the record.
      }
    }
    return found;
  }

  /** Downloads the repository, or its update; "unchanged" when the server says the archive is the same. */
  async sync(addressText: string, options: SyncOptions = {}): Promise<SyncResult> {
    const address = parseRepositoryAddress(addressText);
    const folder = this.folderFor(address);
    const recordFile = `${folder}.json`;
    await mkdir(this.root, { recursive: true });
    await this.repair(folder);
    const previous = existsSync(folder)
      ? await readFile(recordFile, 'utf8').then(
          (text) => JSON.parse(text) as RemoteRecord,
          () => null,
        )
      : null;
    const archiveUrl = this.archiveUrl(address);

    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const cancelled = () => options.signal?.aborted === true;
    let response: Response;
    try {
      response = await this.fetch(archiveUrl, { signal, headers: previous?.etag ? { 'if-none-match': previous.etag } : {} });
    } catch (error) {
      if (cancelled()) throw new SyncCancelled();
      throw new Error(
        signal.aborted
          ? `Download timed out after ${this.timeoutMs} ms`
          : `Cannot reach ${new URL(archiveUrl).host}: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`,
      );
    }
    if (response.status === 304 && previous) return { folder, status: 'unchanged', record: previous };
    if (!response.ok || !response.body) throw new Error(`Download failed: HTTP ${response.status}`);

    const unpacked = temporaryPath(`${folder}.unpack`);
    try {
      await mkdir(unpacked);
      const progress: SyncProgress = { bytes: 0, files: 0 };
      const report = () => options.onProgress?.({ ...progress });
      const keepAndCount = (entryPath: string) => {
        const kept = isKept(entryPath);
        if (kept) {
          progress.files++;
          report();
        }
        return kept;
      };
      const download = this.limitDownload(response.body, signal, (bytes) => {
        progress.bytes = bytes;
        report();
      });
      let files: number;
      try {
        files = await unpackArchive(download, unpacked, this.unpackLimits, keepAndCount);
      } catch (error) {
        throw cancelled() ? new SyncCancelled() : error;
      }
      if (files === 0) throw new Error('The archive holds no Markdown or image files');
      if (cancelled()) throw new SyncCancelled();
      await swapFolder(folder, unpacked);
      const record: RemoteRecord = {
        address: addressText,
        archiveUrl,
        etag: response.headers.get('etag') ?? undefined,
        fetchedAt: new Date().toISOString(),
        files,
      };
      await writeFileAtomic(recordFile, JSON.stringify(record, null, 2));
      return { folder, status: previous ? 'updated' : 'downloaded', record };
    } finally {
      await rm(unpacked, { recursive: true, force: true });
    }
  }

  /** The download's bytes, refused past the size limit, with a plain message when it times out. */
  private async *limitDownload(body: ReadableStream<Uint8Array>, signal: AbortSignal, onBytes: (bytes: number) => void): AsyncIterable<Uint8Array> {
    let bytes = 0;
    try {
      for await (const chunk of Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>)) {
        bytes += chunk.length;
        if (bytes > this.maxBytes) throw new Error(`Archive larger than ${this.maxBytes} bytes`);
        onBytes(bytes);
        yield chunk;
      }
    } catch (error) {
      throw signal.aborted ? new Error(`Download timed out after ${this.timeoutMs} ms`) : error;
    }
  }

  /** Deletes a downloaded library (its folder and record): only ever a folder this class downloaded. */
  async remove(addressText: string): Promise<void> {
    const folder = this.folderFor(parseRepositoryAddress(addressText));
    await this.repair(folder);
    await rm(`${folder}.json`, { force: true });
    await rm(folder, { recursive: true, force: true });
  }

  /** Finishes what a crash interrupted: a swap half done is completed backwards, leftovers are removed. */
  private async repair(folder: string): Promise<void> {
    await finishFolderSwap(folder);
    await removeTemporaryFiles(path.dirname(folder), path.basename(folder));
  }
}
