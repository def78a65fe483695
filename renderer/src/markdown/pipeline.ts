/**
 * The reader's Markdown pipeline: the shared lecture preset (core/common/markdown/preset.ts), then what only
 * the screen needs — KaTeX, formula scroll regions, and syntax colours bounded by size.
 */
import type { Element, Root } from 'hast';
import rehypeKatex from 'rehype-katex';
import type { PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import { highlightPlugins } from '../../../core/common/markdown/highlight.js';
import { remarkPlugins, sharedRehypePlugins } from '../../../core/common/markdown/preset.js';

export { remarkPlugins };

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
  return [...sharedRehypePlugins, [rehypeKatex, { strict: 'ignore' }], [rehypeFormulaRegions, { label: formulaLabel }], ...highlightPlugins];
}
