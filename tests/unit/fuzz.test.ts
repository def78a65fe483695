/**
 * Property-based fuzzing (fast-check): random Markdown and front matter thrown at the library core and at the
 * reader's Markdown pipeline. Nothing may crash or hang, and the sanitized HTML never holds an executable
 * construct.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parseLecture } from '../../core/library/parseLecture.js';
import { rawHtmlPlugins, remarkPlugins, safetyPlugins } from '../../core/common/markdown/preset.js';
import { rehypePlugins } from '../../renderer/src/markdown/pipeline.js';

/** Pieces real and hostile lectures are made of, so random documents reach the interesting code paths. */
const fragment = fc.oneof(
  fc.constantFrom(
    '# ',
    '## Tiêu đề',
    '- ',
    '1. ',
    '> ',
    '```\n',
    '```python\n',
    '$',
    '$$',
    '\n\n',
    '|a|b|\n|-|-|\n|1|2|',
    '**',
    '_',
    '~~',
    '[x](/blog/abc)',
    '[y](javascript:alert(1))',
    '![i](x.png)',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<svg onload=alert(1)>',
    '<iframe src="https://e.com">',
    '<a href="javascript:alert(1)">a</a>',
    '<details><summary>Q</summary>',
    '</details>',
    '<div style="position:fixed">',
    '<style>*{}</style>',
    '<meta http-equiv="refresh" content="0;url=https://e.com">',
    '<base href="https://e.com/">',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<a href="&#106;avascript:alert(1)">e</a>',
    '<object data=x>',
    '<form action=x>',
    '<picture><source srcset="http://127.0.0.1:9/a.png"><img src="b.png"></picture>',
    '<video poster="http://e.com/p.png" src="v.mp4">',
    '<table background="http://e.com/t.png">',
    '<p style="text-align: center; background: url(http://e.com/x.png)">',
    '<img src="x.png" srcset="http://e.com/y.png 2x" width="300">',
    '<svg><image href="http://e.com/z.png"/></svg>',
    '<audio src="http://e.com/a.mp3"></audio>',
    '<link rel="stylesheet" href="http://e.com/s.css">',
    '\\(',
    '\\)',
    '\\[',
    '\\]',
    '\\text{a_b}',
    'ảo giác',
    'Ảo',
    'đ',
    '\u0301',
    '\uFEFF',
    '\r\n',
    '\u0000',
    '<!--',
    '-->',
    '<![CDATA[',
    '`',
    '\\',
    '&amp;',
    '&#x6a;',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
);
const markdown = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));
const frontMatterValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer().map(String),
  fc.constantFrom('[a, b]', '{ a: 1 }', 'true', '"x', '- z', ':', '12/31/2023', ''),
);
const frontMatter = fc
  .dictionary(fc.constantFrom('title', 'time', 'tags', 'description', 'banner_url', 'is_published', 'is_highlight', 'x'), frontMatterValue, { maxKeys: 8 })
  .map(
    (fields) =>
      `---\n${Object.entries(fields)
        .map(([key, value]) => `${key}: ${value}`)
        .join('\n')}\n---\n`,
  );

test('the library core never throws on random lectures', () => {
  fc.assert(
    fc.property(fc.oneof(frontMatter, fc.string({ maxLength: 40 })), markdown, (head, body) => {
      const result = parseLecture('fuzz.md', head + body);
      assert.ok(result.kind === 'lecture' || result.problems.length > 0);
      for (const problem of result.problems) assert.ok(problem.message && problem.severity);
    }),
    { numRuns: 400 },
  );
});

const sanitize = unified()
  .use(remarkParse)
  .use(remarkPlugins)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rawHtmlPlugins)
  .use(safetyPlugins)
  .use(rehypeStringify);
const full = unified().use(remarkParse).use(remarkPlugins).use(remarkRehype, { allowDangerousHtml: true }).use(rehypePlugins('Công thức')).use(rehypeStringify);
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'style',
  'meta',
  'base',
  'link',
  'form',
  'svg',
  'template',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'image',
]);
/** Attributes that make the browser fetch something (the content security policy must never have to stop them). */
const FETCHING_ATTRIBUTES = /^(srcset|poster|background|longdesc|lowsrc|dynsrc|data|codebase|ping|formaction|action|xlinkhref|xlink:href)$/i;

/** Executable constructs in an HTML string, found structurally (escaped text that merely looks like HTML is fine). */
function executableConstructs(html: string, { allowStyle }: { allowStyle: boolean }): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (element: Element) => {
    if (FORBIDDEN_ELEMENTS.has(element.tagName)) found.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`${name} on <${element.tagName}>`);
      if (FETCHING_ATTRIBUTES.test(name)) found.push(`${name} on <${element.tagName}>`);
      if (name === 'style' && !allowStyle) found.push(`style on <${element.tagName}>`);
      if ((name === 'href' || name === 'src') && /^\s*(javascript|data|vbscript):/i.test(String(value))) found.push(`${name}=${value}`);
    }
  });
  return found;
}

test('the sanitized HTML never holds an executable construct', () => {
  fc.assert(
    fc.property(markdown, (body) => {
      const html = String(sanitize.processSync(body));
      assert.deepEqual(executableConstructs(html, { allowStyle: false }), [], html);
    }),
    { numRuns: 400 },
  );
});

test('the full reader pipeline (with KaTeX and highlighting) never throws', () => {
  fc.assert(
    fc.property(markdown, (body) => {
      // KaTeX positions its glyphs with inline styles, added after sanitizing: styles are allowed here.
      const html = String(full.processSync(body));
      assert.deepEqual(executableConstructs(html, { allowStyle: true }), [], html);
    }),
    { numRuns: 200 },
  );
});

test('the detector itself sees what it must reject (so the properties above can fail)', () => {
  assert.deepEqual(executableConstructs('<img src=x onerror=alert(1)><a href="javascript:x">a</a><script></script><p style="x">', { allowStyle: false }), [
    'onError on <img>',
    'href=javascript:x',
    '<script>',
    'style on <p>',
  ]);
  assert.deepEqual(executableConstructs('<picture><source srcset="http://e.com/a.png"></picture><video poster="p.png"></video>', { allowStyle: false }), [
    '<picture>',
    '<source>',
    'srcSet on <source>',
    '<video>',
    'poster on <video>',
  ]);
  assert.deepEqual(executableConstructs('<p>&lt;script&gt; onload=alert(1) javascript:</p>', { allowStyle: false }), []);
});
