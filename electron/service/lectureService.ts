/**
 * The library and its search index behind the API contract: what the HTTP server and the Electron main
 * process expose to the reader, and what the CLI calls. Plain Node.
 */
import os from 'node:os';
import path from 'node:path';
import type { Article, LectureApi, LibraryOverview, Problem, SearchRequest, SearchResponse } from '../common/api.js';
import { LectureLibrary, type LibraryOptions, type LoadStats } from '../library/lectureLibrary.js';
import { IndexedSearch, type SearchBackend } from '../search/indexedSearch.js';
import { indexFilePath } from '../search/indexStore.js';
import { toSearchDocument } from '../search/libraryDocuments.js';
import type { SyncStats } from '../search/searchEngine.js';
import { WorkerSearch } from '../search/workerSearch.js';

export type LectureBackend = Omit<LectureApi, 'assetUrl'>;

export interface ServiceOptions extends LibraryOptions {
  /** Where the saved search index lives; no saving when absent. */
  cacheDir?: string;
  /** Build and query the index in a worker thread (for servers and the app window), not in this thread. */
  searchInWorker?: boolean;
}

/** The cache folder: `$LECTURE_READER_CACHE`, else the platform's user cache folder. */
export function defaultCacheDir(): string {
  if (process.env.LECTURE_READER_CACHE) return path.resolve(process.env.LECTURE_READER_CACHE);
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? os.homedir(), 'LectureReader', 'Cache');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'LectureReader');
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'lecture-reader');
}

export class LectureService implements LectureBackend {
  private constructor(
    readonly library: LectureLibrary,
    private readonly searchBackend: SearchBackend,
  ) {}

  static async open(folders: string[], options: ServiceOptions = {}): Promise<LectureService> {
    const library = new LectureLibrary(folders, options);
    const indexFile = options.cacheDir ? indexFilePath(options.cacheDir, library.roots) : undefined;
    const search = options.searchInWorker ? new WorkerSearch(indexFile) : await IndexedSearch.open(indexFile);
    const service = new LectureService(library, search);
    await service.reload();
    return service;
  }

  /** Re-reads changed files and brings the search index in step. */
  async reload(): Promise<{ library: LoadStats; search: SyncStats }> {
    const library = await this.library.load();
    const search = await this.searchBackend.sync(this.library.lectures.map(toSearchDocument));
    return { library, search };
  }

  async getLibrary(options: { includeDrafts?: boolean } = {}): Promise<LibraryOverview> {
    return this.library.overview(options.includeDrafts);
  }

  async getArticle(slug: string, options: { includeDrafts?: boolean } = {}): Promise<Article | null> {
    return this.library.article(slug, options.includeDrafts);
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    return this.searchBackend.search(request);
  }

  async getProblems(): Promise<Problem[]> {
    return [...this.library.problems];
  }

  async close(): Promise<void> {
    await this.searchBackend.close();
  }
}
