/**
 * The library and its search index behind the API contract: what the HTTP server and the Electron main
 * process expose to the reader, and what the CLI calls. Plain Node.
 */
import { watch, type FSWatcher } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImageCache, type Progress } from '../cache/imageCache.js';
import { Thumbnails } from '../cache/thumbnails.js';
import type {
  GlossaryEntry,
  LectureDetail,
  LectureApi,
  LibraryOverview,
  LibraryVersion,
  OfflineStatus,
  Problem,
  SearchRequest,
  SearchResponse,
} from '../common/api.js';
import { decodeAssetPath } from '../common/assetPath.js';
import type { ImageWidth } from '../common/imageSizes.js';
import { LibraryGlossary } from '../glossary/libraryGlossary.js';
import { imageTypeOf } from '../common/imageTypes.js';
import { LectureLibrary, type LibraryOptions, type LoadStats } from '../library/lectureLibrary.js';
import { searchAcrossLanguages } from '../search/crossLingual.js';
import { PhraseChecker } from '../search/lecturePhrase.js';
import { IndexedSearch, type SearchBackend } from '../search/indexedSearch.js';
import { indexFilePath } from '../search/indexStore.js';
import { toSearchDocument } from '../search/libraryDocuments.js';
import type { SyncStats } from '../search/searchEngine.js';
import { SearchWorkerClient } from '../search/searchWorkerClient.js';
import type { Fetch } from '../node/fetch.js';

export type LectureBackend = Omit<LectureApi, 'assetUrl' | 'sizedImageUrl'>;

export interface ServiceOptions extends LibraryOptions {
  /** Build and query the index in a worker thread (for servers and the app window), not in this thread. */
  searchInWorker?: boolean;
  /** For exports, which never search: the index is neither loaded nor built (search answers `indexing`). */
  withoutSearch?: boolean;
  /** Cache images from loopback and private addresses too (the desktop app's setting, `cache --allow-private-network`). */
  allowPrivateNetwork?: boolean;
  /** How images are downloaded (default: the global fetch). */
  fetch?: Fetch;
}

/** The cache folder: `$LECTURE_READER_CACHE`, else the platform's user cache folder. */
export function defaultCacheDir(): string {
  if (process.env.LECTURE_READER_CACHE) return path.resolve(process.env.LECTURE_READER_CACHE);
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? os.homedir(), 'LectureReader', 'Cache');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'LectureReader');
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'lecture-reader');
}

/** The user data folder (downloaded libraries): `$LECTURE_READER_DATA`, else the platform's data folder. */
export function defaultDataDir(): string {
  if (process.env.LECTURE_READER_DATA) return path.resolve(process.env.LECTURE_READER_DATA);
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'LectureReader');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'LectureReader');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'lecture-reader');
}

export class LectureService implements LectureBackend {
  private readonly glossary: LibraryGlossary;

  private constructor(
    readonly library: LectureLibrary,
    private readonly searchBackend: SearchBackend,
    /** Downloaded lecture images; absent without a cache folder. */
    readonly images: ImageCache | null,
    /** Small copies of banners; absent without a cache folder (the images themselves are served). */
    private readonly thumbnails: Thumbnails | null,
  ) {
    this.glossary = new LibraryGlossary(library);
  }

  static async open(folders: string[], options: ServiceOptions = {}): Promise<LectureService> {
    const images = options.cacheDir
      ? await ImageCache.open(path.join(options.cacheDir, 'images'), { allowPrivateNetwork: options.allowPrivateNetwork, fetch: options.fetch })
      : null;
    const library = new LectureLibrary(folders, { ...options, offlineImage: (url) => images?.assetFor(url) ?? null });
    const indexFile = options.cacheDir ? indexFilePath(options.cacheDir, library.roots) : undefined;
    // A worker client starts no thread until it is used.
    const search = options.searchInWorker || options.withoutSearch ? new SearchWorkerClient(indexFile) : await IndexedSearch.open(indexFile);
    const thumbnails = options.cacheDir ? new Thumbnails(path.join(options.cacheDir, 'thumbnails')) : null;
    const service = new LectureService(library, search, images, thumbnails);
    // With its own thread, search is built behind the list: the list and the reader answer once the library is read,
    // and search says it is getting ready until its index holds every lecture. In this thread, it is built first.
    await (options.searchInWorker ? library.loadListFirst() : library.load());
    if (options.withoutSearch) return service;
    service.indexed = library
      .outlined()
      // A service closed while its outlines were read builds nothing (a thread started now would outlive it).
      .then(() => (service.closed ? undefined : service.syncSearch()))
      .then(
        () => {},
        (error: Error) => {
          if (!service.closed) process.emitWarning(`The search index could not be built: ${error.message}`);
        },
      )
      .finally(() => (service.indexReady = true));
    if (!options.searchInWorker) await service.indexed;
    return service;
  }

