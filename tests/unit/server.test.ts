import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { startServer } from '../../core/server/httpServer.js';
import { LectureService } from '../../core/service/lectureService.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const fixture = makeLibrary({
  'a.md': lecture({ time: '01/01/2024', title: 'Bài A', tags: '[x]' }, '![sơ đồ](img/diagram.png)\n\nNội dung về kafka.\n'),
  'img/diagram.png': Buffer.from('89504e470d0a1a0a', 'hex'),
  '.secret.png': Buffer.from('89504e470d0a1a0a', 'hex'),
  'notes.txt': 'private',
});
const outside = makeLibrary({ 'secret.png': Buffer.from('89504e470d0a1a0a', 'hex') });
symlinkSync(path.join(outside.root, 'secret.png'), path.join(fixture.root, 'img/link.png'));
const renderer = makeLibrary({ 'index.html': '<!doctype html><title>reader</title>', 'static/app-12345678.js': 'console.log(1)', '.env': 'SECRET=1' });

let app: FastifyInstance;
let base: string;
let service: LectureService;
before(async () => {
  service = await LectureService.open([fixture.root]);
  ({ app, url: base } = await startServer({ service, rendererDir: renderer.root, port: 0 }));
});
after(async () => {
  await app.close();
  await service.close();
  for (const library of [fixture, outside, renderer]) library.cleanup();
});

/** A raw request, so the path reaches the server exactly as written (fetch would normalize `..`). */
function raw(pathname: string, method = 'GET'): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: pathname, method }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body, headers: response.headers }));
    });
    request.on('error', reject);
    request.end();
  });
}

test('the JSON API implements the contract', async () => {
  const library = JSON.parse((await raw('/api/library')).body);
  assert.equal(library.articles[0].slug, 'bai-a');
  const article = JSON.parse((await raw('/api/articles/bai-a')).body);
  assert.equal(article.images['img/diagram.png'], '0/img/diagram.png');
  assert.equal((await raw('/api/articles/nope')).status, 404);
  const search = JSON.parse((await raw('/api/search?q=kafka&tag=x')).body);
  assert.equal(search.results[0].slug, 'bai-a');
  assert.deepEqual(JSON.parse((await raw('/api/search?q=kafka&tag=y')).body).results, []);
});

test('lecture images are served with a locked-down policy', async () => {
  const image = await raw('/assets/0/img/diagram.png');
  assert.equal(image.status, 200);
  assert.equal(image.headers['content-type'], 'image/png');
  assert.match(String(image.headers['content-security-policy']), /default-src 'none'/);
  assert.equal(image.headers['x-content-type-options'], 'nosniff');
  const again = await new Promise<number>((resolve) => {
    const { hostname, port } = new URL(base);
    http.get({ hostname, port, path: '/assets/0/img/diagram.png', headers: { 'if-none-match': String(image.headers.etag) } }, (response) =>
      resolve(response.statusCode!),
    );
  });
  assert.equal(again, 304);
  const part = await new Promise<http.IncomingMessage>((resolve) => {
    const { hostname, port } = new URL(base);
    http.get({ hostname, port, path: '/assets/0/img/diagram.png', headers: { range: 'bytes=0-3' } }, (response) => (response.resume(), resolve(response)));
  });
  assert.equal(part.statusCode, 206);
  assert.equal(part.headers['content-range'], 'bytes 0-3/8');
  assert.equal(part.headers['content-type'], 'image/png');
});

test('paths outside the library and the app are refused', async () => {
  const attempts = [
    '/assets/0/../../../etc/passwd',
    '/assets/0/%2e%2e/%2e%2e/etc/passwd',
    '/assets/0/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/assets/0/%252e%252e%252fetc%252fpasswd',
    '/assets/0/..%5c..%5cetc%5cpasswd',
    '/assets/0/%2fetc%2fpasswd.png',
    '/assets/0//etc/passwd',
    '/assets/0/img/link.png',
    '/assets/0/.secret.png',
    '/assets/0/notes.txt',
    '/assets/1/img/diagram.png',
    '/assets/-1/img/diagram.png',
    '/../package.json',
    '/%2e%2e/package.json',
    '/.env',
  ];
  for (const attempt of attempts) {
    const response = await raw(attempt);
    assert.ok(response.status === 404 || response.status === 403 || response.status === 400, `${attempt} → ${response.status}`);
    assert.doesNotMatch(response.body, /root:|SECRET|private|89504e47/, attempt);
    assert.doesNotMatch(response.body, /at .*\.(ts|js):\d+/, `${attempt}: no stack traces`);
  }
});

test('answers are compressed and revalidated with ETags', async () => {
  const { hostname, port } = new URL(base);
  const get = (headers: Record<string, string>) =>
    new Promise<http.IncomingMessage>((resolve) =>
      http.get({ hostname, port, path: '/api/library', headers }, (response) => (response.resume(), resolve(response))),
    );
  const first = await get({ 'accept-encoding': 'gzip' });
  assert.equal(first.statusCode, 200);
  const etag = String(first.headers.etag);
  assert.match(etag, /lib-\d+/);
  assert.equal((await get({ 'if-none-match': etag })).statusCode, 304);
  const big = await new Promise<http.IncomingMessage>((resolve) =>
    http.get({ hostname, port, path: '/api/articles/bai-a', headers: { 'accept-encoding': 'br, gzip' } }, (r) => (r.resume(), resolve(r))),
  );
  assert.equal(big.statusCode, 200);
});

test('no directory listings', async () => {
  const listing = await raw('/static/');
  assert.doesNotMatch(listing.body, /app-12345678/);
});

test('read-only: only GET and HEAD', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const response = await raw('/api/library', method);
    assert.equal(response.status, 405, method);
  }
  assert.equal((await raw('/api/library', 'HEAD')).status, 200);
});

test('the reader is served with its content security policy, app routes included', async () => {
  for (const route of ['/', '/lectures']) {
    const page = await raw(route);
    assert.equal(page.status, 200, route);
    assert.match(page.body, /<title>reader<\/title>/);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
  }
  assert.match(String((await raw('/static/app-12345678.js')).headers['cache-control']), /immutable/);
});

test('a lecture-site address is sent to the reader, relative to where it was asked', async () => {
  for (const [route, location] of [
    ['/blog/bai-a', '../?lecture=bai-a'],
    ['/blog/bai-a/?from=site', '../../?lecture=bai-a'],
  ]) {
    const redirect = await raw(route);
    assert.equal(redirect.status, 302, route);
    assert.equal(redirect.headers.location, location);
  }
});

test('a 2,000-character query is answered quickly', async () => {
  const started = performance.now();
  const response = await raw(`/api/search?q=${encodeURIComponent('dữ liệu '.repeat(250))}&limit=100000`);
  assert.equal(response.status, 200);
  assert.ok(performance.now() - started < 2000);
  assert.ok(JSON.parse(response.body).results.length <= 100);
});

test('a lecture added while serving shows up after reload', async () => {
  mkdirSync(path.join(fixture.root, 'new'), { recursive: true });
  writeFileSync(path.join(fixture.root, 'new/b.md'), lecture({ time: '02/02/2024', title: 'Bài B' }, 'Nói về zookeeper.\n'));
  await service.reload();
  assert.equal(JSON.parse((await raw('/api/search?q=zookeeper')).body).results[0].slug, 'bai-b');
});
