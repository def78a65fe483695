import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { LectureLibrary } from '../../core/library/lectureLibrary.js';
import { IndexedSearch } from '../../core/search/indexedSearch.js';
import { loadIndex } from '../../core/search/indexStore.js';
import { toSearchDocument } from '../../core/search/libraryDocuments.js';
import { SearchEngine } from '../../core/search/searchEngine.js';
import { SearchWorkerClient } from '../../core/search/searchWorkerClient.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const meta = (title: string, tags = '[ai]') => ({ time: '01/02/2024', title, tags });
const fixture = makeLibrary({
  'hallucination.md': lecture(meta('Ảo giác của mô hình', '[llm]'), '## Định nghĩa\n\nHiện tượng hallucination khiến LLM bịa thông tin.\n'),
  'media.md': lecture(meta('Truyền thông số'), 'Bài về truyền thông và báo chí.\n'),
  'tradition.md': lecture(meta('Văn hoá truyền thống'), 'Bài về truyền thống và lễ hội.\n'),
  'lake.md': lecture(meta('Kiến trúc lưu trữ'), '## Hồ dữ liệu\n\nHồ dữ liệu (data lake) lưu dữ liệu thô.\n'),
  'support.md': lecture(meta('Công cụ hỗ trợ'), 'Hỗ trợ nhiều định dạng, dữ liệu được nén và liệu pháp khác.\n'),
  'phrase.md': lecture(meta('Bài A'), '## Phần một\n\nHệ thống tệp phân tán lưu trữ tệp trên nhiều máy.\n'),
  'scattered.md': lecture(meta('Bài B'), '## Phần một\n\nHệ điều hành có nhiều tệp. Thống kê phân bố. Tán gẫu.\n'),
  'kitchen.md': lecture(meta('Nhà bếp'), 'Cái xoong để nấu canh.\n'),
  'done.md': lecture(meta('Hoàn tất'), 'Làm xong bài tập rồi đi chơi.\n'),
  'cpp.md': lecture(meta('Lập trình', '[code]'), '## Ngôn ngữ\n\nViết bằng C++ và Python, phân cụm k-means, NameNode quản lý metadata. Kafka xử lý luồng.\n'),
  'chem.md': lecture(meta('Hoá học cơ bản'), 'Phản ứng hoá học và khoá học thuỷ sản.\n'),
  'hadoop.md': lecture(meta('Hệ sinh thái Hadoop', '[big-data]'), 'Hadoop gồm HDFS và YARN.\n'),
  'transformer.md': lecture(meta('Transformer', '[nlp]'), 'Kiến trúc transformer dùng attention.\n'),
  'fields-title.md': lecture(meta('Gradient'), 'Không liên quan.\n'),
  'fields-body.md': lecture(meta('Khác'), 'Nhắc tới gradient một lần.\n'),
  'url.md': lecture(meta('Ảnh'), '![x](https://example.com/zebrafish.png)\n\n<img src="images/quokka.png"/>\n\nhttps://example.com/wombat\n'),
  'draft.md': lecture({ ...meta('Bản nháp bí mật'), is_published: 'false' }, 'Bí mật. Xylophonic.\n'),
});
after(() => fixture.cleanup());

const library = new LectureLibrary([fixture.root]);
await library.load();
const engine = new SearchEngine();
engine.sync(library.lectures.map(toSearchDocument));
const slugs = (q: string, extra: object = {}) => engine.search({ q, limit: 10, ...extra }).results.map((r) => r.slug);
const top = (q: string, extra: object = {}) => slugs(q, extra)[0];

test('with or without diacritics, any case, NFD: the same lectures', () => {
  const expected = slugs('ảo giác');
  assert.equal(expected[0], 'ao-giac-cua-mo-hinh');
  for (const q of ['ao giac', 'Ảo Giác', 'ẢO GIÁC', 'ảo giác'.normalize('NFD'), 'hallucination', 'HALLUCINATION']) {
    assert.equal(top(q), 'ao-giac-cua-mo-hinh', q);
  }
  assert.deepEqual(slugs('ao giac'), expected);
});

test('đ folds to d', () => {
  assert.equal(top('dinh nghia'), 'ao-giac-cua-mo-hinh');
});

test('old and new tone placement find the same words', () => {
  assert.deepEqual(slugs('hóa học'), slugs('hoá học'));
  assert.equal(top('hóa học'), 'hoa-hoc-co-ban');
  assert.ok(slugs('khóa học').includes('hoa-hoc-co-ban'));
  assert.ok(slugs('thủy sản').includes('hoa-hoc-co-ban'));
});

test('doubled letters are not merged', () => {
  assert.deepEqual(slugs('xoong'), ['nha-bep']);
  assert.deepEqual(slugs('xong'), ['hoan-tat']);
});