  /** Whether search answers from an index holding the whole library (false while it is first built). */
  private indexReady = false;
  private indexed: Promise<void> = Promise.resolve();
  private closed = false;

  /** Resolves once search holds the library as opened (the CLI waits for it; the reader is told "đang lập chỉ mục…"). */
  searchReady(): Promise<void> {
    return this.indexed;
  }

  /** Re-reads changed files and brings the search index in step. */
  async reload(): Promise<{ library: LoadStats; search: SyncStats }> {
    const library = await this.library.load();
    const search = await this.syncSearch();
    return { library, search };
  }

  private syncSearch(): Promise<SyncStats> {
    return this.searchBackend.sync(this.library.lectures.map(toSearchDocument));
  }

  async getLibrary(options: { includeDrafts?: boolean } = {}): Promise<LibraryOverview> {
    return this.library.overview(options.includeDrafts);
  }

  async getLecture(slug: string, options: { includeDrafts?: boolean } = {}): Promise<LectureDetail | null> {
    return this.library.lectureDetail(slug, options.includeDrafts);
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    if (!this.indexReady) return { results: [], tookMs: 0, indexing: this.library.outlineProgress };
    return searchAcrossLanguages(request, {
      search: (engineRequest) => this.searchBackend.search(engineRequest),
      glossary: this.glossary.terms(request.includeDrafts === true),
      hasPhrase: (slug, query) => this.hasPhrase(slug, query),
    });
  }

  private readonly phrases = new PhraseChecker();

  async getGlossary(options: { includeDrafts?: boolean } = {}): Promise<GlossaryEntry[]> {
    return this.glossary.entries(options.includeDrafts === true);
  }

  /** Whether the lecture's text has the query's words one after another (the last one may be unfinished). */
  private hasPhrase(slug: string, query: string): boolean {
    const lecture = this.library.lecture(slug);
    if (!lecture) return false;
    return this.phrases.has({ ...lecture, sections: lecture.outline.sections, texts: lecture.outline.texts }, query);
  }

  async getProblems(): Promise<Problem[]> {
    return [...this.library.problems];
  }

  getVersion(): LibraryVersion {
    return { version: this.library.version };
  }

  private watchers: FSWatcher[] = [];

  /**
   * Follows the library folders: any change on disk reloads (only changed files are read again) and, when the
   * library changed, calls `onChange`. A folder deleted or renamed shows up as a missing folder.
   */
  follow(onChange: () => void = () => {}): void {
    this.unfollow();
    let timer: NodeJS.Timeout | undefined;
    const changed = () => {
      this.library.expectChanges();
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const version = this.library.version;
        await this.reload();
        if (this.library.version !== version) onChange();
      }, 250);
    };
    for (const root of this.library.roots) {
      try {
        const watcher = watch(root, { recursive: true }, changed);
        watcher.on('error', changed);
        this.watchers.push(watcher);
      } catch {
        // A folder that cannot be watched (already gone) is reported by the reload itself.
      }
    }
  }

  private unfollow(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }

  async getOfflineStatus(): Promise<OfflineStatus> {
    const sources = new Set<string>();
    let available = 0;
    for (const lecture of this.library.readable()) {
      for (const src of lecture.images.keys()) {
        if (sources.has(src)) continue;
        sources.add(src);
        if (this.library.imageAsset(lecture, src)) available++;
      }
    }
    const size = (await this.images?.size()) ?? { entries: 0, bytes: 0 };
    return { images: sources.size, available, cacheEntries: size.entries, cacheBytes: size.bytes };
  }

  /**
   * The file and type behind an asset path (its root, then the rest: see assetPath.ts), inside a library folder
   * or in the image cache, or its copy at most `width` wide. Null for anything else, including every path that would leave those places.
   */
  async asset(root: string, relative: string, width: ImageWidth | null = null): Promise<{ file: string; type: string } | null> {
    const found = await this.sourceAsset(root, relative);
    return found && width && this.thumbnails ? this.thumbnails.of(found, width) : found;
  }

  private async sourceAsset(root: string, relative: string): Promise<{ file: string; type: string } | null> {
    const location = decodeAssetPath(root, relative);
    if (location?.kind === 'cache') {
      const found = await this.images?.lookupKey(location.key);
      return found ? { file: found.file, type: found.entry.contentType } : null;
    }
    const type = imageTypeOf(relative);
    if (!location || !type) return null;
    const file = this.library.imageLocator.resolveInside(location.root, location.relative);
    return file ? { file, type } : null;
  }

  /** "Make this library available offline": downloads every remote image not yet read offline (of folder `root` only, when given). */
  async makeOffline(onProgress?: (progress: Progress) => void, root?: number) {
    if (!this.images) throw new Error('No cache folder: images cannot be kept offline');
    const missing = this.library.remoteImages(root).filter((url) => !this.images!.assetFor(url));
    return this.images.fetchAll(missing, onProgress);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unfollow();
    await this.library.close();
    await this.searchBackend.close();
  }
}
