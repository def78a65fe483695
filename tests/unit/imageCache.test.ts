import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ImageCache } from '../../core/cache/imageCache.js';
import { startServer } from '../../core/server/httpServer.js';
import { LectureService } from '../../core/service/lectureService.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { startImageServer, tinyPng } from '../helpers/imageServer.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const png = tinyPng(1);
let images: Awaited<ReturnType<typeof startImageServer>>;
let failNext = true;
before(async () => {
  images = await startImageServer({
    '/ok.png': (_q, r) => r.writeHead(200, { 'content-type': 'image/png', etag: '"v1"' }).end(png),
    '/lying.png': (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end('<html><script>alert(1)</script></html>'),
    '/huge.png': (_q, r) => {
      r.writeHead(200, { 'content-type': 'image/png' });
      r.write(png);
      r.end(Buffer.alloc(3 * 1024 * 1024));
    },
    '/declared-huge.png': (_q, r) => r.writeHead(200, { 'content-type': 'image/png', 'content-length': String(50 * 1024 * 1024) }).end(),
    '/hang.png': () => {},
    '/loop': (_q, r) => r.writeHead(302, { location: '/loop' }).end(),
    '/hop1': (_q, r) => r.writeHead(301, { location: '/hop2' }).end(),
    '/hop2': (_q, r) => r.writeHead(302, { location: '/ok.png' }).end(),
    '/to-file': (_q, r) => r.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/flaky.png': (_q, r) => {
      if (failNext) r.writeHead(503).end();
      else r.writeHead(200, { 'content-type': 'image/png' }).end(png);
    },
    '/svg.svg': (_q, r) => r.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    '/slow.png': (_q, r) => {
      r.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length + 200_000) });
      r.write(png);
      r.write(Buffer.alloc(100_000));
      // …and never finishes: the child is killed while it waits.
    },
  });
});
after(() => images.close());

const temp = () => mkdtempSync(path.join(tmpdir(), 'image-cache-'));
/** The test image server is on 127.0.0.1: a private address, allowed explicitly. */
const LOCAL = { allowPrivateNetwork: true };

test('downloads an image, verifies it and keeps its metadata', async () => {
  const cache = new ImageCache(temp(), LOCAL);
  const outcome = await cache.fetch(images.url('/ok.png'));
  assert.ok(outcome.ok);
  assert.equal(outcome.entry.contentType, 'image/png');
  assert.equal(outcome.entry.size, png.length);
  assert.equal(outcome.entry.etag, '"v1"');
  const found = await cache.lookup(images.url('/ok.png'));
  assert.deepEqual(readFileSync(found!.file), png);
  const again = await cache.fetch(images.url('/ok.png'));
  assert.ok(again.ok && again.cached, 'a valid entry is not fetched twice');
  assert.equal(images.hits.get('/ok.png'), 1);
  assert.ok((await cache.fetch(images.url('/svg.svg'))).ok, 'SVG is an image');
});

test('refuses what is not an image, too big, too slow, or redirected too often', async () => {
  const cache = new ImageCache(temp(), { ...LOCAL, maxBytes: 1024 * 1024, timeoutMs: 400, maxRedirects: 3 });
  const error = async (p: string) => {
    const outcome = await cache.fetch(images.url(p));
    assert.equal(outcome.ok, false, p);
    return (outcome as { error: string }).error;
  };
  assert.match(await error('/lying.png'), /not an image/);
  assert.match(await error('/huge.png'), /too large/);
  assert.match(await error('/declared-huge.png'), /too large/);
  assert.match(await error('/hang.png'), /timed out after 400 ms/);
  assert.match(await error('/loop'), /too many redirects/);
  assert.match(await error('/to-file'), /refused: file URL/);
  assert.match(await error('/missing.png'), /HTTP 404/);
  assert.ok((await cache.fetch(images.url('/hop1'))).ok, 'two redirects are followed');
  assert.equal(await cache.lookup(images.url('/lying.png')), null, 'nothing stored for a refusal');
  assert.deepEqual(
    readdirSync(cache.dir).filter((name) => name.endsWith('.tmp')),
    [],
  );
});

