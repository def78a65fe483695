/**
 * `npm run -s bench:security`: what each attack of the security round costs now, in time, peak memory and
 * bytes left on disk. Each scenario runs in a fresh process (its peak resident size is its own) against real
 * files and a real server on 127.0.0.1; the figures go in the README's reliability table.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { Header } from 'tar';
import { ImageCache } from '../core/cache/imageCache.js';
import { LectureLibrary } from '../core/library/lectureLibrary.js';
import { RemoteLibraries } from '../core/library/remoteLibrary.js';
import { startServer } from '../core/server/httpServer.js';
import { LectureService } from '../core/service/lectureService.js';
import { Vocabulary } from '../core/search/vocabulary.js';

type Figures = { what: string; ms: number; peakMB: number; diskBytes: number; note: string };

/** Bytes under a folder (what an attack left on disk). */
function diskBytes(folder: string): number {
  let total = 0;
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    const info = statSync(path.join(folder, name), { throwIfNoEntry: false });
    if (info?.isFile()) total += info.size;
  }
  return total;
}

/** A .tar.gz of one file of `size` bytes, almost all zeros (ratio about 800, under tar's own limit of 1000). */
async function bombArchive(size: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const header = (name: string, bytes: number) => {
    const h = new Header({ path: name, mode: 0o644, size: bytes, type: 'File', mtime: new Date(0) });
    h.encode();
    return h.block!;
  };
  const lesson = Buffer.from('---\ntitle: Bom\ntime: 01/01/2024\n---\n\nNội dung.\n');
  gzip.write(Buffer.concat([header('r/bai.md', lesson.length), lesson, Buffer.alloc(512 - lesson.length), header('r/images/bom.png', size)]));
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < block.length; i += 1300) block[i] = 1;
  for (let written = 0; written < size; written += block.length) {
    if (!gzip.write(block.subarray(0, Math.min(block.length, size - written)))) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end(Buffer.alloc(1024 + ((512 - (size % 512)) % 512)));
  await new Promise((resolve) => gzip.once('end', resolve));
  return Buffer.concat(chunks);
}

async function serveBytes(bytes: Buffer): Promise<{ url: string; close(): void }> {
  const server = http.createServer((_request, response) => response.writeHead(200).end(bytes)).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, close: () => server.close() };
}

const UNPACKED = 1024 * 1024 * 1024;

/** The real server over a library of one published lecture and one draft, on 127.0.0.1. */
async function startLibraryServer(): Promise<{ port: number; close(): Promise<void> }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-library-'));
  const renderer = mkdtempSync(path.join(tmpdir(), 'bench-renderer-'));
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(folder, 'bai.md'), '---\ntitle: Bài\ntime: 01/01/2024\n---\n\nNội dung.\n');
  writeFileSync(path.join(folder, 'nhap.md'), '---\ntitle: Nháp\ntime: 01/01/2024\nis_published: false\n---\n\nĐáp án.\n');
  const service = await LectureService.open([folder]);
  const { app, url } = await startServer({ service, rendererDir: renderer });
  return {
    port: Number(new URL(url).port),
    async close() {
      await app.close();
      await service.close();
      rmSync(folder, { recursive: true });
      rmSync(renderer, { recursive: true });
    },
  };
}

/** A GET to 127.0.0.1 with the given Host header: its status and body size. */
function getWithHost(port: number, pathname: string, host: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, headers: { host }, agent: false }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ status: response.statusCode!, bytes }));
      })
      .on('error', reject);
  });
}

/** Syncs `archive` (served on loopback) into a new data folder: how long the refusal took and what it left on disk. */
async function syncRefused(archive: Buffer, name: string): Promise<{ ms: number; left: number; error: string }> {
  const server = await serveBytes(archive);
  const dataDir = mkdtempSync(path.join(tmpdir(), `bench-${name}-`));
  const started = performance.now();
  const error = await new RemoteLibraries(dataDir, { archiveUrl: () => server.url }).sync(`t/${name}`).then(
    () => 'accepted',
    (e: Error) => e.message,
  );
  const ms = performance.now() - started;
  server.close();
  const left = diskBytes(dataDir);
  rmSync(dataDir, { recursive: true });
  return { ms, left, error };
}

