/**
 * Classroom sharing without Electron: the real server on real sockets, students as distinct loopback
 * addresses (Linux routes all of 127.0.0.0/8 to this machine), and the main process's bridge validation.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { NetworkChoice } from '../../core/common/api.js';
import { ClassroomShare, networkChoices, RecentClients, studentUrls } from '../../core/server/classroomShare.js';
import { callBridge, InvalidRequest, validateArguments } from '../../electron/main/bridgeRequests.js';
import { bundledContentDir, rendererDir } from '../../core/service/appPaths.js';
import { LectureService } from '../../core/service/lectureService.js';
import { startServeProcess } from '../../scripts/serveProcess.js';
import { freePort, getFrom } from '../helpers/network.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

test('recent clients: distinct devices within the last minute, IPv4-mapped addresses counted once', () => {
  let now = 0;
  const clients = new RecentClients(60_000, () => now);
  clients.seen('192.168.1.20');
  clients.seen('::ffff:192.168.1.20');
  clients.seen('192.168.1.21');
  assert.equal(clients.count(), 2);
  now = 45_000;
  clients.seen('192.168.1.21');
  now = 70_000;
  assert.equal(clients.count(), 1, 'the first device left more than a minute ago');
  now = 106_000;
  assert.equal(clients.count(), 0);
});

test('network choices: external IPv4 addresses first, then every interface, then this machine only', () => {
  const choices = networkChoices({
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '', cidr: null }],
    wlan0: [
      { address: '192.168.1.5', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '', cidr: null },
      { address: 'fe80::1', family: 'IPv6', internal: false, netmask: 'ffff::', mac: '', cidr: null, scopeid: 2 },
    ],
  });
  assert.deepEqual(choices, [
    { kind: 'interface', name: 'wlan0', address: '192.168.1.5' },
    { kind: 'every', name: '', address: '0.0.0.0' },
    { kind: 'this-machine', name: '', address: '127.0.0.1' },
  ]);
});

test('student addresses: each external address for every interface (IPv4 or IPv6 "any"), brackets for IPv6', () => {
  const networks: NetworkChoice[] = [
    { kind: 'interface', name: 'wlan0', address: '192.168.1.5' },
    { kind: 'interface', name: 'eth0', address: '10.0.0.7' },
    { kind: 'every', name: '', address: '0.0.0.0' },
    { kind: 'this-machine', name: '', address: '127.0.0.1' },
  ];
  const both = ['http://192.168.1.5:8080/', 'http://10.0.0.7:8080/'];
  assert.deepEqual(studentUrls({ host: '0.0.0.0', port: 8080 }, networks), both);
  assert.deepEqual(studentUrls({ host: '::', port: 8080 }, networks), both);
  assert.deepEqual(studentUrls({ host: '10.0.0.7', port: 8080 }, networks), ['http://10.0.0.7:8080/']);
  assert.deepEqual(studentUrls({ host: 'fd00::5', port: 8080 }, networks), ['http://[fd00::5]:8080/']);
  assert.deepEqual(studentUrls({ host: '0.0.0.0', port: 8080 }, networks.slice(2)), ['http://127.0.0.1:8080/'], 'no network: this machine only');
});

test('bridge: sharing requests are validated before the main process acts on them', async () => {
  assert.deepEqual(validateArguments.startSharing([{ host: '0.0.0.0', port: 8080, extra: 'ignored' }]), [{ host: '0.0.0.0', port: 8080 }]);
  for (const bad of [
    null,
    'x',
    [],
    { host: '0.0.0.0' },
    { host: 1, port: 8080 },
    { host: '0.0.0.0', port: 80.5 },
    { host: '0.0.0.0', port: 70000 },
    { host: '0.0.0.0', port: '8080' },
  ]) {
    assert.throws(() => validateArguments.startSharing([bad]), InvalidRequest, JSON.stringify(bad));
  }
  const targets = { library: {} as LectureService, sharing: { getSharing: async () => 'state' } as unknown as ClassroomShare };
  assert.equal(await callBridge(targets, 'getSharing', []), 'state');
  assert.throws(() => callBridge(targets, 'constructor' as 'getSharing', []), InvalidRequest);
  assert.throws(() => callBridge(targets, '__proto__' as 'getSharing', []), InvalidRequest);
});

test('the CLI equivalent, serve --host 0.0.0.0: prints the addresses students open, and each answers', async () => {
  const server = await startServeProcess([], undefined, ['--host', '0.0.0.0']);
  try {
    const line = /Students on the same network open: (.+)/.exec(server.output);
    assert.ok(line, server.output);
    const addresses = networkChoices().map((choice) => choice.address);
    for (const url of line[1].split(/\s+/)) {
      const { hostname, port } = new URL(url);
      assert.ok(addresses.includes(hostname), `${hostname} is an address of this machine`);
      assert.equal(port, new URL(server.url).port);
      assert.equal((await getFrom(hostname, `${url}api/version`)).status, 200, url);
    }
  } finally {
    await server.stop();
  }
});

test('serve --host 0.0.0.0 draws the QR code for a terminal, also when npm start relays its output', async () => {
  const plain = await startServeProcess([], undefined, ['--host', '0.0.0.0']);
  await plain.stop();
  assert.ok(!plain.output.includes('\u001b['), 'no terminal codes in output that goes to a file or pipe');
  process.env.LECTURE_READER_TERMINAL = '1';
  try {
    const relayed = await startServeProcess([], undefined, ['--host', '0.0.0.0']);
    await relayed.stop();
    const qrRows = relayed.output.split('\n').filter((row) => /[█▄▀]{3}/.test(row));
    assert.ok(qrRows.length >= 10, `a QR code of the address is drawn:\n${relayed.output}`);
  } finally {
    delete process.env.LECTURE_READER_TERMINAL;
  }
});

describe('sharing the bundled library', () => {
  let service: LectureService;
  let share: ClassroomShare;
  let port: number;
  before(async () => {
    service = await LectureService.open([bundledContentDir()]);
    port = await freePort();
    share = new ClassroomShare(service, rendererDir(), { host: '127.0.0.1', port });
  });
  after(async () => {
    await share.stopSharing();
    await service.close();
  });

  test('off until started; then the reader, its API and a QR code of the address', async () => {
    const off = await share.getSharing();
    assert.equal(off.running, false);
    assert.deepEqual(off.urls, []);
    assert.equal(off.qrSvg, undefined);
    await assert.rejects(getFrom('127.0.0.1', `http://127.0.0.1:${port}/`), /ECONNREFUSED/);

    const on = await share.startSharing({ host: '127.0.0.1', port });
    assert.equal(on.running, true, JSON.stringify(on.error));
    assert.deepEqual(on.urls, [`http://127.0.0.1:${port}/`]);
    assert.match(on.qrSvg!, /^<svg[^>]*viewBox/);
    assert.doesNotMatch(on.qrSvg!, /<script|on\w+=/i, 'the QR code is drawing only');
    const page = await getFrom('127.0.0.1', on.urls[0]);
    assert.equal(page.status, 200);
    assert.match(page.body, /<div id="root">/);
    const { version } = JSON.parse((await getFrom('127.0.0.1', `${on.urls[0]}api/version`)).body) as { version: number };
    assert.equal(version, service.library.version);
  });

  test('connected students: one per device, whatever it asks for', async () => {
    const { urls } = await share.getSharing();
    const before = (await share.getSharing()).students;
    for (const device of ['127.0.0.2', '127.0.0.3', '127.0.0.3', '127.0.0.4']) await getFrom(device, `${urls[0]}api/library`);
    await getFrom('127.0.0.4', `${urls[0]}api/search?q=ao%20giac`);
    assert.equal((await share.getSharing()).students, before + 3);
  });

  test('a busy port or an address the machine does not have: said plainly, sharing stays off', async () => {
    const other = new ClassroomShare(service, rendererDir());
    const busy = await other.startSharing({ host: '127.0.0.1', port });
    assert.equal(busy.running, false);
    assert.equal(busy.error?.code, 'port-in-use');
    const gone = await other.startSharing({ host: '10.254.254.254', port });
    assert.equal(gone.running, false);
    assert.equal(gone.error?.code, 'address-unavailable');
    assert.equal((await other.stopSharing()).error, undefined);
    assert.equal((await share.getSharing()).running, true, 'the first share is untouched');
  });

  test('a reopened library is served at the same address', async () => {
    const extra = makeLibrary({ 'x.md': lecture({ time: '01/02/2025', title: 'Bài thêm cho lớp', tags: '[lop]' }, 'Nội dung.\n') });
    const reopened = await LectureService.open([bundledContentDir(), extra.root]);
    try {
      await share.useService(reopened);
      const { urls, running } = await share.getSharing();
      assert.ok(running);
      assert.deepEqual(urls, [`http://127.0.0.1:${port}/`]);
      const library = JSON.parse((await getFrom('127.0.0.1', `${urls[0]}api/library`)).body) as { articles: { title: string }[] };
      assert.ok(library.articles.some((article) => article.title === 'Bài thêm cho lớp'));
    } finally {
      await share.useService(service);
      await reopened.close();
      extra.cleanup();
    }
  });

  test('stop closes the server, open connections included', async () => {
    const { urls } = await share.getSharing();
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => http.get(urls[0], { agent }, (response) => response.resume().on('end', resolve)).on('error', reject));
    const stopped = await share.stopSharing();
    assert.equal(stopped.running, false);
    assert.equal(stopped.students, 0);
    await assert.rejects(getFrom('127.0.0.1', urls[0]), /ECONNREFUSED/);
    agent.destroy();
  });
});
