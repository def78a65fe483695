/**
 * Each lecture file's parse result saved in the cache folder, so a start where nothing changed reads no lecture
 * text: an entry is used only while its file keeps the size and modification time it had when parsed, and only
 * by the parser version that wrote it. The file carries a checksum; a torn, corrupt, foreign or outdated file is
 * detected and ignored (the library is parsed again and the file replaced), never trusted.
 *
 * Several processes (`serve`, `search`, `check`) may share one cache folder: each replaces the whole file
 * atomically (atomicFile.ts), so a reader sees one writer's complete file, and the last writer wins.
 *
 * Generic over the result: whatever the parse worker returns per file is what is kept (per-lecture extras, such
 * as extracted glossary terms, belong in that result and are cached with it).
 */
import { promisify } from 'node:util';
import { constants, gunzip, gzip } from 'node:zlib';
import { libraryFilePath, readCheckedBytes, writeCheckedBytes, type CheckedFormat } from '../node/checkedFile.js';

/** The layout of this file (2: gzipped JSON) and the parser that wrote it: either changing means parse again. */
const format = (parserVersion: string): CheckedFormat => ({ magic: 'lecture-reader-library', version: `2-${parserVersion}`, what: 'library cache' });

/**
 * Lecture text compresses about fivefold: the file is read whole at every start and written after every change, so
 * the fastest level (in the thread pool, off the thread answering readers).
 */
const compress = (json: string) => promisify(gzip)(json, { level: constants.Z_BEST_SPEED });

export interface CachedParse<Result> {
  size: number;
  mtimeMs: number;
  result: Result;
}

export type CacheEntries<Result> = Map<string, CachedParse<Result>>;

/** The cache file of the library made of these folders (absolute paths). */
export const libraryCachePath = (cacheDir: string, roots: string[]) => libraryFilePath(cacheDir, 'library', roots);

export type CacheLoad<Result> = { entries: CacheEntries<Result> } | { entries: null; reason: string };

/** The saved entries (absolute path → parse), or why there are none to use. */
export async function loadLibraryCache<Result>(file: string, parserVersion: string): Promise<CacheLoad<Result>> {
  const saved = await readCheckedBytes(file, format(parserVersion));
  if (!saved.value) return { entries: null, reason: saved.reason };
  try {
    const entries = JSON.parse((await promisify(gunzip)(saved.value)).toString('utf8')) as Record<string, CachedParse<Result>>;
    return { entries: new Map(Object.entries(entries)) };
  } catch (error) {
    return { entries: null, reason: `unreadable: ${(error as Error).message}` };
  }
}

/** Replaces the cache file with these entries, whole and atomically. */
export async function saveLibraryCache<Result>(file: string, parserVersion: string, entries: CacheEntries<Result>): Promise<void> {
  await writeCheckedBytes(file, format(parserVersion), await compress(JSON.stringify(Object.fromEntries(entries))));
}