const scenarios: Record<string, () => Promise<Omit<Figures, 'peakMB'>>> = {
  async 'archive bomb, default limits'() {
    const archive = await bombArchive(UNPACKED);
    const { ms, left, error } = await syncRefused(archive, 'bomb');
    return { what: `a ${(archive.length / 1e6).toFixed(1)} MB archive unpacking to 1 GiB`, ms, diskBytes: left, note: error };
  },
  async 'archive streamed, limits raised'() {
    const archive = await bombArchive(UNPACKED);
    const server = await serveBytes(archive);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-stream-'));
    const started = performance.now();
    const limits = { maxRatio: 1e6, maxFileBytes: 2 * UNPACKED, maxTotalBytes: 2 * UNPACKED };
    const { record } = await new RemoteLibraries(dataDir, { archiveUrl: () => server.url, unpackLimits: limits }).sync('t/bomb');
    const ms = performance.now() - started;
    server.close();
    const written = diskBytes(dataDir);
    rmSync(dataDir, { recursive: true });
    return { what: 'the same archive with the limits raised: 1 GiB written to disk', ms, diskBytes: written, note: `${record.files} files` };
  },
  async 'three YAML bombs'() {
    const levels = 'abcdefghi'.split('');
    const bomb = `---\ntitle: Bom\n${levels
      .map(
        (name, i) =>
          `${name}: &${name} [${Array(9)
            .fill(i ? `*${levels[i - 1]}` : '"cười"')
            .join(', ')}]`,
      )
      .join('\n')}\ntime: *i\n---\n\nx\n`;
    const folder = mkdtempSync(path.join(tmpdir(), 'bench-yaml-'));
    for (const n of [1, 2, 3]) writeFileSync(path.join(folder, `bom-${n}.md`), bomb);
    writeFileSync(path.join(folder, 'bai.md'), '---\ntitle: Bài\ntime: 01/01/2024\n---\n\nNội dung.\n');
    const started = performance.now();
    const library = new LectureLibrary([folder]);
    await library.load();
    const ms = performance.now() - started;
    const note = `${library.overview().articles.length} lecture open; ${library.problems.filter((p) => p.message.startsWith('Front matter too large')).length} bombs refused`;
    await library.close();
    rmSync(folder, { recursive: true });
    return { what: `a library of three ${bomb.length}-byte YAML bombs and one lecture, opened`, ms, diskBytes: 0, note };
  },
  async 'did you mean'() {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const word = (length: number) => Array.from({ length }, () => letters[Math.floor(random() * 26)]).join('');
    const vocabulary = Vocabulary.from(Array.from({ length: 100_000 }, () => [word(30 + Math.floor(random() * 5)), 1] as [string, number]));
    let worst = 0;
    for (const query of [word(300), word(32), word(31), word(32)]) {
      const started = performance.now();
      vocabulary.closest(query);
      worst = Math.max(worst, performance.now() - started);
    }
    return {
      what: 'the slowest correction of 300-, 32- and 31-letter unknown words against 100,000 words of 30–34 letters',
      ms: worst,
      diskBytes: 0,
      note: 'none past 32 letters; at most 50,000 candidates, stopped at 45 ms',
    };
  },
  async 'broken archive'() {
    const entries = Array.from({ length: 400 }, (_, i) => {
      const body = Buffer.from(`---\ntitle: Bài ${i}\ntime: 01/01/2024\n---\n\nNội dung.\n`);
      const h = new Header({ path: `r/bai-${i}.md`, mode: 0o644, size: body.length, type: 'File', mtime: new Date(0) });
      h.encode();
      return Buffer.concat([h.block!, body, Buffer.alloc((512 - (body.length % 512)) % 512)]);
    });
    const archive = gzipSync(Buffer.concat([...entries, Buffer.alloc(512, 'x'), Buffer.alloc(1024)]));
    const { ms, left, error } = await syncRefused(archive, 'broken');
    return { what: 'an archive broken after 400 files', ms, diskBytes: left, note: error };
  },
  async 'forged host and drafts'() {
    const server = await startLibraryServer();
    const started = performance.now();
    const forged = await getWithHost(server.port, '/api/library', 'attacker.example');
    const ms = performance.now() - started;
    const drafts = await getWithHost(server.port, '/api/library?drafts=1', '127.0.0.1');
    const draft = await getWithHost(server.port, '/api/articles/nhap?drafts=1', '127.0.0.1');
    await server.close();
    return {
      what: 'a forged Host (DNS rebinding); a student asking for drafts',
      ms,
      diskBytes: 0,
      note: `forged Host: ${forged.status}, ${forged.bytes}-byte body; a draft's page: ${draft.status}; the list with drafts=1: ${drafts.status}`,
    };
  },
  async 'slow client'() {
    const server = await startLibraryServer();
    const port = server.port;
    const socket = net.connect(port, '127.0.0.1');
    const started = performance.now();
    const timer = setInterval(() => socket.write('X'), 1000);
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `);
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('close', resolve));
    const ms = performance.now() - started;
    clearInterval(timer);
    await server.close();
    return { what: 'headers trickled a byte a second, default limits', ms, diskBytes: 0, note: 'connection closed by the server' };
  },
  async 'private image'() {
    const server = await serveBytes(Buffer.from('not reached'));
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-private-'));
    const started = performance.now();
    const outcome = await new ImageCache(dir).fetch(`${server.url}/anh.png`);
    const ms = performance.now() - started;
    server.close();
    const left = diskBytes(dir);
    rmSync(dir, { recursive: true });
    return { what: 'an image URL on 127.0.0.1', ms, diskBytes: left, note: outcome.ok ? 'fetched' : outcome.error.split(' (')[0] };
  },
};

const [name] = process.argv.slice(2);
if (name) {
  const figures = await scenarios[name]();
  process.stdout.write(JSON.stringify({ ...figures, peakMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}
const rows: Figures[] = [];
for (const scenario of Object.keys(scenarios)) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, scenario], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${scenario} failed: ${child.stderr}`);
  rows.push(JSON.parse(child.stdout));
}
console.log('| attack | time | peak memory | left on disk | outcome |\n| --- | --- | --- | --- | --- |');
for (const row of rows)
  console.log(
    `| ${row.what} | ${row.ms < 10 ? row.ms.toFixed(2) : Math.round(row.ms)} ms | ${Math.round(row.peakMB)} MB | ${row.diskBytes} bytes | ${row.note} |`,
  );
