import { defaultSchema, type Options } from 'rehype-sanitize';
import { LAYOUT_ELEMENTS, PRESENTATION_CLASSES } from './presentation.js';

/** Elements that fetch something on their own (media, frames, embedded documents, responsive image sources). */
export const FETCHING_ELEMENTS = [
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'link',
  'image',
  'svg',
  'use',
];
/** Attributes that fetch or point a fetch somewhere, on any element. */
export const FETCHING_ATTRIBUTES = [
  'srcSet',
  'poster',
  'background',
  'longDesc',
  'lowsrc',
  'dynsrc',
  'data',
  'codeBase',
  'archive',
  'ping',
  'formAction',
  'action',
  'manifest',
  'icon',
  'profile',
  'xLinkHref',
  'style',
];
/** Presentational attributes: `rehypePresentation` turns the safe ones into classes and bounded sizes first. */
const PRESENTATIONAL = [
  'align',
  'width',
  'height',
  'clear',
  'color',
  'border',
  'hSpace',
  'vAlign',
  'cellPadding',
  'cellSpacing',
  'noWrap',
  'noShade',
  'frame',
  'rules',
  'char',
  'charOff',
  'axis',
];

const dropped = new Set([...FETCHING_ATTRIBUTES, ...PRESENTATIONAL]);
const keep = (list: NonNullable<Options['attributes']>[string] = []) => list.filter((entry) => !dropped.has(typeof entry === 'string' ? entry : entry[0]));
const defaults = Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [tag, keep(list)]));
const layout = Object.fromEntries(LAYOUT_ELEMENTS.map((tag) => [tag, [...(defaults[tag] ?? []), ['className', ...PRESENTATION_CLASSES]]]));

/**
 * GitHub's sanitizer schema, less everything that fetches (so the content security policy never has to act),
 * plus what lectures need: math placeholders for KaTeX, layout classes and bounded image sizes. Scripts, event
 * handlers, `style`, frames, forms, `javascript:` and `data:` URLs all stay out.
 */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !FETCHING_ELEMENTS.includes(tag)),
  attributes: {
    ...defaults,
    ...layout,
    code: [['className', /^language-./, 'math-inline', 'math-display']],
    img: [...keep(defaultSchema.attributes?.img), 'alt', 'title', 'width', 'height', ['className', ...PRESENTATION_CLASSES]],
  },
  // Removed with their content; the fallback text inside `<video>`, `<audio>` and `<object>` is kept, as a browser without them shows it.
  strip: [...(defaultSchema.strip ?? []), 'style', 'svg', 'math', 'iframe', 'template', 'noscript'],
};
