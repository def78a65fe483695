import {
  LIBRARY_POLL_MS,
  type EpubSelection,
  type GlossaryEntry,
  type LectureDetail,
  type LectureApi,
  type LibraryOverview,
  type LibraryVersion,
  type OfflineStatus,
  type Problem,
  type SearchRequest,
  type SearchResponse,
} from '../../../core/common/api.js';
import type { ImageWidth } from '../../../core/common/imageSizes.js';
import { lecturePath, assetRoute, epubPath, glossaryPath, libraryPath, ROUTES, searchPath, sizedImageRoute } from '../../../core/common/routes.js';

/** The contract over the local HTTP server's JSON API (browser and classroom mode). */
export class HttpLectureApi implements LectureApi {
  constructor(private readonly base = '') {}

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.base}${path}`, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${path}`);
    return (await response.json()) as T;
  }

  getLibrary(options: { includeDrafts?: boolean } = {}): Promise<LibraryOverview> {
    return this.get(libraryPath(options));
  }

  async getLecture(slug: string, options: { includeDrafts?: boolean } = {}): Promise<LectureDetail | null> {
    const response = await fetch(`${this.base}${lecturePath(slug, options)}`);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return (await response.json()) as LectureDetail;
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    return this.get(searchPath(request));
  }

  getProblems(): Promise<Problem[]> {
    return this.get(ROUTES.problems);
  }

  getOfflineStatus(): Promise<OfflineStatus> {
    return this.get(ROUTES.offline);
  }

  getGlossary(options: { includeDrafts?: boolean } = {}): Promise<GlossaryEntry[]> {
    return this.get(glossaryPath(options));
  }

  assetUrl(assetPath: string): string {
    return this.base + assetRoute(assetPath);
  }

  epubUrl(selection: EpubSelection): string {
    return this.base + epubPath(selection);
  }

  sizedImageUrl(assetPath: string, width: ImageWidth): string {
    return this.base + sizedImageRoute(assetPath, width);
  }

  /** The server cannot push: an open, visible reader asks for the library's version now and then. */
  onLibraryChanged(listener: () => void): () => void {
    let known: number | undefined;
    const check = async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        const { version } = await this.get<LibraryVersion>(ROUTES.version);
        if (known !== undefined && version !== known) listener();
        known = version;
      } catch {
        // The teacher stopped sharing or the Wi-Fi dropped: the next check tries again.
      }
    };
    void check();
    const timer = setInterval(check, LIBRARY_POLL_MS);
    document.addEventListener('visibilitychange', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }
}
