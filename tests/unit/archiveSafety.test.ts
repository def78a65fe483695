// Hostile lecture archives: permissions and owners from the archive, decompression bombs, and a broken archive
// that fails half-way. Each archive is built here, served by a local server, and synced for real.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { create, Header } from 'tar';
import { RemoteLibraries } from '../../core/library/remoteLibrary.js';
import type { UnpackLimits } from '../../core/library/unpackArchive.js';
import { lecture } from '../helpers/tempLibrary.js';

/** An uncompressed tar of the given entries (files unless a type is given), without its end blocks. */
function tarEntries(entries: { path: string; body?: Buffer; type?: 'File' | 'Directory'; mode?: number }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const { path: entryPath, body = Buffer.alloc(0), type = 'File', mode = 0o644 } of entries) {
    const header = new Header({ path: entryPath, mode, size: body.length, type, mtime: new Date(0), uid: 0, gid: 0 });
    header.encode();
    blocks.push(header.block!, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  return Buffer.concat(blocks);
}
const tarGz = (tar: Buffer) => gzipSync(Buffer.concat([tar, Buffer.alloc(1024)]), { level: 9 });
const page = (title: string) => Buffer.from(lecture({ time: '01/01/2024', title }));

/** The archive each repository path serves. */
const archives = new Map<string, Buffer>();
const server = http.createServer((request, response) => {
  const archive = archives.get(request.url ?? '');
  if (archive) response.writeHead(200, { 'content-type': 'application/gzip' }).end(archive);
  else response.writeHead(404).end();
});
let base = '';
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});
const serve = (repo: string, archive: Buffer) => archives.set(`/t/${repo}/HEAD.tar.gz`, archive);

function remotes(limits?: Partial<UnpackLimits>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'archive-safety-'));
  return new RemoteLibraries(dataDir, { archiveUrl: (a) => `${base}/${a.owner}/${a.repo}/HEAD.tar.gz`, unpackLimits: limits });
}

/** What a sync left in the libraries folder besides finished copies and their records. */
const leftovers = (remote: RemoteLibraries) =>
  existsSync(path.join(remote.dataDir, 'libraries')) ? readdirSync(path.join(remote.dataDir, 'libraries')).filter((name) => name.endsWith('.tmp')) : [];

test('files are extracted 0644 and folders 0755 (less the umask), whatever modes and owner the archive gives', async () => {
  const tree = mkdtempSync(path.join(tmpdir(), 'modes-'));
  mkdirSync(path.join(tree, 'bai-1/images'), { recursive: true });
  writeFileSync(path.join(tree, 'bai-1/bai.md'), page('Quyền của tệp'));
  writeFileSync(path.join(tree, 'bai-1/images/anh.png'), '#!/bin/sh\necho chạy\n');
  chmodSync(path.join(tree, 'bai-1/bai.md'), 0o6755);
  chmodSync(path.join(tree, 'bai-1/images/anh.png'), 0o4777);
  chmodSync(path.join(tree, 'bai-1/images'), 0o3777);
  chmodSync(path.join(tree, 'bai-1'), 0o1777);
  const runningAsRoot = process.getuid?.() === 0;
  if (runningAsRoot) for (const file of ['bai-1', 'bai-1/bai.md', 'bai-1/images', 'bai-1/images/anh.png']) chownSync(path.join(tree, file), 4242, 4242);
  const file = path.join(tree, 'repo.tar.gz');
  // Not portable: the archive carries its modes and owner, as a hostile one would.
  await create({ gzip: true, file, cwd: tree, prefix: 'repo-main', portable: false }, ['bai-1']);
  serve('modes', readFileSync(file));

  const remote = remotes();
  const { folder } = await remote.sync('t/modes');
  const umask = process.umask();
  for (const [relative, mode] of [
    ['bai-1', 0o755],
    ['bai-1/images', 0o755],
    ['bai-1/bai.md', 0o644],
    ['bai-1/images/anh.png', 0o644],
  ] as const) {
    const info = statSync(path.join(folder, relative));
    assert.equal((info.mode & 0o7777).toString(8), (mode & ~umask).toString(8), relative);
    assert.equal(info.uid, process.getuid!(), `${relative} belongs to whoever synced`);
  }
});

test('a file larger than the per-file limit is refused as "too large", and nothing is left behind', async () => {
  serve(
    'big-file',
    tarGz(
      tarEntries([
        { path: 'r/bai.md', body: page('Bài') },
        { path: 'r/images/to.png', body: randomBytes(2 * 1024 * 1024) },
      ]),
    ),
  );
  const remote = remotes({ maxFileBytes: 1024 * 1024 });
  await assert.rejects(remote.sync('t/big-file'), /The archive is too large: r\/images\/to.png is 2.0 MB/);
  assert.deepEqual(leftovers(remote), []);
  assert.ok(!existsSync(remote.folderFor({ owner: 't', repo: 'big-file' })));
});

test('an archive unpacking past the total limit is refused as "too large", and nothing is left behind', async () => {
  const files = Array.from({ length: 6 }, (_, i) => ({ path: `r/images/anh-${i}.png`, body: randomBytes(300 * 1024) }));
  serve('big-total', tarGz(tarEntries([{ path: 'r/bai.md', body: page('Bài') }, ...files])));
  const remote = remotes({ maxTotalBytes: 1024 * 1024 });
  await assert.rejects(remote.sync('t/big-total'), /The archive is too large: it unpacks to more than 1.0 MB/);
  assert.deepEqual(leftovers(remote), []);
  assert.ok(!existsSync(remote.folderFor({ owner: 't', repo: 'big-total' })));
});

test("a decompression bomb (ratio in the hundreds, under tar's own limit) is refused by the default limits", async () => {
  const filler = Buffer.alloc(64 * 1024 * 1024);
  for (let i = 0; i < filler.length; i += 1000) filler[i] = i & 255;
  const bomb = tarGz(
    tarEntries([
      { path: 'r/bai.md', body: page('Bài') },
      { path: 'r/images/bom.png', body: filler },
    ]),
  );
  const ratio = (filler.length + 2048) / bomb.length;
  assert.ok(ratio > 100 && ratio < 1000, `the fixture's ratio is ${ratio}`);
  serve('bomb', bomb);
  const remote = remotes();
  await assert.rejects(remote.sync('t/bomb'), /The archive is too large: it unpacks to more than 100 times its size/);
  assert.deepEqual(leftovers(remote), []);
});

test('a broken archive stops the extraction at once: the first error is reported, nothing is left, the old copy stays', async () => {
  const good = tarEntries([{ path: 'r/bai.md', body: page('Bản cũ') }]);
  serve('broken', tarGz(good));
  const remote = remotes();
  const { folder } = await remote.sync('t/broken');

  const many = Array.from({ length: 400 }, (_, i) => ({ path: `r/bai-${i}.md`, body: page(`Bài ${i}`) }));
  const garbage = Buffer.alloc(512, 'x');
  serve('broken', tarGz(Buffer.concat([tarEntries(many), garbage, tarEntries([{ path: 'r/sau.md', body: page('Sau') }])])));
  const error = await remote.sync('t/broken').then(
    () => assert.fail('the broken archive was accepted'),
    (error: Error) => error,
  );
  assert.doesNotMatch(error.message, /ENOTEMPTY/);
  assert.match(error.message, /TAR_|invalid|checksum/i);
  assert.deepEqual(leftovers(remote), []);
  assert.deepEqual(readdirSync(folder), ['bai.md'], 'the previous copy is untouched');
});
