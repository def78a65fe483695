import { memo, useMemo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { classifyLink } from '../../../core/common/links.js';
import { rehypePlugins, remarkPlugins } from './pipeline.js';
import { BoundedCode, BoundedTable } from './BoundedBlocks.js';

export interface MarkdownLabels {
  imageOffline: string;
  formula: string;
  tableLabel: string;
  codeLabel: string;
  showAll: (shown: number, total: number, unit: 'rows' | 'lines') => string;
}

export interface MarkdownBodyProps {
  markdown: string;
  /** Image source → URL the reader may load it from, or null when it is not available offline. */
  imageUrl: (src: string) => string | null;
  /** Slugs of `/blog/` links that exist in the library. */
  knownLinks: string[];
  labels: MarkdownLabels;
  onInternalLink: (slug: string, anchor: string | undefined, known: boolean) => void;
}

/** The file name of an image source, for a placeholder whose image has no alt text. */
function fileName(src: string): string {
  const path = src.split(/[?#]/)[0];
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || src;
  } catch {
    return name || src;
  }
}

function MarkdownBodyImpl({ markdown, imageUrl, knownLinks, labels, onInternalLink }: MarkdownBodyProps) {
  const rehype = useMemo(() => rehypePlugins(labels.formula), [labels.formula]);
  const components: Components = {
    img({ src, alt, width, height, className }) {
      const url = typeof src === 'string' ? imageUrl(src) : null;
      if (!url) {
        const name = alt || (typeof src === 'string' ? fileName(src) : '');
        // At the size the author asked for, so the layout around a missing figure stays as they meant it.
        const size = { width: width ? `${width}px` : undefined, height: height ? `${height}px` : undefined, minHeight: height ? 0 : undefined };
        return (
          <span className={['image-placeholder', className].filter(Boolean).join(' ')} role="img" aria-label={`${name} (${labels.imageOffline})`} style={size}>
            <span aria-hidden="true">🖼</span> {name}
            <small>{labels.imageOffline}</small>
          </span>
        );
      }
      return <img src={url} alt={alt ?? ''} width={width} height={height} className={className} loading="lazy" decoding="async" />;
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
      return <BoundedTable node={node} className={className} labels={labels}>{children}</BoundedTable>;
    },
    pre({ node, children }) {
      return <BoundedCode node={node} labels={labels}>{children}</BoundedCode>;
    },
  };
  return (
    <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehype} components={components}>
      {markdown}
    </Markdown>
  );
}

/** Re-rendered only when the text changes: re-parsing a long lecture on every scroll or keystroke would stall. */
export const MarkdownBody = memo(
  MarkdownBodyImpl,
  (before, after) => before.markdown === after.markdown && before.knownLinks === after.knownLinks && before.labels === after.labels,
);
