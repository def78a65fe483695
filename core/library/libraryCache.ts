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

/** The layout of this file (4: two gzipped JSON parts, then packed texts) and the parser that wrote it: either changing means parse again. */
const format = (parserVersion: string): CheckedFormat => ({ magic: 'lecture-reader-library', version: `4-${parserVersion}`, what: 'library cache' });

/**
 * Lecture text compresses about fivefold: the file is read whole at every start and written after every change, so
 * the fastest level (in the thread pool, off the thread answering readers).
 */
const compress = (value: unknown) => promisify(gzip)(JSON.stringify(value), { level: constants.Z_BEST_SPEED });
const decompress = async (bytes: Buffer) => JSON.parse((await promisify(gunzip)(bytes)).toString('utf8')) as Record<string, unknown>;

export interface CachedParse<Result> {
  size: number;
  mtimeMs: number;
  result: Result;
}

export type CacheEntries<Result> = Map<string, CachedParse<Result>>;

/** The cache file of the library made of these folders (absolute paths). */
export const libraryCachePath = (cacheDir: string, roots: string[]) => libraryFilePath(cacheDir, 'library', roots);

/** What the cache file keeps apart from the list, by path: outlines (JSON), and bytes (packed section texts) stored as they are. */
export interface CacheRest<Outline> {
  outlines: Map<string, Outline>;
  bytes: Map<string, Uint8Array>;
}

/**
 * The saved entries (absolute path → parse, without what `saveLibraryCache` was given apart), and that other part,
 * read only when asked for: a start lists the library from the first part alone, much the smaller. All parts come
 * from one checked file, so they always agree.
 */
export type CacheLoad<Result, Outline> = { entries: CacheEntries<Result>; rest: () => Promise<CacheRest<Outline>> } | { entries: null; reason: string };

export async function loadLibraryCache<Result, Outline>(file: string, parserVersion: string): Promise<CacheLoad<Result, Outline>> {
  const saved = await readCheckedBytes(file, format(parserVersion));
  if (!saved.value) return { entries: null, reason: saved.reason };
  try {
    const bytes = saved.value;
    const split = bytes.indexOf('\n');
    const [listLength, outlineLength] = bytes.subarray(0, split).toString().split(' ').map(Number);
    const listEnd = split + 1 + listLength;
    const outlineEnd = listEnd + outlineLength;
    const entries = (await decompress(bytes.subarray(split + 1, listEnd))) as Record<string, CachedParse<Result>>;
    const rest = async (): Promise<CacheRest<Outline>> => {
      const { outlines, bytes: places } = (await decompress(bytes.subarray(listEnd, outlineEnd))) as {
        outlines: Record<string, Outline>;
        bytes: Record<string, [number, number]>;
      };
      const stored = bytes.subarray(outlineEnd);
      // Each its own copy: a view would keep the whole file, and would copy all of it to any thread it is sent to.
      const inStored = ([start, length]: [number, number]) => {
        if (!(start >= 0 && length >= 0 && start + length <= stored.length)) throw new Error('stored bytes out of range');
        return new Uint8Array(stored.subarray(start, start + length));
      };
      return {
        outlines: new Map(Object.entries(outlines)),
        bytes: new Map(Object.entries(places).map(([path, place]) => [path, inStored(place)])),
      };
    };
    return { entries: new Map(Object.entries(entries)), rest };
  } catch (error) {
    return { entries: null, reason: `unreadable: ${(error as Error).message}` };
  }
}

/** Replaces the cache file with these entries, outlines and bytes (by path), whole and atomically. */
export async function saveLibraryCache<Result, Outline>(
  file: string,
  parserVersion: string,
  entries: CacheEntries<Result>,
  { outlines, bytes }: CacheRest<Outline>,
): Promise<void> {
  const places: Record<string, [number, number]> = {};
  let offset = 0;
  for (const [path, stored] of bytes) {
    places[path] = [offset, stored.length];
    offset += stored.length;
  }
  const [list, rest] = await Promise.all([compress(Object.fromEntries(entries)), compress({ outlines: Object.fromEntries(outlines), bytes: places })]);
  await writeCheckedBytes(file, format(parserVersion), Buffer.concat([Buffer.from(`${list.length} ${rest.length}\n`), list, rest, ...bytes.values()]));
}
