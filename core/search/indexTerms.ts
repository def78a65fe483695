/**
 * The terms one text contributes to the search index. Every word gives its folded form (no diacritics), its
 * exact form when that differs (diacritics, canonical tone placement), and a folded bigram with the next word:
 * Vietnamese words span syllables, and bigrams let "hệ thống tệp" rank text where the syllables stand together
 * above text where they are scattered.
 */
import { exactWord, foldWord, wordSpans } from '../common/vietnamese.js';

/** Joins the two folded words of a bigram; never part of a word, so a bigram never collides with a word. */
export const BIGRAM_JOINER = '_';

export function bigram(first: string, second: string): string {
  return first + BIGRAM_JOINER + second;
}

/** Index terms of a text, space-separated: the form the FlexSearch indexes are fed (their encoder splits on spaces). */
export function indexTerms(text: string): string {
  const spans = wordSpans(text);
  const terms: string[] = [];
  let previous: string | undefined;
  let previousEnd = -1;
  for (const span of spans) {
    const [folded, exact] = wordForms(span.text);
    terms.push(folded);
    if (exact !== folded) terms.push(exact);
    // Only words separated by spaces or hyphens form a bigram: not across sentences, lines or table cells.
    if (previous !== undefined && /^[\s-]{1,3}$/.test(text.slice(previousEnd, span.start)) && !text.slice(previousEnd, span.start).includes('\n')) {
      terms.push(bigram(previous, folded));
    }
    previous = folded;
    previousEnd = span.end;
  }
  return terms.join(' ');
}

/** Folding is the hot spot of indexing, and a library repeats the same few thousand words: remember them. */
const formsCache = new Map<string, [string, string]>();
const FORMS_CACHE_LIMIT = 200_000;

function wordForms(word: string): [string, string] {
  let forms = formsCache.get(word);
  if (!forms) {
    if (formsCache.size >= FORMS_CACHE_LIMIT) formsCache.clear();
    forms = [foldWord(word), exactWord(word)];
    formsCache.set(word, forms);
  }
  return forms;
}

export function splitTerms(terms: string): string[] {
  return terms ? terms.split(' ') : [];
}
