/**
 * Every lecture of `content/` and of the real corpus, rendered by the reader in Chromium (one library of three
 * folders, as the desktop app opens them): no KaTeX error, no LaTeX left as text, every heading id the core
 * announces present on the page, and every prose line of the source present in the output (nothing swallowed).
 */
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { LectureDetail, LibraryOverview } from '../../core/common/api.js';
import { browserSkip, launchBrowser, startServe, type RunningServer } from '../helpers/browser.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { proseLines, rawLatexOnPage } from '../helpers/markdownPage.js';
import { CORPUS } from '../helpers/tempLibrary.js';

const FOLDERS = [path.join(PROJECT_ROOT, 'content'), path.join(CORPUS, 'data-engineer-lectures'), path.join(CORPUS, 'ai-lectures')];
const skip = browserSkip || (existsSync(FOLDERS[1]) ? false : `the real corpus is not at ${CORPUS}`);

describe('every real lecture renders as its author meant', { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startServe(FOLDERS);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('KaTeX without error, no raw LaTeX, every announced heading id, every source line', async () => {
    const overview = (await (await fetch(`${server.url}api/library`)).json()) as LibraryOverview;
    assert.ok(overview.articles.length >= 25, `${overview.articles.length} lectures`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    const failures: string[] = [];
    let formulas = 0;
    let localImages = 0;
    for (const summary of overview.articles) {
      const article = (await (await fetch(`${server.url}api/articles/${encodeURIComponent(summary.slug)}`)).json()) as LectureDetail;
      await page.goto(`${server.url}#/blog/${encodeURIComponent(summary.slug)}`);
      await page.locator('.reader h1').filter({ hasText: article.title }).waitFor();
      const body = page.locator('.markdown-body[aria-busy="false"]');
      await body.waitFor();
      const errors = await body.locator('.katex-error').evaluateAll((elements) => elements.map((element) => element.getAttribute('title')));
      if (errors.length) failures.push(`${summary.file}: KaTeX errors ${errors.join(' | ')}`);
      const raw = await rawLatexOnPage(page);
      if (raw.length) failures.push(`${summary.file}: LaTeX as text: ${raw.join(' | ')}`);
      const ids = await body.evaluate(
        (root, wanted) => wanted.filter((id) => !root.querySelector(`[id="${CSS.escape(id)}"]`)),
        article.headings.map((heading) => heading.id),
      );
      if (ids.length) failures.push(`${summary.file}: heading ids missing: ${ids.join(', ')}`);
      const text = (await body.evaluate((root) => root.textContent ?? '')).replace(/\s+/g, ' ');
      const lost = proseLines(article.body).filter((line) => !text.includes(line));
      if (lost.length) failures.push(`${summary.file}: lines missing: ${lost.slice(0, 3).join(' | ')}`);
      // Images next to the lecture are shown, whichever folder of the library it is in.
      const folder = FOLDERS.find((candidate) => summary.file.startsWith(`${path.basename(candidate)}/`))!;
      const lectureDir = path.dirname(path.join(path.dirname(folder), summary.file));
      const nextToIt = Object.keys(article.images).filter(
        (src) =>
          !/^[a-z]+:/i.test(src) &&
          existsSync(path.join(lectureDir, decodeURIComponent(src))) &&
          statSync(path.join(lectureDir, decodeURIComponent(src))).isFile(),
      );
      const unresolved = nextToIt.filter((src) => !article.images[src]);
      if (unresolved.length) failures.push(`${summary.file}: images next to it not found: ${unresolved.join(', ')}`);
      localImages += nextToIt.length;
      formulas += await body.locator('.katex').count();
    }
    await page.close();
    assert.ok(formulas > 100, `${formulas} formulas rendered`);
    assert.ok(localImages >= 3, `${localImages} images next to their lectures`);
    assert.deepEqual(failures, []);
  });
});
