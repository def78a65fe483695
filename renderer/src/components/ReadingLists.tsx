import type { LectureSummary } from '../../../core/common/api.js';
import type { Strings } from '../i18n.js';
import { recentSlugs } from '../reading/progress.js';
import { useReading } from '../reading/ReadingContext.js';
import { LectureLink } from './LectureLink.js';

const RECENT = 5;

/** The sidebar's "Ghi chú của tôi", "Gần đây" and "Đã đánh dấu". */
export function ReadingLists({
  articles,
  strings,
  notesOpen,
  onOpenLecture,
  onNavigate,
}: {
  articles: LectureSummary[];
  strings: Strings;
  notesOpen: boolean;
  onOpenLecture: (slug: string) => void;
  /** The notes link was followed (the phone drawer closes). */
  onNavigate: () => void;
}) {
  const { data } = useReading();
  const titles = new Map(articles.map((article) => [article.slug, article.title]));
  const recent = recentSlugs(data, RECENT, (slug) => titles.has(slug));
  const bookmarked = data.bookmarks.filter((slug) => titles.has(slug));
  const list = (id: string, heading: string, slugs: string[]) =>
    slugs.length > 0 && (
      <section aria-labelledby={id}>
        <h3 id={id}>{heading}</h3>
        <ul className="highlight-list">
          {slugs.map((slug) => (
            <li key={slug}>
              <LectureLink slug={slug} onOpen={onOpenLecture}>
                {titles.get(slug)}
              </LectureLink>
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <>
      <p className="notes-link">
        <a href="#/notes" aria-current={notesOpen ? 'page' : undefined} onClick={onNavigate}>
          ✎ {strings.myNotes} <span className="tag-count">{data.highlights.length}</span>
        </a>
      </p>
      {list('recent-heading', strings.recent, recent)}
      {list('bookmarks-heading', strings.bookmarks, bookmarked)}
    </>
  );
}
