import { defaultSchema, type Options } from 'rehype-sanitize';

/**
 * GitHub's sanitizer schema, plus what lectures need: math placeholders for KaTeX and image sizes. Scripts,
 * event handlers, `style`, iframes, forms, `javascript:` and `data:` URLs all stay out.
 */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [['className', /^language-./, 'math-inline', 'math-display']],
    img: [...(defaultSchema.attributes?.img ?? []), 'alt', 'title', 'width', 'height'],
  },
};
