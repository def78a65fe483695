/**
 * Markdown → the reader's finished HTML tree (hast): sanitized, with heading ids, formulas and colours. Pure:
 * runs in the Markdown worker, or on the page when a worker cannot be started.
 */
import type { Root, RootContent } from 'hast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { removePosition } from 'unist-util-remove-position';
import { VFile } from 'vfile';
import { remarkPlugins, remarkRehypeOptions } from '../../../core/common/markdown/preset.js';
import { rehypePlugins } from './pipeline.js';

const processors = new Map<string, ReturnType<typeof processorFor>>();

function processorFor(formulaLabel: string) {
  return unified().use(remarkParse).use(remarkPlugins).use(remarkRehype, remarkRehypeOptions).use(rehypePlugins(formulaLabel));
}

function markdownTree(markdown: string, formulaLabel: string): Root {
  let processor = processors.get(formulaLabel);
  if (!processor) processors.set(formulaLabel, (processor = processorFor(formulaLabel)));
  // One file for parsing and transforming: plugins read the (normalised) source back from it.
  const file = new VFile(markdown);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  // Source positions are not needed to render, and would double what crosses from the worker.
  removePosition(tree);
  return tree;
}

/** How much of the tree (in nodes) is put on the page at a time: each step must stay well under 200 ms. */
const NODES_PER_STEP = 400;

function size(node: RootContent): number {
  return 1 + ('children' in node ? node.children.reduce((total, child) => total + size(child), 0) : 0);
}

/** The lecture's top-level blocks, grouped into steps of about NODES_PER_STEP nodes each. */
export function markdownSteps(markdown: string, formulaLabel: string): RootContent[][] {
  const groups: RootContent[][] = [];
  let weight = Infinity;
  for (const block of markdownTree(markdown, formulaLabel).children) {
    const own = size(block);
    if (weight + own > NODES_PER_STEP) {
      groups.push([]);
      weight = 0;
    }
    groups[groups.length - 1].push(block);
    weight += own;
  }
  return groups;
}
