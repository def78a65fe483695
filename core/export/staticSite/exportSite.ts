/**
 * `cli export`: the published library as a folder any static web server hosts unchanged, under any sub-path — the
 * built reader (an installable offline web app), one JSON file per answer of the HTTP API, the search index for the
 * core engine in the browser, images and their small copies. Layout: core/common/staticSite.ts.
 */
import type { ExportManifest } from '../../common/staticSite.js';
import { LectureService } from '../../service/lectureService.js';
import { libraryFiles } from './libraryFiles.js';
import { readerFiles } from './readerFiles.js';
import { writeExport, type WriteStats } from './writeExport.js';

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
  const service = await LectureService.open(options.folders, { cacheDir: options.cacheDir });
  try {
    const { name, articles } = await service.getLibrary();
    const files = [...(await readerFiles(options.rendererDir, options.iconFile, name)), ...(await libraryFiles(service))];
    return { ...(await writeExport(options.outDir, name, files)), lectures: articles.length };
  } finally {
    await service.close();
  }
}
