/**
 * The list and lectures over HTTP are made and compressed once per library version and encoding: a classroom
 * asking at once gets the same bytes, decoded to the same answer in every encoding; a changed library is answered
 * anew; a missing lecture is still a 404.
 */
import assert from 'node:assert/strict';
import type http from 'node:http';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { lecturePath, libraryPath } from '../../core/common/routes.js';
import { rawGet } from '../helpers/network.js';
import { serveInProcess } from '../helpers/inProcessServer.js';
import { lecture } from '../helpers/tempLibrary.js';

const { library: fixture, service, url } = await serveInProcess({ 'mot.md': lecture({ title: 'Bài một', time: '01/02/2024' }, 'Nội dung '.repeat(400)) });

let made = 0;
const getLibrary = service.getLibrary.bind(service);
service.getLibrary = (options) => (made++, getLibrary(options));

const get = (route: string, encoding: string) => rawGet(url, route, { 'accept-encoding': encoding });

const decoded = ({ headers, body }: { headers: http.IncomingHttpHeaders; body: Buffer }) =>
  JSON.parse((headers['content-encoding'] === 'br' ? brotliDecompressSync(body) : headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString());

test('the list: made once per encoding, the same answer in brotli, gzip and plain', async () => {
  const plain = await get(libraryPath(), 'identity');
  const first = await get(libraryPath(), 'gzip, deflate, br');
  const second = await get(libraryPath(), 'br');
  const gzip = await get(libraryPath(), 'gzip, br;q=0');
  assert.equal(first.headers['content-encoding'], 'br');
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(first.headers.vary, 'accept-encoding');
  assert.deepEqual(second.body, first.body);
  assert.equal(made, 3, 'one per encoding');
  for (const answer of [first, gzip]) assert.deepEqual(decoded(answer), decoded(plain));
  assert.deepEqual(
    decoded(plain).articles.map((a: { title: string }) => a.title),
    ['Bài một'],
  );
});

test('a changed library is answered anew; a lecture is compressed too; a missing one is a 404', async () => {
  fixture.write('hai.md', lecture({ title: 'Bài hai', time: '01/03/2024' }));
  await service.reload();
  assert.deepEqual(
    decoded(await get(libraryPath(), 'br'))
      .articles.map((a: { title: string }) => a.title)
      .sort(),
    ['Bài hai', 'Bài một'],
  );
  const article = await get(lecturePath('bai-mot'), 'br');
  assert.equal(article.headers['content-encoding'], 'br');
  assert.match(decoded(article).body, /Nội dung/);
  const missing = await get(lecturePath('khong-co'), 'br');
  assert.equal(missing.status, 404);
  assert.equal(decoded(missing).error, 'Not in the library');
});
