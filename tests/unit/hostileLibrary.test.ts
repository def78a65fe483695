/**
 * A library of hostile lecture files: each is reported with its reason, none stalls or crashes loading, and the
 * server keeps serving the good lecture beside them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { startServer } from '../../core/server/httpServer.js';
import { LectureService } from '../../core/service/lectureService.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const ok = { time: '01/01/2024', tags: '[ok]' };
const paragraph = 'Dòng chữ bình thường về mạng nơ-ron và dữ liệu.\n';
const hostile = makeLibrary({
  'good.md': lecture({ ...ok, title: 'Bài tốt' }, '## Phần một\n\nNói về gradient descent.\n'),
  'invalid-yaml.md': '---\ntitle: "unclosed\ntags: [a, b\n---\nBody\n',
  'binary.md': Buffer.concat([Buffer.from('---\ntitle: x\n---\n'), Buffer.from([0, 1, 2, 3, 0, 255])]),
  'huge.md': lecture({ ...ok, title: 'Bài khổng lồ' }, paragraph.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(paragraph)))),
  'long.md': lecture({ ...ok, title: 'Bài dài' }, Array.from({ length: 100_000 }, (_, i) => `Dòng ${i} của một đoạn rất dài.`).join('\n')),
  'nested-lists.md': lecture({ ...ok, title: 'Danh sách lồng' }, Array.from({ length: 1200 }, (_, i) => `${' '.repeat(i * 2)}- mục ${i}`).join('\n')),
  'nested-quotes.md': lecture({ ...ok, title: 'Trích dẫn lồng' }, `${'>'.repeat(10_000)} sâu`),
  'nested-html.md': lecture({ ...ok, title: 'HTML lồng' }, `${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}`),
  'nfd.md': lecture({ ...ok, title: 'Ảo giác NFD'.normalize('NFD') }, 'Hiện tượng ảo giác.'.normalize('NFD')),
  'bom-crlf.md': '\uFEFF' + lecture({ ...ok, title: 'BOM và CRLF' }).replace(/\n/g, '\r\n'),
  'wrong-types.md': lecture({ time: '12', title: '[1, 2]', tags: '{ a: 1 }', is_published: '"yes"', is_highlight: '3' }),
  'long-title.md': lecture({ ...ok, title: 'Tiêu đề '.repeat(625) }),
  'dup-1.md': lecture({ ...ok, title: 'Trùng' }),
  'dup-2.md': lecture({ ...ok, title: 'Trùng' }),
  'xss.md': readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/hostile/xss.md')),
  'css.md': lecture({ ...ok, title: 'CSS' }, '<style>* { display: none }</style>\n\n<p style="position:fixed;inset:0">overlay</p>\n'),
  'links.md': lecture({ ...ok, title: 'Liên kết' }, '[a](file:///etc/passwd) [b](javascript:alert(1)) [c](data:text/html,x)\n'),
});

// Short time limit: the test proves the limit works without waiting the default 8 s per file.
const service = await LectureService.open([hostile.root], { parseTimeLimitMs: 3000 });
after(async () => {
  await service.close();
  hostile.cleanup();
});
const problems = await service.getProblems();
const about = (file: string) =>
  problems
    .filter((problem) => problem.file === file)
    .map((problem) => `${problem.severity}: ${problem.message}`)
    .join('\n');

test('each hostile file is reported with its reason', () => {
  const expected: Record<string, RegExp> = {
    'invalid-yaml.md': /error: Invalid YAML/,
    'binary.md': /error: Binary file/,
    'huge.md': /error: File too large \(20\.\d MB/,
    'long.md': /error: Took longer than 12 s to read/,
    'nested-lists.md': /error: (Took longer than 12 s|Could not be read)/,
    'nested-quotes.md': /error: (Took longer than 12 s|Could not be read)/,
    'nested-html.md': /error: (Took longer than 12 s|Could not be read)/,
    'wrong-types.md':
      /"title" must be text[\s\S]*Invalid date "12"[\s\S]*"tags" must be a list[\s\S]*"is_highlight" must be true or false[\s\S]*"is_published" must be true or false/,
    'long-title.md': /warning: Title is \d{4} characters long/,
    'dup-2.md': /Duplicate slug "trung"/,
    'xss.md': /Unsafe HTML removed when shown: <script>[\s\S]*onerror handler/,
    'css.md': /<style>[\s\S]*style attribute on <p>/,
    'links.md': /file: address[\s\S]*javascript: address[\s\S]*data: address/,
  };
  for (const [file, reason] of Object.entries(expected)) assert.match(about(file), reason, file);
});

test('good and merely unusual lectures still load and read right', async () => {
  const library = await service.getLibrary();
  const slugs = library.articles.map((article) => article.slug);
  for (const slug of ['bai-tot', 'ao-giac-nfd', 'bom-va-crlf', 'trung', 'trung-2', 'css']) assert.ok(slugs.includes(slug), slug);
  assert.equal((await service.search({ q: 'ao giac' })).results[0].slug, 'ao-giac-nfd');
  assert.equal((await service.search({ q: 'gradient' })).results[0].slug, 'bai-tot');
});

test('the server keeps serving beside the hostile files', async () => {
  const renderer = makeLibrary({ 'index.html': '<!doctype html>' });
  const { app, url } = await startServer({ service, rendererDir: renderer.root });
  try {
    assert.equal((await fetch(`${url}api/library`)).status, 200);
    assert.equal((await fetch(`${url}api/articles/bai-tot`)).status, 200);
    assert.equal((await fetch(`${url}api/articles/bai-dai`)).status, 404);
    assert.equal((await fetch(`${url}api/search?q=${encodeURIComponent('x'.repeat(2000))}`)).status, 200);
  } finally {
    await app.close();
    renderer.cleanup();
  }
});
