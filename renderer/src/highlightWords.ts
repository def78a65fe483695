import { wordSpans } from '../../core/common/vietnamese.js';

const HIGHLIGHT_NAME = 'search-hit';
const CURRENT_NAME = 'search-hit-current';
/** A lecture rarely holds more; past this, highlighting would cost more than it shows. */
const MAX_RANGES = 500;

/**
 * Marks the words the search engine matched (`hit.matched`, as written in the lecture) inside `root` with the
 * CSS Custom Highlight API: no DOM is changed, so React keeps owning the article's nodes. Only those very
 * words are marked: a query typed without diacritics does not light up every syllable that folds alike.
 * Words that stand together are marked as one range. Returns the marked ranges in document order.
 */
export function highlightWords(root: HTMLElement, matched: string[]): Range[] {
  clearHighlights();
  const wanted = new Set(matched.map((word) => word.normalize('NFC').toLowerCase()));
  if (wanted.size === 0 || typeof Highlight === 'undefined') return [];
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('.katex, pre, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node && ranges.length < MAX_RANGES; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    let last: Range | null = null;
    for (const span of wordSpans(text)) {
      if (!wanted.has(span.text.toLowerCase())) {
        last = null;
        continue;
      }
      // Matched words standing together ("hồ dữ liệu") are one place to go to, not one a word.
      if (last && !text.slice(last.endOffset, span.start).trim()) {
        last.setEnd(node, span.end);
        continue;
      }
      last = document.createRange();
      last.setStart(node, span.start);
      last.setEnd(node, span.end);
      ranges.push(last);
    }
  }
  if (ranges.length) CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
  return ranges;
}

/** The first range at or after `start` (a section heading), else the first one. */
export function firstRangeFrom(ranges: Range[], start: Element | null): number {
  if (!start || ranges.length === 0) return 0;
  const index = ranges.findIndex(
    (range) => start === range.startContainer || start.compareDocumentPosition(range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  return index < 0 ? 0 : index;
}

/** Shows `range` as the current match: opens the closed `<details>` (quizzes) around it and scrolls it to the middle. */
export function showRange(range: Range): void {
  for (let element = range.startContainer.parentElement?.closest('details'); element; element = element.parentElement?.closest('details')) {
    if (!element.open) element.open = true;
  }
  if (typeof Highlight !== 'undefined') CSS.highlights.set(CURRENT_NAME, new Highlight(range));
  const box = range.getBoundingClientRect();
  window.scrollTo({ top: window.scrollY + box.top - window.innerHeight / 2 + box.height / 2 });
}

export function clearHighlights(): void {
  if (typeof CSS === 'undefined' || !CSS.highlights) return;
  CSS.highlights.delete(HIGHLIGHT_NAME);
  CSS.highlights.delete(CURRENT_NAME);
}
