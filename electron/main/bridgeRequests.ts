/**
 * What the renderer may ask of the main process over IPC. The renderer is untrusted: every argument is
 * checked for type and size before the library or the classroom server sees it, and anything unexpected
 * is refused.
 */
import {
  boundEpubSelection,
  boundSearchRequest,
  EPUB_BOUNDS,
  SEARCH_BOUNDS,
  type ClassroomSharingApi,
  type LectureApi,
  type LibrariesApi,
  type SharingRequest,
} from '../../core/common/api.js';
import type { BridgeMethod, LectureBridge } from '../../core/common/bridge.js';
import { InvalidReadingData, parseReadingData, type ReadingStore } from '../../core/common/readingData.js';
import type { LectureService } from '../../core/service/lectureService.js';

export class InvalidRequest extends Error {}

function options(value: unknown): { includeDrafts?: boolean } {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidRequest('options must be an object');
  const { includeDrafts } = value as { includeDrafts?: unknown };
  if (includeDrafts !== undefined && typeof includeDrafts !== 'boolean') throw new InvalidRequest('includeDrafts must be a boolean');
  return { includeDrafts: includeDrafts as boolean | undefined };
}

function text(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string') throw new InvalidRequest(`${name} must be text`);
  return value.slice(0, max);
}

function record(value: unknown, name: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InvalidRequest(`${name} must be an object`);
  return value as Record<string, unknown>;
}

function names(value: unknown, name: string, max: number): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > max) throw new InvalidRequest(`${name} must be a list of at most ${max}`);
  return value.map((item) => text(item, name, EPUB_BOUNDS.nameChars));
}

/** Checked arguments for each bridge method. */
export const validateArguments: { [K in BridgeMethod]: (args: unknown[]) => Parameters<LectureBridge[K]> } = {
  getLibrary: ([value]) => [options(value)],
  getLecture: ([slug, value]) => [text(slug, 'slug', 300), options(value)],
  getProblems: () => [],
  getOfflineStatus: () => [],
  getGlossary: ([value]) => [options(value)],
  search: ([value]) => {
    const request = record(value, 'search request');
    const tags = request.tags ?? [];
    if (!Array.isArray(tags) || tags.length > SEARCH_BOUNDS.tags) throw new InvalidRequest('tags must be a short list');
    const limit = request.limit ?? SEARCH_BOUNDS.defaultResults;
    if (typeof limit !== 'number' || !Number.isFinite(limit)) throw new InvalidRequest('limit must be a number');
    const checked = boundSearchRequest({
      q: text(request.q, 'q', SEARCH_BOUNDS.queryChars),
      tags: tags.map((tag) => text(tag, 'tag', SEARCH_BOUNDS.tagChars)),
      limit,
      includeDrafts: options({ includeDrafts: request.includeDrafts }).includeDrafts,
    });
    return [checked];
  },
  saveEpub: ([value]) => {
    const selection = record(value ?? {}, 'e-book selection');
    return [
      boundEpubSelection({ tags: names(selection.tags, 'tags', EPUB_BOUNDS.tags), lectures: names(selection.lectures, 'lectures', EPUB_BOUNDS.lectures) }),
    ];
  },
  getSharing: () => [],
  stopSharing: () => [],
  startSharing: ([value]) => {
    const request = record(value, 'sharing request');
    const port = request.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
      throw new InvalidRequest('port must be a whole number from 1 to 65535');
    const checked: SharingRequest = { host: text(request.host, 'host', 64), port };
    return [checked];
  },
  listLibraries: () => [],
  getLibrarySync: () => [],
  cancelLibrarySync: () => [],
  // An address longer than this is no GitHub address; ids are library folders, matched against the list.
  addGitHubLibrary: ([address]) => [text(address, 'address', 500)],
  updateLibrary: ([id]) => [text(id, 'library id', 4096)],
  removeLibrary: ([id]) => [text(id, 'library id', 4096)],
  makeLibraryOffline: ([id]) => [text(id, 'library id', 4096)],
  loadReadingData: () => [],
  saveReadingData: ([data]) => {
    try {
      return [parseReadingData(data)];
    } catch (error) {
      if (error instanceof InvalidReadingData) throw new InvalidRequest(error.message);
      throw error;
    }
  },
};

/** The objects behind the bridge in the main process. */
export interface BridgeTargets {
  library: LectureService;
  sharing: ClassroomSharingApi;
  /** The teacher's libraries (absent: those methods are refused). */
  libraries?: LibrariesApi;
  /** The student's reading data file (absent: those methods are refused). */
  readingData?: ReadingStore;
  /** Saving an e-book: a save dialog, then the file (absent: refused). */
  epub?: Required<Pick<LectureApi, 'saveEpub'>>;
}

const SHARING_METHODS = new Set<BridgeMethod>(['getSharing', 'startSharing', 'stopSharing']);
const READING_METHODS: Partial<Record<BridgeMethod, keyof ReadingStore>> = { loadReadingData: 'load', saveReadingData: 'save' };
const LIBRARIES_METHODS = new Set<BridgeMethod>([
  'listLibraries',
  'addGitHubLibrary',
  'getLibrarySync',
  'cancelLibrarySync',
  'updateLibrary',
  'removeLibrary',
  'makeLibraryOffline',
]);

/** Validates a call from the renderer and runs it on the library or the classroom server. */
export function callBridge(targets: BridgeTargets, method: BridgeMethod, args: unknown[]): Promise<unknown> {
  if (!Object.hasOwn(validateArguments, method)) throw new InvalidRequest('unknown method');
  const checked = validateArguments[method](args) as unknown[];
  if (LIBRARIES_METHODS.has(method) && !targets.libraries) throw new InvalidRequest('libraries are not available');
  if (method === 'saveEpub') {
    if (!targets.epub) throw new InvalidRequest('saving an e-book is not available');
    return targets.epub.saveEpub(...(checked as Parameters<LectureBridge['saveEpub']>));
  }
  const readingMethod = READING_METHODS[method];
  if (readingMethod) {
    if (!targets.readingData) throw new InvalidRequest('reading data is not available');
    return (targets.readingData[readingMethod] as (...a: unknown[]) => Promise<unknown>).apply(targets.readingData, checked);
  }
  const target = SHARING_METHODS.has(method) ? targets.sharing : LIBRARIES_METHODS.has(method) ? targets.libraries! : targets.library;
  return Promise.resolve((target[method as keyof typeof target] as (...a: unknown[]) => unknown).apply(target, checked));
}
