/**
 * List banners as small copies: a big photo's copy is a WebP at most THUMBNAIL_WIDTH wide, made once into the
 * cache folder and served with an ETag (304 on a repeat); an SVG, or a file that is not really an image, is served
 * as it is; the copy's route never leaves the library, as the image's own does not.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import sharp from 'sharp';
import { THUMBNAIL_WIDTH } from '../../core/cache/thumbnails.js';
import { thumbnailRoute } from '../../core/common/routes.js';
import { rawGet } from '../helpers/network.js';
import { serveInProcess } from '../helpers/inProcessServer.js';
import { lecture } from '../helpers/tempLibrary.js';

// A noisy photo: large in bytes, as camera banners are.
const { width, height } = { width: 2400, height: 1200 };
const noise = Buffer.alloc(width * height * 3);
for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
const photo = await sharp(noise, { raw: { width, height, channels: 3 } })
  .jpeg({ quality: 90 })
  .toBuffer();

const cacheDir = mkdtempSync(path.join(tmpdir(), 'lecture-thumbs-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));
const { service, url } = await serveInProcess(
  {
    'anh.md': lecture({ title: 'Ảnh lớn', time: '01/02/2024', banner_url: 'images/anh.jpg' }),
    've.md': lecture({ title: 'Hình vẽ', time: '01/03/2024', banner_url: 'images/ve.svg' }),
    'gia.md': lecture({ title: 'Ảnh giả', time: '01/04/2024', banner_url: 'images/gia.png' }),
    'images/anh.jpg': photo,
    'images/ve.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    'images/gia.png': 'không phải ảnh',
  },
  { cacheDir },
);

const banner = async (title: string) => (await service.getLibrary()).articles.find((article) => article.title === title)!.banner!;
const get = (route: string, headers: Record<string, string> = {}) => rawGet(url, route, headers);

test('a big photo: a small WebP copy, made once, with an ETag', async () => {
  const route = thumbnailRoute(await banner('Ảnh lớn'));
  const first = await get(route);
  assert.equal(first.status, 200);
  assert.equal(first.headers['content-type'], 'image/webp');
  const bytes = first.body;
  assert.ok(bytes.length * 10 < photo.length, `${bytes.length} bytes from ${photo.length}`);
  assert.equal((await sharp(bytes).metadata()).width, THUMBNAIL_WIDTH);
  const etag = String(first.headers.etag);
  assert.ok(etag);

  const copies = readdirSync(path.join(cacheDir, 'thumbnails'));
  assert.equal(copies.length, 1);
  const made = statSync(path.join(cacheDir, 'thumbnails', copies[0])).mtimeMs;
  assert.equal((await get(route, { 'if-none-match': etag })).status, 304);
  assert.equal((await get(route)).status, 200);
  assert.equal(statSync(path.join(cacheDir, 'thumbnails', copies[0])).mtimeMs, made, 'not made again');
});

test('an SVG and a file that is not an image are served as they are', async () => {
  const svg = await get(thumbnailRoute(await banner('Hình vẽ')));
  assert.equal(svg.headers['content-type'], 'image/svg+xml');
  const fake = await get(thumbnailRoute(await banner('Ảnh giả')));
  assert.equal(fake.status, 200);
  assert.equal(fake.body.toString(), 'không phải ảnh');
});

test('the copy route never leaves the library', async () => {
  for (const route of ['/thumbnails/0/../../etc/passwd', '/thumbnails/0/%2e%2e/%2e%2e/etc/hosts', '/thumbnails/9/images/anh.jpg', '/thumbnails/0/']) {
    assert.equal((await get(route)).status, 404, route);
  }
});
