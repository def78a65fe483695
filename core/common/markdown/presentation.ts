/**
 * The layout lecture authors write in raw HTML — `<p style="text-align: center;">`, `<p align="center">`,
 * `<p style="float: left;">`, `<br style="clear: both;">`, `<img width="300">` — kept as classes and bounded
 * sizes, because the sanitizer lets no `style` through (a kept style could fetch with `url()`). Anything else in
 * a style or a presentational attribute is dropped, and `presentationOf` says what, for the library report.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Sizes outside this range are clamped: a lecture cannot make an image vanish or overflow the page. */
const MIN_SIZE = 16;
const MAX_SIZE = 1200;

/** The only classes the sanitizer lets an author's HTML carry. */
export const PRESENTATION_CLASSES = ['align-left', 'align-center', 'align-right', 'align-justify', 'float-left', 'float-right', 'clear-both'];

/** Elements whose layout classes are kept. */
export const LAYOUT_ELEMENTS = ['p', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'table', 'img', 'br', 'blockquote', 'figure', 'figcaption'];

export interface Presentation {
  classes: string[];
  width?: number;
  height?: number;
  /** Style declarations and attributes that are not kept, as written. */
  dropped: string[];
}

const ALIGN = /^(left|center|right|justify)$/;

export function presentationOf(element: Element): Presentation {
  const result: Presentation = { classes: [], dropped: [] };
  const { style, align, width, height, clear } = element.properties;
  const isImage = element.tagName === 'img';
  const keep = (name: string, value: string) => {
    if (name === 'text-align' && ALIGN.test(value)) result.classes.push(`align-${value}`);
    else if (name === 'float' && /^(left|right)$/.test(value)) result.classes.push(`float-${value}`);
    else if (name === 'clear' && /^(both|left|right)$/.test(value)) result.classes.push('clear-both');
    else if (isImage && (name === 'width' || name === 'height') && /^\d+(\.\d+)?(px)?$/.test(value)) result[name] = bounded(value);
    else if (name === 'max-width' && isImage && /^\d+(\.\d+)?px$/.test(value)) result.width ??= bounded(value);
    else return false;
    return true;
  };
  if (typeof style === 'string') {
    for (const declaration of style.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon === -1) continue;
      const name = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration
        .slice(colon + 1)
        .trim()
        .toLowerCase()
        .replace(/\s*!important$/, '');
      if (!keep(name, value)) result.dropped.push(`${name}: ${value}`.slice(0, 80));
    }
  }
  if (typeof align === 'string' && !keep(element.tagName === 'img' ? 'float' : 'text-align', align.trim().toLowerCase()))
    result.dropped.push(`align="${align}"`);
  if (typeof clear === 'string') keep('clear', clear.trim().toLowerCase());
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (value === undefined || value === null) continue;
    if (!isImage || result[name] !== undefined || !keep(name, String(value).trim())) {
      if (result[name] === undefined) result.dropped.push(`${name}="${String(value)}"`);
    }
  }
  result.classes = [...new Set(result.classes)];
  return result;
}

function bounded(value: string): number {
  return Math.round(Math.min(MAX_SIZE, Math.max(MIN_SIZE, Number.parseFloat(value))));
}

/** Rehype plugin: replaces style and presentational attributes by the classes and sizes `presentationOf` keeps. */
export default function rehypePresentation() {
  return (tree: Root) => {
    visit(tree, 'element', (element: Element) => {
      const { style, align, width, height, clear } = element.properties;
      if (style === undefined && align === undefined && width === undefined && height === undefined && clear === undefined) return;
      const kept = presentationOf(element);
      for (const name of ['style', 'align', 'width', 'height', 'clear']) delete element.properties[name];
      if (kept.classes.length) {
        const existing = Array.isArray(element.properties.className) ? element.properties.className : [];
        element.properties.className = [...existing.map(String), ...kept.classes];
      }
      if (kept.width !== undefined) element.properties.width = kept.width;
      if (kept.height !== undefined) element.properties.height = kept.height;
    });
  };
}
