/**
 * In-page links that reach their target. The sanitizer prefixes every id and name written in a lecture with
 * `user-content-` (so a lecture cannot clobber the page's own ids), but not the `#fragment` links pointing at them:
 * footnote references (`#fn-1`, `#fnref-1`) and an author's `[see](#dinh-nghia)` to `<a name="dinh-nghia">`.
 * A link whose fragment names no id (or `<a name>`) but whose prefixed one exists is pointed at it. Heading ids are added after the
 * sanitizer, unprefixed, and links to them are left alone.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { safeDecode } from '../links.js';

/** rehype-sanitize's default `clobberPrefix`, which our schema keeps. */
export const CLOBBER_PREFIX = 'user-content-';

/** The ids and `<a name>` anchors of a tree: where links into it may point (browsers scroll to either). */
export function anchorsOf(tree: Root): Set<string> {
  const anchors = new Set<string>();
  visit(tree, 'element', (element: Element) => {
    const { id, name } = element.properties;
    if (typeof id === 'string') anchors.add(id);
    if (element.tagName === 'a' && typeof name === 'string') anchors.add(name);
  });
  return anchors;
}

/** The anchor a link's fragment names, as written or as the sanitizer prefixed it; undefined when neither exists. */
export function anchorIn(anchors: Set<string>, fragment: string): string | undefined {
  return [fragment, `${CLOBBER_PREFIX}${fragment}`].find((id) => anchors.has(id));
}

export default function rehypeInPageLinks() {
  return (tree: Root) => {
    const anchors = anchorsOf(tree);
    visit(tree, 'element', (link: Element) => {
      const { href } = link.properties;
      if (link.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      const fragment = safeDecode(href.slice(1));
      const anchor = anchorIn(anchors, fragment);
      if (anchor && anchor !== fragment) link.properties.href = `#${anchor}`;
    });
  };
}
