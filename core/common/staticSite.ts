/**
 * The layout of a static export (`cli export`): which file holds which answer of the HTTP API, written once for the
 * exporter that writes them and the reader that reads them back by relative URL. Every path is relative to the
 * export's folder (where index.html is), so the export works under any sub-path of any static web server.
 */
import type { ImageWidth } from './imageSizes.js';
import { IMAGE_CONTENT_TYPES, imageTypeOf } from './imageTypes.js';
import { assetRoute, ASSETS_PREFIX, sizedImageRoute, THUMBNAILS_PREFIX } from './routes.js';

/** The meta tag the exporter puts in index.html: the reader reads its answers from files, not from a server. */
export const STATIC_EXPORT_META = 'lecture-reader-export';

/** The export's own record: every file with its hash and size (what re-exports and offline copies compare). */
export const EXPORT_MANIFEST = 'export.json';
export const EXPORT_FORMAT = 'lecture-reader-export-1';
export const WEB_APP_MANIFEST = 'manifest.webmanifest';
export const SERVICE_WORKER = 'sw.js';

export const STATIC_FILES = {
  library: 'api/library.json',
  glossary: 'api/glossary.json',
  problems: 'api/problems.json',
  offline: 'api/offline.json',
  /** The search engine's saved state (SearchEngine.save) and the documents it snippets from. */
  searchIndex: 'search/index.bin',
  searchDocuments: 'search/documents.json',
  /** The whole library's e-book (core/export/epub), for a student whose browser cannot keep an offline copy. */
  book: 'api/library.epub',
} as const;

/**
 * What a file is for: the offline copy saves groups, the student choosing full images or their small copies; the
 * e-book (`book`) is a download only, never part of the offline copy (it repeats the lectures and images).
 */
export type ExportGroup = 'reader' | 'data' | 'lecture' | 'search' | 'image' | 'thumbnail' | 'book';

export interface ExportedFile {
  /** Content hash (hex, shortened): equal hashes mean equal files. */
  hash: string;
  bytes: number;
  group: ExportGroup;
}

export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  /** Changes whenever any file changes: the offline copy's version. */
  version: string;
  name: string;
  files: Record<string, ExportedFile>;
}

const LECTURES_DIR = 'api/articles/';

/** The file of one lecture's detail. */
export function staticLecturePath(slug: string): string {
  return `${LECTURES_DIR}${encodeURIComponent(slug.toLowerCase())}.json`;
}

/** The slug a lecture file holds, or null for any other file. */
export function slugOfStaticPath(file: string): string | null {
  return file.startsWith(LECTURES_DIR) && file.endsWith('.json') ? decodeURIComponent(file.slice(LECTURES_DIR.length, -'.json'.length)) : null;
}

/**
 * An export holds each image and one smaller copy (of the server's widths, core/common/imageSizes.ts): enough for a
 * list banner on a sharp screen and for reading on a phone from the lighter offline copy; wider needs get the image.
 */
export const SMALL_COPY_WIDTH: ImageWidth = 640;

/**
 * An SVG is exported drawn as a PNG, under its name plus `.png`: a static host serves files as their names say, and
 * nothing there sandboxes an SVG opened on its own (a document that can run script on the export's origin).
 */
const exportedSuffix = (assetPath: string) => (imageTypeOf(assetPath) === IMAGE_CONTENT_TYPES.svg ? '.png' : '');

/** Relative URL of an image (and of its small copy), as the server's routes without their leading slash. */
export const staticAssetPath = (assetPath: string) => assetRoute(assetPath).slice(1) + exportedSuffix(assetPath);
export const staticThumbnailPath = (assetPath: string) => sizedImageRoute(assetPath, SMALL_COPY_WIDTH).slice(1) + exportedSuffix(assetPath);
const FULL_IMAGES = ASSETS_PREFIX.slice(1);
const SMALL_IMAGES = `${THUMBNAILS_PREFIX.slice(1)}${SMALL_COPY_WIDTH}/`;

/**
 * The cache an export's offline copy lives in, one per export: `scope` is the export's folder as an absolute URL (its
 * service worker's scope), since two exports on one origin (`https://x.github.io/a/` and `/b/`) share its caches.
 */
export const offlineCacheName = (scope: string) => `lecture-reader-offline ${scope}`;

/** The service worker's URL, carrying its settings (renderer/public/sw.js reads them back), for the export at `scope`. */
export function serviceWorkerUrl(scope: string): string {
  const settings = new URLSearchParams({ manifest: EXPORT_MANIFEST, full: FULL_IMAGES, small: SMALL_IMAGES, cache: offlineCacheName(scope) });
  return `${SERVICE_WORKER}?${settings}`;
}
