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

export default function rehypeInPageLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    const links: Element[] = [];
    visit(tree, 'element', (element) => {
      const { id, name, href } = element.properties;
      if (typeof id === 'string') ids.add(id);
      // Browsers scroll to `<a name>` too, the anchor form older HTML and many authors use.
      if (element.tagName === 'a' && typeof name === 'string') ids.add(name);
      if (element.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) links.push(element);
    });
    for (const link of links) {
      const fragment = safeDecode((link.properties.href as string).slice(1));
      if (!ids.has(fragment) && ids.has(CLOBBER_PREFIX + fragment)) link.properties.href = `#${CLOBBER_PREFIX}${fragment}`;
    }
  };
}
