/**
 * The lecture Markdown pipeline, shared by the reader (react-markdown) and the tests that fuzz it under Node.
 * Order matters: raw HTML is parsed, then sanitized, and only then do trusted plugins add ids, math and colours.
 */
import type { PluggableList } from 'unified';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import rehypeHighlight from 'rehype-highlight';
import { common } from 'lowlight';
import rehypeKatex from 'rehype-katex';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeImageWidth from './rehypeImageWidth.js';
import remarkDisplayMath from './remarkDisplayMath.js';
import { sanitizeSchema } from './sanitizeSchema.js';

export const remarkPlugins: PluggableList = [remarkGfm, remarkMath, remarkDisplayMath];

/** Everything that touches untrusted HTML: after these, the tree holds nothing executable. */
export const sanitizingPlugins: PluggableList = [rehypeRaw, rehypeImageWidth, [rehypeSanitize, sanitizeSchema]];

// KaTeX renders what it can and stays quiet about glyphs it has no metrics for (emoji, rare scripts).
export const rehypePlugins: PluggableList = [...sanitizingPlugins, rehypeSlug, [rehypeKatex, { strict: 'ignore' }], [rehypeHighlight, { detect: false, languages: { ...common, dockerfile } }]];
