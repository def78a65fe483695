/**
 * `npm run bench:images`: what a reader downloads on the real corpus (`../shared/corpus`), against the real built
 * `serve`, in Chromium: the home page (the list with its banners) and the lecture with the most images, scrolled
 * to its end so every lazy image loads, at a desktop width and at a phone's (390 px, 3 device pixels per CSS pixel).
 * Bytes as sent (compressed), each page in a fresh context with an empty browser cache; the server's copies are
 * made before the measured load. BENCH_BEFORE_DIR=<a built checkout of another commit> measures it too, beside.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { LibraryOverview } from '../core/common/api.js';
import { libraryPath } from '../core/common/routes.js';
import { BUILT_CLI, startServeProcess, type CliLaunch } from '../scripts/serveProcess.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const CORPUS_FOLDERS = ['data-engineer-lectures', 'ai-lectures'].map((name) => path.join(CORPUS, name));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENS = {
  desktop: { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
};

/** The lecture whose file names the most images (Markdown or HTML). */
function mostIllustrated(overview: LibraryOverview): string {
  const count = (file: string) => (readFileSync(file, 'utf8').match(/!\[|<img/g) ?? []).length;
  const files = CORPUS_FOLDERS.flatMap((folder) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((name) => path.join(folder, name)));
  const ranked = files.filter((file) => file.endsWith('.md')).sort((a, b) => count(b) - count(a));
  const title = /^title:\s*(.+)$/m.exec(readFileSync(ranked[0], 'utf8'))![1].trim();
  return overview.articles.find((article) => article.title === title)!.slug;
}

/** Bytes a page transfers until the network is quiet; `scroll` first scrolls to the end (lazy images). */
async function pageBytes(browser: Browser, url: string, screen: keyof typeof SCREENS, scroll: boolean): Promise<number> {
  const context = await browser.newContext(SCREENS[screen]);
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  let bytes = 0;
  session.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  await page.goto(url, { waitUntil: 'networkidle' });
  if (scroll) {
    await page.locator('.markdown-body').waitFor();
    for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 600) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    await page.waitForLoadState('networkidle');
  }
  await context.close();
  return bytes;
}

async function measure(cli: CliLaunch, browser: Browser): Promise<Record<string, number>> {
  const server = await startServeProcess(CORPUS_FOLDERS, undefined, [], cli, 120_000);
  try {
    const overview = (await (await fetch(server.url.replace(/\/$/, '') + libraryPath())).json()) as LibraryOverview;
    const lecture = `${server.url}#/blog/${mostIllustrated(overview)}`;
    const figures: Record<string, number> = {};
    for (const [name, url, scroll] of [
      ['home page', server.url, false],
      ['lecture with the most images', lecture, true],
    ] as const) {
      for (const screen of ['desktop', 'phone'] as const) {
        await pageBytes(browser, url, screen, scroll); // the server makes its copies
        figures[`${name}, ${screen} (KB)`] = (await pageBytes(browser, url, screen, scroll)) / 1024;
      }
    }
    return figures;
  } finally {
    await server.stop();
  }
}

async function main() {
  if (!existsSync(CHROMIUM) || !existsSync(CORPUS)) return console.log(`skip: needs ${CHROMIUM} and ${CORPUS}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const before = process.env.BENCH_BEFORE_DIR;
    const beforeFigures = before ? await measure({ cwd: path.resolve(before), args: ['dist/cli/main.mjs'] }, browser) : null;
    const now = await measure(BUILT_CLI, browser);
    console.log(`| figure |${beforeFigures ? ' before |' : ''} now |`);
    console.log(`| ------ |${beforeFigures ? ' ------ |' : ''} --- |`);
    for (const [name, value] of Object.entries(now))
      console.log(`| ${name} |${beforeFigures ? ` ${beforeFigures[name].toFixed(0)} |` : ''} ${value.toFixed(0)} |`);
  } finally {
    await browser.close();
  }
}

await main();
