import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

test('check content: our bundled lectures have zero errors and use every feature', () => {
  const { code, stdout } = runCli(['check', 'content', '--json']);
  assert.equal(code, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.problems.filter((p: { severity: string }) => p.severity === 'error').length, 0);
  assert.equal(report.problems.length, 0, JSON.stringify(report.problems));
  const published = report.articles.filter((a: { published: boolean }) => a.published);
  assert.ok(published.length >= 8);
  assert.ok(
    report.articles.some((a: { published: boolean }) => !a.published),
    'one draft',
  );
  assert.ok(
    report.articles.some((a: { highlight: boolean }) => a.highlight),
    'one highlighted lecture',
  );
  assert.ok(report.tags.length >= 5);
  for (const article of report.articles) {
    assert.deepEqual(Object.keys(article).sort(), ['date', 'file', 'highlight', 'published', 'slug', 'tags', 'title']);
  }
});

test('check content X reports exactly the problems of content alone plus those of X (images stay relative to their folder)', () => {
  const fixtures = 'tests/fixtures/markdown';
  const problems = (folders: string[]) =>
    (JSON.parse(runCli(['check', ...folders, '--json']).stdout).problems as { file: string; line?: number; message: string }[]).map(
      (p) => `${p.file}:${p.line ?? ''} ${p.message}`,
    );
  const prefixed = (folder: string, list: string[]) => list.map((problem) => `${folder}/${problem}`);
  const alone = [...prefixed('content', problems(['content'])), ...prefixed('markdown', problems([fixtures]))];
  assert.ok(
    alone.some((problem) => problem.includes('khong-co.png')),
    'the fixtures have problems of their own',
  );
  assert.deepEqual(problems(['content', fixtures]).sort(), alone.sort());
});

const broken = makeLibrary({
  'ok.md': lecture({ time: '01/01/2024', title: 'Tốt' }),
  'bad.md': lecture({ time: 'không phải ngày', title: 'Hỏng' }),
});
after(() => broken.cleanup());

test('check exits 1 on errors and prints each with its file and line', () => {
  const { code, stdout } = runCli(['check', broken.root]);
  assert.equal(code, 1);
  assert.match(stdout, /error\s+bad\.md:2: Invalid date "không phải ngày"/);
  assert.match(stdout, /Lectures: 2 \(2 published/);
});

test('bad usage exits 2', () => {
  assert.equal(runCli(['check']).code, 2);
  assert.equal(runCli(['frobnicate']).code, 2);
  assert.equal(runCli(['check', 'content', '--nope']).code, 2);
  const tooMany = runCli(['search', 'content', 'mô hình', '--limit', '500']);
  assert.equal(tooMany.code, 2);
  assert.match(tooMany.stderr, /--limit takes a whole number from 1 to 100/);
});

test('list prints published lectures newest first', () => {
  const { code, stdout } = runCli(['list', 'content', '--json']);
  assert.equal(code, 0);
  const dates = JSON.parse(stdout).articles.map((a: { date: string }) => a.date);
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.ok(!JSON.parse(stdout).articles.some((a: { published: boolean }) => !a.published));
});

const lake = makeLibrary({
  'ho.md': lecture(
    { time: '01/01/2024', title: 'Kho dữ liệu', tags: '[big-data]' },
    '## Hồ dữ liệu\n\nHồ dữ liệu giữ mọi thứ <nguyên bản> & rẻ; hỗ trợ phân tích sau.\n',
  ),
  'khac.md': lecture({ time: '01/02/2024', title: 'Mạng máy tính', tags: '[network]' }, '## Cổng\n\nMỗi dịch vụ nghe trên một cổng; hồ sơ cấu hình.\n'),
});
after(() => lake.cleanup());

test('search: --json keeps the snippet as HTML with <mark>, built from segments; the terminal gets plain text', () => {
  const cache = ['--cache-dir', `${lake.root}/.cache`];
  const json = runCli(['search', lake.root, 'ho du lieu', '--json', ...cache]);
  assert.equal(json.code, 0, json.stderr);
  const [hit] = JSON.parse(json.stdout).results;
  assert.equal(typeof hit.snippet, 'string');
  assert.match(hit.snippet, /<mark>Hồ<\/mark> <mark>dữ<\/mark> <mark>liệu<\/mark> giữ mọi thứ &lt;nguyên bản&gt; &amp; rẻ/);
  assert.deepEqual(hit.matched, ['hồ', 'dữ', 'liệu']);
  const text = runCli(['search', lake.root, 'ho du lieu', ...cache]);
  assert.match(text.stdout, /\[Hồ\] \[dữ\] \[liệu\] giữ mọi thứ <nguyên bản> & rẻ/);
  // A tag filter says how many lectures match outside it.
  const filtered = JSON.parse(runCli(['search', lake.root, 'ho', '--tag', 'network', '--json', ...cache]).stdout);
  assert.deepEqual(
    filtered.results.map((result: { slug: string }) => result.slug),
    ['mang-may-tinh'],
  );
  assert.equal(filtered.outsideTags, 1);
});

test('every command answers --help, -h and help <command> with its usage and examples', () => {
  for (const command of ['check', 'list', 'search', 'cache', 'sync', 'serve', 'help']) {
    const asked = runCli([command, '--help']);
    assert.equal(asked.code, 0, `${command} --help: ${asked.stderr}`);
    assert.match(asked.stdout, new RegExp(`^Usage: npm run -s cli -- ${command}\\b`), command);
    assert.match(asked.stdout, new RegExp(`Examples:\\n  npm run -s cli -- ${command}\\b`), command);
    if (command === 'help') continue;
    assert.equal(runCli(['help', command]).stdout, asked.stdout, `help ${command}`);
  }
  assert.match(runCli(['serve', '-h', '--port', '1']).stdout, /--port N\s+the port to listen on/, 'help wins over the other options');
  assert.match(runCli(['search', 'content', '--help']).stdout, /--queries-file F/);
});

test('the overview lists every command; help for a command that does not exist is a usage error', () => {
  const overview = runCli(['help']);
  assert.equal(overview.code, 0);
  for (const command of ['check', 'list', 'search', 'cache', 'sync', 'serve']) assert.match(overview.stdout, new RegExp(`^  ${command} `, 'm'));
  assert.equal(runCli(['--help']).stdout, overview.stdout);
  const unknown = runCli(['help', 'frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown command "frobnicate"/);
  assert.equal(runCli(['frobnicate', '--help']).code, 2);
});
