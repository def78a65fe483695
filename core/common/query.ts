/** What a search query means: its words, folded and exact, and which one is still being typed. */
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
