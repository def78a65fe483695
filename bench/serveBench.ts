/**
 * `npm run bench:serve`: a classroom's load on loopback. 60 concurrent clients for 30 s (BENCH_CLIENTS,
 * BENCH_SECONDS) mix the library list, lecture pages, lecture images and as-you-type search queries against the
 * real `serve` command on the real corpus; then the same mix against a plain static file server holding
 * pre-rendered copies of the same responses, in the same run. Reports throughput, p50/p95/p99 latency per kind,
 * errors, and the server's memory before and after.
 *
 * `npm run soak` (SOAK_MINUTES, default 10): the same load without pause for that long, the server's memory
 * sampled every 5 s, and the memory trend over the second half (Theil–Sen slope) reported: it should be flat.
 *
 * Both end with a verdict line and exit 1 when it fails (CI runs them): any failed request, or, for the soak,
 * memory still growing faster than SOAK_MAX_GROWTH_MB_PER_MIN over the second half.
 */
import { createReadStream, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServeProcess } from '../scripts/serveProcess.js';
import { SEARCH_BOX_RESULTS, type LectureDetail, type LibraryOverview } from '../core/common/api.js';
import { lecturePath, assetRoute, libraryPath, searchPath } from '../core/common/routes.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '../shared');
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 60);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SOAK_MINUTES = process.env.SOAK_MINUTES ? Number(process.env.SOAK_MINUTES) : 0;
/**
 * At about 130,000 requests a minute, 5 MB/min is a leak of 40 bytes per request: anything a request leaves
 * behind shows far above it, while the resident size of a steady server wanders by ±2 MB/min over a few minutes.
 */
const SOAK_MAX_GROWTH_MB_PER_MIN = Number(process.env.SOAK_MAX_GROWTH_MB_PER_MIN ?? 5);

function verdict(failures: string[]): void {
  console.log(failures.length ? `verdict: FAIL (${failures.join('; ')})` : 'verdict: PASS');
  if (failures.length) process.exitCode = 1;
}

type Kind = 'list' | 'article' | 'image' | 'search';
const MIX: [Kind, number][] = [
  ['list', 0.1],
  ['article', 0.3],
  ['image', 0.3],
  ['search', 0.3],
];

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** The URLs a classroom asks for, by kind. */
async function workload(base: string): Promise<Record<Kind, string[]>> {
  const library = (await (await fetch(`${base}${libraryPath()}`)).json()) as LibraryOverview;
  const articles = library.articles.map((article) => lecturePath(article.slug));
  const images: string[] = [];
  for (const url of articles) {
    const article = (await (await fetch(base + url)).json()) as LectureDetail;
    for (const asset of Object.values(article.images)) if (asset) images.push(assetRoute(asset));
  }
  const queries = (JSON.parse(readFileSync(path.join(SHARED, 'search-queries.json'), 'utf8')) as { queries: { q: string }[] }).queries.map((q) => q.q);
  const search: string[] = [];
  for (const query of queries) for (let end = 2; end <= query.length; end++) search.push(searchPath({ q: query.slice(0, end), limit: SEARCH_BOX_RESULTS }));
  return { list: [libraryPath()], article: articles, image: [...new Set(images)], search };
}

