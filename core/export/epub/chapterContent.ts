/**
 * A lecture's tree (bookMarkdown.ts) made into an e-book chapter's content: what a browser does with the reader's
 * HTML, an e-reader may not — formulas need the MathML namespace and their TeX as text, quizzes (`<details>`) do not
 * open on most readers, checkboxes are form controls, and links must lead to other chapters or nowhere.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import { classifyLink, imageFileName } from '../../common/links.js';
import { anchorIn, CLOBBER_PREFIX } from '../../common/markdown/inPageLinks.js';

const MATHML_NAMESPACE = 'http://www.w3.org/1998/Math/MathML';

/** Formulas, quizzes and checkboxes as e-readers understand them. */
export function forEReaders(tree: Root): void {
  visit(tree, 'element', (element: Element, index, parent) => {
    if (element.tagName === 'math') return void mathForEReaders(element);
    if (element.tagName === 'span' && hasClass(element, 'katex') && isDisplayMath(element)) {
      // A display formula stands on its own line as a block.
      element.tagName = 'div';
      element.properties.className = ['formula'];
    }
    if (element.tagName === 'details') detailsForEReaders(element);
    if (element.tagName === 'a' && typeof element.properties.name === 'string') {
      element.properties.id ??= element.properties.name;
      delete element.properties.name;
    }
    footnoteInVietnamese(element);
    if (element.tagName === 'input' && parent && index !== undefined) {
      const checked = element.properties.checked === true;
      parent.children[index] = { type: 'text', value: checked ? '☑' : '☐' };
      return SKIP;
    }
    // XML has no attribute without a value; what is left of HTML's boolean attributes means nothing in a book.
    for (const [name, value] of Object.entries(element.properties)) if (value === true) delete element.properties[name];
  });
}

/** GitHub's footnote words (remark-rehype's defaults, also the reader's) said in the book's language. */
function footnoteInVietnamese(element: Element): void {
  if (element.properties.id === `${CLOBBER_PREFIX}footnote-label`) {
    element.properties.className = ['footnotes-title'];
    element.children = [{ type: 'text', value: 'Chú thích' }];
  }
  if (element.properties.dataFootnoteBackref !== undefined) element.properties.ariaLabel = 'Quay lại chỗ đánh dấu chú thích';
}

function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

function isDisplayMath(wrapper: Element): boolean {
  const math = wrapper.children.find((child): child is Element => child.type === 'element' && child.tagName === 'math');
  return math?.properties.display === 'block';
}

/** MathML in its namespace, its TeX source as `alttext`: what a reader without MathML shows or speaks. */
function mathForEReaders(math: Element): void {
  math.properties.xmlns = MATHML_NAMESPACE;
  let tex = '';
  visit(math, 'element', (element: Element) => {
    if (element.tagName === 'annotation' && element.properties.encoding === 'application/x-tex') tex = toString(element);
  });
  if (tex) math.properties.alttext = tex.trim();
}

/** A `<details>` quiz stays open: its question in bold, its answer set off below it. */
function detailsForEReaders(details: Element): void {
  const summary = details.children.find((child): child is Element => child.type === 'element' && child.tagName === 'summary');
  const rest = details.children.filter((child) => child !== summary);
  details.tagName = 'div';
  details.properties = { className: ['details'] };
  const question: ElementContent[] = summary
    ? [{ type: 'element', tagName: 'p', properties: { className: ['details-summary'] }, children: summary.children }]
    : [];
  details.children = [...question, { type: 'element', tagName: 'div', properties: { className: ['details-body'] }, children: rest }];
}

/** Where a link may lead from a chapter of the book. */
export interface BookLinks {
  /** This chapter's own anchors. */
  anchors: Set<string>;
  /** The chapter of a lecture in the book: its file (relative to this chapter) and anchors; undefined when not in the book. */
  chapterOf(slug: string): { href: string; anchors: Set<string> } | undefined;
}

/**
 * Links made to work inside the book: `/blog/<slug>` to a lecture in the book becomes a link to its chapter (at the
 * section, when it exists); `#anchor` stays when the anchor exists; web and mail links stay. Everything else — a
 * lecture not in the book, a relative file of the lecture site, a missing anchor — is kept as plain text: the book
 * holds no link that leads nowhere.
 */
export function linkChapters(tree: Root, links: BookLinks): void {
  visit(tree, 'element', (element: Element, index, parent) => {
    if (element.tagName !== 'a' || element.properties.href === undefined) return;
    const href = bookHref(String(element.properties.href), links);
    if (href !== undefined) {
      element.properties.href = href;
      return;
    }
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1, ...element.children);
    return index;
  });
}

function bookHref(href: string, links: BookLinks): string | undefined {
  const link = classifyLink(href);
  if (link.kind === 'external' || /^mailto:/i.test(href.trim())) return href;
  if (link.kind === 'anchor') {
    const anchor = anchorIn(links.anchors, link.anchor ?? '');
    return anchor === undefined ? undefined : `#${anchor}`;
  }
  if (link.kind !== 'internal') return undefined;
  const chapter = links.chapterOf(link.slug!);
  if (!chapter) return undefined;
  const anchor = link.anchor ? anchorIn(chapter.anchors, link.anchor) : undefined;
  return anchor === undefined ? chapter.href : `${chapter.href}#${anchor}`;
}

/** Whether the tree holds a formula: its page is then declared as using MathML. */
export function usesMathml(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (element: Element) => {
    if (element.tagName !== 'math') return;
    found = true;
    return EXIT;
  });
  return found;
}

/** Every image of the tree, for the book to embed or replace. */
export function imagesOf(tree: Root): Element[] {
  const images: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    if (element.tagName === 'img') images.push(element);
  });
  return images;
}

/** An image the book cannot hold becomes its description in brackets, as the reader's placeholder says it. */
export function replaceWithPlaceholder(image: Element, label: string): void {
  const name = String(image.properties.alt ?? '') || imageFileName(String(image.properties.src ?? ''));
  image.tagName = 'span';
  image.properties = { className: ['image-placeholder'] };
  image.children = [{ type: 'text', value: `[${label}${name ? `: ${name}` : ''}]` }];
}
