/**
 * The reader's Markdown pipeline: the shared lecture preset (core/common/markdown/preset.ts), then what only
 * the screen needs — KaTeX, formula scroll regions, and syntax colours bounded by size.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import { common } from 'lowlight';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import type { PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import { remarkPlugins, sharedRehypePlugins } from '../../../core/common/markdown/preset.js';

export { remarkPlugins };

/** Code blocks larger than this are shown plain: colouring 1 MB of code would hold the page for seconds. */
export const HIGHLIGHT_LIMIT_CHARS = 100_000;

function rehypeBoundHighlight() {
  return (tree: Root) => {
    visit(tree, 'element', (element: Element) => {
      if (element.tagName !== 'code' || toString(element).length <= HIGHLIGHT_LIMIT_CHARS) return;
      const classes = Array.isArray(element.properties.className) ? element.properties.className : [];
      element.properties.className = [...classes, 'no-highlight'];
    });
  };
}

/**
 * Display formulas become named, focusable scroll regions: a long formula on a phone scrolls sideways inside
 * itself, and keyboard users can reach and scroll it.
 */
function rehypeFormulaRegions(options: { label: string }) {
  return (tree: Root) => {
    visit(tree, 'element', (element: Element) => {
      const classes = element.properties.className;
      if (!Array.isArray(classes) || !classes.includes('katex-display')) return;
      element.properties.className = [...classes, 'formula-scroll'];
      element.properties.tabIndex = 0;
      element.properties.role = 'region';
      element.properties.ariaLabel = options.label;
    });
  };
}

// KaTeX renders what it can and stays quiet about glyphs it has no metrics for (emoji, rare scripts).
export function rehypePlugins(formulaLabel: string): PluggableList {
  return [
    ...sharedRehypePlugins,
    rehypeBoundHighlight,
    [rehypeKatex, { strict: 'ignore' }],
    [rehypeFormulaRegions, { label: formulaLabel }],
    [rehypeHighlight, { detect: false, languages: { ...common, dockerfile } }],
  ];
}
