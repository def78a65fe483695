/**
 * Search in the browser, as a student of a static export gets it: the export of a synthetic library (500 lectures
 * by default, BENCH_LECTURES to change it) served by a plain static file server, the reader's own search worker (the
 * core engine) in Chromium, and every keystroke of every public query (../shared/search-queries.json) asked as the
 * search box asks it (a screenful of results, with snippets). Latency is the page's round trip to the worker; the
 * engine's own time (`tookMs`), the same index's time in Node and the machine's load average are printed beside it.
 *
 *   npm run bench:browser-search
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { SEARCH_BOX_RESULTS } from '../core/common/api.js';
import { STATIC_FILES } from '../core/common/staticSite.js';
import { exportSite } from '../core/export/staticSite/exportSite.js';
import { SearchEngine } from '../core/search/searchEngine.js';
import { appRoot, rendererDir } from '../core/service/appPaths.js';
import { launchBrowser } from '../tests/helpers/browser.js';
import { askSearchWorker } from '../tests/helpers/searchWorker.js';
import { startStaticServer } from '../tests/helpers/staticServer.js';
import { readQueries, syntheticLibrary } from './syntheticLibrary.js';
import { keystrokes, percentile } from './keystrokes.js';

const SHARED = path.resolve(import.meta.dirname, '../../shared');
const LECTURES = Number(process.env.BENCH_LECTURES ?? 500);
const kb = (file: string) => Math.round(statSync(file).size / 1024);

/**
 * The control: the same exported index restored in this Node process, the same keystrokes, at the same moment (on a
 * loaded machine, what is the browser's and what is the machine's).
 */
function nodeKeystrokes(site: string): number[] {
  const engine = SearchEngine.load(readFileSync(path.join(site, STATIC_FILES.searchIndex)));
  engine.sync(JSON.parse(readFileSync(path.join(site, STATIC_FILES.searchDocuments), 'utf8')));
  return typed.map((q) => engine.search({ q, limit: SEARCH_BOX_RESULTS }).tookMs).sort((a, b) => a - b);
}

const corpus = ['ai-lectures', 'data-engineer-lectures'].map((folder) => path.join(SHARED, 'corpus', folder));
const typed = keystrokes(readQueries(path.join(SHARED, 'search-queries.json')).queries.map((query) => query.q));
const library = await syntheticLibrary(corpus, LECTURES);
const work = mkdtempSync(path.join(tmpdir(), 'browser-search-bench-'));
const site = path.join(work, 'site');
const browser = await launchBrowser();
try {
  const exported = await exportSite({
    folders: [library],
    outDir: site,
    cacheDir: path.join(work, 'cache'),
    rendererDir: rendererDir(),
    iconFile: path.join(appRoot(), 'build/icon.png'),
  });
  const server = await startStaticServer(site);
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.port}/`);
  // The first answer loads the index; then every keystroke, as the search box asks.
  const [first, ...answers] = await askSearchWorker(
    page,
    site,
    ['', ...typed].map((q) => ({ q, limit: SEARCH_BOX_RESULTS })),
  );
  const figures = {
    load: first.ms,
    times: answers.map((answer) => answer.ms),
    engine: answers.map((answer) => answer.response.tookMs),
    snippets: answers.reduce((sum, answer) => sum + answer.response.results.filter((hit) => hit.snippet.length > 0).length, 0),
  };
  await server.stop();
  const inNode = nodeKeystrokes(site);
  const sorted = [...figures.times].sort((a, b) => a - b);
  const inEngine = [...figures.engine].sort((a, b) => a - b);
  const row = [
    exported.lectures,
    kb(path.join(site, STATIC_FILES.searchIndex)),
    kb(path.join(site, STATIC_FILES.searchDocuments)),
    figures.load.toFixed(0),
    sorted.length,
    figures.snippets,
    percentile(sorted, 50).toFixed(2),
    percentile(sorted, 95).toFixed(2),
    sorted.at(-1)!.toFixed(2),
    percentile(inEngine, 95).toFixed(2),
    percentile(inNode, 95).toFixed(2),
    os.loadavg()[0].toFixed(1),
  ];
  console.log(
    '| lectures | index KB | documents KB | first answer ms (load) | keystrokes | hits with snippets | p50 ms | p95 ms | max ms | p95 in the engine ms | same in Node ms | load average |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(`| ${row.join(' | ')} |`);
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
