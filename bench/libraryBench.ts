/**
 * `npm run bench:library`: how a big library opens, against the real `serve` command, this branch beside the
 * code it started from (BENCH_BEFORE_COMMIT, default d6e6d6e, the last session's: checked out with `git worktree`
 * in a temporary folder, built, and run built) in the same run. On 5,000 synthetic lectures
 * (syntheticLibrary.ts): cold start to the first library answer, warm start to it, the list painted in Chromium
 * after that, the server's memory warm, the cache folder's size, and how long an edited lecture takes to be
 * found by search; on the real corpus: the warm start and the bytes the home page transfers. One run each (the
 * machine is shared); the load average is printed beside the figures.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { LibraryOverview, SearchResponse } from '../core/common/api.js';
import { libraryPath, searchPath } from '../core/common/routes.js';
import { BUILT_CLI, startServeProcess, type CliLaunch } from '../scripts/serveProcess.js';
import { syntheticLibrary } from './syntheticLibrary.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const CORPUS_FOLDERS = ['data-engineer-lectures', 'ai-lectures'].map((name) => path.join(CORPUS, name));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BEFORE = process.env.BENCH_BEFORE_COMMIT ?? 'd6e6d6e';
const COUNT = Number(process.env.BENCH_LECTURES ?? 5000);
const START_LIMIT_MS = 10 * 60_000;

interface Figures {
  cold: number;
  coldSearch: number;
  warm: number;
  warmSearch: number;
  painted: number;
  rssMB: number;
  cacheMB: Record<string, number>;
  editSearchable: number;
  corpusWarm: number;
  homeKB: number;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

function rssMB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/** Sizes of the cache folder's files, by kind (library cache, search index, images). */
function cacheSizes(folder: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        // A save the stopped server was making leaves `<file>.<unique>.tmp`, swept at the next start: named apart.
        const kind = entry.name.endsWith('.tmp') ? 'unfinished save' : entry.name.replace(/-[0-9a-f]{16}\.json$/, '').replace(/\..*$/, '');
        sizes[kind] = (sizes[kind] ?? 0) + statSync(file).size / 1048576;
      }
    }
  };
  walk(folder);
  return sizes;
}

/** Starts serve, answers one library request; the time from launch to that answer. */
async function timedStart(cli: CliLaunch, folders: string[], cacheDir: string) {
  const server = await startServeProcess(folders, cacheDir, [], cli, START_LIMIT_MS);
  const response = await fetch(server.url.replace(/\/$/, '') + libraryPath());
  const overview = (await response.json()) as LibraryOverview;
  return { server, ms: performance.now() - server.startedAt, lectures: overview.articles.length };
}

