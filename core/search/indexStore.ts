/**
 * Saves the search index to the cache folder and loads it back, so a warm start skips rebuilding. The file is
 * written atomically (see atomicFile.ts) and carries a checksum: a torn, corrupt or outdated file is
 * detected and the caller rebuilds. One file per library, named by a hash of its folders.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../node/atomicFile.js';
import { ENGINE_VERSION, SearchEngine, type SavedEngine } from './searchEngine.js';

const MAGIC = 'lecture-reader-search';

export function indexFilePath(cacheDir: string, roots: string[]): string {
  const id = createHash('sha256').update(JSON.stringify(roots)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `search-index-${id}.json`);
}

export async function saveIndex(file: string, engine: SearchEngine): Promise<void> {
  const payload = JSON.stringify(await engine.save());
  const checksum = createHash('sha256').update(payload).digest('hex');
  await writeFileAtomic(file, `${MAGIC} ${ENGINE_VERSION} ${checksum}\n${payload}`);
}

export type LoadOutcome = { engine: SearchEngine } | { engine: null; reason: string };

/** The saved engine, or the reason it cannot be used (missing, corrupt, other engine version). */
export async function loadIndex(file: string): Promise<LoadOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { engine: null, reason: 'no saved index' };
  }
  const newline = text.indexOf('\n');
  const [magic, version, checksum] = text.slice(0, newline).split(' ');
  if (magic !== MAGIC) return { engine: null, reason: 'not a saved index' };
  if (Number(version) !== ENGINE_VERSION) return { engine: null, reason: `saved by engine version ${version}` };
  const payload = text.slice(newline + 1);
  if (createHash('sha256').update(payload).digest('hex') !== checksum) return { engine: null, reason: 'checksum mismatch (corrupt file)' };
  try {
    return { engine: SearchEngine.restore(JSON.parse(payload) as SavedEngine) };
  } catch (error) {
    return { engine: null, reason: `unreadable: ${(error as Error).message}` };
  }
}
