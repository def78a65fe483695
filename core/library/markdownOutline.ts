/**
 * Reads what the library needs out of a lecture body with the reader's own Markdown preset
 * (core/common/markdown/preset.ts): headings with the very ids the reader gives them, links, image sources as
 * the reader sees them, what the sanitizer removes, and the plain text of each section for the search index.
 * Nothing here renders HTML.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { Heading, Section } from '../common/api.js';
import { packTexts, type PackedTexts, type SectionPlace } from '../common/packedTexts.js';
import { mathToText } from '../common/markdown/mathText.js';
import { headingIdPlugins, rawHtmlPlugins, remarkPlugins, remarkRehypeOptions, safetyPlugins } from '../common/markdown/preset.js';
import { presentationOf } from '../common/markdown/presentation.js';
import { FETCHING_ATTRIBUTES, FETCHING_ELEMENTS } from '../common/markdown/sanitizeSchema.js';

export interface SourceRef {
  url: string;
  /** 1-based line inside the body. */
  line?: number;
}

export interface MarkdownOutline {
  headings: Heading[];
  links: SourceRef[];
  images: SourceRef[];
  /** The sections (see sectionsOf), without their texts: those are packed apart, in the same order. */
  sections: SectionPlace[];
  texts: PackedTexts;
  /** Raw HTML the reader removes before showing the lecture (scripts, frames, handlers, styles…), described. */
  removedHtml: SourceRef[];
}

/** h1…h6 → 1…6, anything else → undefined. */
function headingRank(element: Element): number | undefined {
  return /^h[1-6]$/.test(element.tagName) ? Number(element.tagName[1]) : undefined;
}

/** Elements the reader's sanitizer removes with their content or as a whole. */
const REMOVED_ELEMENTS = new Set(['script', 'style', 'meta', 'base', 'form', 'math', 'template', ...FETCHING_ELEMENTS]);
const FETCHING = new Set(FETCHING_ATTRIBUTES.filter((name) => name !== 'style'));

const toRawTree = unified().use(remarkParse).use(remarkPlugins).use(remarkRehype, remarkRehypeOptions).use(rawHtmlPlugins);
const toSafeTree = unified().use(safetyPlugins).use(headingIdPlugins);

export function outlineMarkdown(body: string): MarkdownOutline {
  const file = new VFile(body);
  const raw = toRawTree.runSync(toRawTree.parse(file), file) as HastRoot;
  const originalLine = file.data.originalLine ?? [];
  const lineOf = (node: { position?: { start: { line: number } } }) => {
    const line = node.position?.start.line;
    return line === undefined ? undefined : (originalLine[line - 1] ?? line);
  };

  const links: SourceRef[] = [];
  const images: SourceRef[] = [];
  const removedHtml: SourceRef[] = [];
  visit(raw, 'element', (element: Element) => {
    const line = lineOf(element);
    const { href, src } = element.properties;
    if (element.tagName === 'a' && typeof href === 'string') links.push({ url: href, line });
    if (element.tagName === 'img') images.push({ url: typeof src === 'string' ? src : '', line });
    if (REMOVED_ELEMENTS.has(element.tagName)) removedHtml.push({ url: `<${element.tagName}>`, line });
    for (const name of Object.keys(element.properties)) {
      if (/^on/i.test(name)) removedHtml.push({ url: `the ${name.toLowerCase()} handler on <${element.tagName}>`, line });
      else if (FETCHING.has(name)) removedHtml.push({ url: `the ${name.toLowerCase()} attribute on <${element.tagName}>`, line });
    }
    const { dropped } = REMOVED_ELEMENTS.has(element.tagName) ? { dropped: [] } : presentationOf(element);
    if (dropped.length) {
      const what = element.properties.style === undefined ? 'the layout attributes' : 'the style attribute';
      removedHtml.push({ url: `${what} on <${element.tagName}> (${dropped.join('; ')})`, line });
    }
  });

  const tree = toSafeTree.runSync(raw) as HastRoot;
  const headings: Heading[] = [];
  visit(tree, 'element', (element: Element) => {
    const level = headingRank(element);
    if (level) headings.push({ level, text: headingText(element), id: String(element.properties.id ?? '') });
  });
  const sections = sectionsOf(tree);
  return {
    headings,
    links,
    images,
    removedHtml,
    sections: sections.map(({ text: _text, ...place }) => place),
    texts: packTexts(sections.map((section) => section.text)),
  };
}

/** A heading as the table of contents shows it: its text, formulas as readable text. */
function headingText(element: Element): string {
  return readableText(element).replace(/\s+/g, ' ').trim();
}

/** Top-level headings split the lecture into sections; the text before the first one is section ''. */
function sectionsOf(tree: HastRoot): Section[] {
  const sections: Section[] = [{ id: '', title: '', parents: [], text: '' }];
  const texts: string[][] = [[]];
  const open: { level: number; text: string }[] = [];
  for (const node of tree.children) {
    const level = node.type === 'element' ? headingRank(node) : undefined;
    if (node.type === 'element' && level) {
      const title = headingText(node);
      while (open.length && open[open.length - 1].level >= level) open.pop();
      sections.push({ id: String(node.properties.id ?? ''), title, parents: open.map((heading) => heading.text), text: '' });
      open.push({ level, text: title });
      texts.push([]);
    } else {
      const text = readableText(node).trim();
      if (text) texts[texts.length - 1].push(text);
    }
  }
  sections.forEach((section, index) => (section.text = texts[index].join('\n')));
  return sections.filter((section, index) => index > 0 || section.text);
}

const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'details',
  'summary',
  'section',
  'dl',
  'dt',
  'dd',
  'hr',
]);

/**
 * The words a reader sees: code is kept (commands are searched for), formulas as readable text, URLs and image
 * paths are not words.
 */
function readableText(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
  if (node.tagName === 'code' && (classes.includes('math-inline') || classes.includes('math-display'))) return mathToText(hastToString(node));
  if (node.tagName === 'img') return '';
  if (node.tagName === 'br') return '\n';
  // A bare URL written as text becomes a link whose only text is the URL: not words to search.
  if (node.tagName === 'a' && hastToString(node) === node.properties.href) return '';
  const parts = node.children.map(readableText).filter((text) => text.trim());
  if (node.tagName === 'tr') return parts.map((part) => part.trim()).join(' | ');
  const block = node.children.some((child) => child.type === 'element' && BLOCK_ELEMENTS.has(child.tagName));
  return block ? parts.map((part) => part.trim()).join('\n') : node.children.map(readableText).join('');
}
