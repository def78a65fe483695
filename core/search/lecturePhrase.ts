/**
 * Whether a lecture's text has a query's words one after another (the last one may be unfinished): what the
 * cross-language layer asks (crossLingual.ts). Pure, so the server's service and the browser's search worker share it.
 */
import type { Section } from '../common/api.js';
import { matchWords } from '../glossary/glossary.js';

export interface PhraseSource {
  title: string;
  description: string;
  sections: readonly Pick<Section, 'title' | 'text'>[];
}

/** The lecture's words, in order, as the phrase check reads them. */
export function lectureWords(lecture: PhraseSource): string[] {
  const parts = [lecture.title, lecture.description, ...lecture.sections.map((section) => `${section.title}\n${section.text}`)];
  return matchWords(parts.join('\n'));
}

export function hasPhrase(words: readonly string[], query: string): boolean {
  const typed = matchWords(query);
  if (typed.length === 0) return false;
  const last = typed.length - 1;
  return words.some((_, at) => typed.every((word, offset) => (offset === last ? words[at + offset]?.startsWith(word) : words[at + offset] === word)));
}
