/**
 * A full disk while making the library available offline: a real tmpfs of 1 MiB holds the cache, filled
 * until the next images cannot fit. The run says so plainly, stops trying, leaves no partial files, and the
 * images cached before are intact; with space freed, the next run completes.
 *
 * Mounting needs root on Linux; elsewhere the test is skipped with the reason.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ImageCache } from '../../core/cache/imageCache.js';
import { encodePng } from '../../scripts/png.js';
import { runCliAsync } from '../helpers/cli.js';
import { startImageServer, tinyPng } from '../helpers/imageServer.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const TMPFS_SIZE = '1m';

/** Mounts a fresh tmpfs, or returns why it cannot be done here. */
function mountTmpfs(): { dir: string; unmount(): void } | string {
  if (process.platform !== 'linux') return 'tmpfs mounts need Linux';
  const dir = mkdtempSync(path.join(tmpdir(), 'lecture-diskfull-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return `cannot mount a tmpfs here (${(mounted.stderr || mounted.error?.message || `exit ${mounted.status}`).trim()})`;
  }
  return {
    dir,
    unmount: () => {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const probe = mountTmpfs();
if (typeof probe !== 'string') probe.unmount();
const skip = typeof probe === 'string' ? probe : false;
if (skip) process.stdout.write(`# disk-full tests skipped: ${skip}\n`);

/** A PNG of incompressible pixels, about `kilobytes` KiB. */
function bigPng(kilobytes: number, seed: number): Buffer {
  const side = Math.ceil(Math.sqrt((kilobytes * 1024) / 4));
  const pixels = randomBytes(side * side * 4);
  pixels[0] = seed;
  return encodePng(side, side, pixels);
}

/** Fills the disk until only `leaveKilobytes` KiB are free; returns the filler's path. */
function fillDisk(dir: string, leaveKilobytes: number): string {
  const { bavail, bsize } = statfsSync(dir);
  const filler = path.join(dir, 'filler.bin');
  writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - leaveKilobytes * 1024)));
  return filler;
}

/** Files a failed write could leave behind: temporary files and images without their metadata. */
function leftovers(dir: string): string[] {
  const names = readdirSync(dir);
  return names.filter((name) => name.endsWith('.tmp') || (name.endsWith('.img') && !names.includes(name.replace(/\.img$/, '.json'))));
}

describe('the disk fills up while caching images', { skip }, () => {
  const images: Record<string, Buffer> = {
    '/small-1.png': tinyPng(1),
    '/small-2.png': tinyPng(2),
    ...Object.fromEntries([1, 2, 3, 4].map((n) => [`/big-${n}.png`, bigPng(200, n)])),
  };
  let server: Awaited<ReturnType<typeof startImageServer>>;
  let disk: { dir: string; unmount(): void };
  before(async () => {
    server = await startImageServer(
      Object.fromEntries(
        Object.entries(images).map(([route, bytes]) => [route, (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(bytes)]),
      ),
    );
    disk = mountTmpfs() as { dir: string; unmount(): void };
  });
  after(async () => {
    await server?.close();
    disk?.unmount();
  });

  test('the image cache: a clear failure, nothing torn, earlier images intact, then the retry completes', async () => {
    const cacheDir = path.join(disk.dir, 'cache');
    const cache = await ImageCache.open(cacheDir, { concurrency: 1, allowPrivateNetwork: true });
    const small = ['/small-1.png', '/small-2.png'].map(server.url);
    const big = [1, 2, 3, 4].map((n) => server.url(`/big-${n}.png`));
    assert.equal((await cache.fetchAll(small)).progress.failures, 0);

    const filler = fillDisk(disk.dir, 120);
    const { outcomes, progress } = await cache.fetchAll(big);
    assert.equal(progress.diskFull, true);
    assert.equal(progress.failures, 4);
    assert.match((outcomes[0] as { error: string }).error, new RegExp(`no space left on the disk holding ${cacheDir}`));
    assert.deepEqual(
      outcomes.slice(1).map((outcome) => (outcome as { error: string }).error),
      ['not tried: the disk is full', 'not tried: the disk is full', 'not tried: the disk is full'],
    );
    assert.equal(server.hits.get('/big-2.png'), undefined, 'nothing more is downloaded once the disk is full');
    assert.deepEqual(leftovers(cacheDir), []);

    const reopened = await ImageCache.open(cacheDir, { allowPrivateNetwork: true });
    for (const [index, url] of small.entries()) {
      const found = await reopened.lookup(url);
      assert.ok(found, `${url} survived`);
      assert.deepEqual(readFileSync(found.file), images[`/small-${index + 1}.png`]);
    }
    for (const url of big) assert.equal(reopened.assetFor(url), null);

    rmSync(filler);
    const retry = await reopened.fetchAll(big);
    assert.equal(retry.progress.failures, 0);
    assert.equal(retry.progress.diskFull, false);
    for (const [index, url] of big.entries()) assert.deepEqual(readFileSync((await reopened.lookup(url))!.file), images[`/big-${index + 1}.png`]);
    await reopened.clear();
  });

  test('the cache command: says the disk is full, exits 1 with no stack trace, and completes once space is freed', async () => {
    const library = makeLibrary({
      'a.md': lecture(
        { time: '01/02/2025', title: 'Ảnh lớn', tags: '[x]' },
        [1, 2, 3, 4].map((n) => `![ảnh ${n}](${server.url(`/big-${n}.png`)})\n`).join('\n'),
      ),
    });
    const cacheDir = path.join(disk.dir, 'cli-cache');
    try {
      const filler = fillDisk(disk.dir, 300);
      const full = await runCliAsync(['cache', library.root, '--cache-dir', cacheDir, '--allow-private-network']);
      assert.equal(full.code, 1, full.stderr);
      assert.match(full.stdout, new RegExp(`The disk holding ${cacheDir}\\S* is full: free some space and run this command again`));
      assert.doesNotMatch(full.stdout + full.stderr, /\n\s+at /, 'no stack trace');
      assert.deepEqual(leftovers(path.join(cacheDir, 'images')), []);
      rmSync(filler);
      const freed = await runCliAsync(['cache', library.root, '--cache-dir', cacheDir, '--allow-private-network']);
      assert.equal(freed.code, 0, freed.stdout + freed.stderr);
      assert.match(freed.stdout, /available offline: \d before, 4 now/);
    } finally {
      library.cleanup();
    }
  });
});