/** Asks search until it answers from a whole index (not "đang lập chỉ mục…"); the time from `startedAt`. */
async function searchReady(url: string, startedAt: number): Promise<number> {
  for (;;) {
    const answer = (await (await fetch(url.replace(/\/$/, '') + searchPath({ q: 'dữ liệu' }))).json()) as SearchResponse;
    if (!answer.indexing) return performance.now() - startedAt;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Time from opening the reader to the first list card painted. */
async function listPainted(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const started = performance.now();
  await page.goto(url);
  await page.locator('.cards > li').first().waitFor({ timeout: 120_000 });
  await page.evaluate('new Promise(requestAnimationFrame)');
  const ms = performance.now() - started;
  await page.close();
  return ms;
}

/** Bytes the home page (the list with its banners) transfers, compressed as sent, once everything visible loaded. */
async function homePageBytes(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  let bytes = 0;
  session.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.close();
  return bytes;
}

/** Appends a new word to one lecture, then asks search until it finds it; the time that took. */
async function editSearchable(url: string, library: string): Promise<number> {
  const file = path.join(library, 'part-0', 'lecture-0.md');
  const word = `benchword${Date.now().toString(36)}`;
  const started = performance.now();
  appendFileSync(file, `\nMột từ mới: ${word}.\n`);
  for (;;) {
    const answer = (await (await fetch(url.replace(/\/$/, '') + searchPath({ q: word }))).json()) as SearchResponse;
    // The word itself, not a correction to a word an earlier run appended.
    if (answer.results.some((hit) => hit.matched.includes(word))) return performance.now() - started;
    if (performance.now() - started > 120_000) return Number.NaN;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function measure(cli: CliLaunch, library: string, browser: Browser): Promise<Figures> {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'lecture-library-bench-'));
  try {
    const cold = await timedStart(cli, [library], cacheDir);
    const coldSearch = await searchReady(cold.server.url, cold.server.startedAt);
    await cold.server.stop();
    const warm = await timedStart(cli, [library], cacheDir);
    if (warm.lectures !== COUNT) throw new Error(`warm start listed ${warm.lectures} of ${COUNT} lectures`);
    const painted = await listPainted(browser, warm.server.url);
    const warmSearch = await searchReady(warm.server.url, warm.server.startedAt);
    const rss = rssMB(warm.server.child.pid!);
    const editMs = await editSearchable(warm.server.url, library);
    await warm.server.stop();
    const cacheMB = cacheSizes(cacheDir);

    const corpusCache = mkdtempSync(path.join(tmpdir(), 'lecture-library-bench-corpus-'));
    const corpusCold = await timedStart(cli, CORPUS_FOLDERS, corpusCache);
    await corpusCold.server.stop();
    const corpusWarm = await timedStart(cli, CORPUS_FOLDERS, corpusCache);
    const home = await homePageBytes(browser, corpusWarm.server.url);
    await corpusWarm.server.stop();
    rmSync(corpusCache, { recursive: true, force: true });
    return {
      cold: cold.ms,
      coldSearch,
      warm: warm.ms,
      warmSearch,
      painted,
      rssMB: rss,
      cacheMB,
      editSearchable: editMs,
      corpusWarm: corpusWarm.ms,
      homeKB: home / 1024,
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** The code before this branch: a worktree at BEFORE with this checkout's dependencies, built. */
function checkoutBefore(): { cli: CliLaunch; remove: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'lecture-before-'));
  execFileSync('git', ['worktree', 'add', '--detach', folder, BEFORE], { cwd: ROOT, stdio: 'ignore' });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'));
  const remove = () => execFileSync('git', ['worktree', 'remove', '--force', folder], { cwd: ROOT, stdio: 'ignore' });
  try {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: folder, stdio: 'inherit' });
  } catch (error) {
    remove();
    throw error;
  }
  return { cli: { cwd: folder, args: BUILT_CLI.args }, remove };
}

async function main() {
  if (!existsSync(CORPUS) || !existsSync(CHROMIUM)) {
    console.log(`skip: needs ${CORPUS} and ${CHROMIUM}`);
    return;
  }
  // Its own copy: the edit measured appends to a lecture.
  const shared = await syntheticLibrary(CORPUS_FOLDERS, COUNT);
  const library = mkdtempSync(path.join(tmpdir(), 'lecture-library-bench-lib-'));
  execFileSync('cp', ['-a', `${shared}/.`, library]);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  // BENCH_BEFORE_COMMIT=none measures this checkout alone (while iterating: the before side doubles the run).
  const before = BEFORE === 'none' ? null : checkoutBefore();
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(' ');
  try {
    const loadBefore = load();
    const old = before ? await measure(before.cli, library, browser) : null;
    const loadBetween = load();
    const now = await measure(BUILT_CLI, library, browser);
    const loadAfter = load();
    const mb = (sizes: Record<string, number>) =>
      Object.entries(sizes)
        .map(([kind, size]) => `${kind} ${size.toFixed(1)}`)
        .join(', ');
    console.log(
      `${COUNT} synthetic lectures + the real corpus, one run each, Node ${process.version}; load average (1/5/15 min): ${loadBefore} → ${loadBetween} → ${loadAfter}`,
    );
    console.log(`| figure | before (${BEFORE}) | now |`);
    console.log('| ------ | ------ | --- |');
    const rows: [string, (f: Figures) => string][] = [
      ['cold start → first library answer (s)', (f) => seconds(f.cold)],
      ['cold start → search answers from the whole library (s)', (f) => seconds(f.coldSearch)],
      ['warm start → first library answer (s)', (f) => seconds(f.warm)],
      ['warm start → search answers from the whole library (s)', (f) => seconds(f.warmSearch)],
      ['then list painted in Chromium (s)', (f) => seconds(f.painted)],
      ['server memory warm (RSS MB)', (f) => f.rssMB.toFixed(0)],
      ['cache folder (MB)', (f) => mb(f.cacheMB)],
      ['edited lecture searchable (s)', (f) => seconds(f.editSearchable)],
      ['real corpus: warm start → first library answer (s)', (f) => seconds(f.corpusWarm)],
      ['real corpus: home page transferred (KB)', (f) => f.homeKB.toFixed(0)],
    ];
    for (const [name, value] of rows) console.log(`| ${name} | ${old ? value(old) : '—'} | ${value(now)} |`);
  } finally {
    await browser.close();
    before?.remove();
    rmSync(library, { recursive: true, force: true });
  }
}

await main();
