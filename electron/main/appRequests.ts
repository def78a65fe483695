/**
 * What the desktop app's `app://reader/…` protocol answers, decided without Electron so it can be tested under
 * plain Node: built reader files from the renderer folder, lecture images through the library's image locator,
 * and the reader's index.html for anything else. Nothing outside those two places is ever named.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { lectureSiteRedirect } from '../../core/common/lectureAddress.js';
import { ASSET_CSP, COMMON_HEADERS, IMAGE_TYPES, READER_CSP } from '../../core/common/securityPolicy.js';

/** Finds the file behind an asset path (LectureService.asset). */
export type AssetLookup = (root: string, relative: string) => Promise<{ file: string; type: string } | null>;

export const APP_ORIGIN = 'app://reader';

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  ...IMAGE_TYPES,
};

export type AppResponse = { status: 200; file: string; headers: Record<string, string> } | { status: 302 | 400 | 404; headers: Record<string, string> };

export async function resolveAppRequest(url: string, rendererDir: string, assets: AssetLookup): Promise<AppResponse> {
  const notFound = (status: 400 | 404 = 404): AppResponse => ({ status, headers: { ...COMMON_HEADERS } });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return notFound(400);
  }
  if (parsed.origin !== APP_ORIGIN && `${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return notFound();
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return notFound(400);
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return notFound(400);

  // Electron resolves no relative redirect: the target is made absolute here.
  const siteAddress = lectureSiteRedirect(parsed.pathname);
  if (siteAddress) return { status: 302, headers: { ...COMMON_HEADERS, location: new URL(siteAddress, parsed).href } };

  const asset = /^\/assets\/([^/]+)\/(.+)$/.exec(pathname);
  if (asset) {
    const found = await assets(asset[1], asset[2]);
    return found ? { status: 200, file: found.file, headers: { ...COMMON_HEADERS, 'content-type': found.type, 'content-security-policy': ASSET_CSP } } : notFound();
  }

  const relative = pathname.replace(/^\/+/, '');
  const file = relative ? insideFolder(rendererDir, relative) : null;
  if (file) {
    const type = STATIC_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = { ...COMMON_HEADERS, 'content-type': type };
    if (type.startsWith('text/html')) headers['content-security-policy'] = READER_CSP;
    return { status: 200, file, headers };
  }
  if (path.extname(relative)) return notFound();
  // An app route: the reader itself.
  return { status: 200, file: path.join(rendererDir, 'index.html'), headers: { ...COMMON_HEADERS, 'content-type': STATIC_TYPES['.html'], 'content-security-policy': READER_CSP } };
}

/** `relative` inside `folder` when it is a regular, non-hidden file that really lies inside it (symlinks resolved). */
function insideFolder(folder: string, relative: string): string | null {
  const normalized = path.posix.normalize(relative);
  if (path.posix.isAbsolute(normalized) || normalized.split('/').some((segment) => segment.startsWith('.'))) return null;
  try {
    const base = realpathSync(folder);
    const real = realpathSync(path.join(base, normalized));
    return real.startsWith(base + path.sep) && statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}
