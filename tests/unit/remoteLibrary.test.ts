import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { create } from 'tar';
import { LectureLibrary } from '../../core/library/lectureLibrary.js';
import { parseRepositoryAddress, RemoteLibraries } from '../../core/library/remoteLibrary.js';
import { runCliAsync, spawnCli } from '../helpers/cli.js';
import { startImageServer, tinyPng } from '../helpers/imageServer.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

/** A repository tree like the lecture repos: Markdown, images stored at the path their raw URLs name. */
const repo = makeLibrary({
  '1_intro/markdown/1-intro.md': lecture(
    { time: '01/01/2024', title: 'Bài mở đầu', banner_url: 'https://raw.githubusercontent.com/teacher/lectures/refs/heads/master/1_intro/images/banner.png' },
    '<img src="https://raw.githubusercontent.com/teacher/lectures/refs/heads/master/1_intro/images/banner.png" style="width: 600px;"/>\n\nNội dung.\n',
  ),
  '1_intro/images/banner.png': tinyPng(7),
  '1_intro/images/icon.ico': Buffer.from([0, 0, 1, 0, 1, 0, 16, 16]),
  'README.md': '# Lectures\n',
  'scripts/build.js': 'console.log("not a lecture")',
  '.git/config': '[core]',
});
symlinkSync('/etc/passwd', path.join(repo.root, '1_intro/markdown/passwd.md'));

let archive = Buffer.alloc(0);
const etagOf = () => `"${createHash('sha1').update(archive).digest('hex')}"`;
async function pack(): Promise<void> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'archive-')), 'repo.tar.gz');
  await create({ gzip: true, file, cwd: repo.root, prefix: 'lectures-master', portable: true }, ['.']);
  archive = readFileSync(file);
}

let server: Awaited<ReturnType<typeof startImageServer>>;
let flakyServed = 0;
before(async () => {
  await pack();
  server = await startImageServer({
    '/teacher/lectures/HEAD.tar.gz': (request, response) => {
      if (request.headers['if-none-match'] === etagOf()) return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/gzip', etag: etagOf() }).end(archive);
    },
    // The first download stops half-way and hangs (the process is killed during it); later ones complete.
    '/teacher/flaky/HEAD.tar.gz': (_request, response) => {
      if (flakyServed++ > 0) return void response.writeHead(200, { 'content-type': 'application/gzip', etag: etagOf() }).end(archive);
      response.writeHead(200, { 'content-type': 'application/gzip' });
      response.write(archive.subarray(0, Math.floor(archive.length / 2)));
    },
    '/teacher/slow/HEAD.tar.gz': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/gzip' });
      response.write(archive.subarray(0, 100));
    },
  });
});
after(async () => {
  await server.close();
  repo.cleanup();
});

const newRemotes = (dataDir: string, timeoutMs?: number) =>
  new RemoteLibraries(dataDir, { archiveUrl: (a) => server.url(`/${a.owner}/${a.repo}/${a.ref ?? 'HEAD'}.tar.gz`), timeoutMs });

test('repository addresses', () => {
  assert.deepEqual(parseRepositoryAddress('https://github.com/MinhHuuNguyen/data-engineer-lectures'), {
    owner: 'MinhHuuNguyen',
    repo: 'data-engineer-lectures',
    ref: undefined,
  });
  assert.deepEqual(parseRepositoryAddress('https://github.com/a/b.git'), { owner: 'a', repo: 'b', ref: undefined });
  assert.deepEqual(parseRepositoryAddress('https://github.com/a/b/tree/dev'), { owner: 'a', repo: 'b', ref: 'dev' });
  assert.deepEqual(parseRepositoryAddress('a/b@v1.0'), { owner: 'a', repo: 'b', ref: 'v1.0' });
  assert.throws(() => parseRepositoryAddress('https://evil.example/a/b'), /Not a GitHub repository/);
  assert.throws(() => parseRepositoryAddress('../../etc'), /Not a GitHub repository/);
});

