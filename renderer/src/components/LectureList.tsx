import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { LectureSummary } from '../../../core/common/api.js';
import { formatVietnameseDate } from '../../../core/common/dates.js';
import { imageSrcSet, LIST_BANNER_SIZES } from '../api/imageSizes.js';
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
 * The list is virtualized: only the cards on screen (and a few either side) are on the page, so a library of
 * thousands paints its first screen at once and a filter or sort re-renders a screenful. Cards differ in height
 * (descriptions, tags), so each is measured as it is shown; the estimate only places cards not yet seen.
 */
const ESTIMATED_CARD_HEIGHT = 160;
const CARDS_BEYOND_SCREEN = 4;
/** Vietnamese order, numbers by value: "Bài 2" comes before "Bài 10", as a student reads a course. */
const titleOrder = new Intl.Collator('vi', { numeric: true });
/** Keys that move focus from card to card (the card's title link), whether or not the target card is on the page. */
const CARD_KEYS: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index, count) => Math.min(count - 1, index + 1),
  ArrowUp: (index) => Math.max(0, index - 1),
  Home: () => 0,
  End: (_, count) => count - 1,
};

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

  const cards = useRef<HTMLUListElement>(null);
  const layout = useListLayout(cards);
  // The card holding focus stays on the page even when scrolled away, so focus is never dropped to the page.
  const focused = useRef<number | null>(null);
  const virtualizer = useWindowVirtualizer({
    count: shown.length,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    overscan: CARDS_BEYOND_SCREEN,
    scrollMargin: layout.top,
    gap: layout.gap,
    getItemKey: (index) => shown[index].slug,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const keep = focused.current;
      return keep === null || keep >= shown.length || indexes.includes(keep) ? indexes : [...indexes, keep].sort((a, b) => a - b);
    },
  });

  // A card asked for by the keyboard gets focus once it is on the page (it may first need scrolling to).
  const [focusWanted, setFocusWanted] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (focusWanted === null) return;
    const link = cards.current?.querySelector<HTMLElement>(`[data-index="${focusWanted}"] h2 a`);
    if (!link) return;
    link.focus({ preventScroll: true });
    setFocusWanted(null);
  });
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const move = CARD_KEYS[event.key];
    const card = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!move || !card || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const target = move(Number(card.dataset.index), shown.length);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    setFocusWanted(target);
  };

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
      <ul
        ref={cards}
        className="cards"
        style={{ height: virtualizer.getTotalSize() }}
        aria-describedby={shown.length > 1 ? 'cards-keys' : undefined}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const card = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
          focused.current = card ? Number(card.dataset.index) : null;
        }}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focused.current = null;
        }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const article = shown[item.index];
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="card"
              aria-setsize={shown.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <LectureCard article={article} strings={strings} selectedTags={selectedTags} onOpen={onOpen} onToggleTag={onToggleTag} tagLabel={tagLabel} />
            </li>
          );
        })}
      </ul>
      {shown.length > 1 && (
        <p id="cards-keys" className="visually-hidden">
          {strings.listKeys}
        </p>
      )}
    </section>
  );
}

/** Where the cards start on the page and the space between them (from the style sheet), kept up to date as what is above them changes. */
function useListLayout(cards: RefObject<HTMLUListElement | null>): { top: number; gap: number } {
  const [layout, setLayout] = useState({ top: 0, gap: 0 });
  useLayoutEffect(() => {
    const list = cards.current;
    if (!list) return;
    const measure = () => {
      const top = Math.round(list.getBoundingClientRect().top + window.scrollY);
      const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
      setLayout((before) => (before.top === top && before.gap === gap ? before : { top, gap }));
    };
    measure();
    // "Đọc tiếp" arriving above the list, a font-size change, the window resized: the cards move with them.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [cards]);
  return layout;
}

function LectureCard({
  article,
  strings,
  selectedTags,
  onOpen,
  onToggleTag,
  tagLabel,
}: Omit<LectureListProps, 'articles'> & { article: LectureSummary; tagLabel: (tag: string) => string }) {
  return (
    <>
      {article.banner ? (
        <img className="card-banner" src={api.assetUrl(article.banner)} srcSet={imageSrcSet(article.banner)} sizes={LIST_BANNER_SIZES} alt="" loading="lazy" />
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
    </>
  );
}
