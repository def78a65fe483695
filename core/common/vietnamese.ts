/**
 * Vietnamese text handling shared by the search engine (node) and the reader (browser).
 *
 * Two forms of every word matter:
 *  - the *folded* form: lowercase, every diacritic removed, đ → d. "Ảo giác", "ao giac" and NFD input all fold
 *    to "ao giac"; it is what a query typed without diacritics must match.
 *  - the *exact* form: lowercase with its diacritics, but with the tone mark moved to one canonical place, so the
 *    old and new tone placements ("hoá"/"hóa", "thuỷ"/"thủy") are the same word while "truyền thông" and
 *    "truyền thống" stay different.
 * Letters are never de-duplicated ("xoong" is not "xong").
 */

/** Combining tone marks: grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const ALL_MARKS = /\p{M}/gu;

/** A word: letters, digits and combining marks, with a trailing `++` or `#` kept for C++, C#, F#. */
const WORD = /[\p{L}\p{N}\p{M}]+(?:\+\+|#)?/gu;

/** Unicode NFC, without a byte order mark; CRLF and CR become LF. Every text is normalized once, at load. */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
}

/** Lowercase, all diacritics removed, đ → d. */
export function foldWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(ALL_MARKS, '').replace(/đ/g, 'd');
}

/**
 * Lowercase with diacritics, tone mark moved to the end of the syllable: every spelling of the same syllable
 * gives the same key. Words without a tone mark come back lowercased and NFC.
 */
export function exactWord(word: string): string {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS);
  if (!tones) return decomposed.normalize('NFC');
  return decomposed.replace(TONE_MARKS, '').normalize('NFC') + tones[tones.length - 1];
}

/** True when the text carries any Vietnamese diacritic or đ (after NFC). */
export function hasDiacritics(text: string): boolean {
  return foldWord(text) !== text.toLowerCase().normalize('NFD').normalize('NFC');
}

export interface WordSpan {
  /** The word as written (NFC). */
  text: string;
  start: number;
  end: number;
}

/** Every word of an (already NFC) text with its offsets. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    spans.push({ text: match[0], start: match.index!, end: match.index! + match[0].length });
  }
  return spans;
}

/** The words of a text, normalized to NFC first, so NFD input splits like NFC input. */
export function words(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}
