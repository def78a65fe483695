import { useEffect, useMemo, useRef, useState } from 'react';
import type { LectureSummary } from '../../../core/common/api.js';
import { formatVietnameseDate } from '../../../core/common/dates.js';
import { api } from '../api/index.js';
import type { Strings } from '../i18n.js';
import { LectureLink } from './LectureLink.js';
import { ReadingMark } from './ReadingMark.js';
import { progressState, type ProgressState } from '../reading/progress.js';
import { useReading } from '../reading/ReadingContext.js';
import { useTagLabel } from '../tagLabels.js';

interface LectureListProps {
  articles: LectureSummary[];
  strings: Strings;
  selectedTags: string[];
  onOpen: (slug: string) => void;
  onToggleTag: (tag: string) => void;
}

/**
 * Cards rendered at first, and added each time the reader nears the end of those: a list of thousands paints its
 * first screen at once, and filtering or sorting re-renders only what is on screen.
 */
const CARDS_PER_STEP = 60;
const titleOrder = new Intl.Collator('vi');

export function LectureList({ articles, strings, selectedTags, onOpen, onToggleTag }: LectureListProps) {
  const [sort, setSort] = useState<'newest' | 'title'>('newest');
  const [progressFilter, setProgressFilter] = useState<ProgressState | 'all'>('all');
  const { progress } = useReading().data;
  const tagLabel = useTagLabel();
  const shown = useMemo(() => {
    // Several tags combine as OR: every tag added shows more lectures, never an empty list by accident.
    const tagged = selectedTags.length ? articles.filter((article) => selectedTags.some((tag) => article.tags.includes(tag))) : articles;
    const filtered = progressFilter === 'all' ? tagged : tagged.filter((article) => progressState(progress[article.slug]) === progressFilter);
    return sort === 'title' ? [...filtered].sort((a, b) => titleOrder.compare(a.title, b.title)) : filtered;
  }, [articles, selectedTags, sort, progressFilter, progress]);
  // Counted per list: another filter or sort starts again from the first cards, in the same render.
  const [grown, setGrown] = useState({ list: shown, count: CARDS_PER_STEP });
  const rendered = grown.list === shown ? grown.count : CARDS_PER_STEP;
  const more = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!more.current) return;
    // Well before the end comes into view (scrolling, or Tab moving focus down the list), the next cards are added.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setGrown({ list: shown, count: rendered + CARDS_PER_STEP });
      },
      { rootMargin: '1500px 0px' },
    );
    observer.observe(more.current);
    return () => observer.disconnect();
  }, [rendered, shown]);

  return (
    <section className="article-list" aria-labelledby="list-heading">
      <div className="list-head">
        <h1 id="list-heading">{selectedTags.length ? selectedTags.map(tagLabel).join(` ${strings.or} `) : strings.allLectures}</h1>
        <label className="progress-filter">
          {strings.progressFilter}{' '}
          <select value={progressFilter} onChange={(event) => setProgressFilter(event.target.value as ProgressState | 'all')}>
            <option value="all">{strings.progressAll}</option>
            <option value="unread">{strings.progressUnread}</option>
            <option value="reading">{strings.progressReading}</option>
            <option value="finished">{strings.progressFinished}</option>
          </select>
        </label>
        <label className="sort">
          {strings.sortBy}{' '}
          <select value={sort} onChange={(event) => setSort(event.target.value as 'newest' | 'title')}>
            <option value="newest">{strings.sortNewest}</option>
            <option value="title">{strings.sortTitle}</option>
          </select>
        </label>
      </div>
      <p className="list-count" role="status">
        {strings.lectures(shown.length)}
      </p>
      {shown.length === 0 && <p className="empty">{strings.empty}</p>}
      <ul className="cards">
        {shown.slice(0, rendered).map((article) => (
          <li key={article.slug} className="card">
            {article.banner ? (
              <img className="card-banner" src={api.thumbnailUrl(article.banner)} alt="" loading="lazy" />
            ) : (
              <div className="card-banner placeholder" aria-hidden="true">
                {article.title.slice(0, 1)}
              </div>
            )}
            <div className="card-body">
              <h2>
                <LectureLink slug={article.slug} onOpen={onOpen}>
                  {article.title}
                </LectureLink>
              </h2>
              <p className="meta">
                {article.date && <time dateTime={article.date}>{formatVietnameseDate(article.date)}</time>}
                {!article.published && <span className="draft-badge">{strings.draft}</span>}
                {article.highlight && (
                  <span className="star" aria-label={strings.highlights}>
                    ★
                  </span>
                )}
                <ReadingMark slug={article.slug} strings={strings} />
              </p>
              {article.description && <p className="description">{article.description}</p>}
              <p className="tags">
                {article.tags.map((tag) => (
                  <button key={tag} type="button" className="tag" aria-pressed={selectedTags.includes(tag)} onClick={() => onToggleTag(tag)}>
                    {tagLabel(tag)}
                  </button>
                ))}
              </p>
            </div>
          </li>
        ))}
        {rendered < shown.length && <li ref={more} className="cards-more" aria-hidden="true" />}
      </ul>
    </section>
  );
}
