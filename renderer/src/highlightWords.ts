import { parseQuery, queryWordMatcher } from '../../core/common/query.js';
import { wordSpans } from '../../core/common/vietnamese.js';

const HIGHLIGHT_NAME = 'search-hit';

/**
 * Marks the query's words inside `root` with the CSS Custom Highlight API: no DOM is changed, so React keeps
 * owning the article's nodes. Returns the first marked range, to scroll to.
 */
export function highlightQuery(root: HTMLElement, query: string): Range | null {
  clearHighlights();
  const words = parseQuery(query).map((word) => ({ ...word, prefix: word.prefix && word.folded.length >= 2 }));
  if (words.length === 0 || typeof Highlight === 'undefined') return null;
  const matches = queryWordMatcher(words);
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('.katex, pre, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node && ranges.length < 500; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (const span of wordSpans(text)) {
      if (!matches(span.text)) continue;
      const range = document.createRange();
      range.setStart(node, span.start);
      range.setEnd(node, span.end);
      ranges.push(range);
    }
  }
  if (ranges.length) CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
  return ranges[0] ?? null;
}

export function clearHighlights(): void {
  if (typeof CSS !== 'undefined' && CSS.highlights) CSS.highlights.delete(HIGHLIGHT_NAME);
}
