import { FINISHED_AT, type LectureProgress, type ReadingData } from '../../../core/common/readingData.js';

export type ProgressState = 'unread' | 'reading' | 'finished';

export function progressState(progress: LectureProgress | undefined): ProgressState {
  if (!progress || progress.furthest < 0.01) return 'unread';
  return progress.furthest >= FINISHED_AT ? 'finished' : 'reading';
}

/** Lectures by when they were last opened, newest first. */
export function recentSlugs(data: ReadingData, count: number, keep: (slug: string) => boolean = () => true): string[] {
  return Object.entries(data.progress)
    .filter(([slug]) => keep(slug))
    .sort(([, a], [, b]) => b.lastOpened.localeCompare(a.lastOpened))
    .slice(0, count)
    .map(([slug]) => slug);
}