test('accented queries rank exact words above folded-only matches; unaccented treat both fairly', () => {
  assert.deepEqual(slugs('truyền thông').slice(0, 2), ['truyen-thong-so', 'van-hoa-truyen-thong']);
  assert.deepEqual(slugs('truyền thống').slice(0, 2), ['van-hoa-truyen-thong', 'truyen-thong-so']);
  assert.equal(top('hồ dữ liệu'), 'kien-truc-luu-tru');
  assert.ok(slugs('hồ dữ liệu').indexOf('cong-cu-ho-tro') > 0);
  assert.deepEqual(new Set(slugs('truyen thong').slice(0, 2)), new Set(['truyen-thong-so', 'van-hoa-truyen-thong']));
});

test('phrases: syllables standing together rank above scattered ones', () => {
  assert.deepEqual(slugs('hệ thống tệp phân tán').slice(0, 2), ['bai-a', 'bai-b']);
  assert.deepEqual(slugs('he thong tep phan tan').slice(0, 2), ['bai-a', 'bai-b']);
});

test('English terms and acronyms, any case; prefixes as you type', () => {
  for (const q of ['c++', 'C++', 'k-means', 'namenode', 'NameNode', 'python']) assert.equal(top(q), 'lap-trinh', q);
  assert.equal(top('kafk'), 'lap-trinh');
  assert.equal(top('halluc'), 'ao-giac-cua-mo-hinh');
  assert.equal(top('transf'), 'transformer');
  const finished = engine.search({ q: 'kafk ' });
  assert.equal(finished.didYouMean, 'kafka', 'a finished word is not a prefix: it is corrected instead');
});

test('typos find something and offer a correction from the library vocabulary', () => {
  const hadop = engine.search({ q: 'hadop' });
  assert.equal(hadop.results[0]?.slug, 'he-sinh-thai-hadoop');
  assert.equal(hadop.didYouMean, 'hadoop');
  const tranformer = engine.search({ q: 'tranformer' });
  assert.equal(tranformer.results[0]?.slug, 'transformer');
  assert.equal(tranformer.didYouMean, 'transformer');
  assert.equal(engine.search({ q: 'kafka' }).didYouMean, undefined);
});

test('title outweighs body', () => {
  assert.deepEqual(slugs('gradient').slice(0, 2), ['gradient', 'khac']);
});

test('URLs and image paths are not searchable text', () => {
  assert.deepEqual(slugs('zebrafish'), []);
  assert.deepEqual(slugs('quokka'), []);
  assert.deepEqual(slugs('wombat'), []);
});

test('tag filter and drafts', () => {
  assert.deepEqual(slugs('hadoop', { tags: ['nlp'] }), []);
  assert.deepEqual(slugs('hadoop', { tags: ['big-data'] }), ['he-sinh-thai-hadoop']);
  assert.ok(!slugs('bí mật').includes('ban-nhap-bi-mat'), 'a student never finds the draft');
  assert.deepEqual(slugs('bí mật', { includeDrafts: true }), ['ban-nhap-bi-mat']);
});

test("a draft's words reach no student: not as a correction, nor as an expansion of what they type", () => {
  // Only the draft has a word beginning with "xylo", or near "xylophonix".
  for (const q of ['xylo', 'xylophonix', 'bí xylophonix']) {
    const answer = engine.search({ q });
    assert.deepEqual(answer.results, [], q);
    assert.equal(answer.didYouMean, undefined, q);
  }
  assert.equal(engine.search({ q: 'xylophonix', includeDrafts: true }).didYouMean, 'xylophonic', 'the teacher is corrected towards the draft');
});

test('a hit names its best section and marks the words in the original text', () => {
  const hit = engine.search({ q: 'ao giac' }).results[0];
  assert.equal(hit.section.id, 'định-nghĩa');
  assert.equal(hit.section.title, 'Định nghĩa');
  const lake = engine.search({ q: 'ho du lieu' }).results[0];
  const marked = (hit: { snippet: { text: string; marked: boolean }[] }) => hit.snippet.filter((segment) => segment.marked).map((segment) => segment.text);
  assert.deepEqual(marked(lake).slice(0, 3), ['Hồ', 'dữ', 'liệu']);
  assert.deepEqual(lake.matched, ['hồ', 'dữ', 'liệu']);
  const nfd = engine.search({ q: 'hồ dữ liệu'.normalize('NFD') }).results[0];
  assert.deepEqual(nfd.snippet, engine.search({ q: 'hồ dữ liệu' }).results[0].snippet);
  assert.ok(marked(engine.search({ q: 'c++' }).results[0]).includes('C++'));
  assert.ok(typeof hit.score === 'number' && hit.score > 0);
});

test('empty and absurd queries', () => {
  assert.deepEqual(slugs(''), []);
  assert.deepEqual(slugs('   !!! '), []);
  const long = engine.search({ q: 'dữ liệu '.repeat(500) });
  assert.ok(long.tookMs < 1000);
});

