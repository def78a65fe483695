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
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../node/atomicFile.js';

const MAGIC = 'lecture-reader-library';
/** The layout of this file; the parser's own version is stored beside it. */
const FORMAT_VERSION = 1;

export interface CachedParse<Result> {
  size: number;
  mtimeMs: number;
  result: Result;
}

export type CacheEntries<Result> = Map<string, CachedParse<Result>>;

/** The cache file of the library made of these folders (absolute paths), named by a hash of them. */
export function libraryCachePath(cacheDir: string, roots: string[]): string {
  const id = createHash('sha256').update(JSON.stringify(roots)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `library-${id}.json`);
}

export type CacheLoad<Result> = { entries: CacheEntries<Result> } | { entries: null; reason: string };

/** The saved entries (absolute path → parse), or why there are none to use. */
export async function loadLibraryCache<Result>(file: string, parserVersion: string): Promise<CacheLoad<Result>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { entries: null, reason: 'no saved library cache' };
  }
  const newline = text.indexOf('\n');
  const [magic, format, parser, checksum] = text.slice(0, Math.max(newline, 0)).split(' ');
  if (magic !== MAGIC) return { entries: null, reason: 'not a library cache' };
  if (Number(format) !== FORMAT_VERSION || parser !== parserVersion) {
    return { entries: null, reason: `saved by another version (format ${format}, parser ${parser})` };
  }
  const payload = text.slice(newline + 1);
  if (checksumOf(payload) !== checksum) return { entries: null, reason: 'checksum mismatch (corrupt file)' };
  try {
    return { entries: new Map(Object.entries(JSON.parse(payload) as Record<string, CachedParse<Result>>)) };
  } catch (error) {
    return { entries: null, reason: `unreadable: ${(error as Error).message}` };
  }
}

/** Replaces the cache file with these entries, whole and atomically. */
export async function saveLibraryCache<Result>(file: string, parserVersion: string, entries: CacheEntries<Result>): Promise<void> {
  const payload = JSON.stringify(Object.fromEntries(entries));
  await writeFileAtomic(file, `${MAGIC} ${FORMAT_VERSION} ${parserVersion} ${checksumOf(payload)}\n${payload}`);
}

function checksumOf(payload: string): string {
  return createHash('sha256').update(payload).digest('hex');
}
