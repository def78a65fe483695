/**
 * The persisted library cache: a start where nothing changed reads no lecture text; a changed, added, deleted or
 * renamed file is read alone; a file that failed on its own is not read again until it changes, a time-out is;
 * a corrupt or outdated cache file is rebuilt; processes sharing the cache folder leave it whole.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { unpackTexts } from '../../core/common/packedTexts.js';
import { LectureLibrary } from '../../core/library/lectureLibrary.js';
import { libraryCachePath, loadLibraryCache } from '../../core/library/libraryCache.js';
import { PARSER_VERSION } from '../../core/library/parseLecture.js';
import { runCliAsync } from '../helpers/cli.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const base = { time: '03/04/2024', tags: '[ai]' };
const fixture = makeLibrary({
  'mot.md': lecture({ ...base, title: 'Bài một' }, '## Mạng nơ-ron\n\nTrọng số và độ lệch.\n'),
  'hai.md': lecture({ ...base, title: 'Bài hai' }, 'Xem [bài một](/blog/bai-mot).\n'),
  'ba/bon.md': lecture({ ...base, title: 'Bài bốn' }),
  'sai-yaml.md': '---\ntitle: [chưa đóng\n---\nThân bài\n',
  'nhi-phan.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x07]),
});
const cacheDir = mkdtempSync(path.join(tmpdir(), 'lecture-cache-'));
after(() => {
  fixture.cleanup();
  rmSync(cacheDir, { recursive: true, force: true });
});
const cacheFile = libraryCachePath(cacheDir, [fixture.root]);

/** A fresh library over the fixture (a new process, as far as the cache is concerned) and the files it read. */
async function start(options: { parseTimeLimitMs?: number; keepOpen?: boolean } = {}) {
  const reads: string[] = [];
  const library = new LectureLibrary([fixture.root], {
    cacheDir,
    ...options,
    readFile: (file) => {
      reads.push(path.relative(fixture.root, file).split(path.sep).join('/'));
      return readFile(file);
    },
  });
  await library.load();
  if (!options.keepOpen) await library.close();
  return { library, reads: reads.sort() };
}

const shape = (library: LectureLibrary) => ({
  lectures: library.lectures.map(({ slug, title, file, outline }) => ({ slug, title, file, outline })),
  problems: library.problems,
});

/** Sets a file's modification time so an edit that keeps the size is still seen, as an editor's save would be. */
function touch(file: string, seconds: number) {
  utimesSync(path.join(fixture.root, file), seconds, seconds);
}

test('a cold start reads every file; a warm start reads none and gives the same library', async () => {
  const cold = await start();
  assert.deepEqual(cold.reads, ['ba/bon.md', 'hai.md', 'mot.md', 'nhi-phan.md', 'sai-yaml.md']);
  const warm = await start();
  assert.deepEqual(warm.reads, []);
  assert.deepEqual(shape(warm.library), shape(cold.library));
  assert.match(JSON.stringify(warm.library.problems), /sai-yaml\.md.*Invalid YAML/);
  assert.match(JSON.stringify(warm.library.problems), /nhi-phan\.md.*Binary file/);
});

test('a warm start lists the library from the saved fields, then reads the saved outlines, and no lecture text', async () => {
  const expected = shape((await start()).library);
  const reads: string[] = [];
  const library = new LectureLibrary([fixture.root], { cacheDir, readFile: (file) => (reads.push(file), readFile(file)) });
  await library.loadListFirst();
  assert.deepEqual(
    library.lectures.map(({ slug, title }) => ({ slug, title })),
    expected.lectures.map(({ slug, title }) => ({ slug, title })),
  );
  assert.deepEqual(library.lecture('bai-mot')?.outline.sections, [], 'outlines not read yet when the list answers');
  await library.outlined();
  assert.deepEqual(shape(library), expected);
  assert.deepEqual(reads, []);
  await library.close();
});

test('a warm start with a changed file keeps the saved outlines of the others in the cache file', async () => {
  const own = makeLibrary({
    'a.md': lecture({ ...base, title: 'Bài A' }, '## Phần đầu\n\nGradient và độ lệch.\n'),
    'b.md': lecture({ ...base, title: 'Bài B' }, '## Phần hai\n\nMạng nơ-ron tích chập.\n'),
  });
  const ownCache = mkdtempSync(path.join(tmpdir(), 'lecture-cache-'));
  const open = async (listFirst: boolean) => {
    const library = new LectureLibrary([own.root], { cacheDir: ownCache });
    await (listFirst ? library.loadListFirst() : library.load());
    await library.outlined();
    await library.close();
    return library;
  };
  try {
    await open(false);
    own.write('b.md', lecture({ ...base, title: 'Bài B' }, '## Phần hai\n\nMạng nơ-ron hồi quy.\n'));
    // As `serve` and the app start: the list from the saved fields, a save for the changed file, the outlines after.
    const second = await open(true);
    assert.equal(second.lecture('bai-a')?.outline.sections.length, 1);
    const third = await open(false);
    assert.deepEqual(
      third.lecture('bai-a')?.outline.sections.map((section) => section.title),
      ['Phần đầu'],
      'the unchanged lecture still has its outline',
    );
    assert.deepEqual(unpackTexts(third.lecture('bai-a')!.outline.texts), ['Gradient và độ lệch.']);
  } finally {
    own.cleanup();
    rmSync(ownCache, { recursive: true, force: true });
  }
});

