/**
 * What a request for the reader gets, through either door: the HTTP server and the desktop app's `app://reader`
 * protocol. A lecture image by its asset route; a built file of the reader from its folder; for an app route
 * (a path whose last part has no dot, outside the API and the assets), the reader's index.html. Every answer carries the
 * security headers; pages carry the reader's content security policy, images one that lets them run nothing.
 * Nothing outside the reader's folder and the library (as `LectureService.asset` resolves it) is ever named.
 */
import path from 'node:path';
import { lectureSiteRedirect } from '../common/lectureAddress.js';
import type { ImageWidth } from '../common/imageSizes.js';
import { API_PREFIX, assetOfRoute, IMAGE_PREFIXES } from '../common/routes.js';
import { IMAGE_TYPES } from '../common/imageTypes.js';
import { ASSET_CSP, COMMON_HEADERS, READER_CSP } from '../common/securityPolicy.js';
import { fileInsideFolder } from '../node/insideFolder.js';

/** Finds the file behind an asset path, given its root and the rest, or its copy at most `width` wide (LectureService.asset). */
export type AssetLookup = (root: string, relative: string, width: ImageWidth | null) => Promise<{ file: string; type: string } | null>;

export type ReaderAnswer =
  | { status: 200; file: string; headers: Record<string, string> }
  | { status: 302; location: string; headers: Record<string, string> }
  | { status: 400 | 404; headers: Record<string, string> };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  ...IMAGE_TYPES,
};

/** A request refused: 400 for a malformed one, 404 for what is not there (or not to be named). */
export function refused(status: 400 | 404): ReaderAnswer {
  return { status, headers: { ...COMMON_HEADERS } };
}

/** The answer for `pathname`, still percent-encoded as in the URL. */
export async function answerReaderRequest(pathname: string, rendererDir: string, assets: AssetLookup): Promise<ReaderAnswer> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return refused(400);
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return refused(400);

  // The lecture site's `/blog/<slug>` address: to the reader's page, relative (see common/lectureAddress.ts).
  const siteAddress = lectureSiteRedirect(pathname);
  if (siteAddress) return { status: 302, location: siteAddress, headers: { ...COMMON_HEADERS, 'cache-control': 'no-cache' } };

  const asset = assetOfRoute(decoded);
  if (asset) {
    const found = await assets(asset.root, asset.relative, asset.width);
    return found
      ? { status: 200, file: found.file, headers: { ...COMMON_HEADERS, 'content-type': found.type, 'content-security-policy': ASSET_CSP } }
      : refused(404);
  }

  const relative = decoded.replace(/^\/+/, '');
  const file = relative ? fileInsideFolder(rendererDir, relative) : null;
  if (file) return { status: 200, file, headers: readerFileHeaders(file) };
  // A file name (`app.js`, `.env`) that is not there, or an unknown API or asset path: not the reader.
  if (path.posix.basename(relative).includes('.') || decoded.startsWith(API_PREFIX) || IMAGE_PREFIXES.some((prefix) => decoded.startsWith(prefix)))
    return refused(404);
  // An app route: the reader itself.
  const index = path.join(rendererDir, 'index.html');
  return { status: 200, file: index, headers: readerFileHeaders(index) };
}

function readerFileHeaders(file: string): Record<string, string> {
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = { ...COMMON_HEADERS, 'content-type': type };
  if (type.startsWith('text/html')) headers['content-security-policy'] = READER_CSP;
  return headers;
}
