/**
 * Tags that probably name one topic written two ways (`co-ban` and `coban`, `model` and `models`, `nlp` and
 * `natural-language-processing`): the library splits their lectures in two lists. `check` shows them to the
 * teacher as hints, never as errors: two such tags may well be meant.
 */
import { slugify } from '../common/slug.js';

/** The tag with separators and diacritics gone and an English plural `s` dropped. */
function spellingKey(tag: string): string {
  const compact = slugify(tag).replace(/-/g, '');
  return compact.length > 3 && compact.endsWith('s') && !compact.endsWith('ss') ? compact.slice(0, -1) : compact;
}

/** The initials of a tag of several words (`natural-language-processing` → `nlp`), or null. */
function initials(tag: string): string | null {
  const words = slugify(tag).split('-').filter(Boolean);
  return words.length >= 2 ? words.map((word) => word[0]).join('') : null;
}

/** Pairs of distinct tags that look like one topic, each pair once, in the order the tags were given. */
export function nearDuplicateTags(tags: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < tags.length; i++) {
    for (let j = i + 1; j < tags.length; j++) {
      if (looksAlike(tags[i], tags[j])) pairs.push([tags[i], tags[j]]);
    }
  }
  return pairs;
}

function looksAlike(a: string, b: string): boolean {
  if (spellingKey(a) === spellingKey(b)) return true;
  const short = (tag: string) => !slugify(tag).includes('-') && spellingKey(tag).length >= 2;
  return (short(a) && initials(b) === spellingKey(a)) || (short(b) && initials(a) === spellingKey(b));
}