test('the list holds no lecture text: opening a lecture reads its file alone', async () => {
  const { library, reads } = await start({ keepOpen: true });
  assert.deepEqual(reads, []);
  assert.ok(library.lectures.every((lecture) => !('body' in lecture)));
  const article = await library.lectureDetail('bai-mot');
  assert.equal(article!.body.trim(), '## Mạng nơ-ron\n\nTrọng số và độ lệch.');
  assert.deepEqual(reads, ['mot.md']);
  await library.close();
});

test('a changed, an added, a deleted and a renamed file: only the changed, added and renamed ones are read', async () => {
  fixture.write('mot.md', lecture({ ...base, title: 'Bài một (sửa)' }, 'Nội dung mới.\n'));
  touch('mot.md', 1_700_000_100);
  fixture.write('nam.md', lecture({ ...base, title: 'Bài năm' }));
  rmSync(path.join(fixture.root, 'hai.md'));
  renameSync(path.join(fixture.root, 'ba/bon.md'), path.join(fixture.root, 'ba/bon-moi.md'));
  const { library, reads } = await start();
  assert.deepEqual(reads, ['ba/bon-moi.md', 'mot.md', 'nam.md']);
  assert.deepEqual(library.lectures.map((l) => l.title).sort(), ['Bài bốn', 'Bài một (sửa)', 'Bài năm']);
  assert.deepEqual((await start()).reads, []);
});

test('a file that failed on its own is read again only once it changes', async () => {
  fixture.write('sai-yaml.md', lecture({ ...base, title: 'Đã sửa YAML' }));
  const { library, reads } = await start();
  assert.deepEqual(reads, ['sai-yaml.md']);
  assert.ok(library.lectures.some((l) => l.title === 'Đã sửa YAML'));
  assert.doesNotMatch(JSON.stringify(library.problems), /Invalid YAML/);
});

test('a corrupt, a foreign or an outdated cache file is never trusted: everything is read again and the file rebuilt', async () => {
  const expected = shape((await start()).library);
  const good = readFileSync(cacheFile);
  const header = good.subarray(0, good.indexOf('\n')).toString();
  const flipped = Buffer.from(good);
  flipped[flipped.length - 10] ^= 0xff;
  const damaged = [
    flipped, // same length, the checksum no longer matches
    good.subarray(0, good.length / 2), // torn
    Buffer.concat([Buffer.from(header.replace(/^(\S+ )\S+/, `$1${PARSER_VERSION}-other`)), good.subarray(header.length)]), // another parser's results
    Buffer.from('not a cache at all'),
  ];
  for (const bytes of damaged) {
    writeFileSync(cacheFile, bytes);
    const { library, reads } = await start();
    assert.equal(reads.length, 5, bytes.subarray(0, 60).toString());
    assert.deepEqual(shape(library), expected);
    assert.ok((await loadLibraryCache(cacheFile, PARSER_VERSION)).entries, 'rebuilt');
  }
});

test('a file that ran out of time is not remembered: the next start tries it again', async () => {
  // A body that takes the parser about a second: far longer than 20 ms (and the 80 ms retry), far less than 8 s.
  fixture.write('dai.md', lecture({ ...base, title: 'Bài rất dài' }, Array.from({ length: 4000 }, (_, i) => `Dòng ${i} của một đoạn.`).join('\n')));
  const first = await start({ parseTimeLimitMs: 20 });
  assert.ok(first.reads.includes('dai.md'));
  assert.match(JSON.stringify(first.library.problems), /dai\.md.*Took longer than/);
  assert.deepEqual(first.library.unfinished, ['dai.md'], 'told as not read yet, not as absent');
  const saved = (await loadLibraryCache(cacheFile, PARSER_VERSION)).entries!;
  assert.ok(!saved.has(path.join(fixture.root, 'dai.md')), 'a time-out is not saved');
  const second = await start();
  assert.deepEqual(second.reads, ['dai.md']);
  assert.ok(second.library.lectures.some((l) => l.title === 'Bài rất dài'));
  assert.deepEqual(second.library.unfinished, []);
  rmSync(path.join(fixture.root, 'dai.md'));
});

test('check, list and search run at once on one cache folder leave one whole cache file', async () => {
  fixture.write('sau.md', lecture({ ...base, title: 'Bài sáu' }));
  const runs = await Promise.all([
    runCliAsync(['check', fixture.root, '--cache-dir', cacheDir]),
    runCliAsync(['list', fixture.root, '--cache-dir', cacheDir]),
    runCliAsync(['search', fixture.root, 'bài sáu', '--cache-dir', cacheDir]),
  ]);
  for (const run of runs) assert.match(run.stdout, /Bài sáu|Lectures: 5/, run.stderr);
  assert.deepEqual(
    readdirSync(cacheDir).filter((name) => name.endsWith('.tmp')),
    [],
  );
  assert.ok((await loadLibraryCache(cacheFile, PARSER_VERSION)).entries?.has(path.join(fixture.root, 'sau.md')));
  assert.deepEqual((await start()).reads, []);
});
