/**
 * Syntax colours for code blocks, bounded by size: what the reader and the e-book both apply to the preset's tree.
 * Pure code: shared with the renderer.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import { common } from 'lowlight';
import rehypeHighlight from 'rehype-highlight';
import type { PluggableList } from 'unified';
import { visit } from 'unist-util-visit';

/** Code blocks larger than this are shown plain: colouring 1 MB of code would hold the page for seconds. */
const HIGHLIGHT_LIMIT_CHARS = 100_000;

function rehypeBoundHighlight() {
  return (tree: Root) => {
    visit(tree, 'element', (element: Element) => {
      if (element.tagName !== 'code' || toString(element).length <= HIGHLIGHT_LIMIT_CHARS) return;
      const classes = Array.isArray(element.properties.className) ? element.properties.className : [];
      element.properties.className = [...classes, 'no-highlight'];
    });
  };
}

/** Colours only the languages a block names (no guessing), those under the size bound. */
export const highlightPlugins: PluggableList = [rehypeBoundHighlight, [rehypeHighlight, { detect: false, languages: { ...common, dockerfile } }]];
