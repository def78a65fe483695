/**
 * The terms one text contributes to the search index. Every word gives its folded form (no diacritics), its
 * exact form when that differs (diacritics, canonical tone placement), and a folded bigram with the next word
 * (plus the exact bigram when that differs):
 * Vietnamese words span syllables, and bigrams let "hệ thống tệp" rank text where the syllables stand together
 * above text where they are scattered.
 */
import { exactWord, foldWord, wordSpans } from '../common/vietnamese.js';

/** Joins the two folded words of a bigram; never part of a word, so a bigram never collides with a word. */
export const BIGRAM_JOINER = '_';

export function bigram(first: string, second: string): string {
  return first + BIGRAM_JOINER + second;
}

/** Only words separated by spaces or hyphens form a phrase: not across sentences, lines or table cells. */
export function joinsPhrase(gap: string): boolean {
  return /^[\s-]{1,3}$/.test(gap) && !gap.includes('\n');
}

/** Index terms of a text, each once. */
export function indexTerms(text: string): Set<string> {
  const spans = wordSpans(text);
  const terms = new Set<string>();
  let previous: string | undefined;
  let previousExact = '';
  let previousEnd = -1;
  for (const span of spans) {
    const [folded, exact] = wordForms(span.text);
    terms.add(folded);
    if (exact !== folded) terms.add(exact);
    if (previous !== undefined && joinsPhrase(text.slice(previousEnd, span.start))) {
      terms.add(bigram(previous, folded));
      // The exact pair too, so "truyền thông" typed with its diacritics finds the phrase, not "truyền thống".
      if (previousExact !== previous || exact !== folded) terms.add(bigram(previousExact, exact));
    }
    previous = folded;
    previousExact = exact;
    previousEnd = span.end;
  }
  return terms;
}

/** Folding is the hot spot of indexing, and a library repeats the same few thousand words: remember them. */
const formsCache = new Map<string, [string, string]>();
const FORMS_CACHE_LIMIT = 200_000;

/** A word's folded and exact forms. */
export function wordForms(word: string): [string, string] {
  let forms = formsCache.get(word);
  if (!forms) {
    if (formsCache.size >= FORMS_CACHE_LIMIT) formsCache.clear();
    forms = [foldWord(word), exactWord(word)];
    formsCache.set(word, forms);
  }
  return forms;
}