test('download once, read offline, update only when the archive changed', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'remote-'));
  const remotes = newRemotes(dataDir);
  const first = await remotes.sync('teacher/lectures');
  assert.equal(first.status, 'downloaded');
  assert.ok(existsSync(path.join(first.folder, '1_intro/markdown/1-intro.md')));
  assert.ok(existsSync(path.join(first.folder, '1_intro/images/banner.png')));
  assert.ok(existsSync(path.join(first.folder, '1_intro/images/icon.ico')), 'every image type the reader serves is kept, .ico too');
  assert.ok(!existsSync(path.join(first.folder, 'scripts/build.js')), 'only Markdown and images are kept');
  assert.ok(!existsSync(path.join(first.folder, '.git')), 'no hidden folders');
  assert.ok(!existsSync(path.join(first.folder, '1_intro/markdown/passwd.md')), 'no symbolic links');

  const second = await remotes.sync('https://github.com/teacher/lectures');
  assert.equal(second.status, 'unchanged');
  assert.equal(server.hits.get('/teacher/lectures/HEAD.tar.gz'), 2);

  repo.write('1_intro/markdown/2-next.md', lecture({ time: '01/02/2024', title: 'Bài tiếp theo' }));
  await pack();
  const third = await remotes.sync('teacher/lectures');
  assert.equal(third.status, 'updated');
  assert.ok(existsSync(path.join(third.folder, '1_intro/markdown/2-next.md')));

  // Offline: the image server is gone for this library, its images resolve through the mirror rule.
  const library = new LectureLibrary([third.folder]);
  await library.load();
  const article = (await library.lectureDetail('bai-mo-dau'))!;
  assert.equal(article.banner, '0/1_intro/images/banner.png');
  assert.deepEqual(
    (await remotes.list()).map((entry) => entry.folder),
    [third.folder],
  );
});

test('a download cut off mid-way leaves the previous copy readable', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'remote-'));
  const good = await newRemotes(dataDir).sync('teacher/lectures');
  // Put the good copy where the slow repository's would be, then fail its download.
  const slowFolder = newRemotes(dataDir).folderFor({ owner: 'teacher', repo: 'slow' });
  mkdirSync(slowFolder, { recursive: true });
  writeFileSync(path.join(slowFolder, 'kept.md'), readFileSync(path.join(good.folder, '1_intro/markdown/1-intro.md')));
  writeFileSync(`${slowFolder}.json`, JSON.stringify({ address: 'teacher/slow', files: 1 }));
  await assert.rejects(newRemotes(dataDir, 500).sync('teacher/slow'), /timed out|terminated|aborted/i);
  assert.ok(existsSync(path.join(slowFolder, 'kept.md')), 'old copy intact');
  const leftovers = (await import('node:fs')).readdirSync(path.dirname(slowFolder)).filter((name) => name.endsWith('.tmp'));
  assert.deepEqual(leftovers, []);
});

test('the sync process killed mid-download: the previous copy stays readable, and the next sync completes', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'remote-kill-'));
  const env = { LECTURE_READER_ARCHIVE_BASE: server.url('').replace(/\/$/, '') };
  const folder = newRemotes(dataDir).folderFor({ owner: 'teacher', repo: 'flaky' });
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'kept.md'), lecture({ time: '01/01/2023', title: 'Bản cũ' }));
  writeFileSync(`${folder}.json`, JSON.stringify({ address: 'teacher/flaky', files: 1 }));

  const child = spawnCli(['sync', 'teacher/flaky', '--data-dir', dataDir], env);
  const downloading = () => readdirSync(path.dirname(folder)).some((name) => name.includes('.unpack.') && name.endsWith('.tmp'));
  for (let waited = 0; !downloading(); waited += 50) {
    assert.ok(waited < 20_000, 'the download never started');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  await once(child, 'exit');
  assert.ok(downloading(), 'the kill landed during the download');
  const stale = new LectureLibrary([folder]);
  await stale.load();
  assert.deepEqual(
    stale.overview().articles.map((article) => article.title),
    ['Bản cũ'],
    'the old copy reads as before',
  );

  const { code, stdout } = await runCliAsync(['sync', 'teacher/flaky', '--data-dir', dataDir], env);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /teacher\/flaky: updated/);
  assert.deepEqual(
    readdirSync(path.dirname(folder)).filter((name) => name.endsWith('.tmp')),
    [],
    'what the killed process left is cleaned up',
  );
  assert.ok(existsSync(path.join(folder, '1_intro/markdown/1-intro.md')));
  assert.ok(!existsSync(path.join(folder, 'kept.md')));
});

test('a swap interrupted between its two renames is completed backwards on the next start', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'remote-swap-'));
  const remotes = newRemotes(dataDir);
  const { folder } = await remotes.sync('teacher/lectures');
  // The state a crash right after "folder → folder.old" leaves: no folder, the old copy beside it.
  renameSync(folder, `${folder}.old`);
  assert.deepEqual(
    (await remotes.list()).map((entry) => entry.folder),
    [folder],
  );
  assert.ok(existsSync(path.join(folder, '1_intro/markdown/1-intro.md')));
  assert.ok(!existsSync(`${folder}.old`));
});

test('CLI sync through an archive mirror', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'remote-cli-'));
  const { code, stdout } = await runCliAsync(['sync', 'teacher/lectures', '--data-dir', dataDir], {
    LECTURE_READER_ARCHIVE_BASE: server.url('').replace(/\/$/, ''),
  });
  assert.equal(code, 0, stdout);
  assert.match(stdout, /teacher\/lectures: downloaded \(\d+ files\) → .*teacher__lectures/);
  assert.equal((await runCliAsync(['sync', 'not a repo', '--data-dir', dataDir])).code, 1);
});
