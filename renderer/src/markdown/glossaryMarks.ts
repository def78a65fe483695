/**
 * Marks glossary terms in a rendered lecture: the first use of each term in a section becomes a focusable
 * button whose counterpart (the other language's term) shows on hover, focus or tap (CSS, `data-counterpart`).
 * Works on the finished, sanitized tree, step by step as the steps arrive, and only adds elements of its own.
 * Code, links, headings and math are left alone; a term and its counterpart are marked once per section.
 */
import type { Element, ElementContent, RootContent, Text } from 'hast';

export interface GlossaryTerm {
  term: string;
  counterpart: string;
}

const SKIPPED = new Set(['code', 'pre', 'a', 'button', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style', 'svg', 'math']);
const HEADING = /^h[1-6]$/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Marks steps one after another; a heading starts a new section (terms may be marked again after it). */
export interface GlossaryMarker {
  mark(nodes: RootContent[]): RootContent[];
}

export function glossaryMarker(terms: readonly GlossaryTerm[]): GlossaryMarker {
  const byTerm = new Map(terms.map((item) => [item.term.toLowerCase(), item]));
  const pattern = byTerm.size
    ? new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${[...byTerm.keys()]
          .sort((a, b) => b.length - a.length)
          .map(escape)
          .join('|')})(?![\\p{L}\\p{N}])`,
        'giu',
      )
    : null;
  let marked = new Set<string>();

  const markText = (text: Text): ElementContent[] | null => {
    const parts: ElementContent[] = [];
    let last = 0;
    for (const match of text.value.matchAll(pattern!)) {
      const item = byTerm.get(match[0].toLowerCase());
      if (!item || marked.has(item.term.toLowerCase())) continue;
      marked.add(item.term.toLowerCase());
      marked.add(item.counterpart.toLowerCase());
      if (match.index > last) parts.push({ type: 'text', value: text.value.slice(last, match.index) });
      parts.push({
        type: 'element',
        tagName: 'button',
        properties: { type: 'button', className: ['glossary-term'], dataCounterpart: item.counterpart, ariaLabel: `${match[0]} (${item.counterpart})` },
        children: [{ type: 'text', value: match[0] }],
      });
      last = match.index + match[0].length;
    }
    if (parts.length === 0) return null;
    if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
    return parts;
  };

  const markChildren = <T extends RootContent | ElementContent>(children: T[]): T[] =>
    children.flatMap((child): T[] => {
      if (child.type === 'text') return (markText(child) as T[] | null) ?? [child];
      if (child.type !== 'element') return [child];
      if (HEADING.test(child.tagName)) marked = new Set();
      if (SKIPPED.has(child.tagName) || String(child.properties.className ?? '').includes('katex')) return [child];
      return [{ ...child, children: markChildren(child.children) } as Element as T];
    });

  return { mark: (nodes) => (pattern ? markChildren(nodes) : nodes) };
}
