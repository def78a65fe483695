/**
 * The shared lecture Markdown preset (core/common/markdown): the core's outline and the reader's pipeline, run
 * here under Node on our fixtures (tests/fixtures/markdown), agree on ids, keep every paragraph, render every
 * formula, keep the authors' layout and let nothing that fetches through.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { normalizeMath } from '../../core/common/markdown/mathSource.js';
import { escapeTextGroups, mathToText } from '../../core/common/markdown/mathText.js';
import { remarkPlugins, remarkRehypeOptions } from '../../core/common/markdown/preset.js';
import { parseLecture, type ParsedLecture } from '../../core/library/parseLecture.js';
import { rehypePlugins } from '../../renderer/src/markdown/pipeline.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { withTexts } from '../../core/common/packedTexts.js';

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/markdown');
const reader = unified().use(remarkParse).use(remarkPlugins).use(remarkRehype, remarkRehypeOptions).use(rehypePlugins('Công thức')).use(rehypeStringify);

function fixture(name: string): ParsedLecture {
  const result = parseLecture(name, readFileSync(path.join(FIXTURES, name), 'utf8'));
  assert.equal(result.kind, 'lecture');
  return (result as { lecture: ParsedLecture }).lecture;
}

function render(body: string): { html: string; tree: Root } {
  const html = String(reader.processSync(body));
  return { html, tree: fromHtml(html, { fragment: true }) };
}

/** Elements passing `test`, not looking inside KaTeX's output (it positions glyphs with its own styles). */
function elements(tree: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element' || classes(child).includes('katex')) continue;
      if (test(child)) found.push(child);
      walk(child);
    }
  };
  walk(tree);
  return found;
}

/** Text outside formulas and code. */
function prose(tree: Root | Element): string[] {
  const texts: string[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type === 'text') texts.push(child.value);
      if (child.type === 'element' && !classes(child).includes('katex') && !['pre', 'code'].includes(child.tagName)) walk(child);
    }
  };
  walk(tree);
  return texts;
}

const classes = (element: Element) => (Array.isArray(element.properties.className) ? element.properties.className.map(String) : []);

test('LaTeX delimiters and $$ sharing a line with the formula become what remark-math reads', () => {
  const source = [
    'Số \\(x_i\\) và \\[1\\].',
    '',
    '\\[',
    'a^2',
    '\\]',
    '',
    '$$ y = \\begin{cases}',
    '1 \\\\',
    '0',
    '\\end{cases} $$',
    'Sau.',
    '',
    '`\\(code\\)`',
  ].join('\n');
  const { markdown, originalLine } = normalizeMath(source);
  assert.equal(
    markdown,
    ['Số $x_i$ và \\[1\\].', '', '$$', 'a^2', '$$', '', '$$', 'y = \\begin{cases}', '1 \\\\', '0', '\\end{cases}', '$$', 'Sau.', '', '`\\(code\\)`'].join('\n'),
  );
  // Lines added by splitting point back at the line they came from.
  assert.deepEqual(originalLine, [1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 10, 11, 12, 13]);
});

test('an unbalanced $$ is text, never a fence that swallows the rest; fenced code is left alone', () => {
  const source = ['$$ z = w x', '', 'Đoạn sau.', '', '## Tiêu đề', '```', '\\( không đổi \\)', '$$ a', '```'].join('\n');
  assert.equal(normalizeMath(source).markdown, ['\\$\\$ z = w x', '', 'Đoạn sau.', '', '## Tiêu đề', '```', '\\( không đổi \\)', '$$ a', '```'].join('\n'));
  const { html } = render(['$$', 'x = 1', '', '## Vẫn là tiêu đề', '', 'Đoạn văn cuối.'].join('\n'));
  assert.match(html, /<h2 id="vẫn-là-tiêu-đề">Vẫn là tiêu đề<\/h2>/);
  assert.match(html, /<p>Đoạn văn cuối.<\/p>/);
});

