/**
 * Whether a lecture's text has a query's words one after another (the last one may be unfinished): what the
 * cross-language layer asks (crossLingual.ts). Pure, so the server's service and the browser's search worker share it.
 */
import { SEARCH_BOUNDS } from '../common/api.js';
import { withTexts, type PackedTexts, type SectionPlace } from '../common/packedTexts.js';
import { RecentValues } from '../common/recentValues.js';
import { knownWordNumber, matchWordNumbers, matchWords, numberedWord } from '../glossary/glossary.js';

export interface PhraseSource {
  title: string;
  description: string;
  sections: readonly Pick<SectionPlace, 'title'>[];
  /** The lecture's own packed texts: what its words are kept by. */
  texts: PackedTexts;
}

/**
 * Lectures whose words are kept: one search checks its hits, and again the hits of each glossary term it names,
 * up to SEARCH_BOUNDS.maxResults each. Kept as numbers, four bytes a word.
 */
const WORDS_KEPT = 2 * SEARCH_BOUNDS.maxResults;

/** The phrase check over lectures, keeping the words of the last ones asked about. */
export class PhraseChecker {
  private readonly words = new RecentValues<PackedTexts, Int32Array>(WORDS_KEPT);

  has(lecture: PhraseSource, query: string): boolean {
    const typed = matchWords(query);
    if (typed.length === 0) return false;
    const words = this.words.get(lecture.texts, () => lectureWords(lecture));
    const last = typed.length - 1;
    // Numbered once some text has them (this lecture's, at the latest): a finished word without a number is in no text.
    const whole = typed.slice(0, last).map(knownWordNumber);
    if (whole.some((number) => number === undefined)) return false;
    for (let at = 0; at + last < words.length; at++) {
      let offset = 0;
      while (offset < last && words[at + offset] === whole[offset]) offset++;
      if (offset === last && numberedWord(words[at + last]).startsWith(typed[last])) return true;
    }
    return false;
  }
}

/** The lecture's words, in order, as the phrase check reads them. */
function lectureWords(lecture: PhraseSource): Int32Array {
  const parts = [lecture.title, lecture.description, ...withTexts(lecture.sections, lecture.texts).map((section) => `${section.title}\n${section.text}`)];
  return matchWordNumbers(parts.join('\n'));
}
