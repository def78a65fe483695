/**
 * `npx tsx bench/searchVersus.ts [REF]`: our search engine against the one at git REF (default d6e6d6e, the engine
 * on FlexSearch), in one process, on the 5,000-lecture synthetic library. Both answer every keystroke of the public
 * queries in turn, so a loaded machine slows both alike: the ratio holds where absolute figures do not. Prints
 * whether every answer is the same, each engine's build time, and its latency per keystroke (p50 and p95 of wall
 * time, CPU time per pass over all keystrokes).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SearchRequest, SearchResponse } from '../core/common/api.js';
import { withTexts } from '../core/common/packedTexts.js';
import { LectureLibrary } from '../core/library/lectureLibrary.js';
import { toSearchDocument } from '../core/search/libraryDocuments.js';
import { SearchEngine, type SearchDocument } from '../core/search/searchEngine.js';
import { keystrokes, percentile } from './keystrokes.js';
import { readQueries, syntheticLibrary } from './syntheticLibrary.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '../shared');
const QUERIES = path.join(SHARED, 'search-queries.json');
const REF = process.argv[2] ?? 'd6e6d6e';
const ROUNDS = 3;

interface Engine {
  sync(documents: SearchDocument[]): unknown;
  search(request: SearchRequest): SearchResponse;
}

/** The engine class at REF, from its files extracted to a temporary folder (no worktree, the repository is untouched). */
async function engineAt(ref: string, folder: string): Promise<new () => Engine> {
  const archive = path.join(folder, 'core.tar');
  execFileSync('git', ['archive', '--format=tar', '-o', archive, ref, 'core'], { cwd: ROOT });
  execFileSync('tar', ['-xf', archive, '-C', folder]);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'));
  copyFileSync(path.join(ROOT, 'package.json'), path.join(folder, 'package.json'));
  return (await import(pathToFileURL(path.join(folder, 'core/search/searchEngine.ts')).href)).SearchEngine;
}

function timed(action: () => void): { wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  action();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

async function main(): Promise<void> {
  if (!existsSync(QUERIES)) {
    console.log(`skip: the real corpus and queries are not at ${SHARED}`);
    return;
  }
  const spec = readQueries(QUERIES);
  const library = new LectureLibrary([
    await syntheticLibrary(
      spec.corpus.map((folder) => path.join(SHARED, folder)),
      5000,
    ),
  ]);
  await library.load();
  const documents = library.lectures.map(toSearchDocument);
  const folder = mkdtempSync(path.join(tmpdir(), 'search-versus-'));
  try {
    const engines: [string, Engine][] = [
      [REF, new (await engineAt(REF, folder))()],
      ['now', new SearchEngine()],
    ];
    // Engines before the texts were packed read each section's `text`: theirs is given too (packedTexts.ts).
    const withSectionTexts = documents.map((document) => ({ ...document, sections: withTexts(document.sections, document.texts) }));
    for (const [name, engine] of engines)
      console.log(`${name}: built in ${JSON.stringify(timed(() => engine.sync(name === 'now' ? documents : withSectionTexts)))}`);
    const typed = keystrokes(spec.queries.map((query) => query.q));
    const answers = engines.map(([, engine]) => typed.map((q) => JSON.stringify(engine.search({ q, limit: 10 }).results)));
    const differing = typed.filter((_, i) => answers[0][i] !== answers[1][i]);
    console.log(`${typed.length} keystrokes, ${differing.length} answered differently${differing.length ? `: ${differing.slice(0, 10).join(' | ')}` : ''}`);

    const latencies = engines.map((): number[] => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of typed) engines.forEach(([, engine], e) => latencies[e].push(timed(() => engine.search({ q, limit: 10 })).wallMs));
    }
    const passCpu = engines.map(([, engine]) => {
      const passes = Array.from({ length: ROUNDS }, () => timed(() => typed.forEach((q) => engine.search({ q, limit: 10 }))).cpuMs);
      return passes.reduce((sum, ms) => sum + ms, 0) / ROUNDS;
    });
    engines.forEach(([name], e) => {
      const sorted = latencies[e].sort((a, b) => a - b);
      console.log(
        `${name}: p50 ${percentile(sorted, 50).toFixed(3)} ms, p95 ${percentile(sorted, 95).toFixed(3)} ms, CPU per pass ${passCpu[e].toFixed(0)} ms`,
      );
    });
    console.log(`now / ${REF}: CPU ${(passCpu[1] / passCpu[0]).toFixed(2)}, p95 ${(percentile(latencies[1], 95) / percentile(latencies[0], 95)).toFixed(2)}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
