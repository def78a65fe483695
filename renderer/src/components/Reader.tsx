import { useCallback, useEffect, useRef, useState } from 'react';
import type { LectureDetail, LectureSummary } from '../../../core/common/api.js';
import { formatVietnameseDate } from '../../../core/common/dates.js';
import { safeDecode } from '../../../core/common/links.js';
import { slugify } from '../../../core/common/slug.js';
import { imageSrcSet, READING_COLUMN_SIZES } from '../api/imageSizes.js';
import { api } from '../api/index.js';
import { EpubDownload } from './EpubDownload.js';
import { clearHighlights, firstRangeFrom, highlightWords, showRange } from '../highlightWords.js';
import type { Strings } from '../i18n.js';
import { MarkdownBody } from '../markdown/MarkdownBody.js';
import { useGlossaryTerms } from '../glossaryTerms.js';
import { LectureLink } from './LectureLink.js';
import { MissingLecture } from './MissingLecture.js';
import { useTagLabel } from '../tagLabels.js';
import { locate } from '../reading/anchor.js';
import { elementOf } from '../reading/paint.js';
import { useReading } from '../reading/ReadingContext.js';
import { currentTextIndex } from '../reading/textIndex.js';
import { FindBar } from './FindBar.js';
import { LectureStudy } from './LectureStudy.js';

interface ReaderProps {
  slug: string;
  /** The lecture as the list knows it: its title is shown at once, while its text is on its way. */
  summary?: LectureSummary;
  /** Heading id to scroll to once the article is shown. */
  section?: string;
  /** Words a search matched (as written in the lecture): highlighted, the first one in the section shown. */
  highlight?: string[];
  /** Fraction of the article to scroll to (restoring the last reading position). */
  restoreProgress?: number;
  /** Id of the student's highlight to scroll to ("Ghi chú của tôi" → Mở trong bài). */
  focusHighlight?: string;
  includeDrafts: boolean;
  /** Changes when the library changed on disk: the article is fetched again. */
  revision: number;
  strings: Strings;
  onOpen: (slug: string, section?: string) => void;
  onToggleTag: (tag: string) => void;
  onNotice: (message: string) => void;
}

/**
 * An ordinary lecture appears whole, title and body at once; a huge one (typeset off the page's thread, put on
 * the page in steps) shows its title after this long at most, and its body fills in after it.
 */
const REVEAL_WITHIN_MS = 400;

function scrollProgress(): number {
  const max = document.documentElement.scrollHeight - window.innerHeight;
  return max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 0;
}

