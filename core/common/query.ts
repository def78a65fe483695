/**
 * What a search query means, shared by the search engine and the reader (which highlights the same words the
 * engine matched).
 */
import { SEARCH_BOUNDS } from './api.js';
import { exactWord, foldWord, hasDiacritics, words } from './vietnamese.js';

export interface QueryWord {
  /** As typed (NFC). */
  text: string;
  folded: string;
  exact: string;
  /** Typed with diacritics: exact matches of this word rank above folded-only ones. */
  accented: boolean;
  /** The word being typed (no space after it yet): also matches longer words that start with it. */
  prefix: boolean;
}

export function parseQuery(query: string): QueryWord[] {
  const text = query.normalize('NFC').slice(0, SEARCH_BOUNDS.queryChars);
  const parsed = words(text).slice(0, SEARCH_BOUNDS.queryWords);
  const endsInWord = /[\p{L}\p{N}\p{M}+#]$/u.test(text);
  return parsed.map((word, index) => ({
    text: word,
    folded: foldWord(word),
    exact: exactWord(word),
    accented: hasDiacritics(word),
    prefix: endsInWord && index === parsed.length - 1,
  }));
}

/** A test for one word of a text: does it match one of the query's words (as the engine counts a match)? */
export function queryWordMatcher(query: QueryWord[]): (word: string) => boolean {
  const whole = new Set(query.filter((w) => !w.prefix).map((w) => w.folded));
  const prefixes = query.filter((w) => w.prefix).map((w) => w.folded);
  return (word) => {
    const folded = foldWord(word);
    return whole.has(folded) || prefixes.some((prefix) => folded.startsWith(prefix));
  };
}
