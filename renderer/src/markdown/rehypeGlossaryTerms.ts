/**
 * Marks glossary terms in a rendered lecture: the first use of each term in a section becomes a focusable
 * button whose counterpart (the other language's term) shows on hover, focus or tap (CSS, `data-counterpart`).
 * Runs after sanitizing: it only adds elements of its own. Code, links, headings and math are left alone.
 */
import type { Element, ElementContent, Root, Text } from 'hast';

export interface GlossaryTerm {
  term: string;
  counterpart: string;
}

const SKIPPED = new Set(['code', 'pre', 'a', 'button', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style', 'svg', 'math']);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export default function rehypeGlossaryTerms(options: { terms: readonly GlossaryTerm[] }) {
  const byTerm = new Map(options.terms.map((item) => [item.term.toLowerCase(), item]));
  const pattern = byTerm.size
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...byTerm.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    : null;
  return (tree: Root) => {
    if (!pattern) return;
    let marked = new Set<string>();
    const mark = (text: Text): ElementContent[] | null => {
      const parts: ElementContent[] = [];
      let last = 0;
      for (const match of text.value.matchAll(pattern)) {
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
    const walk = (node: Root | Element) => {
      const children: ElementContent[] = [];
      for (const child of node.children as ElementContent[]) {
        if (child.type === 'element' && /^h[1-6]$/.test(child.tagName)) marked = new Set();
        if (child.type === 'text') children.push(...(mark(child) ?? [child]));
        else {
          if (child.type === 'element' && !SKIPPED.has(child.tagName) && !String(child.properties.className ?? '').includes('katex')) walk(child);
          children.push(child);
        }
      }
      node.children = children as typeof node.children;
    };
    walk(tree);
  };
}
