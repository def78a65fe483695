/**
 * `cli export`: the published library as a folder any static web server hosts unchanged, under any sub-path — the
 * built reader (an installable offline web app), one JSON file per answer of the HTTP API, the search index for the
 * core engine in the browser, images and their small copies. Layout: core/common/staticSite.ts.
 */
import { STATIC_FILES, type ExportManifest } from '../../common/staticSite.js';
import { buildEpub } from '../epub/buildEpub.js';
import type { ExportFile } from './exportFiles.js';
import { LectureService } from '../../service/lectureService.js';
import { libraryFiles } from './libraryFiles.js';
import { readerFiles } from './readerFiles.js';
import { writeExport, type WriteStats } from './writeExport.js';
import { fitsOneBook } from '../../common/api.js';

/**
 * The whole library's e-book, for students whose browser cannot keep an offline copy (a plain-HTTP address). Dated
 * by the newest lecture, so an unchanged library gives the same bytes.
 */
async function bookFile(service: LectureService, articles: readonly { date?: string }[]): Promise<ExportFile> {
  const newest = articles
    .map((article) => article.date ?? '')
    .sort()
    .pop();
  const book = await buildEpub(service, {}, newest ? new Date(`${newest}T00:00:00Z`) : new Date(0));
  return { path: STATIC_FILES.book, group: 'book', data: book.bytes };
}

export interface ExportOptions {
  folders: string[];
  outDir: string;
  /** Where parsed lectures, downloaded images and thumbnails are kept between runs. */
  cacheDir: string;
  /** The built reader (dist/renderer). */
  rendererDir: string;
  /** The app's icon (build/icon.png): the web app's icons are made from it. */
  iconFile: string;
}

export async function exportSite(options: ExportOptions): Promise<{ manifest: ExportManifest; stats: WriteStats; lectures: number }> {
  const service = await LectureService.open(options.folders, { cacheDir: options.cacheDir, withoutSearch: true });
  try {
    const { name, articles } = await service.getLibrary();
    const files = [...(await readerFiles(options.rendererDir, options.iconFile, name)), ...(await libraryFiles(service))];
    // A library bigger than one book gets none: the reader offers the e-book only where it exists.
    if (fitsOneBook(articles.length)) files.push(await bookFile(service, articles));
    return { ...(await writeExport(options.outDir, name, files)), lectures: articles.length };
  } finally {
    await service.close();
  }
}
