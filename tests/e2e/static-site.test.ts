/**
 * End to end: the static export of the real corpus (`cli export`), hosted under a sub-path by a plain static file
 * server with no app logic, in real Chromium: reading, tags, search in the browser (the core engine in a worker), the
 * offline copy ("Lưu để đọc ngoại tuyến"), the app with the server gone and the browser offline, and the copy's
 * update after the library changed and was exported again. Then the same export on an insecure origin (a classroom
 * name mapped to this machine): the explanation and the e-book download instead of the save button.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EXPORT_MANIFEST, slugOfStaticPath, SMALL_COPY_WIDTH, STATIC_FILES, type ExportManifest } from '../../core/common/staticSite.js';
import { megabytes } from '../../core/common/units.js';
import { browserSkip, CHROMIUM, launchBrowser, screenshotPath, seriousAxeViolations } from '../helpers/browser.js';
import { runCliAsync } from '../helpers/cli.js';
import { startStaticServer, type StaticServer } from '../helpers/staticServer.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
const AI = path.join(CORPUS, 'ai-lectures');
const DATA = path.join(CORPUS, 'data-engineer-lectures');
const corpusSkip =
  (await readFile(path.join(CORPUS, 'README.md'))
    .then(() => false)
    .catch(() => `no corpus at ${CORPUS}`)) || browserSkip;
const SUB_PATH = 'truong/bai-giang/';
/** The renamed lecture's new title, and a word of it found nowhere else. */
const EDITED_WORD = 'kiemthusuabai';
const EDITED = `Hồi quy logistic ${EDITED_WORD}`;