/** A plain static server over pre-rendered copies of the same responses: the baseline. */
async function startStatic(base: string, urls: Record<Kind, string[]>): Promise<{ server: http.Server; url: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-static-'));
  const files = new Map<string, { file: string; type: string }>();
  let n = 0;
  for (const url of Object.values(urls).flat()) {
    if (files.has(url)) continue;
    const response = await fetch(base + url);
    const file = path.join(dir, `${n++}`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    files.set(url, { file, type: response.headers.get('content-type') ?? 'application/octet-stream' });
  }
  const server = http.createServer((request, response) => {
    const entry = files.get(request.url ?? '');
    if (!entry) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': entry.type });
    createReadStream(entry.file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${address.port}` };
}

interface Result {
  latencies: Record<Kind, number[]>;
  errors: number;
  requests: number;
  seconds: number;
}

async function load(base: string, urls: Record<Kind, string[]>): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: Record<Kind, number[]> = { list: [], article: [], image: [], search: [] };
  let errors = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const pick = (): Kind => {
    let r = Math.random();
    for (const [kind, share] of MIX) if ((r -= share) <= 0) return kind;
    return 'search';
  };
  const get = (url: string) =>
    new Promise<number>((resolve) => {
      const request = http.get(base + url, { agent, headers: { 'accept-encoding': 'gzip, br' } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', () => resolve(0));
      request.setTimeout(10_000, () => request.destroy());
    });
  const client = async () => {
    while (performance.now() < deadline) {
      const kind = pick();
      const list = urls[kind];
      const url = list[Math.floor(Math.random() * list.length)];
      const t = performance.now();
      const status = await get(url);
      latencies[kind].push(performance.now() - t);
      if (status < 200 || status >= 400) errors++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  agent.destroy();
  const requests = Object.values(latencies).reduce((sum, list) => sum + list.length, 0);
  return { latencies, errors, requests, seconds: (performance.now() - started) / 1000 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function report(name: string, result: Result, memory?: [number, number]): string[] {
  const lines = [
    `| ${name} | all | ${(result.requests / result.seconds).toFixed(0)} | | | | ${result.errors} | ${memory ? `${memory[0].toFixed(0)} → ${memory[1].toFixed(0)}` : ''} |`,
  ];
  for (const [kind] of MIX) {
    const sorted = [...result.latencies[kind]].sort((a, b) => a - b);
    lines.push(
      `| | ${kind} | ${(sorted.length / result.seconds).toFixed(0)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | | |`,
    );
  }
  return lines;
}

/**
 * MB per minute over (minute, MB) samples: the Theil–Sen estimator (median of the pairwise slopes), which a
 * few garbage-collection spikes cannot tilt the way they tilt a least-squares line.
 */
function slope(samples: [number, number][]): number {
  const slopes: number[] = [];
  for (let i = 0; i < samples.length; i++) {
    for (let j = i + 1; j < samples.length; j++)
      if (samples[j][0] > samples[i][0]) slopes.push((samples[j][1] - samples[i][1]) / (samples[j][0] - samples[i][0]));
  }
  slopes.sort((a, b) => a - b);
  return slopes.length ? percentile(slopes, 50) : 0;
}

/** How often the soak samples the server's memory. */
const SAMPLE_MS = 5000;

async function soak(url: string, pid: number, urls: Record<Kind, string[]>): Promise<void> {
  const started = performance.now();
  const minutes = () => (performance.now() - started) / 60_000;
  const samples: [number, number][] = [[0, rssMB(pid)]];
  const sampler = setInterval(() => samples.push([minutes(), rssMB(pid)]), SAMPLE_MS);
  let requests = 0;
  let errors = 0;
  while (minutes() < SOAK_MINUTES) {
    const round = await load(url, urls);
    requests += round.requests;
    errors += round.errors;
    console.log(
      `${minutes().toFixed(1)} min: ${(round.requests / round.seconds).toFixed(0)} req/s, ${round.errors} errors, server RSS ${rssMB(pid).toFixed(0)} MB`,
    );
  }
  clearInterval(sampler);
  samples.push([minutes(), rssMB(pid)]);
  // The first rounds warm caches up; the trend is judged on the second half.
  const steady = samples.slice(Math.floor(samples.length / 2));
  const trend = slope(steady);
  console.log(
    `Soak: ${SOAK_MINUTES} min, ${requests} requests, ${errors} errors; RSS ${samples[0][1].toFixed(0)} → ${samples.at(-1)![1].toFixed(0)} MB, trend over the second half ${trend.toFixed(2)} MB/min`,
  );
  verdict([
    ...(errors > 0 ? [`${errors} failed requests`] : []),
    ...(trend > SOAK_MAX_GROWTH_MB_PER_MIN ? [`memory grows ${trend.toFixed(2)} MB/min (limit ${SOAK_MAX_GROWTH_MB_PER_MIN})`] : []),
  ]);
}

async function main() {
  if (!existsSync(path.join(SHARED, 'corpus'))) {
    console.log(`skip: the real corpus is not at ${SHARED}`);
    return;
  }
  const server = await startServeProcess(['corpus/data-engineer-lectures', 'corpus/ai-lectures'].map((folder) => path.join(SHARED, folder)));
  const { child } = server;
  const url = server.url.replace(/\/$/, '');
  try {
    const urls = await workload(url);
    if (SOAK_MINUTES) return await soak(url, child.pid!, urls);
    const before = rssMB(child.pid!);
    const ours = await load(url, urls);
    const after = rssMB(child.pid!);
    const baseline = await startStatic(url, urls);
    const plain = await load(baseline.url, urls);
    baseline.server.close();
    console.log(
      `${CLIENTS} concurrent clients, ${SECONDS} s each, loopback, Node ${process.version}; mix: 10% library list, 30% lecture, 30% image, 30% search keystrokes`,
    );
    console.log('| server | kind | req/s | p50 ms | p95 ms | p99 ms | errors | server RSS MB before → after |');
    console.log('| ------ | ---- | ----- | ------ | ------ | ------ | ------ | ---------------------------- |');
    for (const line of [...report('lecture-reader serve', ours, [before, after]), ...report('plain static files (same bytes)', plain)]) console.log(line);
    verdict(ours.errors > 0 ? [`${ours.errors} failed requests`] : []);
  } finally {
    await server.stop();
  }
}

await main();