test('text groups are escaped for KaTeX, and formulas read as text for search', () => {
  assert.equal(escapeTextGroups('\\text{elastic_net} + x_1 + \\text{if $a_1$ 50%}'), '\\text{elastic\\_net} + x_1 + \\text{if $a_1$ 50\\%}');
  assert.equal(mathToText('\\frac{1}{n} \\sum_{i=1}^{n} \\mathbf{w}^\\top x_i'), '1/n ∑_i=1^n w^ᵀ x_i');
  assert.equal(mathToText('\\sqrt{\\alpha + \\beta} \\leq \\text{elastic_net}'), '√(α + β) ≤ elastic_net');
});

test('the fixture formulas all render with KaTeX, no error and no LaTeX left as text, nothing swallowed', () => {
  const lecture = fixture('cong-thuc.md');
  const { html, tree } = render(lecture.body);
  assert.doesNotMatch(html, /katex-error/);
  assert.equal(elements(tree, (element) => classes(element).includes('katex-display')).length, 6);
  assert.deepEqual(
    prose(tree).filter((text) => /\\[a-zA-Z]{2,}|\\[()[\]]/.test(text)),
    [],
  );
  for (const paragraph of [
    'Đoạn văn sau công thức bậc thang vẫn phải hiện ra.',
    'Đoạn văn này đứng sau một dấu đô la đôi không bao giờ đóng và vẫn phải hiện ra.',
    'Dòng cuối cùng của bài: mọi thứ sau công thức hỏng vẫn còn nguyên.',
  ]) {
    assert.ok(html.includes(`<p>${paragraph}</p>`), paragraph);
  }
  // The search text: formulas as readable text, never $…$ or holes.
  // (The section that keeps a broken `$$` as text, and the one with code, are left out of the last check.)
  const text = withTexts(lecture.outline.sections, lecture.outline.texts)
    .filter((section) => !/đô-la|phần-cuối/.test(section.id))
    .map((section) => section.text)
    .join('\n');
  assert.match(text, /Véc-tơ trọng số w được nhân với đầu vào x_i rồi cộng độ lệch\./);
  assert.match(text, /y = 1 nếu z ≥ 0 ; 0 ngược lại/);
  assert.match(text, /elastic_net/);
  assert.doesNotMatch(text, /\$|\\[a-z]/i);
});

test('heading ids: the core announces exactly the ids the reader renders, repeated and decorated headings included', () => {
  for (const name of ['cong-thuc.md', 'bo-cuc.md']) {
    const lecture = fixture(name);
    const rendered = elements(render(lecture.body).tree, (element) => /^h[1-6]$/.test(element.tagName)).map((element) => String(element.properties.id));
    assert.deepEqual(
      lecture.outline.headings.map((heading) => heading.id),
      rendered,
      name,
    );
    assert.deepEqual(
      lecture.outline.sections.map((section) => section.id),
      rendered,
      name,
    );
  }
  const headings = fixture('bo-cuc.md').outline.headings;
  assert.deepEqual(headings.map((heading) => heading.text).slice(0, 5), ['Dùng tar để nén', 'Học nhanh với numpy', '🚀 Mô hình', 'Ví dụ', 'Ví dụ']);
  assert.deepEqual(headings.map((heading) => heading.id).slice(3, 5), ['ví-dụ', 'ví-dụ-1']);
});

