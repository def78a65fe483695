import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyReadingData, parseReadingData, type ReadingData, type ReadingStore } from '../common/readingData.js';
import { removeTemporaryFiles, writeFileAtomic } from './atomicFile.js';

/** The desktop app's reading data file in the user-data folder. */
export const READING_DATA_FILE = 'reading-data.json';

/**
 * Reading data in one JSON file, replaced atomically on every save: a crash or a kill while saving leaves the
 * previous file whole. Saves are queued, so two saves never race each other's rename.
 */
export class ReadingDataFile implements ReadingStore {
  private queue: Promise<unknown> = Promise.resolve();
  private swept = false;

  constructor(private readonly file: string) {}

  async load(): Promise<ReadingData> {
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyReadingData();
      throw error;
    }
    // A damaged file is reported, never silently replaced by empty data that the next save would write over it.
    return parseReadingData(JSON.parse(raw));
  }

  save(data: ReadingData): Promise<void> {
    const checked = parseReadingData(data);
    const next = this.queue.then(async () => {
      if (!this.swept) {
        await removeTemporaryFiles(path.dirname(this.file), path.basename(this.file));
        this.swept = true;
      }
      await writeFileAtomic(this.file, JSON.stringify(checked));
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
