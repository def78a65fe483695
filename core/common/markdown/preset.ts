/**
 * The lecture Markdown preset, defined once: the reader's react-markdown and the core's outline (headings,
 * sections, images, links, search text) both run these plugins, so heading ids, section boundaries and image
 * sources agree by construction. Order matters: math delimiters are normalised before parsing, raw HTML is
 * parsed, then its layout kept as classes, then sanitized; only then are heading ids added.
 * Pure code: shared with the renderer, no Node built-ins.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { PluggableList, Processor } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { normalizeMath } from './mathSource.js';
import { escapeTextGroups } from './mathText.js';
import rehypeInPageLinks from './inPageLinks.js';
import rehypePresentation from './presentation.js';
import remarkDisplayMath from './remarkDisplayMath.js';
import { sanitizeSchema } from './sanitizeSchema.js';
import rehypeTaskListLabels from './taskLists.js';

/** Bumped whenever what the preset produces changes: outlines and search indexes built by another are rebuilt. */
export const MARKDOWN_PRESET_VERSION = 3;

/**
 * Parser wrapper: the math delimiters real lectures use (`\( \)`, `\[ \]`, `$$` sharing a line with the
 * formula) are rewritten before Markdown reads them. `file.data.originalLine` maps lines back to the source.
 */
function remarkNormalizeMath(this: Processor) {
  const parse = this.parser as (document: string, file: VFile) => MdastRoot;
  this.parser = (document: string, file: VFile) => {
    const normalized = normalizeMath(document);
    file.value = normalized.markdown;
    file.data.originalLine = normalized.originalLine;
    return parse(normalized.markdown, file);
  };
}

/** KaTeX is as tolerant as the lecture sites: `\text{elastic_net}` renders instead of failing. */
function remarkTolerantMath() {
  return (tree: MdastRoot) => {
    visit(tree, (node) => {
      if (node.type !== 'math' && node.type !== 'inlineMath') return;
      const escaped = escapeTextGroups(node.value);
      if (escaped === node.value) return;
      // remark-math also wrote the formula into the HTML it prepared (`data.hChildren`): both get the fix.
      const rewrite = (children: { type: string; value?: string; children?: unknown[] }[] = []) => {
        for (const child of children) {
          if (child.type === 'text' && child.value === node.value) child.value = escaped;
          else rewrite(child.children as typeof children);
        }
      };
      rewrite(node.data?.hChildren as Parameters<typeof rewrite>[0]);
      node.value = escaped;
    });
  };
}

declare module 'vfile' {
  interface DataMap {
    originalLine: number[];
  }
}

export const remarkPlugins: PluggableList = [remarkNormalizeMath, remarkGfm, remarkMath, remarkDisplayMath, remarkTolerantMath];

/**
 * Options for remark-rehype: raw HTML is kept for rehype-raw to parse; footnote ids get no prefix here, because the
 * sanitizer adds `user-content-` to every id (twice would leave footnote links pointing nowhere; see inPageLinks.ts).
 */
export const remarkRehypeOptions = { allowDangerousHtml: true, clobberPrefix: '' } as const;

/**
 * Parses the raw HTML authors write into the tree, so it can be kept, reported and sanitized like Markdown.
 * A lecture without raw HTML skips it: re-parsing the whole tree costs seconds on a huge table.
 */
function rehypeRawWhenPresent(this: Processor) {
  const raw = rehypeRaw.call(this as never);
  return (tree: HastRoot, file: VFile) => {
    let present = false;
    visit(tree, 'raw', () => {
      present = true;
      return EXIT;
    });
    return present ? raw(tree, file) : tree;
  };
}

export const rawHtmlPlugins: PluggableList = [rehypeRawWhenPresent];

/** Everything that touches untrusted HTML: after these, the tree holds nothing executable and nothing that fetches. */
export const safetyPlugins: PluggableList = [rehypePresentation, [rehypeSanitize, sanitizeSchema]];

/** The heading-id rule: GitHub's slugger over the sanitized heading's text, numbered when repeated. */
export const headingIdPlugins: PluggableList = [rehypeSlug];

/** After the ids are final: in-page links pointed at the ids the sanitizer prefixed, task-list checkboxes named. */
export const finishingPlugins: PluggableList = [rehypeInPageLinks, rehypeTaskListLabels];

/** Raw HTML in, safe tree with heading ids out: the part of the pipeline the core and the reader share. */
export const sharedRehypePlugins: PluggableList = [...rawHtmlPlugins, ...safetyPlugins, ...headingIdPlugins, ...finishingPlugins];
