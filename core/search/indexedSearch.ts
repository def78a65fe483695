/**
 * A search engine that lives with its saved copy: opened from the cache when a valid one exists, kept in step
 * with the library by `sync`, and saved again after every change.
 */
import type { SearchRequest, SearchResponse } from '../common/api.js';
import { loadIndex, saveIndex } from './indexStore.js';
import { SearchEngine, type SearchDocument, type SyncStats } from './searchEngine.js';

export interface SearchBackend {
  sync(documents: SearchDocument[]): Promise<SyncStats>;
  search(request: SearchRequest): Promise<SearchResponse>;
  close(): Promise<void>;
}

export interface OpenReport {
  /** 'loaded' when a saved index was used, else why it was rebuilt. */
  source: 'loaded' | 'built';
  reason?: string;
}

export class IndexedSearch implements SearchBackend {
  /** Whether the file on disk holds what the engine holds. */
  private saved: boolean;

  private constructor(
    private readonly engine: SearchEngine,
    private readonly file: string | undefined,
    readonly opened: OpenReport,
  ) {
    this.saved = opened.source === 'loaded';
  }

  /** Opens the saved index at `file` when it is valid; otherwise starts empty (the first sync builds it). */
  static async open(file?: string): Promise<IndexedSearch> {
    if (!file) return new IndexedSearch(new SearchEngine(), undefined, { source: 'built', reason: 'no cache folder' });
    const outcome = await loadIndex(file);
    if (outcome.engine) return new IndexedSearch(outcome.engine, file, { source: 'loaded' });
    return new IndexedSearch(new SearchEngine(), file, { source: 'built', reason: outcome.reason });
  }

  /** See `SearchEngine.sync`: a key stands for a lecture unchanged since the last sync. */
  async sync(documents: readonly (SearchDocument | string)[]): Promise<SyncStats> {
    const stats = this.engine.sync(documents);
    if (stats.added > 0 || stats.removed > 0) this.saved = false;
    if (this.file && !this.saved) {
      try {
        await saveIndex(this.file, this.engine);
        this.saved = true;
      } catch (error) {
        // The index still works in memory; the next start rebuilds it.
        process.emitWarning(`Could not save the search index to ${this.file}: ${(error as Error).message}`);
      }
    }
    return stats;
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    return this.engine.search(request);
  }

  async close(): Promise<void> {}
}
