/**
 * Saves the search index to the cache folder and loads it back, so a warm start skips rebuilding. The file is
 * written atomically (see atomicFile.ts) and carries a checksum: a torn, corrupt or outdated file is
 * detected and the caller rebuilds. One file per library, named by a hash of its folders.
 */
import { libraryFilePath, readCheckedBytes, writeCheckedBytes, type CheckedFormat } from '../node/checkedFile.js';
import { ENGINE_VERSION, SearchEngine } from './searchEngine.js';

const FORMAT: CheckedFormat = { magic: 'lecture-reader-search', version: String(ENGINE_VERSION), what: 'index' };

export const indexFilePath = (cacheDir: string, roots: string[]) => libraryFilePath(cacheDir, 'search-index', roots);

export async function saveIndex(file: string, engine: SearchEngine): Promise<void> {
  await writeCheckedBytes(file, FORMAT, engine.save());
}

export type LoadOutcome = { engine: SearchEngine } | { engine: null; reason: string };

/** The saved engine, or the reason it cannot be used (missing, corrupt, other engine version). */
export async function loadIndex(file: string): Promise<LoadOutcome> {
  const saved = await readCheckedBytes(file, FORMAT);
  if (!saved.value) return { engine: null, reason: saved.reason };
  try {
    return { engine: SearchEngine.load(saved.value) };
  } catch (error) {
    return { engine: null, reason: `unreadable: ${(error as Error).message}` };
  }
}
