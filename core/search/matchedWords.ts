/**
 * Which words of a lecture a query really matched, as written there: what the snippet marks and the reader
 * highlights. Folding makes `tan` match `tán`, `tận` and `tấn` alike; the words that stand where the query's
 * phrase stands (or carry the typed diacritics) are the ones the student was looking for.
 */
import { joinsPhrase, wordForms } from './indexTerms.js';
import { wordSpans, type WordSpan } from '../common/vietnamese.js';

export interface MatchWord {
  /** Folded words this query word matches (itself, its prefix expansions or its correction). */
  terms: string[];
  /** The exact form, when the word was typed with diacritics: only words written so count. */
  exact?: string;
}

/**
 * Lowercase surface forms in `texts` matching `words`, preferring exact diacritics, then phrase neighbours.
 * `spans` holds the texts' word spans where the caller has them already.
 */
export function matchedWords(texts: string[], words: MatchWord[], knownSpans: (WordSpan[] | undefined)[] = []): string[] {
  const found = words.map(() => ({ all: new Set<string>(), exact: new Set<string>(), phrase: new Set<string>(), exactPhrase: new Set<string>() }));
  const lookup = new Map<string, number[]>();
  words.forEach((word, index) => {
    for (const term of word.terms) lookup.set(term, [...(lookup.get(term) ?? []), index]);
  });
  texts.forEach((text, t) => {
    const spans = knownSpans[t] ?? wordSpans(text);
    const hits = spans.map((span) => lookup.get(wordForms(span.text)[0]));
    spans.forEach((span, j) => {
      for (const index of hits[j] ?? []) {
        const surface = span.text.toLowerCase();
        const isExact = words[index].exact === wordForms(span.text)[1];
        const next = j + 1 < spans.length && hits[j + 1]?.includes(index + 1) && joinsPhrase(text.slice(span.end, spans[j + 1].start));
        const previous = j > 0 && hits[j - 1]?.includes(index - 1) && joinsPhrase(text.slice(spans[j - 1].end, span.start));
        const sets = found[index];
        sets.all.add(surface);
        if (isExact) sets.exact.add(surface);
        if (next || previous) {
          sets.phrase.add(surface);
          if (isExact) sets.exactPhrase.add(surface);
        }
      }
    });
  });
  const matched = new Set<string>();
  words.forEach((word, index) => {
    const sets = found[index];
    const pool = word.exact && sets.exact.size ? (sets.exactPhrase.size ? sets.exactPhrase : sets.exact) : sets.phrase.size ? sets.phrase : sets.all;
    for (const surface of pool) matched.add(surface);
  });
  return [...matched];
}
