/**
 * A short excerpt of a section around the query's words, as plain-text segments; each matched word (as written,
 * with its diacritics) is a marked segment. Front doors render segments their own way: no markup to undo.
 */
import type { SnippetSegment } from '../common/api.js';
import { RecentValues } from '../common/recentValues.js';
import { wordSpans, type WordSpan } from '../common/vietnamese.js';

/** Words shown in a snippet. */
const SNIPPET_WORDS = 30;
/** Texts whose word spans are kept: a query typed letter by letter shows the same few sections again and again. */
const RECENT_TEXTS = 64;
const recentSpans = new RecentValues<string, WordSpan[]>(RECENT_TEXTS);

/** The word spans of `text` (not to be changed: they may be handed out again), from the recent ones when there. */
export function recentWordSpans(text: string): WordSpan[] {
  return recentSpans.get(text, wordSpans);
}

/** `spans` are the text's word spans when the caller has them already. */
export function buildSnippet(text: string, matches: (word: string) => boolean, words = SNIPPET_WORDS, spans: WordSpan[] = wordSpans(text)): SnippetSegment[] {
  if (spans.length === 0) return [];
  const hit = spans.map((span) => matches(span.text));

  // The window of `words` words holding the most matches; on a tie, the earliest.
  let bestStart = 0;
  let bestCount = -1;
  let count = 0;
  for (let end = 0; end < spans.length; end++) {
    if (hit[end]) count++;
    const start = end - words + 1;
    if (start > 0 && hit[start - 1]) count--;
    if (count > bestCount && (start >= 0 || end === spans.length - 1 || end === words - 1)) {
      bestCount = count;
      bestStart = Math.max(0, start);
    }
  }
  // Start a little before the first match so it has some context.
  const firstHit = hit.indexOf(true, bestStart);
  if (firstHit > bestStart + 6) bestStart = Math.min(firstHit - 6, Math.max(0, spans.length - words));
  const last = Math.min(spans.length - 1, bestStart + words - 1);

  const segments: SnippetSegment[] = [];
  const push = (text: string, marked: boolean) => {
    const previous = segments[segments.length - 1];
    if (previous && previous.marked === marked) previous.text += text;
    else segments.push({ text, marked });
  };
  if (bestStart > 0) push('… ', false);
  for (let i = bestStart; i <= last; i++) {
    if (i > bestStart) push(text.slice(spans[i - 1].end, spans[i].start).replace(/\s+/g, ' '), false);
    push(spans[i].text, hit[i]);
  }
  if (last < spans.length - 1) push(' …', false);
  return segments;
}
