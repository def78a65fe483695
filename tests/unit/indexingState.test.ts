/**
 * A first start of a big library: the list and the reader answer once each file's fields are read, and search
 * answers "still indexing" (how far) rather than results missing lectures until its index holds every lecture, over
 * HTTP too. The files' second reading (their outlines) waits on a gate the test opens, so the in-between state is
 * observed without timing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { SearchResponse } from '../../core/common/api.js';
import { searchPath } from '../../core/common/routes.js';
import { LectureLibrary, PARSED_WHOLE_AT_ONCE } from '../../core/library/lectureLibrary.js';
import { startServer } from '../../core/server/httpServer.js';
import { LectureService } from '../../core/service/lectureService.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const COUNT = PARSED_WHOLE_AT_ONCE + 6;
const OPENED = 'bai-0.md';
const library = makeLibrary(
  Object.fromEntries(
    Array.from({ length: COUNT }, (_, i) => [
      `bai-${i}.md`,
      lecture({ title: `Bài ${i}`, time: '03/04/2024', tags: '[ai]' }, `## Phần ${i}\n\nMạng nơ-ron tích chập số ${i}.\n`),
    ]),
  ),
);
const renderer = makeLibrary({ 'index.html': '<!doctype html><title>reader</title>' });

let reads = 0;
let openGate = () => {};
const gate = new Promise<void>((resolve) => (openGate = resolve));
const service = await LectureService.open([library.root], {
  searchInWorker: true,
  // The first reading of every file goes through; the second (outlines) waits for the gate, but for the lecture
  // the test opens.
  readFile: async (file) => {
    if (++reads > COUNT && path.basename(file) !== OPENED) await gate;
    return readFile(file);
  },
});
const { app, url } = await startServer({ service, rendererDir: renderer.root, port: 0 });
after(async () => {
  openGate();
  await app.close();
  await service.close();
  library.cleanup();
  renderer.cleanup();
});

const httpSearch = async (q: string) => {
  const response = await fetch(new URL(searchPath({ q }).replace(/^\//, ''), url));
  return { response, answer: (await response.json()) as SearchResponse };
};

test('while the library is being indexed, the list and the reader answer and search says how far it is', async () => {
  const overview = await service.getLibrary();
  assert.equal(overview.articles.length, COUNT, 'every lecture listed before any outline is read');

  const detail = await service.getLecture('bai-0');
  assert.match(detail?.body ?? '', /tích chập số 0/, 'a lecture opens while the others are read');

  const direct = await service.search({ q: 'tích chập' });
  assert.deepEqual(direct.results, []);
  assert.equal(direct.indexing?.total, COUNT);
  assert.ok(direct.indexing.done < COUNT, `done ${direct.indexing.done} of ${COUNT}`);

  const { response, answer } = await httpSearch('tích chập');
  assert.equal(response.status, 200);
  assert.equal(answer.indexing?.total, COUNT);
  assert.equal(response.headers.get('cache-control'), 'no-store', 'the client does not keep a "still indexing" answer');
  assert.equal(response.headers.get('etag'), null);
});

test('once the index holds every lecture, search answers in full, over HTTP too', async () => {
  openGate();
  await service.searchReady();
  const direct = await service.search({ q: 'tích chập', limit: 100 });
  assert.equal(direct.indexing, undefined);
  assert.equal(direct.results.length, COUNT);

  const { answer } = await httpSearch('tích chập');
  assert.equal(answer.indexing, undefined, 'the server kept no "still indexing" answer');
  assert.equal(answer.results.length, 20);
  assert.equal(service.library.lecture('bai-3')?.outline.headings[0]?.text, 'Phần 3', 'outlines read in the background');
});

test('a library closed while its outlines are read leaves a cache the next start can trust: every lecture, whole, none failed', async () => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'lecture-closed-'));
  let held = 0;
  let release = () => {};
  const holding = new Promise<void>((resolve) => (release = resolve));
  const first = new LectureLibrary([library.root], {
    cacheDir,
    // The second reading of every file is held until the library is closed.
    readFile: async (file) => {
      if (++held > COUNT) await holding;
      return readFile(file);
    },
  });
  await first.loadListFirst();
  const closed = first.close();
  release();
  await closed;

  const second = new LectureLibrary([library.root], { cacheDir });
  await second.load();
  assert.equal(second.lectures.length, COUNT);
  assert.deepEqual(second.problems, [], 'no file remembered as unreadable');
  assert.equal(second.lecture('bai-5')?.outline.headings[0]?.text, 'Phần 5');
  await second.close();
  rmSync(cacheDir, { recursive: true, force: true });
});
