/**
 * The answers whose local details a client never sees (where the library folders are on this machine): shared by the
 * HTTP server and the static export, which must answer the same.
 */
import path from 'node:path';
import type { LibraryOverview, Problem } from '../common/api.js';
import type { LectureService } from '../service/lectureService.js';

/** A library folder's path as clients see it: its name only; where it is on this machine stays here. */
function hideFolders(text: string, roots: readonly string[]): string {
  return [...roots].sort((a, b) => b.length - a.length).reduce((shown, root) => shown.split(root).join(path.basename(root)), text);
}

export async function publicLibrary(service: LectureService, includeDrafts: boolean): Promise<LibraryOverview> {
  const overview = await service.getLibrary({ includeDrafts });
  const roots = service.library.roots;
  return { ...overview, missingFolders: overview.missingFolders.map((folder) => hideFolders(folder, roots)) };
}

export async function publicProblems(service: LectureService): Promise<Problem[]> {
  const roots = service.library.roots;
  return (await service.getProblems()).map((problem) => ({
    ...problem,
    file: hideFolders(problem.file, roots),
    message: hideFolders(problem.message, roots),
  }));
}
