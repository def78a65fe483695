import type { Element, RootContent } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { memo, startTransition, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { classifyLink } from '../../../core/common/links.js';
import { CodeBlock } from '../components/CodeBlock.js';
import { ViewableImage } from '../components/ImageViewer.js';
import { BoundedCode, BoundedTable, previewLargeTables } from './BoundedBlocks.js';
import { glossaryMarker, type GlossaryTerm } from './glossaryMarks.js';
import { useMarkdownSteps, type MarkdownSteps } from './useMarkdownSteps.js';
import { imageFileName } from '../../../core/common/links.js';

export interface MarkdownLabels {
  loading: string;
  imageOffline: string;
  formula: string;
  tableLabel: string;
  codeLabel: string;
  showAll: (shown: number, total: number, unit: 'rows' | 'lines') => string;
}

export interface MarkdownBodyProps {
  markdown: string;
  /** Image source → the URL the reader may load it from (and its smaller copies' srcset), or null when it is not available offline. */
  image: (src: string) => { url: string; srcSet?: string } | null;
  /** Slugs of `/blog/` links that exist in the library. */
  knownLinks: string[];
  labels: MarkdownLabels;
  onInternalLink: (slug: string, anchor: string | undefined, known: boolean) => void;
  /** Called with the Markdown once all of it is on the page (the reader then places the scroll and search hits). */
  onRendered?: (markdown: string) => void;
  /** Glossary terms whose counterpart a reader can show in the text. */
  glossaryTerms?: readonly GlossaryTerm[];
}

const NO_TERMS: readonly GlossaryTerm[] = [];

/** The steps with glossary terms marked, each step marked once as it arrives (so steps on the page stay as they are). */
function useGlossaryMarks({ steps, complete }: MarkdownSteps, terms: readonly GlossaryTerm[]): MarkdownSteps {
  const done = useRef<{ source: RootContent[][]; terms: readonly GlossaryTerm[]; marker: ReturnType<typeof glossaryMarker>; marked: RootContent[][] } | null>(
    null,
  );
  let state = done.current;
  if (!state || state.terms !== terms || steps.length < state.marked.length || state.source[0] !== steps[0]) {
    state = done.current = { source: steps, terms, marker: glossaryMarker(terms), marked: [] };
  }
  state.source = steps;
  while (state.marked.length < steps.length) state.marked = [...state.marked, state.marker.mark(steps[state.marked.length])];
  return { steps: state.marked, complete };
}

function renderNodes(nodes: RootContent[], components: Partial<Components>): ReactNode {
  return toJsxRuntime({ type: 'root', children: nodes }, { Fragment, jsx, jsxs, components, passKeys: true, passNode: true, ignoreInvalidStyle: true });
}

let runs = 0;

/** Lectures of more steps than this are laid out lazily (`content-visibility`). */
const HUGE_STEPS = 8;

/**
 * One step's blocks, in a wrapper of its own (always there: adding it later would rebuild every step on the page).
 * In a huge lecture the browser lays out and paints only the steps near the screen (styles.css, `.huge-lecture`),
 * one wrapper for some dozens of blocks: a lazy box per block would cost the browser a check per block every frame.
 */
const Step = memo(function Step({ nodes, components }: { nodes: RootContent[]; components: Partial<Components> }) {
  return <div className="lecture-step">{renderNodes(previewLargeTables(nodes), components)}</div>;
});

/**
 * Puts the steps on the page one at a time as they arrive. Each is rendered as a transition, which React does in
 * slices of a few milliseconds, yielding to the browser between them: no step holds the page, however large.
 */
function Progressive({ steps, complete, components, onDone }: MarkdownSteps & { components: Partial<Components>; onDone: () => void }) {
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown < steps.length) {
      const timer = setTimeout(() => startTransition(() => setShown(shown + 1)), 0);
      return () => clearTimeout(timer);
    }
    if (complete) onDone();
  }, [shown, steps.length, complete, onDone]);
  const rendered = steps.slice(0, shown).map((nodes, index) => <Step key={index} nodes={nodes} components={components} />);
  return <div className={steps.length > HUGE_STEPS ? 'lecture-blocks huge-lecture' : 'lecture-blocks'}>{rendered}</div>;
}

