import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { LectureService } from '../../core/service/lectureService.js';
import { resolveAppRequest } from '../../electron/main/appRequests.js';
import { callBridge, InvalidRequest, validateArguments } from '../../electron/main/bridgeRequests.js';
import { makeLibrary } from '../helpers/tempLibrary.js';

const renderer = makeLibrary({ 'index.html': '<!doctype html>', 'static/app.js': '1', '.env': 'x' });
const library = makeLibrary({ 'img/a.png': 'png', 'notes.txt': 'private' });
const outside = makeLibrary({ 'secret.png': 'secret' });
symlinkSync(path.join(outside.root, 'secret.png'), path.join(library.root, 'img/escape.png'));
symlinkSync(outside.root, path.join(renderer.root, 'static/out'));
after(() => [renderer, library, outside].forEach((folder) => folder.cleanup()));
const service = await LectureService.open([library.root]);
after(() => service.close());
const answer = (url: string) => resolveAppRequest(url, renderer.root, (root, relative, width) => service.asset(root, relative, width));

test('the app protocol serves the reader, its files and lecture images', async () => {
  const index = await answer('app://reader/');
  assert.equal(index.status, 200);
  assert.match((index as { file: string }).file, /index\.html$/);
  assert.match(index.headers['content-security-policy'], /script-src 'self'/);
  assert.equal(((await answer('app://reader/static/app.js')) as { file: string }).file, path.join(renderer.root, 'static/app.js'));
  const image = await answer('app://reader/assets/0/img/a.png');
  assert.equal(image.status, 200);
  assert.match(image.headers['content-security-policy'], /default-src 'none'/);
  assert.match(((await answer('app://reader/some-route')) as { file: string }).file, /index\.html$/, 'app routes get the reader');
});

test('the app protocol sends a lecture-site address to the reader, as the HTTP server does', async () => {
  for (const [url, location] of [
    ['app://reader/blog/some-lecture', 'app://reader/?lecture=some-lecture'],
    ['app://reader/blog/Some-Lecture/', 'app://reader/?lecture=some-lecture'],
    ['app://reader/blog/a%20b', 'app://reader/?lecture=a+b'],
  ]) {
    const redirect = await answer(url);
    assert.equal(redirect.status, 302, url);
    assert.equal(redirect.headers.location, location);
  }
  assert.equal((await answer('app://reader/blog/')).status, 200, 'not a lecture address');
});

test('the app protocol resolves only inside its roots', async () => {
  for (const url of [
    'app://reader/../../../etc/passwd',
    'app://reader/%2e%2e/%2e%2e/etc/passwd',
    'app://reader/%252e%252e/etc/passwd.js',
    'app://reader/static/..%2f..%2f.env',
    'app://reader/..%5c..%5cetc%5cpasswd',
    'app://reader/.env',
    'app://reader/static/out/secret.png',
    'app://reader//etc/passwd.js',
    'app://reader/assets/0/../../etc/passwd.png',
    'app://reader/assets/0/%2e%2e%2f%2e%2e%2fsecret.png',
    'app://reader/assets/0/img/escape.png',
    'app://reader/assets/0/notes.txt',
    'app://reader/assets/cache/' + 'a'.repeat(64),
    'app://reader/assets/cache/../../secret.png',
    'app://reader/assets/1/img/a.png',
    'app://reader/assets/0/%2Fetc%2Fpasswd.png',
    'app://evil/index.html',
    'app://reader/static/%00.js',
    'app://reader/%E0%A4%A',
  ]) {
    const result = await answer(url);
    const file = (result as { file?: string }).file;
    assert.ok(result.status !== 200 || file === path.join(renderer.root, 'index.html'), `${url} → ${file}`);
  }
});

test('bridge arguments are validated before the library sees them', () => {
  assert.deepEqual(validateArguments.getLecture(['slug', { includeDrafts: true }]), ['slug', { includeDrafts: true }]);
  assert.deepEqual(validateArguments.search([{ q: 'kafka', limit: 1e9, tags: ['a'] }]), [{ q: 'kafka', tags: ['a'], limit: 100, includeDrafts: undefined }]);
  assert.equal(validateArguments.search([{ q: 'x'.repeat(10_000) }])[0].q.length, 2000);
  for (const bad of [[42], [{ q: 1 }], [{ q: 'a', tags: 'x' }], [{ q: 'a', limit: 'many' }], [null], [[]]]) {
    assert.throws(() => validateArguments.search(bad), InvalidRequest, JSON.stringify(bad));
  }
  assert.throws(() => validateArguments.getLecture([{ evil: true }]), InvalidRequest);
  assert.throws(() => validateArguments.getLibrary([{ includeDrafts: 'yes' }]), InvalidRequest);
});

test('library requests: the address and ids must be text within bounds; without a libraries target they are refused', async () => {
  assert.deepEqual(validateArguments.addGitHubLibrary(['co-lan/bai-giang']), ['co-lan/bai-giang']);
  assert.equal(validateArguments.addGitHubLibrary(['x'.repeat(10_000)])[0].length, 500);
  for (const bad of [[42], [null], [{ id: 'x' }], []]) {
    assert.throws(() => validateArguments.removeLibrary(bad), InvalidRequest, JSON.stringify(bad));
    assert.throws(() => validateArguments.addGitHubLibrary(bad), InvalidRequest, JSON.stringify(bad));
  }
  const sharing = { getSharing: async () => null as never, startSharing: async () => null as never, stopSharing: async () => null as never };
  assert.throws(() => callBridge({ library: service, sharing }, 'listLibraries', []), InvalidRequest);
});
