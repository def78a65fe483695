/**
 * The reader's HTTP client against the real server: both build and read paths and query strings with one routes
 * module (core/common/routes.ts), so every request the client makes means to the server what the client meant.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { startServer } from '../../core/server/httpServer.js';
import { LectureService } from '../../core/service/lectureService.js';
import { HttpLectureApi } from '../../renderer/src/api/httpClient.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const fixture = makeLibrary({
  'a.md': lecture({ time: '01/01/2024', title: 'Học máy & dữ liệu', tags: '[ai, "c++"]' }, '![ảnh](<hình/sơ đồ.png>)\n\nNội dung về kafka.\n'),
  'hình/sơ đồ.png': Buffer.from('89504e470d0a1a0a', 'hex'),
  'b.md': lecture(
    { time: '02/01/2024', title: 'Bản nháp kafka', tags: '[ai]', is_published: 'false' },
    'Nháp về kafka.\n\n**Học sâu (deep learning)** dùng mạng nhiều lớp.\n',
  ),
  'c.md': lecture({ time: '12/01/2023', title: 'Thuật ngữ', tags: '[llm]' }, '**Ảo giác (hallucination)** là khi mô hình bịa ra thông tin sai.\n'),
});
const renderer = makeLibrary({ 'index.html': '<!doctype html><title>reader</title>' });

/** What a value looks like after a trip through JSON (absent fields dropped). */
const overJson = (value: unknown) => JSON.parse(JSON.stringify(value));

let app: FastifyInstance;
let client: HttpLectureApi;
let service: LectureService;
before(async () => {
  service = await LectureService.open([fixture.root]);
  // Drafts served as with `serve --drafts`, so the drafts parameter means something to compare.
  const started = await startServer({ service, rendererDir: renderer.root, port: 0, drafts: true });
  app = started.app;
  client = new HttpLectureApi(started.url.replace(/\/$/, ''));
});
after(async () => {
  await app.close();
  await service.close();
  fixture.cleanup();
  renderer.cleanup();
});

test('library, lectures and drafts mean the same on both sides', async () => {
  assert.deepEqual(await client.getLibrary(), overJson(await service.getLibrary()));
  assert.deepEqual(await client.getLibrary({ includeDrafts: true }), overJson(await service.getLibrary({ includeDrafts: true })));
  const slug = (await service.getLibrary()).articles[0].slug;
  assert.deepEqual(await client.getLecture(slug), overJson(await service.getLecture(slug)));
  const draft = (await service.getLibrary({ includeDrafts: true })).articles.find((article) => !article.published)!.slug;
  assert.equal(await client.getLecture(draft), null);
  assert.equal((await client.getLecture(draft, { includeDrafts: true }))?.slug, draft);
  assert.equal(await client.getLecture('không có/../gì'), null);
});

test("the glossary means the same on both sides; a draft's terms only with drafts", async () => {
  assert.deepEqual(await client.getGlossary(), overJson(await service.getGlossary()));
  assert.deepEqual(
    (await client.getGlossary()).map((entry) => entry.en),
    ['hallucination'],
  );
  assert.deepEqual((await client.getGlossary({ includeDrafts: true })).map((entry) => entry.en).sort(), ['deep learning', 'hallucination']);
});

test('search requests arrive as sent: text, tags with symbols, limit and drafts', async () => {
  const request = { q: 'kafka & dữ liệu', tags: ['c++'], includeDrafts: true };
  const { results } = await client.search(request);
  assert.deepEqual(results, overJson((await service.search(request)).results));
  assert.deepEqual(
    results.map((hit) => hit.title),
    ['Học máy & dữ liệu'],
    'only the lecture tagged c++',
  );
  assert.equal((await client.search({ q: 'kafka', tags: ['ai'], includeDrafts: true })).results.length, 2);
  assert.equal((await client.search({ q: 'kafka', tags: ['ai'], limit: 1, includeDrafts: true })).results.length, 1, 'the limit');
  assert.equal((await client.search({ q: 'kafka', tags: ['ai'] })).results.length, 1, 'drafts only when asked');
});

test('asset paths become URLs the server resolves, and the version is the library version', async () => {
  const article = (await client.getLecture((await service.getLibrary()).articles[0].slug))!;
  const asset = Object.values(article.images)[0]!;
  const image = await fetch(client.assetUrl(asset));
  assert.equal(image.status, 200);
  assert.equal(image.headers.get('content-type'), 'image/png');
  const version = await (await fetch(client.assetUrl(asset).replace(/\/assets\/.*/, '/api/version'))).json();
  assert.deepEqual(version, service.getVersion());
});
