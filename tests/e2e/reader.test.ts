/**
 * End to end: the real `serve` command over the real bundled library, driven in real Chromium.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, launchBrowser, screenshotPath, seriousAxeViolations, startServe, type RunningServer } from '../helpers/browser.js';

describe('reader on the bundled library', { skip: browserSkip }, () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startServe([]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openPage(viewport = { width: 1366, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await browser.newContext({ viewport, colorScheme });
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  test('list, tags with counts, and tag filtering', async () => {
    const page = await openPage();
    await assert.doesNotReject(page.getByRole('navigation', { name: 'Thư viện' }).waitFor());
    assert.equal(await page.locator('.cards > li').count(), 8);
    const sidebar = page.getByRole('navigation', { name: 'Thư viện' });
    const nlp = sidebar.getByRole('button', { name: /^Xử lý ngôn ngữ tự nhiên/ });
    assert.match((await nlp.textContent())!, /3$/);
    await nlp.click();
    assert.equal(await page.locator('.cards > li').count(), 3);
    await sidebar.getByRole('button', { name: /^Mô hình ngôn ngữ lớn/ }).click();
    assert.equal(await page.locator('.cards > li').count(), 3, 'tags combine as OR: #llm adds no lecture outside #nlp');
    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
    assert.equal(await page.locator('.cards > li').count(), 8);
    // Dates as Vietnamese readers write them, newest first.
    assert.equal(await page.locator('.cards > li time').first().textContent(), '10/06/2024');
    await page.screenshot({ path: screenshotPath('bundled-list-light-desktop'), fullPage: false });
    await page.context().close();
  });

  test('an article: math by KaTeX, images loaded from local files, internal link followed', async () => {
    const page = await openPage();
    await page.getByRole('link', { name: 'Mạng nơ-ron nhân tạo là gì?' }).first().click();
    await page.getByRole('article').getByRole('heading', { level: 1, name: 'Mạng nơ-ron nhân tạo là gì?' }).waitFor();
    // The body is typeset in a worker and put on the page in steps: counted once all of it is there.
    await page.locator('.markdown-body[aria-busy="false"]').waitFor();
    assert.ok((await page.locator('.markdown-body .katex').count()) > 3, 'inline math rendered');
    assert.ok((await page.locator('.markdown-body .katex-display').count()) >= 2, 'display math rendered');
    assert.equal(await page.locator('.markdown-body .katex-error').count(), 0);
    const image = page.locator('.markdown-body img').first();
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.markdown-body img')].every((img) => img.complete && img.naturalWidth > 0),
    );
    assert.equal(await image.getAttribute('width'), '560', 'width taken from style="width: 560px"');
    assert.equal(await page.locator('.markdown-body details summary').count(), 1);
    assert.ok((await page.locator('.markdown-body table').count()) >= 1);
    assert.ok((await page.locator('.markdown-body pre code.hljs').count()) >= 1, 'code highlighted');
    await page.screenshot({ path: screenshotPath('bundled-article-light-desktop') });
    await page.getByRole('link', { name: 'thuật toán Gradient Descent' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thuật toán Gradient Descent' }).waitFor();
    assert.match(page.url(), /#\/blog\/thuat-toan-gradient-descent$/);
    await page.context().close();
  });

  test('search as you type, without diacritics, opens the right section with the words marked', async () => {
    const page = await openPage();
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: 'Tìm kiếm bài giảng' });
    assert.ok(await box.evaluate((element) => element === document.activeElement), 'Ctrl+K focuses search');
    await box.pressSequentially('ao giac', { delay: 30 });
    const first = page.getByRole('option').first();
    await first.waitFor();
    assert.match((await first.textContent())!, /Ảo giác \(hallucination\) và RAG/);
    assert.match((await first.locator('mark').first().textContent()) ?? '', /Ảo|ảo/);
    await page.screenshot({ path: screenshotPath('bundled-search-light-desktop') });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ảo giác (hallucination) và RAG' }).waitFor();
    assert.match(decodeURIComponent(page.url()), /#\/blog\/ao-giac-hallucination-va-rag\/1-ảo-giác-là-gì$/);
    await page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit')?.size ?? 0) > 0);
    // The section's first match is shown (not the section's top), after its heading.
    const place = await page.evaluate(() => {
      const current = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit-current')!][0];
      const box = current.getBoundingClientRect();
      const heading = document.getElementById('1-ảo-giác-là-gì')!;
      return { top: box.top, bottom: box.bottom, afterHeading: !!(heading.compareDocumentPosition(current.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING) };
    });
    assert.ok(place.top >= 0 && place.bottom <= 900 && place.afterHeading, `first match of the section in view (${JSON.stringify(place)})`);
    await page.context().close();
  });

  test('no-result state offers a correction from the library', async () => {
    const page = await openPage();
    const box = page.getByRole('combobox', { name: 'Tìm kiếm bài giảng' });
    await box.fill('tranformer');
    await page.getByText('Có phải bạn muốn tìm').waitFor();
    assert.equal(await page.getByRole('button', { name: 'transformer' }).count(), 1);
    await box.fill('zzzqqq');
    await page.getByText('Không tìm thấy bài giảng nào').waitFor();
    await page.context().close();
  });

  test('a lecture address with broken percent-encoding says the lecture is missing instead of crashing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}#/blog/%E0`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy bài giảng' }).waitFor();
    assert.deepEqual(errors, []);
    await page.evaluate(() => (location.hash = '#/blog/m%E1%BA%A1ng/%E0'));
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy bài giảng' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('theme, font size and reading position survive a reload', async () => {
    const page = await openPage();
    await page.getByRole('link', { name: 'Thuật toán Gradient Descent' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Thuật toán Gradient Descent' }).waitFor();
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    await page.getByText('Tối', { exact: true }).click();
    await page.getByRole('button', { name: 'Cỡ chữ +' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await page.getByRole('button', { name: 'Đóng' }).click();
    await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
    await page.waitForTimeout(300);
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 200);
    await page.screenshot({ path: screenshotPath('bundled-article-dark-desktop') });
    await page.goto(page.url().replace(/#.*$/, ''));
    // The home page offers the lecture under "Đọc tiếp", which reopens it where the reader left it.
    await page
      .getByRole('region', { name: 'Đọc tiếp' })
      .getByRole('link', { name: /Thuật toán Gradient Descent/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Thuật toán Gradient Descent' }).waitFor();
    await page.waitForFunction(() => window.scrollY > 100);
    const after = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(after - before) < 150, `scroll restored: ${before} → ${after}`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--reading-font-size')), '20px');
    await page.context().close();
  });

  test('Back and Forward reopen a lecture where the student was in it', async () => {
    const page = await openPage();
    await page.getByRole('link', { name: 'Thuật toán Gradient Descent' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Thuật toán Gradient Descent' }).waitFor();
    await page.getByRole('article').locator('.markdown-body p').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
    await page.waitForTimeout(300);
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 200);
    await page.getByRole('link', { name: 'Thuật ngữ' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Thuật ngữ' }).waitFor();
    // Images load after the text and move it: the position settles where the student was (or the wait fails).
    const settlesNear = (place: number) => page.waitForFunction((at) => Math.abs(window.scrollY - at) < 150, place, { timeout: 10_000 });
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Thuật toán Gradient Descent' }).waitFor();
    await settlesNear(before);
    await page.goBack();
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Thuật toán Gradient Descent' }).waitFor();
    await settlesNear(before);
    // Opening it from the list starts at the top, as before: checked once its text is on the page.
    await page.goBack();
    await page.getByRole('link', { name: 'Thuật toán Gradient Descent' }).first().click();
    await page.getByRole('article').locator('.markdown-body p').first().waitFor();
    await page.waitForTimeout(300);
    assert.ok((await page.evaluate(() => window.scrollY)) < 100, 'from the list: the top');
    await page.context().close();
  });

  test('phone width: sidebar becomes a drawer, article readable', async () => {
    const page = await openPage({ width: 390, height: 844 });
    assert.equal(await page.getByRole('navigation', { name: 'Thư viện' }).isVisible(), false);
    await page.screenshot({ path: screenshotPath('bundled-list-light-phone') });
    await page.getByRole('button', { name: 'Mở danh mục' }).click();
    await page
      .getByRole('navigation', { name: 'Thư viện' })
      .getByRole('button', { name: /^Cơ bản/ })
      .click();
    assert.equal(await page.locator('.cards > li').count(), 3);
    await page.getByRole('link', { name: 'Tokenization: cắt văn bản thành token' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
    await page.screenshot({ path: screenshotPath('bundled-article-light-phone') });
    await page.context().close();
    const dark = await openPage({ width: 390, height: 844 }, 'dark');
    assert.equal(await dark.evaluate(() => document.documentElement.dataset.theme), 'dark', 'follows the system theme');
    await dark.screenshot({ path: screenshotPath('bundled-list-dark-phone') });
    await dark.context().close();
  });

  test('accessibility: axe-core finds no serious or critical violations', async () => {
    // axe is injected as an inline script, which the app's CSP rightly forbids: this context bypasses it.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const scan = async (name: string) => assert.deepEqual(await seriousAxeViolations(page), [], `${name}: serious or critical violations`);
    await page.goto(server.url + '#/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await scan('list');
    await page.goto(server.url + '#/blog/cac-do-do-danh-gia-mo-hinh-phan-loai');
    await page.getByRole('article').waitFor();
    await scan('article');
    await page.getByRole('combobox', { name: 'Tìm kiếm bài giảng' }).fill('precision');
    await page.getByRole('option').first().waitFor();
    await scan('search');
    await context.close();
  });
});
