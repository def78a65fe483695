import { useEffect, useState } from 'react';
import { SEARCH_BOUNDS, type SearchHit, type SearchResponse } from '../../../core/common/api.js';
import { api } from '../api/index.js';
import type { Strings } from '../i18n.js';
import { INDEXING_RETRY_MS } from './SearchBox.js';
import { HitSummary, TagFilterChip } from './SearchHitView.js';

interface SearchResultsProps {
  query: string;
  tags: string[];
  includeDrafts: boolean;
  strings: Strings;
  onOpen: (hit: SearchHit, section?: { id: string; title: string }) => void;
  onClearTags: () => void;
}

/** The full results page (Enter on "see all"): every hit with each of its matching sections. */
export function SearchResults({ query, tags, includeDrafts, strings, onOpen, onClearTags }: SearchResultsProps) {
  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [retry, setRetry] = useState(0);
  useEffect(() => {
    let current = true;
    let again: ReturnType<typeof setTimeout> | undefined;
    // While indexing, its message stays up between the questions.
    setResponse((previous) => (previous?.indexing ? previous : null));
    api.search({ q: query, tags, limit: SEARCH_BOUNDS.maxResults, includeDrafts }).then(
      (answer) => {
        if (!current) return;
        setResponse(answer);
        if (answer.indexing) again = setTimeout(() => setRetry((count) => count + 1), INDEXING_RETRY_MS);
      },
      () => current && setResponse({ results: [], tookMs: 0 }),
    );
    return () => {
      current = false;
      clearTimeout(again);
    };
  }, [query, tags, includeDrafts, retry]);

  const results = response?.results ?? [];
  const firstWeak = results.findIndex((hit) => hit.weak);
  const link = (hit: SearchHit, section: { id: string; title: string }) =>
    `#/blog/${encodeURIComponent(hit.slug)}${section.id ? `/${encodeURIComponent(section.id)}` : ''}`;
  return (
    <section className="search-results" aria-labelledby="results-heading">
      <h1 id="results-heading">{strings.allResultsFor(query)}</h1>
      <TagFilterChip strings={strings} tags={tags} outside={response?.outsideTags} onClear={onClearTags} />
      {!response && <p role="status">{strings.searching}</p>}
      {response?.indexing && <p role="status">{strings.indexing(response.indexing.done, response.indexing.total)}</p>}
      {response && !response.indexing && (
        <p className="list-count" role="status">
          {results.length ? strings.resultsCount(results.length) : `${strings.noResults} “${query}”.`}
        </p>
      )}
      <ol className="result-list">
        {results.map((hit, index) => (
          <li key={hit.slug} className={hit.weak ? 'weak' : undefined}>
            {index === firstWeak && <h2 className="search-group">{strings.weakResults}</h2>}
            <a
              className="result-main"
              href={link(hit, hit.section)}
              onClick={(event) => {
                event.preventDefault();
                onOpen(hit);
              }}
            >
              <HitSummary hit={hit} viaLabel={strings.glossaryVia} />
            </a>
            {hit.otherSections.length > 0 && (
              <ul className="result-sections">
                {hit.otherSections.map((section) => (
                  <li key={section.id}>
                    <a
                      href={link(hit, section)}
                      onClick={(event) => {
                        event.preventDefault();
                        onOpen(hit, section);
                      }}
                    >
                      {section.title}
                    </a>
                  </li>
                ))}
                {hit.otherSectionCount > hit.otherSections.length && (
                  <li className="muted">{strings.moreSections(hit.otherSectionCount - hit.otherSections.length)}</li>
                )}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <p>
        <a href={`#/glossary/${encodeURIComponent(query)}`}>
          {strings.glossaryInSearch}: “{query}”
        </a>
      </p>
    </section>
  );
}
