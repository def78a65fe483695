/**
 * The static export of the real corpus (both folders): how long `cli export` takes from an empty cache folder (every
 * lecture parsed, every thumbnail made) and again with nothing changed, how big it is, and what its home page
 * transfers from a plain static file server (no compression, as `python3 -m http.server` serves it) until the list is
 * painted in Chromium.
 *
 *   npm run bench:export
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { appRoot } from '../core/service/appPaths.js';
import { launchBrowser } from '../tests/helpers/browser.js';
import { startStaticServer } from '../tests/helpers/staticServer.js';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
const folders = ['ai-lectures', 'data-engineer-lectures'].map((folder) => path.join(CORPUS, folder));
const work = mkdtempSync(path.join(tmpdir(), 'export-bench-'));
const site = path.join(work, 'www', 'bai-giang');

/** `npm run -s cli -- export …` as a teacher runs it, timed from outside. */
function cliExport(): { seconds: number; output: string } {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', 'export', ...folders, site, '--cache-dir', path.join(work, 'cache')], {
    cwd: appRoot(),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return { seconds: (performance.now() - started) / 1000, output: run.stdout.trim() };
}

const browser = await launchBrowser();
try {
  const cold = cliExport();
  const warm = cliExport();
  const server = await startStaticServer(path.join(work, 'www'));
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`http://127.0.0.1:${server.port}/bai-giang/`, { waitUntil: 'networkidle' });
  await page.locator('.card').first().waitFor();
  const home = { kb: Math.round(server.sent.bytes / 1024), requests: server.sent.requests.length };
  await server.stop();
  console.log(cold.output);
  console.log(warm.output);
  console.log('| export of ../shared/corpus | cold (empty cache) s | again, nothing changed s | home page transferred KB (requests) | load average |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(`| both folders | ${cold.seconds.toFixed(1)} | ${warm.seconds.toFixed(1)} | ${home.kb} (${home.requests}) | ${os.loadavg()[0].toFixed(1)} |`);
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