describe('static export, offline web app', { skip: corpusSkip }, () => {
  let work: string;
  let aiCopy: string;
  let site: string;
  let server: StaticServer;
  let browser: Browser;

  const exportSite = async () => {
    const result = await runCliAsync(['export', aiCopy, DATA, site, '--cache-dir', path.join(work, 'cache')]);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
  };

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'static-site-'));
    // A copy of the small folder, to edit it later; the real corpus is never written to.
    aiCopy = path.join(work, 'ai-lectures');
    await cp(AI, aiCopy, { recursive: true });
    site = path.join(work, 'www', SUB_PATH);
    await exportSite();
    server = await startStaticServer(path.join(work, 'www'));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  });

  const base = () => `http://127.0.0.1:${server.port}/${SUB_PATH}`;
  const exportManifest = async (): Promise<ExportManifest> => JSON.parse(await readFile(path.join(site, EXPORT_MANIFEST), 'utf8'));

  test('reads, filters, searches, saves for offline, works offline and takes the update', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(base());
    const library = JSON.parse(await readFile(path.join(site, 'api/library.json'), 'utf8'));
    const cards = page.locator('.card');
    await cards.first().waitFor();
    assert.equal(await page.locator('.library-count').textContent(), `${library.articles.length} bài giảng`);

    // Tag filter.
    const hadoop = library.articles.filter((article: { tags: string[] }) => article.tags.includes('hadoop')).length;
    await page.locator('.tag-filter', { hasText: '#hadoop' }).click();
    await page.locator('.tag-selection').getByText(`${hadoop} bài giảng`).waitFor();
    await page.getByRole('button', { name: 'Bỏ lọc' }).click();

    // Search in the browser, a highlighted hit.
    const search = page.getByRole('combobox', { name: 'Tìm kiếm bài giảng' });
    await search.fill('hoi quy logistic');
    const hit = page.getByRole('listbox', { name: 'Tìm kiếm bài giảng' }).getByRole('option').first();
    await hit.getByText('Mô hình hồi quy logistic').waitFor();
    assert.ok((await hit.locator('mark').count()) > 0, 'the hit marks the words that matched');
    await page.screenshot({ path: screenshotPath('static-search') });

    // A lecture with math, one with images.
    await hit.click();
    const article = page.getByRole('article');
    await article.locator('.katex').first().waitFor();
    await page.goto(`${base()}#/blog/gioi-thieu-chung-ve-databricks`);
    const image = article.locator('img:not(.card-banner)').first();
    await image.waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('article img')].some((img) => (img as HTMLImageElement).naturalWidth > 0));

    // Progress: read part of the lecture.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await page.waitForTimeout(800);
    await page.goto(base());
    const progress = await readingProgress(page, 'Giới thiệu chung về DataBricks');

    // Save for offline reading: sizes first, then a progress bar, then saved.
    await page.getByRole('button', { name: 'Lưu để đọc ngoại tuyến' }).click();
    const manifest = await exportManifest();
    const bytes = (keep: (group: string) => boolean) =>
      // The e-book is a download of its own, never part of the offline copy.
      Object.entries(manifest.files).reduce((sum, [file, { group, bytes }]) => sum + (file !== 'sw.js' && group !== 'book' && keep(group) ? bytes : 0), 0);
    await page.getByRole('radio', { name: `Ảnh đầy đủ — ${megabytes(bytes(() => true))} MB` }).waitFor();
    await page.getByRole('radio', { name: `Ảnh thu nhỏ (nhẹ hơn) — ${megabytes(bytes((group) => group !== 'image'))} MB` }).waitFor();
    const control = page.getByRole('region', { name: 'Lưu để đọc ngoại tuyến' });
    await control.screenshot({ path: screenshotPath('static-save-desktop') });
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.emulateMedia({ colorScheme: 'dark' });
    await control.screenshot({ path: screenshotPath('static-save-dark') });
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Mở danh mục' }).click();
    await page.waitForFunction(() => document.querySelector('nav.sidebar')!.getBoundingClientRect().left >= 0);
    await page.screenshot({ path: screenshotPath('static-save-phone') });
    await page.getByRole('button', { name: 'Đóng danh mục' }).click();
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByRole('button', { name: /^Lưu [\d.]+ MB$/ }).click();
    await page.getByText(/^Đã lưu để đọc ngoại tuyến/).waitFor({ timeout: 120_000 });

    // Offline: the server is gone (a service worker's own fetches ignore setOffline, Playwright #2311) and the page is offline.
    await server.stop();
    await context.setOffline(true);
    await page.reload();
    await cards.first().waitFor();
    assert.equal(await page.locator('.library-count').textContent(), `${library.articles.length} bài giảng`);
    await search.fill('hadoop');
    await page.getByRole('listbox', { name: 'Tìm kiếm bài giảng' }).getByRole('option').locator('mark').first().waitFor();
    assert.equal(await readingProgress(page, 'Giới thiệu chung về DataBricks'), progress, 'reading progress is kept');
    await page.goto(`${base()}#/blog/gioi-thieu-chung-ve-databricks`);
    await page.waitForFunction(() => [...document.querySelectorAll('article img')].some((img) => (img as HTMLImageElement).naturalWidth > 0));
    await page.goto(`${base()}#/blog/mo-hinh-hoi-quy-logistic-logistic-regression`);
    await article.locator('.katex').first().waitFor();

    // The teacher edits a lecture and exports again; back online, the copy fetches what changed and says so.
    const file = path.join(aiCopy, '3_machine_learning/markdown/4-logistic-regression.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${EDITED}`));
    await exportSite();
    const lectures = (files: ExportManifest['files']) =>
      new Map(Object.entries(files).flatMap(([file, { hash }]) => (slugOfStaticPath(file) ? [[file, hash]] : [])));
    const [before, now] = [lectures(manifest.files), lectures((await exportManifest()).files)];
    const changed = [...now].filter(([file, hash]) => before.get(file) !== hash).length;
    const removed = [...before.keys()].filter((file) => !now.has(file)).length;
    assert.ok(changed > 0 && removed === 1, 'the renamed lecture is a new file, its old one gone');
    // Back online with the school's server still down: the same page (its search worker loaded the saved index) finds
    // no new title yet.
    await context.setOffline(false);
    await page.goto(`${base()}#/`);
    /** The lectures found for `query` (the field emptied first, so the count shown is this query's own answer). */
    const hitsFor = async (query: string) => {
      await search.fill('');
      await search.fill(query);
      // The count of results, or none found: this query's answer is shown ("Đang tìm…" until then).
      await page.locator('.search-panel').getByRole('status').first().waitFor();
      return page.getByRole('listbox', { name: 'Tìm kiếm bài giảng' }).locator('.row-hit');
    };
    assert.equal(await (await hitsFor(EDITED_WORD)).filter({ hasText: EDITED }).count(), 0);
    // The server is back: the page (not reloaded) brings its copy up to date when the connection returns, and its
    // search then reads the new index. (The browser's own 'online' came while the server was down.)
    server = await startStaticServer(path.join(work, 'www'), server.port);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page
      .getByRole('status')
      .filter({ hasText: `Thư viện đã cập nhật: ${changed} bài giảng mới hoặc đã sửa, ${removed} bài đã gỡ.` })
      .waitFor();
    await page.screenshot({ path: screenshotPath('static-updated') });
    // The list is virtualized (only the cards on screen are on the page): find the renamed lecture by its new title.
    assert.equal(await (await hitsFor(EDITED_WORD)).filter({ hasText: EDITED }).count(), 1);
    await context.close();
  });

  test('saved with small images: offline, a lecture shows the small copies', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(base());
    await page.getByRole('button', { name: 'Lưu để đọc ngoại tuyến' }).click();
    await page.getByRole('radio', { name: /^Ảnh thu nhỏ/ }).check();
    await page.getByRole('button', { name: /^Lưu [\d.]+ MB$/ }).click();
    await page.getByText(/^Đã lưu để đọc ngoại tuyến \([\d.]+ MB, ảnh thu nhỏ\)/).waitFor({ timeout: 120_000 });
    const port = server.port;
    await server.stop();
    await context.setOffline(true);
    try {
      await page.goto(`${base()}#/blog/gioi-thieu-chung-ve-databricks`);
      await page.getByRole('article').locator('img').first().waitFor();
      const widths = await page.waitForFunction(() => {
        const shown = [...document.querySelectorAll('article img')].map((img) => (img as HTMLImageElement).naturalWidth).filter((width) => width > 0);
        return shown.length > 0 && shown;
      });
      const shown = (await widths.jsonValue()) as number[];
      assert.ok(
        shown.every((width) => width <= SMALL_COPY_WIDTH),
        'the small copies, not the full images',
      );
    } finally {
      server = await startStaticServer(path.join(work, 'www'), port);
      await context.close();
    }
  });

  test('a device without the room says so plainly, and nothing is marked saved', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    // Chromium's own storage quota for this origin, set far below the library's size.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: `http://127.0.0.1:${server.port}`, quotaSize: 2 * 1024 * 1024 });
    await page.goto(base());
    await page.getByRole('button', { name: 'Lưu để đọc ngoại tuyến' }).click();
    await page.getByRole('button', { name: /^Lưu [\d.]+ MB$/ }).click();
    await page
      .getByRole('alert')
      .getByText(/Máy không đủ chỗ trống để lưu thư viện/)
      .waitFor({ timeout: 120_000 });
    await page.reload();
    await page.getByRole('button', { name: 'Lưu để đọc ngoại tuyến' }).waitFor();
    assert.equal(await page.getByText(/^Đã lưu để đọc ngoại tuyến/).count(), 0);
    await context.close();
  });

  test('two exports on one origin keep their offline copies apart', async () => {
    const exports = { a: 'Bài của lớp A về cây quyết định', b: 'Bài của lớp B về phân cụm k-means' };
    const libraries = Object.values(exports).map((title) => makeLibrary({ 'bai.md': lecture({ title, time: '02/03/2024' }) }));
    const www = path.join(work, 'two-exports');
    for (const [index, folder] of Object.keys(exports).entries()) {
      const result = await runCliAsync(['export', libraries[index].root, path.join(www, folder), '--cache-dir', path.join(work, 'cache')]);
      assert.equal(result.code, 0, result.stderr);
    }
    const host = await startStaticServer(www);
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
      const saved = page.getByText(/^Đã lưu để đọc ngoại tuyến/);
      for (const folder of Object.keys(exports)) {
        await page.goto(`http://127.0.0.1:${host.port}/${folder}/`);
        await page.getByRole('button', { name: 'Lưu để đọc ngoại tuyến' }).click();
        await page.getByRole('button', { name: /^Lưu [\d.]+ MB$/ }).click();
        await saved.waitFor({ timeout: 120_000 });
      }
      // Removing A's copy leaves B's: still saved, and still read with the server gone and the browser offline.
      await page.goto(`http://127.0.0.1:${host.port}/a/`);
      await page.getByRole('button', { name: 'Xoá bản lưu' }).click();
      await page.getByRole('button', { name: 'Lưu để đọc ngoại tuyến' }).waitFor();
      await page.goto(`http://127.0.0.1:${host.port}/b/`);
      await page.locator('.card', { hasText: exports.b }).waitFor();
      await saved.waitFor();
      await host.stop();
      await context.setOffline(true);
      await page.reload();
      await page.locator('.card', { hasText: exports.b }).waitFor();
      await saved.waitFor();
    } finally {
      await context.close();
      await host.stop().catch(() => {});
      for (const library of libraries) library.cleanup();
    }
  });

  test('on an insecure origin: the explanation and the e-book, no save button', async () => {
    const classroom = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP lop.test 127.0.0.1'],
    });
    try {
      for (const [name, options] of [
        ['desktop', { viewport: { width: 1280, height: 800 } }],
        ['phone', { viewport: { width: 390, height: 844 }, isMobile: true }],
        ['dark', { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' as const }],
      ] as const) {
        const context = await classroom.newContext({ ...options, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`http://lop.test:${server.port}/${SUB_PATH}`);
        await page.locator('.card').first().waitFor();
        assert.equal(await page.evaluate(() => isSecureContext), false);
        if (name === 'phone') {
          await page.getByRole('button', { name: 'Mở danh mục' }).click();
          await page.waitForFunction(() => document.querySelector('nav.sidebar')!.getBoundingClientRect().left >= 0);
        }
        const epub = page.getByRole('link', { name: 'Tải sách EPUB', exact: true });
        await epub.waitFor();
        assert.equal(await epub.getAttribute('href'), STATIC_FILES.book);
        assert.equal(await page.locator('nav.sidebar a[download]').count(), 1, 'the whole library offered once');
        // The export's own e-book of the whole library: a real EPUB, served by the plain static server.
        const book = await page.evaluate(async (href) => {
          const response = await fetch(href);
          return { status: response.status, start: new TextDecoder().decode((await response.arrayBuffer()).slice(30, 58)) };
        }, STATIC_FILES.book);
        assert.deepEqual(book, { status: 200, start: 'mimetypeapplication/epub+zip' });
        assert.equal(await page.getByRole('button', { name: 'Lưu để đọc ngoại tuyến' }).count(), 0);
        await page.getByText(/không cho lưu trang để đọc ngoại tuyến/).screenshot({ path: screenshotPath(`static-insecure-${name}`) });
        await page.screenshot({ path: screenshotPath(`static-insecure-page-${name}`) });
        assert.deepEqual(await seriousAxeViolations(page), []);
        await context.close();
      }
    } finally {
      await classroom.close();
    }
  });
});

/** What a lecture's card on the home page says of its reading progress ("Đã đọc 40 %"). */
async function readingProgress(page: Page, title: string): Promise<string> {
  const card = page.locator('.card', { hasText: title });
  await card.getByText(/Đã đọc \d+ %/).waitFor();
  return (await card.getByText(/Đã đọc \d+ %/).textContent())!;
}