test('layout is kept as classes and bounded sizes; everything else in style is dropped and reported', () => {
  const lecture = fixture('bo-cuc.md');
  const { tree } = render(lecture.body);
  const byText = (text: string) => elements(tree, (element) => element.children.some((child) => child.type === 'text' && child.value === text))[0];
  assert.deepEqual(classes(byText('Chú thích được căn giữa bằng style.')), ['align-center']);
  assert.deepEqual(classes(byText('Chú thích được căn giữa bằng thuộc tính align.')), ['align-center']);
  assert.deepEqual(classes(byText('Căn phải, màu và nền bị bỏ.')), ['align-right']);
  assert.deepEqual(classes(byText('Khối bên trái')), ['float-left']);
  assert.deepEqual(classes(elements(tree, (element) => element.tagName === 'br')[0]), ['clear-both']);
  const images = elements(tree, (element) => element.tagName === 'img');
  assert.deepEqual(
    images.map((image) => [image.properties.width, image.properties.height]),
    [
      [300, undefined],
      [240, 120],
      [undefined, undefined],
    ],
  );
  assert.deepEqual(
    elements(tree, (element) => element.properties.style !== undefined).map((element) => element.tagName),
    [],
  );
  assert.deepEqual(
    lecture.outline.removedHtml.map((removed) => removed.url),
    ['the style attribute on <p> (color: red; background: url(http://127.0.0.1:9/nen.png))'],
  );
});

test('nothing that fetches survives the sanitizer, and each removal is reported', () => {
  const lecture = fixture('nap-ngoai.md');
  const { tree } = render(lecture.body);
  const fetching = elements(
    tree,
    (element) =>
      ['picture', 'source', 'video', 'audio', 'track', 'link', 'object', 'embed', 'iframe', 'svg', 'image'].includes(element.tagName) ||
      ['srcSet', 'poster', 'background', 'data', 'style', 'href'].some((name) => element.properties[name] !== undefined) ||
      (element.properties.src !== undefined && element.tagName !== 'img'),
  );
  assert.deepEqual(
    fetching.map((element) => element.tagName),
    [],
  );
  const sources = elements(tree, (element) => element.tagName === 'img').map((image) => String(image.properties.src));
  assert.deepEqual(sources, ['http://127.0.0.1:9/anh.png', 'images/so-do.svg'], 'only <img>, which the reader maps to its own assets or a placeholder');
  const reported = lecture.outline.removedHtml.map((removed) => removed.url);
  for (const expected of [
    '<picture>',
    'the srcset attribute on <source>',
    'the poster attribute on <video>',
    '<audio>',
    'the background attribute on <table>',
    '<link>',
    '<object>',
    '<embed>',
    '<iframe>',
    '<svg>',
    "the style attribute on <div> (background: url('http://127.0.0.1:9/div.png'))",
  ]) {
    assert.ok(reported.includes(expected), `${expected} in ${reported.join(' | ')}`);
  }
});

test('in-page links reach their targets: footnotes both ways and an anchor the author named; task checkboxes are named', () => {
  const { tree } = render(
    [
      'Mô hình học từ dữ liệu[^nguon] và sai số[^2].',
      '',
      '<a name="dinh-nghia"></a>Định nghĩa ở đây. Xem [định nghĩa](#dinh-nghia) và [mục đầu](#mục-đầu).',
      '',
      '## Mục đầu',
      '',
      '- [x] Đọc bài **một**',
      '- [ ] Làm bài tập',
      '  - [ ] Câu phụ',
      '',
      '[^nguon]: Sách giáo khoa.',
      '[^2]: Ghi chú thứ hai.',
    ].join('\n'),
  );
  const ids = new Set(
    elements(tree, (element) => typeof element.properties.id === 'string' || (element.tagName === 'a' && typeof element.properties.name === 'string')).map(
      (element) => String(element.properties.id ?? element.properties.name),
    ),
  );
  const links = elements(tree, (element) => element.tagName === 'a' && String(element.properties.href ?? '').startsWith('#'));
  assert.ok(links.length >= 6, `footnote references, back references and the author's links: ${links.length}`);
  for (const link of links) {
    const target = decodeURIComponent(String(link.properties.href).slice(1));
    assert.ok(ids.has(target), `#${target} has a target among ${[...ids].join(', ')}`);
  }
  const boxes = elements(tree, (element) => element.tagName === 'input');
  assert.deepEqual(
    boxes.map((box) => box.properties.ariaLabel),
    ['Đọc bài một', 'Làm bài tập', 'Câu phụ'],
  );
});
