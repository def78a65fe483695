/**
 * The study companion in desktop mode: back/forward between lectures (Alt+←/→, the mouse's side buttons, the
 * toolbar), reading data kept in the user-data file through the bridge (not the window's storage), and the
 * settings panel's wide width and outside click.
 *
 * As in share.test.ts, the page's `lectureBridge` calls `callBridge`, the main process's own validation and
 * dispatch, over a real LectureService and the real `ReadingDataFile`; only the IPC transport is replaced.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFileSync as read } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { ClassroomShare } from '../../core/server/classroomShare.js';
import { startServer } from '../../core/server/httpServer.js';
import { rendererDir } from '../../core/service/appPaths.js';
import { LectureService } from '../../core/service/lectureService.js';
import { READING_DATA_FILE, ReadingDataFile } from '../../core/node/readingDataFile.js';
import { browserSkip, launchBrowser, screenshotPath } from '../helpers/browser.js';
import { exposeDesktopBridge } from '../helpers/desktopBridge.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const paragraphs = (topic: string) =>
  Array.from({ length: 25 }, (_, i) => `Ý ${i + 1} về ${topic}: đọc chậm, ghi lại điều chưa hiểu và hỏi lại ở buổi sau.\n`).join('\n');

describe('study companion in the desktop app', { skip: browserSkip }, () => {
  const library = makeLibrary({
    'mot.md': lecture({ title: 'Bài một, vectơ', time: '01/03/2024', tags: '[dai-so]' }, `## Vectơ\n\n${paragraphs('vectơ')}`),
    'hai.md': lecture({ title: 'Bài hai, ma trận', time: '08/03/2024', tags: '[dai-so]' }, `## Ma trận\n\n${paragraphs('ma trận')}`),
  });
  const userData = mkdtempSync(path.join(tmpdir(), 'study-user-data-'));
  const file = path.join(userData, READING_DATA_FILE);
  let service: LectureService;
  let share: ClassroomShare;
  let pages: FastifyInstance;
  let url: string;
  let browser: Browser;

  before(async () => {
    service = await LectureService.open([library.root]);
    share = new ClassroomShare(service, rendererDir(), { host: '127.0.0.1', port: 4173 });
    ({ app: pages, url } = await startServer({ service, rendererDir: rendererDir() }));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await pages?.close();
    await service?.close();
    library.cleanup();
    rmSync(userData, { recursive: true, force: true });
  });

  async function desktopPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    await exposeDesktopBridge(context, () => ({ library: service, sharing: share, readingData: new ReadingDataFile(file) }));
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  const title = (page: Page, name: string) => page.getByRole('article').getByRole('heading', { level: 1, name }).waitFor();

  test('back and forward between lectures: Alt+←/→, the toolbar buttons and the mouse side buttons', async () => {
    const page = await desktopPage();
    await page.getByRole('link', { name: 'Bài một, vectơ' }).first().click();
    await title(page, 'Bài một, vectơ');
    await page
      .getByRole('link', { name: /Bài hai, ma trận/ })
      .last()
      .click();
    await title(page, 'Bài hai, ma trận');
    await page.keyboard.press('Alt+ArrowLeft');
    await title(page, 'Bài một, vectơ');
    await page.keyboard.press('Alt+ArrowRight');
    await title(page, 'Bài hai, ma trận');
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await title(page, 'Bài một, vectơ');
    await page.getByRole('button', { name: 'Đi tiếp' }).click();
    await title(page, 'Bài hai, ma trận');
    // Side buttons arrive as mouse buttons 3 (back) and 4 (forward); Playwright's mouse has only three.
    await page.locator('main').dispatchEvent('mouseup', { button: 3 });
    await title(page, 'Bài một, vectơ');
    await page.locator('main').dispatchEvent('mouseup', { button: 4 });
    await title(page, 'Bài hai, ma trận');
    const axeSource = read(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Element, options: object) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
      return (await axe.run(document.body, { resultTypes: ['violations'] })).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    });
    assert.deepEqual(violations, []);
    await page.screenshot({ path: screenshotPath('study-desktop-history-light') });
    await page.context().close();
  });

  test('reading data goes to the user-data file through the bridge, never to the window storage', async () => {
    const page = await desktopPage();
    await page.getByRole('link', { name: 'Bài hai, ma trận' }).first().click();
    await title(page, 'Bài hai, ma trận');
    await page.getByRole('button', { name: 'Đánh dấu bài giảng' }).click();
    for (let tries = 0; !existsSync(file) || !readFileSync(file, 'utf8').includes('"bookmarks":["bai-hai-ma-tran"]'); tries++) {
      assert.ok(tries < 200, 'the bookmark reaches the file');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(await page.evaluate(() => localStorage.getItem('lecture-reader:reading-data')), null);
    await page.context().close();
    // A restart of the app: a new window reads it back from the file.
    const again = await desktopPage();
    await again
      .getByRole('navigation', { name: 'Thư viện' })
      .getByRole('region', { name: /Đã đánh dấu/ })
      .getByRole('link', { name: 'Bài hai, ma trận' })
      .click();
    await title(again, 'Bài hai, ma trận');
    assert.equal(await again.getByRole('button', { name: 'Đánh dấu bài giảng' }).getAttribute('aria-pressed'), 'true');
    await again.context().close();
  });

  test('settings: "Rộng" really widens the lecture on a laptop screen; a click outside closes the panel', async () => {
    const page = await desktopPage();
    await page.getByRole('link', { name: 'Bài một, vectơ' }).first().click();
    await title(page, 'Bài một, vectơ');
    const width = () => page.locator('.reader').evaluate((element) => element.getBoundingClientRect().width);
    const normal = await width();
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    const panel = page.getByRole('dialog', { name: 'Cài đặt' });
    await panel.getByText('Rộng', { exact: true }).click();
    const wide = await width();
    assert.ok(wide >= normal + 150, `wide ${wide}px vs normal ${normal}px`);
    await page.screenshot({ path: screenshotPath('study-desktop-wide-light') });
    await page.getByRole('article').getByRole('heading', { level: 1 }).click();
    await panel.waitFor({ state: 'detached' });
    // The ⚙ button still toggles it (its own click is not an outside click).
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    await panel.waitFor();
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
