/**
 * Reads what the library needs out of a lecture body, using the same remark parser the reader renders with:
 * headings (with the anchor ids the reader gives them), links, image references, and the plain text of each
 * section for the search index. Nothing here renders HTML.
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Heading } from '../common/api.js';

export interface SourceRef {
  url: string;
  /** 1-based line inside the body. */
  line?: number;
}

export interface Section {
  /** Anchor id of the heading that opens the section; '' for the text before the first heading. */
  id: string;
  title: string;
  /** Titles of the headings this section sits under, outermost first. */
  parents: string[];
  /** Plain text of the section, without URLs, image paths or math source. */
  text: string;
}

export interface MarkdownOutline {
  headings: Heading[];
  links: SourceRef[];
  images: SourceRef[];
  sections: Section[];
  /** Raw HTML the reader removes before showing the lecture (scripts, frames, handlers, styles…), described. */
  removedHtml: SourceRef[];
}

/** Elements the reader's sanitizer removes with their content or as a whole. */
const REMOVED_ELEMENTS = new Set(['script', 'style', 'iframe', 'frame', 'object', 'embed', 'applet', 'meta', 'base', 'link', 'form', 'svg', 'math', 'template']);

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

export function outlineMarkdown(body: string): MarkdownOutline {
  const tree = parser.parse(body) as Root;
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const links: SourceRef[] = [];
  const images: SourceRef[] = [];
  const removedHtml: SourceRef[] = [];
  const sections: Section[] = [{ id: '', title: '', parents: [], text: '' }];
  const open: Heading[] = [];

  visit(tree, (node) => {
    const line = node.position?.start.line;
    if (node.type === 'link') links.push({ url: node.url, line });
    else if (node.type === 'image') images.push({ url: node.url, line });
    else if (node.type === 'definition') links.push({ url: node.url, line });
    else if (node.type === 'html') {
      const { hrefs, srcs, removed } = htmlReferences(node.value);
      for (const url of hrefs) links.push({ url, line });
      for (const url of srcs) images.push({ url, line });
      for (const url of removed) removedHtml.push({ url, line });
    }
  });

  const texts: string[][] = [[]];
  for (const block of tree.children) {
    if (block.type === 'heading') {
      const text = toString(block).trim();
      const id = slugger.slug(text);
      headings.push({ level: block.depth, text, id });
      while (open.length && open[open.length - 1].level >= block.depth) open.pop();
      sections.push({ id, title: text, parents: open.map((heading) => heading.text), text: '' });
      open.push({ level: block.depth, text, id });
      texts.push([]);
    } else {
      const text = searchableText(block);
      if (text) texts[texts.length - 1].push(text);
    }
  }
  sections.forEach((section, index) => (section.text = texts[index].join('\n')));
  return { headings, links, images, removedHtml, sections: sections.filter((s, i) => i > 0 || s.text) };
}

/** The words a reader sees in a block: code is kept (commands are searched for), URLs and math are not. */
function searchableText(node: Nodes): string {
  switch (node.type) {
    case 'html':
      return htmlText(node.value);
    case 'math':
    case 'inlineMath':
    case 'image':
    case 'imageReference':
    case 'definition':
      return '';
    case 'code':
    case 'inlineCode':
    case 'text':
      return node.value;
    case 'link':
      // A bare URL written as text becomes a link whose only text is the URL: not words to search.
      return toString(node) === node.url ? '' : childrenText(node);
    default:
      return 'children' in node ? childrenText(node) : '';
  }
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'tableRow', 'tableCell', 'blockquote', 'code', 'html', 'list', 'table']);

function childrenText(node: Nodes & { children: Nodes[] }): string {
  const separator = node.children.some((child) => BLOCK_TYPES.has(child.type)) ? '\n' : '';
  const joiner = node.type === 'tableRow' ? ' | ' : separator;
  return node.children.map(searchableText).filter(Boolean).join(joiner);
}

function parseHtml(html: string): HastRoot {
  return fromHtml(html, { fragment: true });
}

function htmlText(html: string): string {
  return hastToString(parseHtml(html)).trim();
}

function htmlReferences(html: string): { hrefs: string[]; srcs: string[]; removed: string[] } {
  const hrefs: string[] = [];
  const srcs: string[] = [];
  const removed: string[] = [];
  visit(parseHtml(html), 'element', (element: Element) => {
    const { href, src } = element.properties;
    if (element.tagName === 'a' && typeof href === 'string') hrefs.push(href);
    if (element.tagName === 'img') srcs.push(typeof src === 'string' ? src : '');
    if (REMOVED_ELEMENTS.has(element.tagName)) removed.push(`<${element.tagName}>`);
    for (const name of Object.keys(element.properties)) {
      if (/^on/i.test(name)) removed.push(`the ${name.toLowerCase()} handler on <${element.tagName}>`);
      else if (name === 'style' && element.tagName !== 'img') removed.push(`the style attribute on <${element.tagName}>`);
    }
  });
  return { hrefs, srcs, removed };
}
