/**
 * Tables and code blocks too large to put on the page at once (a 20,000-column table, a 1.8 MB log) are shown
 * as a preview with "show all": mounting them whole would hold the page for seconds.
 */
import { Children, cloneElement, isValidElement, useState, type ReactElement, type ReactNode } from 'react';
import type { Element } from 'hast';
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

/** The first rows of a table, each cut to its first cells. */
function previewRows(children: ReactNode, rows: number, columns: number): ReactNode {
  let left = rows;
  return Children.map(children, (section) => {
    if (!isValidElement<{ children?: ReactNode }>(section)) return section;
    const kept = Children.toArray(section.props.children)
      .filter(isValidElement)
      .slice(0, Math.max(0, left))
      .map((row) => cloneElement(row as ReactElement<{ children?: ReactNode }>, {}, Children.toArray((row as ReactElement<{ children?: ReactNode }>).props.children).filter(isValidElement).slice(0, columns)));
    left -= kept.length;
    return cloneElement(section, {}, kept);
  });
}

export function BoundedTable({ node, className, labels, children }: { node?: Element; className?: string; labels: MarkdownLabels; children: ReactNode }) {
  const [expanded, setExpanded] = useState(false);
  const cells = count(node, ['td', 'th']);
  const rows = count(node, ['tr']);
  const large = cells > TABLE_CELL_LIMIT && !expanded;
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={labels.tableLabel}>
        <table className={className}>{large ? previewRows(children, PREVIEW_ROWS, PREVIEW_COLUMNS) : children}</table>
      </div>
      {large && (
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