test('a changed file updates only its own entries', async () => {
  const copy = new SearchEngine();
  copy.sync(library.lectures.map(toSearchDocument));
  fixture.write('kitchen.md', lecture(meta('Nhà bếp'), 'Cái chảo để rán trứng.\n'));
  await library.load();
  const stats = copy.sync(library.lectures.map(toSearchDocument));
  assert.deepEqual(stats, { added: 1, removed: 1, kept: library.lectures.length - 1 });
  assert.ok(!copy.search({ q: 'xoong' }).results.some((hit) => hit.slug === 'nha-bep'));
  assert.equal(copy.search({ q: 'chảo' }).results[0].slug, 'nha-bep');

  // The search thread names the unchanged lectures by key; a key it was never given is an error, not a silent gap.
  const answer = JSON.stringify(copy.search({ q: 'chảo' }));
  const keys = library.lectures.map((item) => item.path);
  assert.deepEqual(copy.sync(keys), { added: 0, removed: 0, kept: keys.length });
  assert.equal(JSON.stringify({ ...copy.search({ q: 'chảo' }), tookMs: 0 }), JSON.stringify({ ...JSON.parse(answer), tookMs: 0 }));
  assert.throws(() => copy.sync([...keys, '/nowhere.md']), /never given \/nowhere\.md/);
});

test('a removed lecture leaves no trace: its words, its counts in every score, its ids in a saved copy', () => {
  const documents = library.lectures.map(toSearchDocument);
  const without = documents.filter((document) => document.slug !== 'he-sinh-thai-hadoop');
  assert.equal(without.length, documents.length - 1);
  const edited = new SearchEngine();
  edited.sync(documents);
  edited.sync(without);
  const fresh = new SearchEngine();
  fresh.sync(without);
  assert.deepEqual(edited.size, fresh.size);
  const queries = ['hdfs', 'hd', 'yarm', 'dữ liệu', 'du lieu', 'hệ thống tệp', 'truyền thông', 'ho tro', 'c++', 'x'];
  const loaded = SearchEngine.load(edited.save());
  loaded.sync(without);
  for (const q of queries) {
    assert.deepEqual(edited.search({ q, limit: 10 }).results, fresh.search({ q, limit: 10 }).results, q);
    assert.deepEqual(loaded.search({ q, limit: 10 }).results, fresh.search({ q, limit: 10 }).results, q);
  }
  assert.deepEqual(edited.search({ q: 'hdfs' }).results, []);
  assert.equal(edited.search({ q: 'yarm' }).didYouMean, undefined, 'no correction to a word only the removed lecture had');
});

test('saved bytes that are damaged or of another version are refused with a reason', () => {
  const bytes = engine.save();
  assert.throws(() => SearchEngine.load(bytes.subarray(0, bytes.length - 3)), /truncated|posting lists/);
  assert.throws(() => SearchEngine.load(bytes.subarray(0, 2)), /too short/);
  const head = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  const text = new TextDecoder().decode(bytes.subarray(4, 4 + head));
  const older = new TextEncoder().encode(text.replace(/^\{"version":\d+/, '{"version":1'));
  const copy = new Uint8Array(4 + older.length + bytes.length - 4 - head);
  new DataView(copy.buffer).setUint32(0, older.length, true);
  copy.set(older, 4);
  copy.set(bytes.subarray(4 + head), 4 + older.length);
  assert.throws(() => SearchEngine.load(copy), /version 1/);
  assert.deepEqual(SearchEngine.load(bytes).search({ q: 'ao giac' }).results.length > 0, true);
});

const cacheDir = mkdtempSync(path.join(tmpdir(), 'lecture-cache-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

test('saved index: warm start loads it, corrupt or stale files are rebuilt', async () => {
  const file = path.join(cacheDir, 'index.json');
  const documents = library.lectures.map(toSearchDocument);
  const cold = await IndexedSearch.open(file);
  assert.equal(cold.opened.source, 'built');
  await cold.sync(documents);

  const warm = await IndexedSearch.open(file);
  assert.equal(warm.opened.source, 'loaded');
  const warmStats = await warm.sync(documents);
  assert.equal(warmStats.added, 0, 'nothing re-indexed on a warm start');
  assert.deepEqual((await warm.search({ q: 'ao giac' })).results, engine.search({ q: 'ao giac' }).results);

  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.slice(0, text.length - 40) + 'x'.repeat(40));
  const corrupt = await loadIndex(file);
  assert.equal(corrupt.engine, null);
  assert.match((corrupt as { reason: string }).reason, /checksum/);
  const rebuilt = await IndexedSearch.open(file);
  assert.equal(rebuilt.opened.source, 'built');
  await rebuilt.sync(documents);
  assert.equal((await loadIndex(file)).engine !== null, true, 'the rebuilt index was saved again');

  writeFileSync(file, text.replace(/^lecture-reader-search \d+/, 'lecture-reader-search 0'));
  assert.match(((await loadIndex(file)) as { reason: string }).reason, /version 0/);
  writeFileSync(file, 'garbage');
  assert.equal((await loadIndex(file)).engine, null);
});

test('the worker thread answers like the engine in this thread', async () => {
  const worker = new SearchWorkerClient(path.join(cacheDir, 'worker.json'));
  try {
    await worker.sync(library.lectures.map(toSearchDocument));
    const answer = await worker.search({ q: 'hệ thống tệp phân tán', limit: 10 });
    assert.deepEqual(answer.results, engine.search({ q: 'hệ thống tệp phân tán', limit: 10 }).results);
  } finally {
    await worker.close();
  }
});
