/**
 * Whether a lecture's text has a query's words one after another (the last one may be unfinished): what the
 * cross-language layer asks (crossLingual.ts). Pure, so the server's service and the browser's search worker share it.
 */
import { withTexts, type PackedTexts, type SectionPlace } from '../common/packedTexts.js';
import { RecentValues } from '../common/recentValues.js';
import { matchWords } from '../glossary/glossary.js';

export interface PhraseSource {
  title: string;
  description: string;
  sections: readonly Pick<SectionPlace, 'title'>[];
  texts: PackedTexts;
}

/** Lectures whose words are kept: the hits of the last few queries. */
const WORDS_KEPT = 64;

/** The phrase check over lectures, keeping the words of the last ones asked about (by their packed texts). */
export class PhraseChecker {
  private readonly words = new RecentValues<PackedTexts, string[]>(WORDS_KEPT);

  has(lecture: PhraseSource, query: string): boolean {
    return hasPhrase(
      this.words.get(lecture.texts, () => lectureWords(lecture)),
      query,
    );
  }
}

/** The lecture's words, in order, as the phrase check reads them. */
function lectureWords(lecture: PhraseSource): string[] {
  const parts = [lecture.title, lecture.description, ...withTexts(lecture.sections, lecture.texts).map((section) => `${section.title}\n${section.text}`)];
  return matchWords(parts.join('\n'));
}

function hasPhrase(words: readonly string[], query: string): boolean {
  const typed = matchWords(query);
  if (typed.length === 0) return false;
  const last = typed.length - 1;
  return words.some((_, at) => typed.every((word, offset) => (offset === last ? words[at + offset]?.startsWith(word) : words[at + offset] === word)));
}
