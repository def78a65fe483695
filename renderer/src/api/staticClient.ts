import type {
  EpubSelection,
  GlossaryEntry,
  LectureApi,
  LectureDetail,
  LibraryOverview,
  OfflineStatus,
  Problem,
  SearchRequest,
  SearchResponse,
} from '../../../core/common/api.js';
import type { ImageWidth } from '../../../core/common/imageSizes.js';
import { SMALL_COPY_WIDTH, STATIC_FILES, staticAssetPath, staticLecturePath, staticThumbnailPath } from '../../../core/common/staticSite.js';
import { BrowserSearch } from '../search/browserSearch.js';

/** Said by the offline copy (offline/offlineCopy.ts) when it brought in a newer export of the library. */
export const LIBRARY_UPDATED_EVENT = 'lecture-reader:library-updated';

/**
 * The contract over a static export's files (`cli export`), read by relative URL, so the export works under any
 * sub-path of any web server: each answer is the file the exporter wrote from the same service the HTTP server uses,
 * and search runs the core engine in a worker (search/searchWorker.ts).
 */
export class StaticLectureApi implements LectureApi {
  private readonly browserSearch = new BrowserSearch({
    index: new URL(STATIC_FILES.searchIndex, document.baseURI).href,
    documents: new URL(STATIC_FILES.searchDocuments, document.baseURI).href,
    glossary: new URL(STATIC_FILES.glossary, document.baseURI).href,
  });

  constructor() {
    // Before any listener searches again: the next search reads the newer copy's index.
    window.addEventListener(LIBRARY_UPDATED_EVENT, () => this.browserSearch.reset());
  }

  private async get<T>(file: string): Promise<T> {
    const response = await fetch(file, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${file}`);
    return (await response.json()) as T;
  }

  /** An export holds no drafts: the option changes nothing. */
  getLibrary(): Promise<LibraryOverview> {
    return this.get(STATIC_FILES.library);
  }

  async getLecture(slug: string): Promise<LectureDetail | null> {
    const response = await fetch(staticLecturePath(slug));
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return (await response.json()) as LectureDetail;
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    return this.browserSearch.search({ ...request, includeDrafts: false });
  }

  getProblems(): Promise<Problem[]> {
    return this.get(STATIC_FILES.problems);
  }

  /** The export holds the whole library's e-book only: a book of some tags or lectures needs the server. */
  epubUrl(selection: EpubSelection): string | undefined {
    return selection.tags?.length || selection.lectures?.length ? undefined : STATIC_FILES.book;
  }

  getOfflineStatus(): Promise<OfflineStatus> {
    return this.get(STATIC_FILES.offline);
  }

  getGlossary(): Promise<GlossaryEntry[]> {
    return this.get(STATIC_FILES.glossary);
  }

  assetUrl(assetPath: string): string {
    return staticAssetPath(assetPath);
  }

  /** The export's one small copy for widths up to its own, the image itself beyond. */
  sizedImageUrl(assetPath: string, width: ImageWidth): string {
    return width <= SMALL_COPY_WIDTH ? staticThumbnailPath(assetPath) : staticAssetPath(assetPath);
  }

  onLibraryChanged(listener: () => void): () => void {
    window.addEventListener(LIBRARY_UPDATED_EVENT, listener);
    return () => window.removeEventListener(LIBRARY_UPDATED_EVENT, listener);
  }
}
