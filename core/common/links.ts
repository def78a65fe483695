export type LinkKind = 'internal' | 'external' | 'anchor' | 'other';

export interface ClassifiedLink {
  kind: LinkKind;
  /** For internal links: the lecture slug. */
  slug?: string;
  /** For internal and anchor links: the `#fragment` without `#`. */
  anchor?: string;
}

const INTERNAL = /^\/blog\/([^/?#]+)\/?(?:\?[^#]*)?(?:#(.*))?$/;

/** Sorts a link target: `/blog/<slug>` (trailing slash, `#anchor` allowed), `#anchor`, http(s), or other. */
export function classifyLink(href: string): ClassifiedLink {
  const target = href.trim();
  const internal = INTERNAL.exec(target);
  if (internal) {
    return { kind: 'internal', slug: safeDecode(internal[1]).toLowerCase(), anchor: internal[2] ? safeDecode(internal[2]) : undefined };
  }
  if (target.startsWith('#')) return { kind: 'anchor', anchor: safeDecode(target.slice(1)) };
  if (/^https?:\/\//i.test(target)) return { kind: 'external' };
  return { kind: 'other' };
}

/** `decodeURIComponent`, or the text as it is when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The file name of an image source, for a placeholder whose image has no alt text (the reader's and the e-book's). */
export function imageFileName(src: string): string {
  const path = src.split(/[?#]/)[0];
  return safeDecode(path.slice(path.lastIndexOf('/') + 1)) || src;
}