test('a corrupt entry is detected and fetched again', async () => {
  const dir = temp();
  const cache = new ImageCache(dir, LOCAL);
  await cache.fetch(images.url('/ok.png'));
  const key = ImageCache.keyFor(images.url('/ok.png'));
  const file = path.join(dir, `${key}.img`);
  const bytes = readFileSync(file);
  bytes[bytes.length - 5] ^= 0xff;
  writeFileSync(file, bytes);
  const reopened = await ImageCache.open(dir, LOCAL);
  assert.equal(reopened.assetFor(images.url('/ok.png')), null);
  assert.equal(await reopened.lookup(images.url('/ok.png')), null);
  const outcome = await reopened.fetch(images.url('/ok.png'));
  assert.ok(outcome.ok && !outcome.cached);
  assert.deepEqual(readFileSync(file), png);
  writeFileSync(path.join(dir, `${key}.json`), '{ torn');
  assert.equal(await new ImageCache(dir, LOCAL).lookup(images.url('/ok.png')), null, 'torn metadata is not an entry');
});

test('a kill in the middle of a download leaves nothing that reads as an image', async () => {
  const dir = temp();
  const url = images.url('/slow.png');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'tests/helpers/cacheFetchChild.ts'), dir, url], { stdio: 'ignore' });
  const deadline = Date.now() + 15_000;
  while ((images.hits.get('/slow.png') ?? 0) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 300));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  const cache = await ImageCache.open(dir, LOCAL);
  assert.equal(cache.assetFor(url), null);
  assert.equal(await cache.lookup(url), null);
  assert.deepEqual(
    readdirSync(dir).filter((name) => name.endsWith('.tmp')),
    [],
    'leftovers are cleaned on open',
  );
});

test('failures are recorded and retried later', async () => {
  const cache = new ImageCache(temp(), LOCAL);
  failNext = true;
  const first = await cache.fetchAll([images.url('/flaky.png'), images.url('/ok.png')]);
  assert.equal(first.progress.failures, 1);
  assert.match((await cache.failures())[images.url('/flaky.png')].error, /HTTP 503/);
  failNext = false;
  const second = await cache.fetchAll([images.url('/flaky.png')]);
  assert.equal(second.progress.failures, 0);
  assert.deepEqual(await cache.failures(), {});
  assert.equal((await cache.size()).entries, 2);
  await cache.clear();
  assert.equal((await cache.size()).entries, 0);
});

test('make a library available offline, then read it with the image server gone', async () => {
  const server = await startImageServer({ '/banner.png': (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end(png) });
  const library = makeLibrary({
    'a.md': lecture({ time: '01/01/2024', title: 'Bài A', banner_url: server.url('/banner.png') }, `![hình](${server.url('/banner.png')})\n`),
  });
  const cacheDir = temp();
  try {
    const service = await LectureService.open([library.root], { cacheDir, ...LOCAL });
    assert.deepEqual(await service.getOfflineStatus(), { images: 1, available: 0, cacheEntries: 0, cacheBytes: 0 });
    const { progress } = await service.makeOffline();
    assert.equal(progress.failures, 0);
    assert.equal((await service.getOfflineStatus()).available, 1);
    await server.close();
    await service.close();

    // A new start, no image server: the lecture still shows its images, served by our own server.
    const offline = await LectureService.open([library.root], { cacheDir, ...LOCAL });
    const article = (await offline.getLecture('bai-a'))!;
    const asset = article.images[server.url('/banner.png')];
    assert.match(asset!, /^cache\/[0-9a-f]{64}$/);
    assert.equal(article.banner, asset);
    const renderer = makeLibrary({ 'index.html': '<!doctype html>' });
    const { app, url } = await startServer({ service: offline, rendererDir: renderer.root });
    try {
      const response = await fetch(`${url}assets/${asset}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), png);
    } finally {
      await app.close();
      await offline.close();
      renderer.cleanup();
    }
  } finally {
    library.cleanup();
    rmSync(cacheDir, { recursive: true, force: true });
  }
});
