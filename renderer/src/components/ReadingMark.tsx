import type { Strings } from '../i18n.js';
import { progressState } from '../reading/progress.js';
import { useReading } from '../reading/ReadingContext.js';

/** "Đã đọc 40 %" or the finished mark on a lecture card; nothing for an unread lecture. */
export function ReadingMark({ slug, strings }: { slug: string; strings: Strings }) {
  const progress = useReading().data.progress[slug];
  const state = progressState(progress);
  if (state === 'unread') return null;
  if (state === 'finished') return <span className="reading-mark finished">✓ {strings.finished}</span>;
  return <span className="reading-mark">{strings.readPercent(Math.round(progress!.furthest * 100))}</span>;
}
