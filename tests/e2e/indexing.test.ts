/**
 * The reader while a first start indexes a big library, in Chromium against the real HTTP server: the list is
 * there, the search box says "Đang lập chỉ mục… (n/N)" instead of "no results", and once the index holds every
 * lecture it shows the hits without the reader typing again. The files' second reading (their outlines) waits on a
 * gate the test opens, so the state is observed without timing.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { PARSED_WHOLE_AT_ONCE } from '../../core/library/lectureLibrary.js';
import { rendererDir } from '../../core/service/appPaths.js';
import { startServer } from '../../core/server/httpServer.js';
import { LectureService } from '../../core/service/lectureService.js';
import { browserSkip, launchBrowser, screenshotPath, seriousAxeViolations } from '../helpers/browser.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const COUNT = PARSED_WHOLE_AT_ONCE + 6;

describe('search while the library is being indexed', { skip: browserSkip }, () => {
  const library = makeLibrary(
    Object.fromEntries(
      Array.from({ length: COUNT }, (_, i) => [
        `bai-${i}.md`,
        lecture({ title: `Bài ${i}`, time: '03/04/2024', tags: '[ai]' }, `## Phần ${i}\n\nMạng nơ-ron tích chập số ${i}.\n`),
      ]),
    ),
  );
  let reads = 0;
  let openGate = () => {};
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  let service: LectureService;
  let stopServer: () => Promise<void>;
  let url: string;
  let browser: Browser;
  before(async () => {
    service = await LectureService.open([library.root], {
      searchInWorker: true,
      readFile: async (file) => {
        if (++reads > COUNT) await gate;
        return readFile(file);
      },
    });
    const started = await startServer({ service, rendererDir: rendererDir(), port: 0 });
    url = started.url;
    stopServer = () => started.app.close();
    browser = await launchBrowser();
  });
  after(async () => {
    openGate();
    await browser?.close();
    await stopServer?.();
    await service?.close();
    library.cleanup();
  });

  test('the search box says how far indexing is, then shows the hits by itself', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true })).newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(url + '#/');
    await page.locator('.cards > li').first().waitFor();

    await page.getByRole('combobox', { name: 'Tìm kiếm bài giảng' }).fill('tích chập');
    const status = page.getByRole('status').filter({ hasText: 'Đang lập chỉ mục…' });
    await status.waitFor();
    assert.match((await status.textContent()) ?? '', new RegExp(`\\(\\d+/${COUNT}\\)`));
    assert.equal(await page.getByText('Không tìm thấy bài giảng nào').count(), 0, 'not told there are no results');
    await page.screenshot({ path: screenshotPath('search-indexing-desktop') });
    assert.deepEqual(await seriousAxeViolations(page), []);

    openGate();
    await page
      .getByRole('option', { name: /Bài \d+/ })
      .first()
      .waitFor({ timeout: 60_000 });
    assert.equal(await status.count(), 0);
    await page.close();
  });
});
