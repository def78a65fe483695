// What a web page elsewhere or a classmate can do to the classroom server: DNS rebinding (a forged Host),
// reading drafts, learning local paths, and holding sockets with slow or many connections.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { isOwnHost } from '../../core/server/hostCheck.js';
import { startServer, type ServerOptions } from '../../core/server/httpServer.js';
import { LectureService } from '../../core/service/lectureService.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const library = makeLibrary({
  'mo-dau.md': lecture({ time: '01/01/2024', title: 'Bài mở đầu' }, 'Nội dung công khai về mạng nơ-ron.\n'),
  'ban-nhap.md': lecture({ time: '02/01/2024', title: 'Bản nháp bí mật', is_published: 'false' }, 'Đáp án kiểm tra giữa kỳ: bí-mật-nháp.\n'),
});
const renderer = makeLibrary({ 'index.html': '<!doctype html><title>reader</title>' });
// A library folder that is gone: its problem names it, and its path must not leave this machine.
const missing = path.join(mkdtempSync(path.join(tmpdir(), 'private-home-')), 'thu-muc-da-xoa');

let service: LectureService;
const servers: FastifyInstance[] = [];
before(async () => {
  service = await LectureService.open([library.root, missing]);
});
after(async () => {
  for (const app of servers) await app.close();
  await service.close();
  library.cleanup();
  renderer.cleanup();
});

async function serve(options: Partial<ServerOptions> = {}): Promise<{ port: number }> {
  const { app, url } = await startServer({ service, rendererDir: renderer.root, ...options });
  servers.push(app);
  return { port: Number(new URL(url).port) };
}

