/**
 * Tables and code blocks too large to put on the page at once (a 20,000-column table, a 1.8 MB log) are shown
 * as a preview with "show all": mounting them whole would hold the page for seconds.
 */
import type { Element, ElementContent, RootContent } from 'hast';
import { useState, type ReactNode } from 'react';
import { toString } from 'hast-util-to-string';
import type { MarkdownLabels } from './MarkdownBody.js';

/** Above this many cells a table is previewed. */
const TABLE_CELL_LIMIT = 4000;
const PREVIEW_ROWS = 60;
const PREVIEW_COLUMNS = 40;
/** Above this many lines a code block is previewed. */
const CODE_LINE_LIMIT = 1500;
const PREVIEW_LINES = 300;

function count(node: Element | undefined, tags: string[]): number {
  if (!node) return 0;
  let total = 0;
  const walk = (element: Element) => {
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (tags.includes(child.tagName)) total++;
      else walk(child);
    }
  };
  walk(node);
  return total;
}

/** Full tables behind the previews `previewLargeTables` made of them. */
const fullTables = new WeakMap<Element, Element>();

/** Large tables replaced by their first rows, each cut to its first cells (before they become React elements). */
export function previewLargeTables(nodes: RootContent[]): RootContent[] {
  return nodes.map((node) => {
    if (node.type !== 'element') return node;
    if (node.tagName === 'table' && count(node, ['td', 'th']) > TABLE_CELL_LIMIT) {
      let rowsLeft = PREVIEW_ROWS;
      const cut = (element: Element): Element => ({
        ...element,
        children: element.children.flatMap((child): ElementContent[] => {
          if (child.type !== 'element') return [child];
          if (child.tagName === 'tr') {
            if (rowsLeft-- <= 0) return [];
            return [{ ...child, children: child.children.filter((cell) => cell.type === 'element').slice(0, PREVIEW_COLUMNS) }];
          }
          return [cut(child)];
        }),
      });
      const preview = cut(node);
      fullTables.set(preview, node);
      return preview;
    }
    return { ...node, children: previewLargeTables(node.children) as Element['children'] };
  });
}

export function BoundedTable({
  node,
  className,
  labels,
  renderAll,
  children,
}: {
  node?: Element;
  className?: string;
  labels: MarkdownLabels;
  renderAll: (full: Element) => ReactNode;
  children: ReactNode;
}) {
  const [expanded, setExpanded] = useState(false);
  const full = node ? fullTables.get(node) : undefined;
  const rows = count(full, ['tr']);
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={labels.tableLabel}>
        <table className={className}>{full && expanded ? renderAll(full) : children}</table>
      </div>
      {full && !expanded && (
        <button type="button" className="show-all" onClick={() => setExpanded(true)}>
          {labels.showAll(Math.min(rows, PREVIEW_ROWS), rows, 'rows')}
        </button>
      )}
    </>
  );
}

export function BoundedCode({ node, labels, children }: { node?: Element; labels: MarkdownLabels; children: ReactNode }) {
  const [expanded, setExpanded] = useState(false);
  const text = node ? toString(node) : '';
  const lines = text.split('\n').length;
  // Focusable and named: a long line scrolls sideways, and keyboard users must be able to scroll it too.
  const region = { tabIndex: 0, role: 'region', 'aria-label': labels.codeLabel } as const;
  if (lines <= CODE_LINE_LIMIT || expanded) return <pre {...region}>{children}</pre>;
  return (
    <>
      <pre {...region}>
        <code>{text.split('\n', PREVIEW_LINES).join('\n')}</code>
      </pre>
      <button type="button" className="show-all" onClick={() => setExpanded(true)}>
        {labels.showAll(PREVIEW_LINES, lines, 'lines')}
      </button>
    </>
  );
}
