/**
 * A short excerpt of a section around the query's words, HTML-escaped, with each matched word (as written, with
 * its diacritics) wrapped in <mark>.
 */
import { wordSpans } from '../common/vietnamese.js';

/** Words shown in a snippet. */
const SNIPPET_WORDS = 30;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

export function buildSnippet(text: string, matches: (word: string) => boolean, words = SNIPPET_WORDS): string {
  const spans = wordSpans(text);
  if (spans.length === 0) return '';
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

  let out = bestStart > 0 ? '… ' : '';
  for (let i = bestStart; i <= last; i++) {
    if (i > bestStart) out += escapeHtml(text.slice(spans[i - 1].end, spans[i].start).replace(/\s+/g, ' '));
    const word = escapeHtml(spans[i].text);
    out += hit[i] ? `<mark>${word}</mark>` : word;
  }
  if (last < spans.length - 1) out += ' …';
  return out;
}
