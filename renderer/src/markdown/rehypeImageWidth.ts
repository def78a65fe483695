import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Widths outside this range are clamped: a lecture cannot make an image vanish or overflow the page. */
const MIN_WIDTH = 16;
const MAX_WIDTH = 1200;

/**
 * Keeps the one thing lecture authors use inline styles for — `<img style="width: 600px">` — as a bounded
 * `width` attribute, before the sanitizer drops every `style`.
 */
export default function rehypeImageWidth() {
  return (tree: Root) => {
    visit(tree, 'element', (element: Element) => {
      if (element.tagName !== 'img') return;
      const style = element.properties.style;
      const match = typeof style === 'string' ? /(?:^|;)\s*width\s*:\s*(\d+(?:\.\d+)?)px/i.exec(style) : null;
      if (match) element.properties.width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Number(match[1]))));
      else if (element.properties.width !== undefined) {
        const width = Number.parseInt(String(element.properties.width), 10);
        element.properties.width = Number.isFinite(width) ? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)) : undefined;
      }
      delete element.properties.style;
    });
  };
}
