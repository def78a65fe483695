/**
 * Search across languages, as a layer above the engine: a query that names a glossary term (in Vietnamese or
 * English, with or without diacritics, or the beginning of one) also runs the other language's term through the
 * engine's public search. Those hits come after the lectures that have the typed words as written (one after
 * another), before the partial matches, and each says why ("ảo giác = hallucination").
 */
import type { GlossaryEntry, SearchHit, SearchRequest, SearchResponse } from '../common/api.js';
import { boundSearchRequest } from '../common/api.js';
import { glossaryMatches } from '../glossary/glossary.js';

export interface CrossLingualSources {
  /** The engine's search. */
  search(request: SearchRequest): Promise<SearchResponse>;
  glossary: readonly GlossaryEntry[];
  /** Whether the lecture's text has the query's words one after another (the last one may be unfinished). */
  hasPhrase(slug: string, query: string): boolean;
}

export async function searchAcrossLanguages(request: SearchRequest, sources: CrossLingualSources): Promise<SearchResponse> {
  const bounded = boundSearchRequest(request);
  const direct = await sources.search(request);
  const matches = glossaryMatches(bounded.q, sources.glossary);
  if (matches.length === 0) return direct;

  const started = performance.now();
  const exact = direct.results.filter((hit) => sources.hasPhrase(hit.slug, bounded.q));
  const shown = new Set(exact.map((hit) => hit.slug));
  const through: SearchHit[] = [];
  for (const match of matches) {
    const answer = await sources.search({ ...request, q: match.counterpart });
    for (const hit of answer.results) {
      // The engine also returns partial matches of the counterpart ("lớp" for "lớp vàng"): those are no reason.
      if (shown.has(hit.slug) || !sources.hasPhrase(hit.slug, match.counterpart)) continue;
      shown.add(hit.slug);
      through.push({ ...hit, via: `${match.typed} = ${match.counterpart}` });
    }
  }
  const partial = direct.results.filter((hit) => !shown.has(hit.slug));
  const results = [...exact, ...through, ...partial].slice(0, bounded.limit);
  return {
    results,
    tookMs: direct.tookMs + (performance.now() - started),
    didYouMean: results.length > 0 ? undefined : direct.didYouMean,
  };
}
