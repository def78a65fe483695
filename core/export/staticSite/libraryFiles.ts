/**
 * The library's answers as files, exactly what the HTTP server answers a student (no drafts): the list, each lecture,
 * the glossary, the problems and the offline status; and every image the published lectures show, with its small
 * copy (core/cache/thumbnails.ts) for the list's banners and for a lighter offline copy.
 */
import { assetOfRoute, ASSETS_PREFIX } from '../../common/routes.js';
import { SMALL_COPY_WIDTH, STATIC_FILES, staticAssetPath, staticLecturePath, staticThumbnailPath } from '../../common/staticSite.js';
import { publicLibrary, publicProblems } from '../../server/publicAnswers.js';
import type { LectureService } from '../../service/lectureService.js';
import { jsonFile, type ExportFile } from './exportFiles.js';
import { searchFiles } from './searchFiles.js';
import { drawnSvg } from '../../cache/thumbnails.js';
import { IMAGE_WIDTHS } from '../../common/imageSizes.js';
import { IMAGE_CONTENT_TYPES } from '../../common/imageTypes.js';

export async function libraryFiles(service: LectureService): Promise<ExportFile[]> {
  const overview = await publicLibrary(service, false);
  const files: ExportFile[] = [
    jsonFile(STATIC_FILES.library, 'data', overview),
    jsonFile(STATIC_FILES.glossary, 'data', await service.getGlossary()),
    jsonFile(STATIC_FILES.problems, 'data', await publicProblems(service)),
    jsonFile(STATIC_FILES.offline, 'data', await service.getOfflineStatus()),
  ];
  const assets = new Set<string>();
  for (const article of overview.articles) {
    const lecture = await service.getLecture(article.slug);
    if (!lecture) continue; // deleted while the export ran
    files.push(jsonFile(staticLecturePath(lecture.slug), 'lecture', lecture));
    if (lecture.banner) assets.add(lecture.banner);
    for (const asset of Object.values(lecture.images)) if (asset) assets.add(asset);
  }
  files.push(...(await searchFiles(service.library.readable())));
  for (const asset of [...assets].sort()) files.push(...(await imageFiles(service, asset)));
  return files;
}

/** An image and its small copy, or nothing when the library no longer has it. */
async function imageFiles(service: LectureService, asset: string): Promise<ExportFile[]> {
  const route = assetOfRoute(ASSETS_PREFIX + asset);
  const image = route && (await service.asset(route.root, route.relative));
  if (!image) return [];
  if (image.type === IMAGE_CONTENT_TYPES.svg) {
    // Never the SVG itself (see staticAssetPath): drawn, once, for both places; one that cannot be drawn is left out.
    const drawn = await drawnSvg(image.file, IMAGE_WIDTHS.at(-1)!);
    return drawn
      ? [
          { path: staticAssetPath(asset), group: 'image', data: drawn },
          { path: staticThumbnailPath(asset), group: 'thumbnail', data: drawn },
        ]
      : [];
  }
  const small = (await service.asset(route.root, route.relative, SMALL_COPY_WIDTH))!;
  return [
    { path: staticAssetPath(asset), group: 'image', source: image.file },
    { path: staticThumbnailPath(asset), group: 'thumbnail', source: small.file },
  ];
}
