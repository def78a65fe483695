import { fitsOneBook, type LibraryOverview, type OfflineStatus } from '../../../core/common/api.js';
import type { Strings } from '../i18n.js';
import { LectureLink } from './LectureLink.js';
import { useTagLabel } from '../tagLabels.js';
import { ReadingLists } from './ReadingLists.js';
import { EpubDownload } from './EpubDownload.js';
import { OfflineCopy } from './OfflineCopy.js';

interface SidebarProps {
  library: LibraryOverview;
  offline: OfflineStatus | null;
  strings: Strings;
  selectedTags: string[];
  onToggleTag: (tag: string) => void;
  onClearTags: () => void;
  onOpenLecture: (slug: string) => void;
  /** A link of the sidebar's own was followed (the phone drawer closes). */
  onNavigate: () => void;
  /** "Ghi chú của tôi" is the page shown. */
  notesOpen: boolean;
  open: boolean;
  onClose: () => void;
}

export function Sidebar({
  library,
  offline,
  strings,
  selectedTags,
  onToggleTag,
  onClearTags,
  onOpenLecture,
  onNavigate,
  notesOpen,
  open,
  onClose,
}: SidebarProps) {
  const highlights = library.articles.filter((article) => article.highlight);
  // Tags combine as OR: the selection's lectures, and what each other tag would add to them.
  const inSelection = (tags: string[]) => selectedTags.some((tag) => tags.includes(tag));
  const selectedCount = library.articles.filter((article) => inSelection(article.tags)).length;
  // A book holds published lectures only, whatever the reader shows.
  const published = library.articles.filter((article) => article.published).length;
  const selectedPublished = library.articles.filter((article) => article.published && inSelection(article.tags)).length;
  const wouldAdd = (tag: string) => library.articles.filter((article) => article.tags.includes(tag) && !inSelection(article.tags)).length;
  const tagLabel = useTagLabel();
  return (
    <nav className={open ? 'sidebar open' : 'sidebar'} aria-label={strings.library}>
      <div className="sidebar-head">
        <h2 className="library-name">{library.name}</h2>
        <button type="button" className="icon-button close-menu" onClick={onClose} aria-label={strings.closeMenu}>
          ✕
        </button>
      </div>
      <p className="library-count">{strings.lectures(library.articles.length)}</p>
      {/* On a classroom's plain-HTTP address the offline section below offers the book in its place. */}
      {fitsOneBook(published) && window.isSecureContext && (
        <p className="library-epub">
          <EpubDownload selection={{}} label={strings.epubLibrary} strings={strings} />
        </p>
      )}
      {offline && offline.images > 0 && (
        <p className="offline-status">
          <span className={offline.available === offline.images ? 'dot full' : 'dot'} aria-hidden="true" />
          {strings.offline(offline.images - offline.available, offline.images)}
        </p>
      )}
      <OfflineCopy wholeBook={fitsOneBook(published)} strings={strings} />
      <ReadingLists articles={library.articles} strings={strings} notesOpen={notesOpen} onOpenLecture={onOpenLecture} onNavigate={onNavigate} />
      <p className="glossary-link">
        <a href="#/glossary" onClick={onNavigate}>
          {strings.glossary}
        </a>
      </p>
      {highlights.length > 0 && (
        <section aria-labelledby="highlights-heading">
          <h3 id="highlights-heading">★ {strings.highlights}</h3>
          <ul className="highlight-list">
            {highlights.map((article) => (
              <li key={article.slug}>
                <LectureLink slug={article.slug} onOpen={onOpenLecture}>
                  {article.title}
                </LectureLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="tags-heading">
        <h3 id="tags-heading">{strings.tags}</h3>
        <ul className="tag-list">
          {library.tags.map(({ tag, count }) => {
            const selected = selectedTags.includes(tag);
            return (
              <li key={tag}>
                <button type="button" className={selected ? 'tag-filter selected' : 'tag-filter'} aria-pressed={selected} onClick={() => onToggleTag(tag)}>
                  <span className="tag-name">{tagLabel(tag)}</span>
                  {selectedTags.length && !selected ? (
                    <span className="tag-count" title={strings.tagWouldAdd(wouldAdd(tag))}>
                      +{wouldAdd(tag)}
                      <span className="visually-hidden"> ({strings.tagWouldAdd(wouldAdd(tag))})</span>
                    </span>
                  ) : (
                    <span className="tag-count">{count}</span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
        {selectedTags.length > 0 && (
          <p className="tag-selection" role="status">
            {strings.lectures(selectedCount)}{' '}
            <button type="button" className="link-button clear-tags" onClick={onClearTags}>
              {strings.clearTags}
            </button>{' '}
            {fitsOneBook(selectedPublished) && <EpubDownload selection={{ tags: selectedTags }} label={strings.epubTags} strings={strings} />}
          </p>
        )}
      </section>
    </nav>
  );
}
