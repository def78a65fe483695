/**
 * The built reader, made into an installable web app: its files as Vite built them, except index.html, which gets
 * the export's marker (the reader then reads files instead of asking a server), the web app manifest, the content
 * security policy a static server will not send, and the icons (from build/icon.png).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { READER_CSP } from '../../common/securityPolicy.js';
import { STATIC_EXPORT_META, WEB_APP_MANIFEST } from '../../common/staticSite.js';
import type { ExportFile } from './exportFiles.js';

const ICONS = [192, 512];
const iconPath = (size: number) => `icons/icon-${size}.png`;

export async function readerFiles(rendererDir: string, iconFile: string, libraryName: string): Promise<ExportFile[]> {
  const index = path.join(rendererDir, 'index.html');
  const html = await readFile(index, 'utf8').catch(() => {
    throw new Error(`The reader is not built (${index} is missing). Run "npm run -s build" first.`);
  });
  const files: ExportFile[] = [];
  for (const entry of await readdir(rendererDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(rendererDir, path.join(entry.parentPath, entry.name)).split(path.sep);
    if (relative.join('/') === 'index.html') continue;
    files.push({ path: relative.map(encodeURIComponent).join('/'), group: 'reader', source: path.join(entry.parentPath, entry.name) });
  }
  files.push({ path: 'index.html', group: 'reader', data: exportedPage(html) });
  const { default: sharp } = await import('sharp');
  for (const size of ICONS) {
    files.push({ path: iconPath(size), group: 'reader', data: await sharp(iconFile).resize(size, size).png().toBuffer() });
  }
  files.push({ path: WEB_APP_MANIFEST, group: 'reader', data: JSON.stringify(webAppManifest(libraryName), null, 2) });
  return files;
}

/** A page's `<meta>` CSP cannot say who may frame it: that part is left to the web server. */
const PAGE_CSP = READER_CSP.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

function exportedPage(html: string): string {
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}" />`,
    `<meta name="${STATIC_EXPORT_META}" content="1" />`,
    `<link rel="manifest" href="${WEB_APP_MANIFEST}" />`,
    `<link rel="apple-touch-icon" href="${iconPath(192)}" />`,
    `<meta name="theme-color" content="#1f4e79" />`,
  ];
  // Right after the character set: a policy given by a <meta> covers only what comes after it.
  const charset = /<meta charset="[^"]*" \/>/i.exec(html);
  if (!charset) throw new Error('The built index.html has no <meta charset>');
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}\n    ${head.join('\n    ')}${html.slice(at)}`;
}

function webAppManifest(libraryName: string) {
  return {
    name: libraryName,
    short_name: 'Bài giảng',
    description: 'Đọc, tìm kiếm và ghi chú bài giảng AI tiếng Việt, cả khi không có mạng.',
    lang: 'vi',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f4e79',
    icons: ICONS.map((size) => ({ src: iconPath(size), sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' })),
  };
}
