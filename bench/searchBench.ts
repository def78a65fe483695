/**
 * `npm run bench:search`: quality and speed of our engine side by side with FlexSearch (default settings),
 * MiniSearch and Lunr, on the real corpus and on a synthetic 5,000-lecture library. Each engine and library runs
 * in its own child process so memory figures do not mix.
 *
 * Quality: MRR and hits@3 over ../shared/search-queries.json.
 * Speed: index build, save size, saved-index load, query latency p50/p95 over every keystroke of every query
 * (snippets for the top 10), and memory (heap and typed arrays held by the index after GC, and peak RSS of the process).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LectureLibrary } from '../core/library/lectureLibrary.js';
import { toSearchDocument } from '../core/search/libraryDocuments.js';
import { ENGINES } from './engines.js';
import { keystrokes, percentile } from './keystrokes.js';
import { readQueries, syntheticLibrary } from './syntheticLibrary.js';

const SHARED = path.resolve(import.meta.dirname, '../../shared');
const QUERIES = path.join(SHARED, 'search-queries.json');
const SYNTHETIC_SIZE = Number(process.env.BENCH_LECTURES ?? 5000);

interface Figures {
  engine: string;
  lectures: number;
  buildMs: number;
  savedKB: number;
  loadMs: number;
  p50: number;
  p95: number;
  indexHeapMB: number;
  peakRssMB: number;
  mrr?: number;
  hits3?: number;
  queries?: number;
}

/** The JavaScript heap and the typed arrays' memory outside it (where our posting lists live). */
function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1048576;
}

async function child(engineName: string, folders: string[], measureQuality: boolean): Promise<Figures> {
  const spec = readQueries(QUERIES);
  const library = new LectureLibrary(folders);
  await library.load();
  const documents = library.lectures.map(toSearchDocument);
  const before = heapMB();

  const engine = ENGINES[engineName]();
  let started = performance.now();
  engine.build(documents);
  const buildMs = performance.now() - started;
  const indexHeapMB = heapMB() - before;
  const saved = await engine.save();

  const restored = ENGINES[engineName]();
  started = performance.now();
  restored.load(saved, documents);
  const loadMs = performance.now() - started;

  const typed = keystrokes(spec.queries.map((q) => q.q));
  for (const query of typed.slice(0, 100)) restored.search(query, 10);
  const latencies: number[] = [];
  for (const query of typed) {
    const t = performance.now();
    restored.search(query, 10);
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);

  const figures: Figures = {
    engine: engine.name,
    lectures: documents.filter((d) => d.visible).length,
    buildMs,
    savedKB: Buffer.byteLength(saved) / 1024,
    loadMs,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    indexHeapMB,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  if (measureQuality) {
    let reciprocal = 0;
    let hits3 = 0;
    for (const { q, expect } of spec.queries) {
      const rank = restored.search(q, 10).findIndex((slug) => expect.includes(slug)) + 1;
      if (rank > 0) reciprocal += 1 / rank;
      if (rank > 0 && rank <= 3) hits3++;
    }
    Object.assign(figures, { mrr: reciprocal / spec.queries.length, hits3, queries: spec.queries.length });
  }
  return figures;
}

function table(title: string, rows: Figures[]): string {
  const header = ['engine', 'lectures', 'build ms', 'saved KB', 'load ms', 'p50 ms', 'p95 ms', 'index heap MB', 'peak RSS MB', 'MRR', 'hits@3'];
  const lines = rows.map((r) => [
    r.engine,
    String(r.lectures),
    r.buildMs.toFixed(0),
    r.savedKB.toFixed(0),
    r.loadMs.toFixed(0),
    r.p50.toFixed(3),
    r.p95.toFixed(3),
    r.indexHeapMB.toFixed(1),
    r.peakRssMB.toFixed(0),
    r.mrr === undefined ? '' : r.mrr.toFixed(3),
    r.hits3 === undefined ? '' : `${r.hits3}/${r.queries}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [`\n${title}`, format(header), '| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |', ...lines.map(format)].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, engine, quality, ...folders] = args;
    process.stdout.write(JSON.stringify(await child(engine, folders, quality === 'quality')));
    return;
  }
  if (!existsSync(QUERIES)) {
    console.log(`skip: the real corpus and queries are not at ${SHARED}`);
    return;
  }
  const spec = readQueries(QUERIES);
  const real = spec.corpus.map((folder) => path.join(SHARED, folder));
  console.log(
    `Node ${process.version}, ${(await import('node:os')).cpus().length} cores. Building the ${SYNTHETIC_SIZE}-lecture synthetic library (cached in the temp folder)…`,
  );
  const synthetic = await syntheticLibrary(real, SYNTHETIC_SIZE);
  const run = (engine: string, folders: string[], quality: boolean): Figures => {
    const result = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', import.meta.filename, '--child', engine, quality ? 'quality' : 'speed', ...folders],
      {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    if (result.status !== 0) throw new Error(`${engine} failed: ${result.stderr}`);
    return JSON.parse(result.stdout);
  };
  const engines = Object.keys(ENGINES);
  console.log(
    table(
      'Real corpus (both lecture folders, drafts excluded): quality and speed',
      engines.map((e) => run(e, real, true)),
    ),
  );
  console.log(
    table(
      `Synthetic library of ${SYNTHETIC_SIZE} lectures built from the real corpus's paragraphs`,
      engines.map((e) => run(e, [synthetic], false)),
    ),
  );
  console.log('\np50/p95: latency of one query per keystroke of every public query, top 10 with snippets.');
}

await main();
