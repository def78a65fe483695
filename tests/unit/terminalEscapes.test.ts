// A hostile library's escape sequences (terminal title, OSC 52 clipboard, clear screen, colours) in a title,
// a tag, a file name and an image URL: human output shows them defused, JSON output keeps them exactly.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { terminalText } from '../../core/cli/terminalText.js';
import { runCliAsync } from '../helpers/cli.js';
import { makeLibrary } from '../helpers/tempLibrary.js';

const TITLE_ESCAPES = '\x1b]0;HACKED\x07 \x1b]52;c;cHduZWQ=\x07 \x1b[2J';
const library = makeLibrary({
  // YAML's double-quoted escapes: \e is ESC, \a is BEL.
  'bai-mot.md':
    '---\ntitle: "Bài một \\e]0;HACKED\\a \\e]52;c;cHduZWQ=\\a \\e[2J xong"\ntime: 01/01/2024\ntags: ["\\e[31mđỏ"]\nbanner_url: "http://127.0.0.1:9/\\e[2Janh.png"\n---\n\nMạng nơ-ron học sâu.\n',
  'bai-\x1b]0;TEN-TEP\x07-\x1b[2J.md': '---\ntitle: Bài hai\ntime: không phải ngày\n---\n\nNội dung.\n',
});
after(() => library.cleanup());

/** Every control character (Unicode's Cc: C0, DEL, C1) but newline and tab. */
const CONTROLS = /[^\P{Cc}\n\t]/u;

test('terminalText replaces every control character but newline and tab', () => {
  assert.equal(terminalText(`a\x1b[2Jb\x07c\x9bd\x00e\rf\n\tg`), 'a\uFFFD[2Jb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\n\tg');
  assert.equal(terminalText('Tiếng Việt: học máy'), 'Tiếng Việt: học máy');
});

test("check, list, search, cache and sync print a hostile library's escapes defused", async () => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'escapes-'));
  const runs = {
    check: await runCliAsync(['check', library.root]),
    list: await runCliAsync(['list', library.root]),
    search: await runCliAsync(['search', library.root, 'xong', '--cache-dir', cacheDir]),
    cache: await runCliAsync(['cache', library.root, '--cache-dir', cacheDir]),
    sync: await runCliAsync(['sync', 'thay/bai\x1b]0;SYNC\x07giang', '--data-dir', cacheDir]),
  };
  for (const [command, { stdout, stderr }] of Object.entries(runs)) {
    assert.doesNotMatch(stdout + stderr, CONTROLS, command);
  }
  assert.match(runs.check.stdout, /bai-\uFFFD\]0;TEN-TEP\uFFFD-\uFFFD\[2J\.md/, 'the file name is shown, defused');
  assert.match(runs.list.stdout, /Bài một \uFFFD\]0;HACKED\uFFFD/);
  assert.match(runs.list.stdout, /\uFFFD\[31mđỏ/, 'tags too');
  assert.match(runs.search.stdout, /Bài một \uFFFD\]0;HACKED/);
  assert.match(runs.cache.stdout, /failed http:\/\/127\.0\.0\.1:9\/\uFFFD\[2Janh\.png/);
  assert.match(runs.sync.stderr, /bai\uFFFD\]0;SYNC\uFFFDgiang/);
});

test('JSON output keeps the text exactly', async () => {
  const report = JSON.parse((await runCliAsync(['check', library.root, '--json'])).stdout);
  const titles = report.articles.map((article: { title: string }) => article.title);
  assert.ok(titles.includes(`Bài một ${TITLE_ESCAPES} xong`), JSON.stringify(titles));
  assert.ok(report.problems.some((problem: { file: string }) => problem.file === 'bai-\x1b]0;TEN-TEP\x07-\x1b[2J.md'));
});
