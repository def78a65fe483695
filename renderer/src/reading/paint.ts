/**
 * Drawing over the lecture without touching its DOM, through the CSS Custom Highlight API: React keeps owning
 * the markup, and the search's own `<mark>`s are never disturbed. Browsers without the API still list every
 * highlight and find every match; they only do not colour them.
 */
export function paint(name: string, ranges: Range[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}

/** The element to scroll to for a range: the one holding its start. */
export function elementOf(range: Range): Element | null {
  const node = range.startContainer;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}
