/**
 * Markdown → a lecture's tree for the e-book: the one lecture preset (core/common/markdown), the same tree the
 * reader gets, with formulas as MathML instead of KaTeX's HTML (e-readers have no KaTeX fonts or styles) and the
 * reader's syntax colours.
 */
import type { Root } from 'hast';
import rehypeKatex from 'rehype-katex';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { highlightPlugins } from '../../common/markdown/highlight.js';
import { remarkPlugins, remarkRehypeOptions, sharedRehypePlugins } from '../../common/markdown/preset.js';

// KaTeX renders what it can and stays quiet about glyphs it has no metrics for (emoji, rare scripts).
const processor = unified()
  .use(remarkParse)
  .use(remarkPlugins)
  .use(remarkRehype, remarkRehypeOptions)
  .use(sharedRehypePlugins)
  .use(rehypeKatex, { output: 'mathml', strict: 'ignore' })
  .use(highlightPlugins);

export function bookTree(markdown: string): Root {
  // One file for parsing and transforming: plugins read the (normalised) source back from it.
  const file = new VFile(markdown);
  return processor.runSync(processor.parse(file), file) as Root;
}