export function Reader({
  slug,
  summary,
  section,
  highlight,
  restoreProgress,
  focusHighlight,
  includeDrafts,
  revision,
  strings,
  onOpen,
  onToggleTag,
  onNotice,
}: ReaderProps) {
  const [article, setLecture] = useState<LectureDetail | null | undefined>(undefined);
  const glossaryTerms = useGlossaryTerms(includeDrafts, revision);
  const [progress, setProgress] = useState(0);
  const [activeHeading, setActiveHeading] = useState<string>('');
  const body = useRef<HTMLDivElement>(null);
  const lectureElement = useRef<HTMLElement>(null);
  const [matches, setMatches] = useState<{ ranges: Range[]; index: number } | null>(null);
  const tagLabel = useTagLabel();
  const reading = useReading();
  const { recordProgress } = reading;
  // 0: the find bar is closed; each Ctrl+F or button press counts up and focuses its field again.
  const [findRequest, setFindRequest] = useState(0);
  const focused = focusHighlight ? reading.data.highlights.find((item) => item.id === focusHighlight) : undefined;

  // Ctrl+F / ⌘F finds in the lecture (the desktop window has no find of its own).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setFindRequest((value) => value + 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    let current = true;
    api.getLecture(slug, { includeDrafts }).then(
      (loaded) => current && setLecture(loaded),
      () => current && setLecture(null),
    );
    return () => {
      current = false;
      clearHighlights();
      setMatches(null);
    };
  }, [slug, includeDrafts, revision]);

  // A different lecture starts from a loading state; a refreshed one keeps showing until its update arrives.
  useEffect(() => setLecture(undefined), [slug]);

  // The body is typeset off the page's thread and put on the page in steps: placing waits until all of it is there.
  const [renderedBody, setRenderedBody] = useState<string | null>(null);
  const bodyReady = article != null && renderedBody === article.body;
  const [deadlinePassed, setDeadlinePassed] = useState(false);
  const lectureSlug = article?.slug;
  useEffect(() => {
    setDeadlinePassed(false);
    if (!lectureSlug) return;
    const timer = setTimeout(() => setDeadlinePassed(true), REVEAL_WITHIN_MS);
    return () => clearTimeout(timer);
  }, [lectureSlug]);
  const revealed = bodyReady || deadlinePassed;

  // Once the article is on screen: restore the position, or go to the section, and mark the searched words.
  const placedFor = useRef('');
  useEffect(() => {
    if (!article || !body.current || !bodyReady) return;
    document.title = `${article.title} · ${strings.appName}`;
    // A lecture refreshed after an edit on disk keeps the reader where they are.
    const placement = `${article.slug}|${section}|${highlight?.join(' ')}|${restoreProgress}|${focused?.id}`;
    if (placedFor.current === placement) return;
    placedFor.current = placement;
    const ranges = highlight?.length ? highlightWords(body.current, highlight) : (clearHighlights(), []);
    const index = focused ? currentTextIndex(body.current) : null;
    const focusPlace = index && focused ? locate(index.text, focused.anchor) : null;
    const target = section ? document.getElementById(sectionId(article, section)) : index && focusPlace ? elementOf(index.range(...focusPlace)) : null;
    // The first match in the section is where the student is going; its heading may be far above it.
    const first = firstRangeFrom(ranges, target);
    setMatches(ranges.length ? { ranges, index: first } : null);
    const place = () => {
      if (ranges.length) showRange(ranges[first]);
      else if (target) target.scrollIntoView({ block: 'start' });
      else if (restoreProgress) window.scrollTo({ top: restoreProgress * (document.documentElement.scrollHeight - window.innerHeight) });
      else window.scrollTo({ top: 0 });
    };
    requestAnimationFrame(place);
    // Images above the target (the banner too) load later and push it down: keep it in place until the reader
    // takes over.
    const container = lectureElement.current ?? body.current;
    const onImageLoad = () => requestAnimationFrame(place);
    const stop = () => {
      container.removeEventListener('load', onImageLoad, true);
      for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown']) window.removeEventListener(type, stop);
    };
    container.addEventListener('load', onImageLoad, true);
    for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown']) window.addEventListener(type, stop, { passive: true });
    const timer = setTimeout(stop, 5000);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [article, bodyReady, section, highlight, restoreProgress, focused, strings.appName]);

  // n / Shift+N move between the search's matches, Esc clears them (outside text fields).
  const moveMatch = useCallback((step: number) => {
    setMatches((current) => {
      if (!current) return current;
      const index = (current.index + step + current.ranges.length) % current.ranges.length;
      showRange(current.ranges[index]);
      return { ...current, index };
    });
  }, []);
  const clearMatches = useCallback(() => {
    clearHighlights();
    setMatches(null);
  }, []);
  useEffect(() => {
    if (!matches) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || (event.target as HTMLElement).closest('input, textarea, select, [contenteditable]')) return;
      if (event.key.toLowerCase() === 'n') moveMatch(event.shiftKey ? -1 : 1);
      else if (event.key === 'Escape') clearMatches();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [matches, moveMatch, clearMatches]);

  // Progress bar, table of contents that follows the scroll, and the remembered position.
  useEffect(() => {
    if (!article) return;
    let frame = 0;
    let saved = -1;
    const update = () => {
      frame = 0;
      const fraction = scrollProgress();
      setProgress(fraction);
      // Written on real movement only: storage is synchronous and scroll events come every frame.
      if (Math.abs(fraction - saved) > 0.002) {
        saved = fraction;
        recordProgress(article.slug, fraction);
      }
      // The section being read is the last one begun above the middle of the screen: where a search hit or a
      // highlight is brought (centred), and where a jump to a section puts its heading (at the top).
      let current = '';
      for (const heading of article.headings) {
        const element = document.getElementById(heading.id);
        if (element && element.getBoundingClientRect().top < window.innerHeight / 2) current = heading.id;
      }
      setActiveHeading(current);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    update();
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [article, recordProgress]);

  const image = useCallback(
    (src: string) => {
      if (!article) return null;
      const asset = article.images[src] ?? article.images[safeDecode(src)];
      return asset ? { url: api.assetUrl(asset), srcSet: imageSrcSet(asset) } : null;
    },
    [article],
  );

  const onInternalLink = useCallback(
    (target: string, anchor: string | undefined, known: boolean) => {
      if (known) onOpen(target, anchor);
      else onNotice(strings.notInLibrary);
    },
    [onOpen, onNotice, strings.notInLibrary],
  );

  if (article === undefined)
    return (
      <>
        {summary && <PendingTitle title={summary.title} date={summary.date} />}
        <p className="loading" role="status">
          {strings.loading}
        </p>
      </>
    );
  if (article === null) return <MissingLecture slug={slug} includeDrafts={includeDrafts} strings={strings} onOpen={onOpen} />;

  const banner = article.banner ? api.assetUrl(article.banner) : null;
  const bannerSrcSet = article.banner ? imageSrcSet(article.banner) : undefined;
  const tocHeadings = article.headings.filter((heading) => heading.level <= 3);
  return (
    <>
      {!revealed && (
        <>
          <PendingTitle title={article.title} date={article.date} />
          <p className="loading" role="status">
            {strings.loading}
          </p>
        </>
      )}
      <div className="reader-layout" hidden={!revealed}>
        <div
          className="progress"
          role="progressbar"
          aria-label={strings.readingProgress}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress * 100)}
        >
          <div className="progress-fill" style={{ transform: `scaleX(${progress})` }} />
        </div>
        <article className="reader" lang="vi" ref={lectureElement}>
          {banner && <img className="banner" src={banner} srcSet={bannerSrcSet} sizes={bannerSrcSet && READING_COLUMN_SIZES} alt="" />}
          <header className="article-head">
            <h1>{article.title}</h1>
            <p className="meta">
              {article.date && <time dateTime={article.date}>{formatVietnameseDate(article.date)}</time>}
              {!article.published && <span className="draft-badge">{strings.draft}</span>}
              {article.tags.map((tag) => (
                <button key={tag} type="button" className="tag" onClick={() => onToggleTag(tag)}>
                  {tagLabel(tag)}
                </button>
              ))}
              <button type="button" className="link-button print-button" onClick={() => window.print()}>
                {strings.print}
              </button>
              <button
                type="button"
                className="link-button study-button"
                aria-pressed={reading.data.bookmarks.includes(article.slug)}
                onClick={() => reading.toggleBookmark(article.slug)}
              >
                {strings.bookmark}
              </button>
              <button
                type="button"
                className="link-button study-button"
                aria-expanded={findRequest > 0}
                onClick={() => setFindRequest((value) => (value ? 0 : 1))}
              >
                {strings.findInLecture}
              </button>
              {article.published && <EpubDownload selection={{ lectures: [article.slug] }} label={strings.epubLecture} strings={strings} />}
            </p>
            {article.description && <p className="lead">{article.description}</p>}
          </header>
          {tocHeadings.length > 1 && (
            <details className="toc-inline">
              <summary>{strings.contents}</summary>
              <TableOfContents headings={tocHeadings} active={activeHeading} onGo={(id) => document.getElementById(id)?.scrollIntoView()} />
            </details>
          )}
          {findRequest > 0 && (
            <FindBar body={body} bodyText={renderedBody ?? ''} focusRequest={findRequest} strings={strings} onClose={() => setFindRequest(0)} />
          )}
          <div className="markdown-body" ref={body} aria-busy={!bodyReady}>
            <MarkdownBody
              markdown={article.body}
              image={image}
              knownLinks={article.knownLinks}
              labels={strings}
              onInternalLink={onInternalLink}
              onRendered={setRenderedBody}
              glossaryTerms={glossaryTerms}
            />
          </div>
          <LectureStudy slug={article.slug} body={body} bodyText={renderedBody ?? ''} strings={strings} />
          {(article.previous || article.next) && (
            <nav className="prev-next" aria-label={`${strings.previous} / ${strings.next}`}>
              {article.previous ? (
                <LectureLink slug={article.previous.slug} onOpen={onOpen} rel="prev">
                  <small>← {strings.previous}</small>
                  <span>{article.previous.title}</span>
                </LectureLink>
              ) : (
                <span />
              )}
              {article.next && (
                <LectureLink slug={article.next.slug} onOpen={onOpen} rel="next" className="next">
                  <small>{strings.next} →</small>
                  <span>{article.next.title}</span>
                </LectureLink>
              )}
            </nav>
          )}
        </article>
        {matches && (
          <div className="match-bar" role="group" aria-label={strings.searchMatches}>
            <span aria-live="polite">{strings.matchPosition(matches.index + 1, matches.ranges.length)}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={strings.previousMatch}
              title={`${strings.previousMatch} (Shift+N)`}
              onClick={() => moveMatch(-1)}
            >
              ↑
            </button>
            <button type="button" className="icon-button" aria-label={strings.nextMatch} title={`${strings.nextMatch} (N)`} onClick={() => moveMatch(1)}>
              ↓
            </button>
            <button type="button" className="icon-button" aria-label={strings.clearMatches} title={`${strings.clearMatches} (Esc)`} onClick={clearMatches}>
              ✕
            </button>
          </div>
        )}
        {tocHeadings.length > 1 && (
          <aside className="toc" aria-label={strings.contents}>
            <h2>{strings.contents}</h2>
            <TableOfContents headings={tocHeadings} active={activeHeading} onGo={(id) => document.getElementById(id)?.scrollIntoView()} />
          </aside>
        )}
      </div>
    </>
  );
}

