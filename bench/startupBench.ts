/**
 * `npm run bench:startup`: how long a student waits, on the real corpus, measured in real Chromium against the
 * real `serve` command. For a cold start (empty cache: the search index is built) and a warm start (saved index
 * loaded): time from launching `serve` to the article list painted, and from a click on a lecture to its text
 * painted. Median of several runs.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServeProcess } from '../scripts/serveProcess.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (!existsSync(CORPUS) || !existsSync(CHROMIUM)) {
    console.log(`skip: needs ${CORPUS} and ${CHROMIUM}`);
    return;
  }
  const folders = [path.join(CORPUS, 'data-engineer-lectures'), path.join(CORPUS, 'ai-lectures')];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const figures: Record<string, { list: number[]; article: number[]; ready: number[] }> = {
    cold: { list: [], article: [], ready: [] },
    warm: { list: [], article: [], ready: [] },
  };
  for (let run = 0; run < RUNS; run++) {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'lecture-startup-'));
    for (const kind of ['cold', 'warm'] as const) {
      const server = await startServeProcess(folders, cacheDir);
      const { url, startedAt: started } = server;
      figures[kind].ready.push(performance.now() - started);
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await page.goto(url);
      await page.locator('.cards > li').first().waitFor();
      await page.evaluate('new Promise(requestAnimationFrame)');
      figures[kind].list.push(performance.now() - started);
      const clicked = performance.now();
      await page.getByRole('link', { name: 'Hệ thống tệp phân tán Hadoop Distributed File System (HDFS)' }).click();
      await page.locator('.markdown-body h2').first().waitFor();
      await page.evaluate('new Promise(requestAnimationFrame)');
      figures[kind].article.push(performance.now() - clicked);
      await page.close();
      await server.stop();
    }
    rmSync(cacheDir, { recursive: true, force: true });
  }
  await browser.close();
  console.log(`Real corpus (20 published lectures, 2 folders), median of ${RUNS} runs, Node ${process.version}:`);
  console.log('| start | serve ready (ms) | serve start → list painted (ms) | click → article painted (ms) |');
  console.log('| ----- | ---------------- | ------------------------------- | ---------------------------- |');
  for (const kind of ['cold', 'warm'] as const) {
    const f = figures[kind];
    console.log(
      `| ${kind === 'cold' ? 'cold (index built)' : 'warm (index loaded)'} | ${median(f.ready).toFixed(0)} | ${median(f.list).toFixed(0)} | ${median(f.article).toFixed(0)} |`,
    );
  }
}

await main();
