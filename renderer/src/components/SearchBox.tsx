import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { SEARCH_BOX_RESULTS, type SearchHit, type SearchResponse } from '../../../core/common/api.js';
import { api } from '../api/index.js';
import type { Strings } from '../i18n.js';
import { HitSummary, TagFilterChip } from './SearchHitView.js';

interface SearchBoxProps {
  strings: Strings;
  tags: string[];
  includeDrafts: boolean;
  /** Opens a hit at its best section, or at one of its other matching sections. */
  onOpen: (hit: SearchHit, section?: { id: string; title: string }) => void;
  /** Opens the full results page for a query. */
  onShowAll: (query: string) => void;
  onClearTags: () => void;
}

/** How soon a search is asked again while the library is being indexed. */
export const INDEXING_RETRY_MS = 1000;

/** One row of the listbox: a hit, the "+N more sections" toggle under it, one of those sections, or "see all". */
type Row =
  | { kind: 'hit'; hit: SearchHit }
  | { kind: 'more'; hit: SearchHit }
  | { kind: 'section'; hit: SearchHit; section: { id: string; title: string } }
  | { kind: 'all' };

export function SearchBox({ strings, tags, includeDrafts, onOpen, onShowAll, onClearTags }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<string | null>(null);
  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  /** Asked again while the library is being indexed. */
  const [retry, setRetry] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);
  const listId = useId();

  // Ctrl+K / Cmd+K, or "/" outside a text field, focuses the search.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const inField = (event.target as HTMLElement).closest('input, textarea, select, [contenteditable]');
      if (((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') || (event.key === '/' && !inField)) {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Going somewhere else (a link, back, a typed address) closes the results.
  useEffect(() => {
    const onHash = () => setOpen(false);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Typing never waits for the search: a pause of 40 ms in typing asks, and only the newest answer is shown.
  useEffect(() => {
    if (!query.trim()) {
      setResponse(null);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      api
        .search({ q: query, tags, limit: SEARCH_BOX_RESULTS, includeDrafts })
        .then((answer) => {
          if (ticket === latest.current) {
            setResponse(answer);
            setActive(0);
            setExpanded(null);
            if (answer.indexing) setTimeout(() => ticket === latest.current && setRetry((count) => count + 1), INDEXING_RETRY_MS);
          }
        })
        .catch(() => ticket === latest.current && setResponse({ results: [], tookMs: 0 }));
    }, 40);
    return () => clearTimeout(timer);
  }, [query, tags, includeDrafts, retry]);

  const results = response?.results ?? [];
  const rows: Row[] = results.flatMap((hit): Row[] => {
    if (hit.otherSectionCount === 0) return [{ kind: 'hit', hit }];
    const sections = expanded === hit.slug ? hit.otherSections.map((section): Row => ({ kind: 'section', hit, section })) : [];
    return [{ kind: 'hit', hit }, { kind: 'more', hit }, ...sections];
  });
  if (results.length) rows.push({ kind: 'all' });
  const firstWeakRow = rows.findIndex((row) => row.kind === 'hit' && row.hit.weak);
  const close = () => {
    setOpen(false);
    input.current?.blur();
  };
  const choose = (row: Row) => {
    if (row.kind === 'more') {
      setExpanded((slug) => (slug === row.hit.slug ? null : row.hit.slug));
      return;
    }
    close();
    if (row.kind === 'all') onShowAll(query);
    else onOpen(row.hit, row.kind === 'section' ? row.section : undefined);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(rows.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter' && event.shiftKey && query.trim()) {
      // Shift+Enter: every result on its own page; Enter alone opens the highlighted row (the best hit first).
      event.preventDefault();
      choose({ kind: 'all' });
    } else if (event.key === 'Enter' && rows[active]) {
      event.preventDefault();
      choose(rows[active]);
    } else if (event.key === 'Escape') {
      if (query) setQuery('');
      else input.current?.blur();
      setOpen(false);
    }
  };

  const showPanel = open && query.trim() !== '';
  const didYouMean = response?.didYouMean && (
    <>
      {strings.didYouMean}{' '}
      <button type="button" className="link-button" onClick={() => setQuery(response.didYouMean!)}>
        {response.didYouMean}
      </button>
      ?
    </>
  );
  return (
    <div className="search" role="search" onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && setOpen(false)}>
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label={strings.search}
        aria-expanded={showPanel}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showPanel && rows[active] ? `${listId}-${active}` : undefined}
        placeholder={strings.searchPlaceholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
      {!query && (
        <kbd className="search-shortcut" aria-hidden="true">
          {strings.searchShortcut}
        </kbd>
      )}
      {showPanel && (
        <div className="search-panel">
          {response?.indexing && (
            <p className="search-meta" role="status">
              {strings.indexing(response.indexing.done, response.indexing.total)}
            </p>
          )}
          {response && !response.indexing && results.length === 0 && (
            <p className="search-empty" role="status">
              {strings.noResults} “{query}”.
              {response.didYouMean && <> {didYouMean}</>}
            </p>
          )}
          {response && results.length > 0 && (
            <p className="search-meta" role="status">
              {strings.resultsCount(results.length)}
              {response.didYouMean && <> · {didYouMean}</>}
            </p>
          )}
          <TagFilterChip strings={strings} tags={tags} outside={response?.outsideTags} onClear={onClearTags} />
          <ul id={listId} role="listbox" aria-label={strings.search}>
            {rows.map((row, index) => {
              const firstWeak = index === firstWeakRow;
              return [
                firstWeak && (
                  <li key="weak" role="presentation" className="search-group">
                    {strings.weakResults}
                  </li>
                ),
                <li
                  key={row.kind === 'all' ? 'all' : `${row.hit.slug}-${row.kind}-${row.kind === 'section' ? row.section.id : ''}`}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={[`row-${row.kind}`, index === active ? 'active' : '', row.kind !== 'all' && row.hit.weak ? 'weak' : ''].filter(Boolean).join(' ')}
                  onMouseEnter={() => setActive(index)}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(row)}
                >
                  {row.kind === 'hit' && <HitSummary hit={row.hit} viaLabel={strings.glossaryVia} />}
                  {row.kind === 'more' && (expanded === row.hit.slug ? strings.fewerSections : strings.moreSections(row.hit.otherSectionCount))}
                  {row.kind === 'section' && <span className="hit-section">{row.section.title}</span>}
                  {row.kind === 'all' && (
                    <>
                      {strings.showAllResults(query)} <kbd>Shift+Enter</kbd>
                    </>
                  )}
                </li>,
              ];
            })}
          </ul>
          {!response && <p className="search-meta">{strings.searching}</p>}
          <a className="search-glossary" href={`#/glossary/${encodeURIComponent(query)}`} onClick={() => setOpen(false)}>
            {strings.glossaryInSearch}: “{query}”
          </a>
        </div>
      )}
    </div>
  );
}
