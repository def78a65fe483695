/**
 * The HTTP server's paths and query strings, written once for the server that routes them and the client that
 * builds them. Asset routes are also what the desktop app's `app://reader` protocol answers.
 */
import { boundEpubSelection, boundSearchRequest, type EpubSelection, type SearchRequest } from './api.js';
import { isImageWidth, type ImageWidth } from './imageSizes.js';

export const ROUTES = {
  library: '/api/library',
  lecture: '/api/articles/:slug',
  search: '/api/search',
  problems: '/api/problems',
  version: '/api/version',
  offline: '/api/offline',
  glossary: '/api/glossary',
  epub: '/api/epub',
} as const;

/** Paths under these prefixes are never the reader's app routes (an unknown one is a 404, not the reader). */
export const API_PREFIX = '/api/';
export const ASSETS_PREFIX = '/assets/';
/** A lecture image's smaller copy (core/cache/thumbnails.ts): `/thumbnails/<width>/<asset path>`, width from imageSizes.ts. */
export const THUMBNAILS_PREFIX = '/thumbnails/';
/** Both kinds of image route: an unknown one is a 404, and images may be kept by browsers a while. */
export const IMAGE_PREFIXES = [ASSETS_PREFIX, THUMBNAILS_PREFIX];

/** A query string's parameters as the server receives them. */
export type QueryParameters = Record<string, string | string[] | undefined>;

const DRAFTS = 'drafts';

function withQuery(path: string, parameters: URLSearchParams): string {
  const query = parameters.toString();
  return query ? `${path}?${query}` : path;
}

function draftsParameter(includeDrafts: boolean | undefined): URLSearchParams {
  return new URLSearchParams(includeDrafts ? { [DRAFTS]: '1' } : {});
}

/** The drafts flag of a request (`?drafts=1`). */
export function includesDrafts(query: QueryParameters): boolean {
  const value = first(query[DRAFTS]);
  return value === '1' || value === 'true';
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function libraryPath(options: { includeDrafts?: boolean } = {}): string {
  return withQuery(ROUTES.library, draftsParameter(options.includeDrafts));
}

export function glossaryPath(options: { includeDrafts?: boolean } = {}): string {
  return withQuery(ROUTES.glossary, draftsParameter(options.includeDrafts));
}

export function lecturePath(slug: string, options: { includeDrafts?: boolean } = {}): string {
  return withQuery(ROUTES.lecture.replace(':slug', encodeURIComponent(slug)), draftsParameter(options.includeDrafts));
}

export function searchPath(request: SearchRequest): string {
  const parameters = draftsParameter(request.includeDrafts);
  parameters.set('q', request.q);
  for (const tag of request.tags ?? []) parameters.append('tag', tag);
  if (request.limit !== undefined) parameters.set('limit', String(request.limit));
  return withQuery(ROUTES.search, parameters);
}

/** The search request a query string asks for, cut to the contract's bounds. */
export function searchRequestOf(query: QueryParameters): ReturnType<typeof boundSearchRequest> {
  const tags = all(query.tag);
  const limit = first(query.limit);
  return boundSearchRequest({ q: first(query.q) ?? '', tags, limit: limit === undefined ? undefined : Number(limit), includeDrafts: includesDrafts(query) });
}

/** The e-book download of a selection: `?tag=…&lecture=…`, neither for the whole library. */
export function epubPath(selection: EpubSelection): string {
  const parameters = new URLSearchParams();
  for (const tag of selection.tags ?? []) parameters.append('tag', tag);
  for (const lecture of selection.lectures ?? []) parameters.append('lecture', lecture);
  return withQuery(ROUTES.epub, parameters);
}

/** The e-book selection a query string asks for, cut to the contract's bounds. */
export function epubSelectionOf(query: QueryParameters): ReturnType<typeof boundEpubSelection> {
  return boundEpubSelection({ tags: all(query.tag), lectures: all(query.lecture) });
}

/** URL path of an asset, as the HTTP server and the desktop protocol both serve it. */
export function assetRoute(assetPath: string, prefix = ASSETS_PREFIX): string {
  return prefix + assetPath.split('/').map(encodeURIComponent).join('/');
}

/** URL path of an asset's copy at most `width` pixels wide. */
export function sizedImageRoute(assetPath: string, width: ImageWidth): string {
  return assetRoute(assetPath, `${THUMBNAILS_PREFIX}${width}/`);
}

/**
 * The asset path a decoded URL path names, split at its root (`0/img/a.png` → `0`, `img/a.png`), and the width of
 * the copy asked for (null: the image itself); or null, also for a width that is not one of IMAGE_WIDTHS.
 */
export function assetOfRoute(pathname: string): { root: string; relative: string; width: ImageWidth | null } | null {
  const prefix = IMAGE_PREFIXES.find((candidate) => pathname.startsWith(candidate));
  if (!prefix) return null;
  let rest = pathname.slice(prefix.length);
  let width: ImageWidth | null = null;
  if (prefix === THUMBNAILS_PREFIX) {
    const [asked] = rest.split('/', 1);
    if (!/^\d+$/.test(asked) || !isImageWidth(Number(asked))) return null;
    width = Number(asked) as ImageWidth;
    rest = rest.slice(asked.length + 1);
  }
  const slash = rest.indexOf('/');
  return slash > 0 && slash < rest.length - 1 ? { root: rest.slice(0, slash), relative: rest.slice(slash + 1), width } : null;
}
