// A lecture naming an image on this machine or the school network: refused unless allowed, with one message
// whatever is listening there. The only server here is on 127.0.0.1; no traffic leaves this machine.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ImageCache } from '../../core/cache/imageCache.js';
import { isPublicAddress, PrivateAddressError, publicLookup, publicOnlyFetch } from '../../core/cache/publicNetwork.js';
import { runCliAsync } from '../helpers/cli.js';
import { freePort } from '../helpers/network.js';
import { startImageServer, tinyPng } from '../helpers/imageServer.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

let images: Awaited<ReturnType<typeof startImageServer>>;
before(async () => {
  images = await startImageServer({
    '/anh.png': (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(tinyPng(3)),
  });
});
after(() => images.close());

const temp = () => mkdtempSync(path.join(tmpdir(), 'private-net-'));

test('an image on this machine is refused by default, under any spelling of the address, without a request', async () => {
  const cache = new ImageCache(temp());
  const { port } = new URL(images.url('/'));
  for (const host of ['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '127.1', '0x7f.0.0.1', '[::1]', '0.0.0.0']) {
    const outcome = await cache.fetch(`http://${host}:${port}/anh.png`);
    assert.equal(outcome.ok, false, host);
    assert.match((outcome as { error: string }).error, /^refused: a local or private network address/, host);
  }
  assert.equal(images.hits.get('/anh.png') ?? 0, 0, 'the server was never asked');
  const allowed = await new ImageCache(temp(), { allowPrivateNetwork: true }).fetch(images.url('/anh.png'));
  assert.ok(allowed.ok, "allowed for a school's own mirror");
});

test('the errors are no port scanner: an open port and a closed one read the same', async () => {
  const cache = new ImageCache(temp());
  const closed = await freePort();
  const open = await cache.fetch(images.url('/khong-co.png'));
  const shut = await cache.fetch(`http://127.0.0.1:${closed}/khong-co.png`);
  assert.equal(open.ok, false);
  assert.equal((open as { error: string }).error, (shut as { error: string }).error);
});

test('address ranges: only the public internet is fetched', () => {
  const refused = [
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '127.0.0.53',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '100.64.0.1',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a00:1',
    'not-an-address',
  ];
  for (const address of refused) assert.equal(isPublicAddress(address), false, address);
  for (const address of ['8.8.8.8', '1.1.1.1', '::ffff:8.8.8.8', '2001:4860:4860::8888', '64:ff9b::808:808'])
    assert.equal(isPublicAddress(address), true, address);
});

test("the connection's own lookup refuses a name that resolves to this machine (what pins a checked address)", async () => {
  for (const all of [false, true]) {
    const error = await new Promise<Error | null>((resolve) => publicLookup('localhost', { all }, (failure) => resolve(failure)));
    assert.ok(error instanceof PrivateAddressError, `all: ${all}`);
  }
});

test('the checked fetch is for one hop at a time: redirects must come back to the caller to be checked', async () => {
  await assert.rejects(publicOnlyFetch(fetch)('https://example.invalid/'), /redirect: "manual"/);
});

test('cache --allow-private-network: the CLI refuses local images without it and fetches them with it', async () => {
  const library = makeLibrary({ 'bai.md': lecture({ time: '01/01/2024', title: 'Bài có ảnh' }, `![ảnh](${images.url('/anh.png')})\n`) });
  const cacheDir = temp();
  try {
    const refused = await runCliAsync(['cache', library.root, '--cache-dir', cacheDir]);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /refused: a local or private network address/);
    const allowed = await runCliAsync(['cache', library.root, '--cache-dir', cacheDir, '--allow-private-network']);
    assert.equal(allowed.code, 0, allowed.stdout + allowed.stderr);
  } finally {
    library.cleanup();
  }
});
