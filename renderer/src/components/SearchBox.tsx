import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { SEARCH_BOX_RESULTS, type SearchHit, type SearchResponse } from '../../../core/common/api.js';
import { api } from '../api/index.js';
import type { Strings } from '../i18n.js';

interface SearchBoxProps {
  strings: Strings;
  tags: string[];
  includeDrafts: boolean;
  onOpen: (hit: SearchHit, query: string) => void;
}

/** Splits a snippet's `<mark>` markup into React nodes, so no HTML from the index is ever injected. */
function Snippet({ html }: { html: string }) {
  const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
  const parts = html.split(/<mark>(.*?)<\/mark>/g);
  return <>{parts.map((part, i) => (i % 2 ? <mark key={i}>{decode(part)}</mark> : decode(part)))}</>;
}

export function SearchBox({ strings, tags, includeDrafts, onOpen }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
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
          }
        })
        .catch(() => ticket === latest.current && setResponse({ results: [], tookMs: 0 }));
    }, 40);
    return () => clearTimeout(timer);
  }, [query, tags, includeDrafts]);

  const results = response?.results ?? [];
  const choose = (hit: SearchHit) => {
    setOpen(false);
    input.current?.blur();
    onOpen(hit, query);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(results.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter' && results[active]) {
      event.preventDefault();
      choose(results[active]);
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
        aria-activedescendant={showPanel && results[active] ? `${listId}-${active}` : undefined}
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
          {response && results.length === 0 && (
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
          <ul id={listId} role="listbox" aria-label={strings.search}>
            {results.map((hit, index) => (
              <li
                key={`${hit.slug}-${index}`}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'active' : undefined}
                onMouseEnter={() => setActive(index)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(hit)}
              >
                <span className="hit-title">{hit.title}</span>
                {hit.section.title && <span className="hit-section">{hit.section.title}</span>}
                {hit.via && <span className="hit-via">{strings.glossaryVia}: {hit.via}</span>}
                <span className="hit-snippet">
                  <Snippet html={hit.snippet} />
                </span>
              </li>
            ))}
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
