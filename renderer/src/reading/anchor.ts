/**
 * Anchoring a highlight to text, the way web annotators do (quote + context): the passage is found again by
 * its words, not by its position, so an edit elsewhere in the lecture or a small change inside it does not
 * lose it. A passage that cannot be found any more is reported as such by the caller, never dropped.
 */
import { READING_LIMITS, type TextAnchor } from '../../../core/common/readingData.js';

const CONTEXT = 32;
/** Context shorter than this proves nothing: common words would match anywhere. */
const MIN_CONTEXT = 8;

export function describe(text: string, start: number, end: number): TextAnchor {
  return {
    quote: text.slice(start, end).slice(0, READING_LIMITS.quoteChars),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
}

function commonTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How alike two texts are, 0..1 (Dice coefficient over character pairs). */
function similarity(a: string, b: string): number {
  const pairs = (text: string) => {
    const counts = new Map<string, number>();
    for (let i = 0; i < text.length - 1; i++) counts.set(text.slice(i, i + 2), (counts.get(text.slice(i, i + 2)) ?? 0) + 1);
    return counts;
  };
  const left = pairs(a);
  const right = pairs(b);
  let shared = 0;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** A passage edited this little is still the same passage; a rewritten one is not. */
const MIN_SIMILARITY = 0.6;

function occurrences(text: string, part: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(part); at >= 0 && found.length < 1000; at = text.indexOf(part, at + 1)) found.push(at);
  return found;
}

/** Where the anchored passage is in `text` now, as [start, end), or null when it cannot be placed. */
export function locate(text: string, anchor: TextAnchor): [number, number] | null {
  const exact = occurrences(text, anchor.quote);
  if (exact.length > 0) {
    const score = (at: number) =>
      commonTail(text.slice(Math.max(0, at - CONTEXT), at), anchor.prefix) +
      commonHead(text.slice(at + anchor.quote.length, at + anchor.quote.length + CONTEXT), anchor.suffix);
    const best = exact.reduce((a, b) => (score(b) > score(a) ? b : a));
    return [best, best + anchor.quote.length];
  }
  // The passage itself was edited: find it between its context, when the context is still there and the text
  // between is still mostly the passage.
  const before = anchor.prefix.slice(-16);
  const after = anchor.suffix.slice(0, 16);
  if (before.length < MIN_CONTEXT || after.length < MIN_CONTEXT) return null;
  for (const at of occurrences(text, before)) {
    const start = at + before.length;
    const end = text.indexOf(after, start);
    if (end < 0) continue;
    if (end > start && similarity(text.slice(start, end), anchor.quote) >= MIN_SIMILARITY) return [start, end];
  }
  return null;
}
