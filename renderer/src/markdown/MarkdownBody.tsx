import { memo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { classifyLink } from '../../../core/common/links.js';
import { CodeBlock } from '../components/CodeBlock.js';
import { ViewableImage } from '../components/ImageViewer.js';
import { rehypePlugins, remarkPlugins } from './pipeline.js';

export interface MarkdownBodyProps {
  markdown: string;
  /** Image source → URL the reader may load it from, or null when it is not available offline. */
  imageUrl: (src: string) => string | null;
  /** Slugs of `/blog/` links that exist in the library. */
  knownLinks: string[];
  offlineLabel: string;
  onInternalLink: (slug: string, anchor: string | undefined, known: boolean) => void;
}

function MarkdownBodyImpl({ markdown, imageUrl, knownLinks, offlineLabel, onInternalLink }: MarkdownBodyProps) {
  const components: Components = {
    img({ src, alt, width, height }) {
      const url = typeof src === 'string' ? imageUrl(src) : null;
      if (!url) {
        return (
          <span className="image-placeholder" role="img" aria-label={`${alt || ''} (${offlineLabel})`} style={width ? { maxWidth: `${width}px` } : undefined}>
            <span aria-hidden="true">🖼</span> {alt || offlineLabel}
            {alt ? <small>{offlineLabel}</small> : null}
          </span>
        );
      }
      return <ViewableImage src={url} alt={alt ?? ''} width={width} height={height} />;
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
    pre({ children, node }) {
      const code = node?.children[0];
      const language = code?.type === 'element' ? String((code.properties.className as string[] | undefined)?.find((name) => name.startsWith('language-'))?.slice(9) ?? '') : '';
      return <CodeBlock language={language || undefined}>{children}</CodeBlock>;
    },
    table({ children }) {
      return (
        <div className="table-scroll" tabIndex={0}>
          <table>{children}</table>
        </div>
      );
    },
  };
  return (
    <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
      {markdown}
    </Markdown>
  );
}

/** Re-rendered only when the text changes: re-parsing a long lecture on every scroll or keystroke would stall. */
export const MarkdownBody = memo(
  MarkdownBodyImpl,
  (before, after) => before.markdown === after.markdown && before.knownLinks === after.knownLinks && before.offlineLabel === after.offlineLabel,
);
