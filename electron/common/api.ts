/**
 * The one contract between the reader and whatever serves it. The preload bridge (Electron) and the HTTP client
 * (browser, classroom) both implement `LectureApi`; the renderer talks to nothing else.
 */

export interface Heading {
  level: number;
  text: string;
  /** Anchor id, as the reader assigns it (GitHub's slugger over the heading text). */
  id: string;
}

export interface ArticleSummary {
  slug: string;
  title: string;
  /** ISO `YYYY-MM-DD`, absent when the lecture has no valid date. */
  date?: string;
  description: string;
  tags: string[];
  highlight: boolean;
  published: boolean;
  /** Asset path of the banner image when it is available offline. */
  banner?: string;
  /** The file, relative to its library folder. */
  file: string;
}

export interface Article extends ArticleSummary {
  /** Markdown body, NFC. */
  body: string;
  headings: Heading[];
  /**
   * Every image source the body or front matter uses, mapped to its asset path when the image is available
   * offline, or to null when it is not (the reader shows a placeholder with the alt text).
   */
  images: Record<string, string | null>;
  /** Slugs that `/blog/<slug>` links point to and that exist in the library. */
  knownLinks: string[];
  /** Previous and next lecture (by date) sharing the first tag. */
  previous?: { slug: string; title: string };
  next?: { slug: string; title: string };
}

export interface TagCount {
  tag: string;
  count: number;
}

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path relative to the library folder. */
  file: string;
  line?: number;
  severity: Severity;
  message: string;
}

export interface LibraryOverview {
  name: string;
  articles: ArticleSummary[];
  tags: TagCount[];
  counts: { articles: number; published: number; drafts: number; problems: number };
  /** Library folders that cannot be read any more (deleted, renamed, unplugged). */
  missingFolders: string[];
}

export interface SearchRequest {
  q: string;
  /** Only lectures carrying every one of these tags. */
  tags?: string[];
  limit?: number;
  includeDrafts?: boolean;
}

export interface SearchHit {
  slug: string;
  title: string;
  score: number;
  section: { id: string; title: string };
  /** Text around the match, HTML-escaped, matched words wrapped in `<mark>…</mark>`. */
  snippet: string;
}

export interface SearchResponse {
  results: SearchHit[];
  tookMs: number;
  /** A corrected query built from the library's own words, when some word of the query matched nothing. */
  didYouMean?: string;
}

/** How much of the library can be read without the network. */
export interface OfflineStatus {
  /** Distinct images the published lectures use. */
  images: number;
  /** Of those, how many are in a library folder or the cache. */
  available: number;
  cacheEntries: number;
  cacheBytes: number;
}

export interface LectureApi {
  getLibrary(options?: { includeDrafts?: boolean }): Promise<LibraryOverview>;
  getArticle(slug: string, options?: { includeDrafts?: boolean }): Promise<Article | null>;
  search(request: SearchRequest): Promise<SearchResponse>;
  getProblems(): Promise<Problem[]>;
  getOfflineStatus(): Promise<OfflineStatus>;
  /** URL the reader can load an asset path from. Pure: no round trip. */
  assetUrl(assetPath: string): string;
  /** Calls `listener` whenever the library changes on disk; returns the unsubscribe function. Desktop app only. */
  onLibraryChanged?(listener: () => void): () => void;
}

/** URL path of an asset, as the HTTP server and the desktop protocol both serve it. */
export function assetRoute(assetPath: string): string {
  return `/assets/${assetPath.split('/').map(encodeURIComponent).join('/')}`;
}