/**
 * A lecture's title (and date) alone, shown at once while its text is fetched and typeset. Not yet its heading:
 * the lecture's own `h1` comes with it (screen readers hear the loading status meanwhile).
 */
function PendingTitle({ title, date }: { title: string; date?: string }) {
  return (
    <div className="article-head lecture-pending" aria-hidden="true">
      <p className="lecture-pending-title">{title}</p>
      <p className="meta">{date && <time dateTime={date}>{formatVietnameseDate(date)}</time>}</p>
    </div>
  );
}

function TableOfContents({ headings, active, onGo }: { headings: LectureDetail['headings']; active: string; onGo: (id: string) => void }) {
  const minLevel = Math.min(...headings.map((heading) => heading.level));
  return (
    <ol>
      {headings.map((heading) => (
        <li key={heading.id} className={`level-${heading.level - minLevel}`}>
          <a
            href={`#${heading.id}`}
            aria-current={heading.id === active ? 'location' : undefined}
            onClick={(event) => {
              event.preventDefault();
              onGo(heading.id);
            }}
          >
            {heading.text}
          </a>
        </li>
      ))}
    </ol>
  );
}

/** The heading a section names: its id, or (a link from the lecture site) its title's slug without diacritics. */
function sectionId(article: LectureDetail, section: string): string {
  const wanted = slugify(section);
  return article.headings.some((heading) => heading.id === section)
    ? section
    : (article.headings.find((heading) => slugify(heading.text) === wanted)?.id ?? section);
}
