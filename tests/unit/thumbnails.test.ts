/**
 * Images at the widths of imageSizes.ts: a big photo's copy at each width is a WebP that wide, made once into the
 * cache folder and served with an ETag (304 on a repeat); a width not in the list is not one; an SVG, or a file that
 * is not really an image, is served as it is; the copy's route never leaves the library, as the image's own does not.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import sharp from 'sharp';
import { IMAGE_WIDTHS } from '../../core/common/imageSizes.js';
import { sizedImageRoute } from '../../core/common/routes.js';
import { resolveAppRequest } from '../../electron/main/appRequests.js';
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

test('a big photo: a WebP copy at each width, each made once, with an ETag', async () => {
  const asset = await banner('Ảnh lớn');
  let previous = 0;
  for (const width of IMAGE_WIDTHS) {
    const copy = await get(sizedImageRoute(asset, width));
    assert.equal(copy.status, 200, `width ${width}`);
    assert.equal(copy.headers['content-type'], 'image/webp');
    assert.equal((await sharp(copy.body).metadata()).width, width);
    assert.ok(copy.body.length > previous && copy.body.length * 2 < photo.length, `${copy.body.length} bytes at ${width} from ${photo.length}`);
    previous = copy.body.length;
  }
  const route = sizedImageRoute(asset, IMAGE_WIDTHS[0]);
  const first = await get(route);
  const etag = String(first.headers.etag);
  assert.ok(etag);

  const copies = readdirSync(path.join(cacheDir, 'thumbnails'));
  assert.equal(copies.length, IMAGE_WIDTHS.length);
  const made = Math.max(...copies.map((copy) => statSync(path.join(cacheDir, 'thumbnails', copy)).mtimeMs));
  assert.equal((await get(route, { 'if-none-match': etag })).status, 304);
  assert.equal((await get(route)).status, 200);
  assert.deepEqual(readdirSync(path.join(cacheDir, 'thumbnails')).sort(), copies.sort());
  assert.equal(Math.max(...copies.map((copy) => statSync(path.join(cacheDir, 'thumbnails', copy)).mtimeMs)), made, 'not made again');
});

test("the desktop app's protocol answers the same URLs with the same copies", async () => {
  const asset = await banner('Ảnh lớn');
  for (const width of IMAGE_WIDTHS) {
    const answer = await resolveAppRequest(`app://reader${sizedImageRoute(asset, width)}`, cacheDir, (root, relative, asked) =>
      service.asset(root, relative, asked),
    );
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-type'], 'image/webp');
    assert.equal((await sharp((answer as { file: string }).file).metadata()).width, width);
  }
});

test('a width that is not one of the list is not a copy', async () => {
  const asset = await banner('Ảnh lớn');
  for (const width of [1, 100, 321, 99999]) assert.equal((await get(sizedImageRoute(asset, width as 320))).status, 404, `width ${width}`);
  assert.equal((await get(`/thumbnails/${asset}`)).status, 404, 'no width');
});

test('an SVG and a file that is not an image are served as they are', async () => {
  const svg = await get(sizedImageRoute(await banner('Hình vẽ'), 320));
  assert.equal(svg.headers['content-type'], 'image/svg+xml');
  const fake = await get(sizedImageRoute(await banner('Ảnh giả'), 640));
  assert.equal(fake.status, 200);
  assert.equal(fake.body.toString(), 'không phải ảnh');
});

test('the copy route never leaves the library', async () => {
  for (const route of [
    '/thumbnails/320/0/../../etc/passwd',
    '/thumbnails/640/0/%2e%2e/%2e%2e/etc/hosts',
    '/thumbnails/320/9/images/anh.jpg',
    '/thumbnails/320/0/',
    '/thumbnails/0/images/anh.jpg',
  ]) {
    assert.equal((await get(route)).status, 404, route);
  }
});