/** A request to 127.0.0.1 carrying whatever Host header a rebinding page's browser would send. */
function get(port: number, pathname: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: pathname, headers: { host }, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

test("DNS rebinding: a forged Host gets 421 and nothing of the library; this machine's names are answered", async () => {
  const { port } = await serve({ allowHosts: ['lop-hoc.local'] });
  for (const pathname of ['/api/library', '/api/problems', '/api/articles/mo-dau', '/api/search?q=m%E1%BA%A1ng', '/', '/api/version']) {
    for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1.attacker.example:${port}`]) {
      const { status, body } = await get(port, pathname, host);
      assert.ok(status === 421 || status === 400, `${host} ${pathname}: ${status}`);
      assert.doesNotMatch(body, /mở đầu|mạng|Nội dung|reader|version|thu-muc/, `${host} ${pathname}`);
    }
  }
  for (const host of [
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    'LOCALHOST',
    `127.1.2.3:${port}`,
    '[::1]',
    '[::ffff:127.0.0.1]',
    'lop-hoc.local',
    `Lop-Hoc.local:${port}`,
  ]) {
    assert.equal((await get(port, '/api/library', host)).status, 200, host);
  }
});

test("own hosts: the listened address, each interface's address when listening on all, IPv4-mapped forms", () => {
  const interfaces = {
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
    wlan0: [
      { address: '192.168.1.20', family: 'IPv4', internal: false },
      { address: 'fe80::1', family: 'IPv6', internal: false, scopeid: 3 },
    ],
  } as unknown as NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>;
  assert.ok(isOwnHost('192.168.1.20:4173', '0.0.0.0', [], interfaces));
  assert.ok(isOwnHost('[::ffff:192.168.1.20]:4173', '::', [], interfaces));
  assert.ok(isOwnHost('[fe80::1]:4173', '::', [], interfaces));
  assert.ok(isOwnHost('192.168.1.20', '192.168.1.20', [], interfaces));
  assert.ok(!isOwnHost('192.168.1.21:4173', '0.0.0.0', [], interfaces));
  assert.ok(!isOwnHost('192.168.1.20:4173', '127.0.0.1', [], interfaces), 'an address not listened on');
  assert.ok(!isOwnHost('evil.example', '0.0.0.0', [], interfaces));
  assert.ok(!isOwnHost(undefined, '0.0.0.0', [], interfaces));
  assert.ok(!isOwnHost('a b', '0.0.0.0', [], interfaces));
});

test('drafts over HTTP only with serve --drafts: otherwise absent from the list, search and their page, whatever the query says', async () => {
  const teacher = await serve({ drafts: true });
  const all = JSON.parse((await get(teacher.port, '/api/library?drafts=1')).body).articles as { title: string; slug: string }[];
  assert.equal(all.length, 2);
  const slug = all.find((article) => article.title === 'Bản nháp bí mật')!.slug;
  assert.match((await get(teacher.port, `/api/articles/${slug}?drafts=1`)).body, /bí-mật-nháp/);
  assert.equal(JSON.parse((await get(teacher.port, '/api/library')).body).articles.length, 1, 'a reader not asking for drafts gets none');

  const { port } = await serve();
  const listed = JSON.parse((await get(port, '/api/library?drafts=1')).body);
  assert.deepEqual(
    listed.articles.map((article: { title: string }) => article.title),
    ['Bài mở đầu'],
  );
  const draft = await get(port, `/api/articles/${slug}?drafts=1`);
  assert.equal(draft.status, 404);
  assert.doesNotMatch(draft.body, /bí-mật-nháp/);
  // The draft's words: a student may be corrected towards a published lecture's, never shown the draft's.
  const found = (await get(port, `/api/search?q=${encodeURIComponent('đáp án')}&drafts=1`)).body;
  assert.ok(!(JSON.parse(found).results as { slug: string }[]).some((hit) => hit.slug === slug));
  assert.doesNotMatch(found, /bí-mật-nháp|Bản nháp/);
});

test('no absolute path over HTTP: folders are named by their display name only', async () => {
  const { port } = await serve();
  const overview = JSON.parse((await get(port, '/api/library')).body);
  assert.deepEqual(overview.missingFolders, ['thu-muc-da-xoa']);
  const problems = (await get(port, '/api/problems')).body;
  assert.match(problems, /thu-muc-da-xoa/);
  for (const local of [path.dirname(missing), library.root, tmpdir()]) assert.ok(!problems.includes(local) && !JSON.stringify(overview).includes(local), local);
});

const FAST_LIMITS = {
  headersTimeoutMs: 400,
  requestTimeoutMs: 800,
  keepAliveTimeoutMs: 300,
  idleTimeoutMs: 1500,
  checkIntervalMs: 100,
  maxConnectionsPerClient: 4,
};

/** A raw socket to the server (from and to `host`); resolves when the server closes it, with what it answered. */
function rawSocket(port: number, host = '127.0.0.1'): { socket: net.Socket; closed: Promise<string> } {
  const socket = net.connect({ port, host, localAddress: host });
  let answer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => (answer += chunk));
  socket.on('error', () => {});
  return { socket, closed: new Promise((resolve) => socket.on('close', () => resolve(answer))) };
}

/** Writes `text` a byte at a time, every `everyMs`, until the socket closes. */
function trickle(socket: net.Socket, text: string, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return void clearInterval(timer);
    socket.write(text[i++]);
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

test('slow clients are cut: trickled headers, a trickled GET body, an idle kept-alive socket', async () => {
  const { port } = await serve({ limits: FAST_LIMITS });
  const host = `Host: 127.0.0.1:${port}\r\n`;
  // Headers one byte every 50 ms would take 10 s to arrive.
  const slowHeaders = rawSocket(port);
  trickle(slowHeaders.socket, `GET /api/library HTTP/1.1\r\n${host}${'X-Pad: a\r\n'.repeat(20)}\r\n`, 50);
  // A GET declaring a body it never finishes sending.
  const slowBody = rawSocket(port);
  slowBody.socket.write(`GET /api/library HTTP/1.1\r\n${host}Content-Length: 100000\r\n\r\n`);
  trickle(slowBody.socket, 'x'.repeat(100_000), 50);
  // A kept-alive connection that asks once and then says nothing.
  const idle = rawSocket(port);
  idle.socket.write(`GET /api/version HTTP/1.1\r\n${host}\r\n`);

  const deadline = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 10_000).unref());
  const [headersAnswer, bodyAnswer, idleAnswer] = await Promise.all([slowHeaders, slowBody, idle].map(({ closed }) => Promise.race([closed, deadline])));
  assert.notEqual(headersAnswer, 'still open', 'trickled headers');
  assert.doesNotMatch(headersAnswer, /Bài mở đầu/);
  assert.match(bodyAnswer, /^HTTP\/1.1 400/, 'a GET with a body is refused');
  assert.match(idleAnswer, /^HTTP\/1.1 200/);
  assert.notEqual(idleAnswer, 'still open');
});

/** This machine's address on a network, as a classmate's device would reach it (the traffic stays on this machine). */
const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

test(
  'one client address cannot hold more than its share of connections; others are still served',
  { skip: lanAddress ? false : 'no network interface but loopback' },
  async () => {
    const { port } = await serve({ host: '0.0.0.0', limits: FAST_LIMITS });
    const ask = (socket: net.Socket) => socket.write(`GET /api/version HTTP/1.1\r\nHost: ${lanAddress}:${port}\r\n\r\n`);
    const held = Array.from({ length: FAST_LIMITS.maxConnectionsPerClient }, () => rawSocket(port, lanAddress));
    await Promise.all(held.map(({ socket }) => new Promise((resolve) => socket.once('connect', resolve))));
    const extra = rawSocket(port, lanAddress);
    ask(extra.socket);
    assert.equal(await extra.closed, '', 'the connection over the limit is closed unanswered');
    held[0].socket.destroy();
    await held[0].closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = rawSocket(port, lanAddress);
    ask(again.socket);
    again.socket.end();
    assert.match(await again.closed, /^HTTP\/1.1 200/, 'a freed slot serves again');
    const local = Array.from({ length: FAST_LIMITS.maxConnectionsPerClient + 2 }, () => rawSocket(port));
    await Promise.all(local.map(({ socket }) => new Promise((resolve) => socket.once('connect', resolve))));
    ask(local.at(-1)!.socket);
    local.at(-1)!.socket.end();
    assert.match(await local.at(-1)!.closed, /^HTTP\/1.1 200/, "this machine's own clients are not counted");
    for (const { socket } of [...held, ...local]) socket.destroy();
  },
);
