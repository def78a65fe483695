/**
 * The one contract between the reader and whatever serves it. The preload bridge (Electron) and the HTTP client
 * (browser, classroom) both implement `LectureApi`; the renderer talks to nothing else.
 */
import type { ImageWidth } from './imageSizes.js';

export interface Heading {
  level: number;
  text: string;
  /** Anchor id, as the reader assigns it: the shared Markdown preset's heading-id rule (core/common/markdown). */
  id: string;
}

/**
 * One part of a lecture, from a heading to the next one of any level: what the outline announces and what search
 * indexes and answers with.
 */
export interface Section {
  /** Anchor id of the heading that opens the section; '' for the text before the first heading. */
  id: string;
  title: string;
  /** Titles of the headings this section sits under, outermost first: a subsection is about its parents' topic too. */
  parents: string[];
  /** Plain text of the section as a reader sees it: formulas as readable text, without URLs or image paths. */
  text: string;
}

export interface LectureSummary {
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

export interface LectureDetail extends LectureSummary {
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

/** `info`: a hint for the teacher (near-duplicate tags), never a fault. */
export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  /** Path relative to the library folder. */
  file: string;
  line?: number;
  severity: Severity;
  message: string;
}

export interface LibraryOverview {
  name: string;
  /** Named `articles` (like `counts.articles` and the `/api/articles/` route) because that is the published JSON of
   * `check --json` and the HTTP API; everywhere else the concept is a lecture. */
  articles: LectureSummary[];
  tags: TagCount[];
  /** Labels the library gives its tags (`dao-duc` → `Đạo đức`); a tag without one is shown as written. */
  tagLabels: Record<string, string>;
  counts: { articles: number; published: number; drafts: number; problems: number };
  /** Library folders that cannot be read any more (deleted, renamed, unplugged). */
  missingFolders: string[];
}

export interface SearchRequest {
  q: string;
  /** Only lectures carrying at least one of these tags (the sidebar combines tags with OR). */
  tags?: string[];
  limit?: number;
  includeDrafts?: boolean;
}

/** What one search request may ask for, wherever it arrives from (HTTP, IPC, the CLI). */
export const SEARCH_BOUNDS = {
  /** Longer text is cut (the engine reads at most `queryWords` of it anyway). */
  queryChars: 2000,
  /** Words of a query the engine reads: a pasted page must not turn into thousands of index look-ups. */
  queryWords: 12,
  tags: 20,
  tagChars: 100,
  defaultResults: 20,
  maxResults: 100,
} as const;

/** Results the reader's search box asks for: a screenful (the classroom benchmark asks the same). */
export const SEARCH_BOX_RESULTS = 12;

/** The request cut to SEARCH_BOUNDS: text shortened, extra tags dropped, the result count a whole number in range. */
export function boundSearchRequest(request: SearchRequest): SearchRequest & { tags: string[]; limit: number } {
  const limit = Number.isFinite(request.limit) ? Math.floor(request.limit!) : SEARCH_BOUNDS.defaultResults;
  return {
    q: request.q.slice(0, SEARCH_BOUNDS.queryChars),
    tags: (request.tags ?? []).slice(0, SEARCH_BOUNDS.tags).map((tag) => tag.slice(0, SEARCH_BOUNDS.tagChars)),
    limit: Math.min(Math.max(1, limit), SEARCH_BOUNDS.maxResults),
    includeDrafts: request.includeDrafts,
  };
}

/** A run of snippet text; `marked` runs are words that matched the query. Each front door renders them its own way. */
export interface SnippetSegment {
  text: string;
  marked: boolean;
}

export interface SearchHit {
  slug: string;
  title: string;
  /** Relevance within its exact-diacritics tier: results are ordered by tier first, then by score. */
  score: number;
  /** The best matching section: where opening the hit jumps to. */
  section: { id: string; title: string };
  /** Text around the match, plain text in segments. */
  snippet: SnippetSegment[];
  /**
   * The words of the lecture that matched, as written there (lowercase): what the reader highlights. A query
   * typed without diacritics names the accented words it really matched, not every word that folds alike.
   */
  matched: string[];
  /** The lecture's other sections that match as well as the best one, best first (at most a few). */
  otherSections: { id: string; title: string }[];
  /** How many such sections there are in all (`otherSections` may list fewer). */
  otherSectionCount: number;
  /** Holds only part of a multi-word query and scores far below the top: shown apart, as less related. */
  weak?: boolean;
  /** Found through the glossary, not the typed words: why, as "typed term = counterpart" ("ảo giác = hallucination"). */
  via?: string;
}

export interface SearchResponse {
  results: SearchHit[];
  tookMs: number;
  /** A corrected query built from the library's own words, when some word of the query matched nothing. */
  didYouMean?: string;
  /** With a tag filter: how many lectures outside it match the query. */
  outsideTags?: number;
  /**
   * Search is not ready yet ("đang lập chỉ mục…"): the library is still being read into the index, so no results
   * are given rather than results missing lectures. `done` of the `total` lectures are read so far; ask again.
   */
  indexing?: { done: number; total: number };
}

/** A place in the library: a lecture and one of its sections ('' is the text before the first heading). */
export interface GlossaryPlace {
  lecture: string;
  title: string;
  section: string;
  sectionTitle: string;
}

/** One Vietnamese⇄English term pair of the library's glossary. */
export interface GlossaryEntry {
  vi: string;
  en: string;
  /** The sentence that introduces the term; '' when the lecture gives none. */
  definition: string;
  /** Where the pair is first written. */
  introduced: GlossaryPlace;
  /** Sections (of every lecture) whose text uses either term, the introduction included. */
  uses: number;
  /** Those sections other than the introduction (the first ones, when there are many). */
  usedIn: GlossaryPlace[];
}

/**
 * Which published lectures an e-book holds: the lectures named, plus every lecture carrying one of the tags;
 * neither: the whole library. Drafts never go into a book.
 */
export interface EpubSelection {
  tags?: string[];
  lectures?: string[];
}

/** What one e-book request may ask for, wherever it arrives from (HTTP, IPC, the CLI). */
/**
 * What one e-book may ask for: names in the selection, and chapters in the book (a book is made in memory, on the
 * server a student's click makes it; a bigger library is offered by tag).
 */
export const EPUB_BOUNDS = { tags: 20, lectures: 100, nameChars: 300, chapters: 400 } as const;

/** Whether this many published lectures make one book: what the reader offers, and what an export holds. */
export const fitsOneBook = (lectures: number) => lectures > 0 && lectures <= EPUB_BOUNDS.chapters;

/** The selection cut to EPUB_BOUNDS: lists shortened, each name shortened. */
export function boundEpubSelection(selection: EpubSelection): { tags: string[]; lectures: string[] } {
  const cut = (names: string[] | undefined, max: number) => (names ?? []).slice(0, max).map((name) => name.slice(0, EPUB_BOUNDS.nameChars));
  return { tags: cut(selection.tags, EPUB_BOUNDS.tags), lectures: cut(selection.lectures, EPUB_BOUNDS.lectures) };
}

/** The desktop app's answer to "save the e-book": where it was written, or nothing when the user cancelled. */
export interface EpubSaveResult {
  file?: string;
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
  getLecture(slug: string, options?: { includeDrafts?: boolean }): Promise<LectureDetail | null>;
  search(request: SearchRequest): Promise<SearchResponse>;
  getProblems(): Promise<Problem[]>;
  getOfflineStatus(): Promise<OfflineStatus>;
  /** The Vietnamese⇄English terms the lectures introduce, A–Z by the Vietnamese term. */
  getGlossary(options?: { includeDrafts?: boolean }): Promise<GlossaryEntry[]>;
  /** URL the reader can load an asset path from. Pure: no round trip. */
  assetUrl(assetPath: string): string;
  /** URL of the asset's copy at most `width` pixels wide (the asset itself where no copy is made): see imageSizes.ts. Pure. */
  sizedImageUrl(assetPath: string, width: ImageWidth): string;
  /** Where a browser downloads the selection's e-book (a plain link). Pure. Absent in the desktop app. */
  epubUrl?(selection: EpubSelection): string | undefined;
  /** The desktop app: builds the selection's e-book and asks where to save it. */
  saveEpub?(selection: EpubSelection): Promise<EpubSaveResult>;
  /** Calls `listener` whenever the library changes on disk; returns the unsubscribe function. */
  onLibraryChanged?(listener: () => void): () => void;
  /** Sharing the library with a classroom: only the desktop app has it, never a client of the shared server. */
  sharing?: ClassroomSharingApi;
  /** The teacher's libraries (folders and GitHub downloads): only the desktop app has it. */
  libraries?: LibrariesApi;
  /** Calls `listener` when the user asks (from the app's menu) to add a GitHub library. */
  onAddLibraryRequested?(listener: () => void): () => void;
}

/** The classroom server listens on every interface: students on any network of the machine can connect. */
export const EVERY_INTERFACE_ADDRESS = '0.0.0.0';

/** A local address the classroom server can listen on. */
export interface NetworkChoice {
  /** One network of the machine, every network at once, or this machine alone (loopback). */
  kind: 'interface' | 'every' | 'this-machine';
  /** Interface name (`wlan0`, `Wi-Fi`); empty for the other kinds. */
  name: string;
  address: string;
}

/** Why sharing could not start, for the reader to say in the user's language. */
/** Why sharing is off: it could not start, or (`network-gone`) it stopped because its network left the machine. */
export type SharingErrorCode = 'port-in-use' | 'address-unavailable' | 'permission-denied' | 'failed' | 'network-gone';

export interface SharingState {
  running: boolean;
  /** The address and port asked for (kept while stopped, so the panel shows the last choice). */
  host: string;
  port: number;
  /** Addresses students open, best first (one per network when sharing on every interface). */
  urls: string[];
  /** QR code of `urls[0]`, as an SVG document (shown as an image, never as markup). */
  qrSvg?: string;
  /** Distinct devices that used the reader in the last minute (an open reader checks in every 20 s). */
  students: number;
  networks: NetworkChoice[];
  error?: { code: SharingErrorCode; message: string };
}

export interface SharingRequest {
  host: string;
  port: number;
}

/** Starts and stops the read-only classroom server. Off until the user starts it. */
export interface ClassroomSharingApi {
  getSharing(): Promise<SharingState>;
  startSharing(request: SharingRequest): Promise<SharingState>;
  stopSharing(): Promise<SharingState>;
}

/** How often an open reader asks the server whether the library changed (it also keeps a student counted). */
export const LIBRARY_POLL_MS = 20_000;

/** The library's version: it changes whenever a lecture or a folder changes on disk. */
export interface LibraryVersion {
  version: number;
}

/** One library the desktop app reads: the bundled lectures, a folder of the user's, or a GitHub download. */
export interface LibrarySource {
  /** Names the library in requests (its folder); only libraries listed here can be acted on. */
  id: string;
  kind: 'bundled' | 'folder' | 'github';
  name: string;
  /** The folder, or for GitHub the address it was downloaded from. */
  location: string;
  lectures: number;
  bytes: number;
  /** ISO time: the download for GitHub, the newest lecture file otherwise. */
  updatedAt?: string;
  /** Images the library's lectures use, and how many of them can be shown without internet. */
  images: { total: number; available: number };
}

/** Why adding or updating a GitHub library failed, for the reader to say in the user's language. */
export type LibrarySyncErrorCode = 'invalid-address' | 'not-found' | 'unreachable' | 'no-lectures' | 'too-large' | 'busy' | 'failed';

/** The GitHub download under way or last finished (one at a time). */
export interface LibrarySync {
  address: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  bytes: number;
  files: number;
  /** When done: the library's folder, now in the list, and whether it was new, updated or already up to date. */
  id?: string;
  outcome?: 'downloaded' | 'updated' | 'unchanged';
  error?: { code: LibrarySyncErrorCode; message: string };
}

/** Adds, updates and removes the teacher's libraries (desktop only). */
export interface LibrariesApi {
  listLibraries(): Promise<LibrarySource[]>;
  /** Starts downloading `OWNER/REPO`, `OWNER/REPO@branch` or a GitHub URL; follow it with getLibrarySync. */
  addGitHubLibrary(address: string): Promise<LibrarySync>;
  getLibrarySync(): Promise<LibrarySync | null>;
  cancelLibrarySync(): Promise<LibrarySync | null>;
  /** A GitHub library: checks for an update (a new sync); a folder: reads it again. */
  updateLibrary(id: string): Promise<LibrarySync | null>;
  /** A GitHub download is deleted; a folder of the user's is only forgotten, never deleted. */
  removeLibrary(id: string): Promise<LibrarySource[]>;
  /** Downloads the library's remote images for reading without internet. */
  makeLibraryOffline(id: string): Promise<LibrarySource[]>;
}