function MarkdownBodyImpl({ markdown, image, knownLinks, labels, onInternalLink, onRendered, glossaryTerms = NO_TERMS }: MarkdownBodyProps) {
  const { steps, complete } = useGlossaryMarks(useMarkdownSteps(markdown, labels.formula), glossaryTerms);
  // Callbacks change with every article object; the components must not, or every step would be redone.
  const latest = useRef({ image, onInternalLink, onRendered, markdown });
  latest.current = { image, onInternalLink, onRendered, markdown };
  const onDone = useMemo(() => () => latest.current.onRendered?.(latest.current.markdown), []);
  const components = useMemo(() => markdownComponents(knownLinks, labels, latest), [knownLinks, labels]);
  // A new text or new components start the steps again from the first.
  const run = useMemo(() => ++runs, [markdown, components]);
  if (!steps.length && !complete)
    return (
      <p className="loading" role="status">
        {labels.loading}
      </p>
    );
  return <Progressive key={run} steps={steps} complete={complete} components={components} onDone={onDone} />;
}

function markdownComponents(
  knownLinks: string[],
  labels: MarkdownLabels,
  latest: { current: Pick<MarkdownBodyProps, 'image' | 'onInternalLink'> },
): Partial<Components> {
  const imageOf = (src: string) => latest.current.image(src);
  const onInternalLink: MarkdownBodyProps['onInternalLink'] = (...args) => latest.current.onInternalLink(...args);
  const components: Partial<Components> = {
    img({ src, alt, width, height, className }) {
      const found = typeof src === 'string' ? imageOf(src) : null;
      if (!found) {
        const name = alt || (typeof src === 'string' ? imageFileName(src) : '');
        // At the size the author asked for, so the layout around a missing figure stays as they meant it.
        const size = { width: width ? `${width}px` : undefined, height: height ? `${height}px` : undefined, minHeight: height ? 0 : undefined };
        return (
          <span className={['image-placeholder', className].filter(Boolean).join(' ')} role="img" aria-label={`${name} (${labels.imageOffline})`} style={size}>
            <span aria-hidden="true">🖼</span> {name}
            <small>{labels.imageOffline}</small>
          </span>
        );
      }
      return <ViewableImage src={found.url} srcSet={found.srcSet} alt={alt ?? ''} width={width} height={height} className={className} />;
    },
    a({ href, children }) {
      const link = classifyLink(href ?? '');
      if (link.kind === 'internal') {
        const known = knownLinks.includes(link.slug!);
        return (
          <a
            href={`#/blog/${encodeURIComponent(link.slug!)}`}
            className={known ? 'internal-link' : 'internal-link missing'}
            onClick={(event) => {
              event.preventDefault();
              onInternalLink(link.slug!, link.anchor, known);
            }}
          >
            {children}
          </a>
        );
      }
      if (link.kind === 'anchor') {
        return (
          <a
            href={href}
            onClick={(event) => {
              event.preventDefault();
              document.getElementById(link.anchor!)?.scrollIntoView({ behavior: 'smooth' });
            }}
          >
            {children}
          </a>
        );
      }
      if (link.kind === 'external') {
        return (
          <a href={href} target="_blank" rel="noopener noreferrer" className="external-link">
            {children}
          </a>
        );
      }
      return <span className="inert-link">{children as ReactNode}</span>;
    },
    table({ node, children, className }) {
      return (
        <BoundedTable node={node as Element | undefined} className={className} labels={labels} renderAll={(full) => renderNodes(full.children, components)}>
          {children}
        </BoundedTable>
      );
    },
    pre({ node, children }) {
      return (
        <CodeBlock node={node as Element | undefined}>
          <BoundedCode node={node as Element | undefined} labels={labels}>
            {children}
          </BoundedCode>
        </CodeBlock>
      );
    },
  };
  return components;
}

/** Re-rendered only when the text changes: re-parsing a long lecture on every scroll or keystroke would stall. */
export const MarkdownBody = memo(
  MarkdownBodyImpl,
  (before, after) =>
    before.markdown === after.markdown &&
    before.knownLinks === after.knownLinks &&
    before.labels === after.labels &&
    before.glossaryTerms === after.glossaryTerms,
);
