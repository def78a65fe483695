/**
 * Search, after the click, on the real corpus through the real `serve` and Chromium: the reader shows the first
 * match of the section, highlights only the words the engine matched, opens a closed quiz holding the match,
 * moves between matches, and a tag filter is said in the results with what it hides.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, screenshotPath, seriousAxeViolations, serveAndBrowser } from '../helpers/browser.js';
import { CORPUS } from '../helpers/tempLibrary.js';

const DATA_ENGINEER = path.join(CORPUS, 'data-engineer-lectures');
const AI = path.join(CORPUS, 'ai-lectures');
const skip = browserSkip || (existsSync(DATA_ENGINEER) ? false : `the real corpus is not at ${CORPUS}`);
const fold = (word: string) => word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');

describe('search hits in the reader (real corpus)', { skip }, () => {
  const session = serveAndBrowser([DATA_ENGINEER, AI]);

  async function openPage(viewport = { width: 1366, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await session.browser().newContext({ viewport, colorScheme });
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(session.server().url + '#/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    return page;
  }

  async function type(page: Page, query: string) {
    const box = page.getByRole('combobox', { name: 'Tìm kiếm bài giảng' });
    await box.fill(query);
    await page.getByRole('option').first().waitFor();
    return box;
  }

  /** The highlighted texts, and whether the current one is on screen. */
  async function highlights(page: Page) {
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit-current')?.size === 1);
    return page.evaluate(() => {
      const all = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit')!].map((range) => range.toString());
      const current = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit-current')!][0];
      const box = current.getBoundingClientRect();
      return {
        all,
        current: current.toString(),
        onScreen: box.height > 0 && box.top >= 0 && box.bottom <= innerHeight,
        inClosedDetails: !!current.startContainer.parentElement?.closest('details:not([open])'),
      };
    });
  }

  test('a hit opens at its first match, highlighting only the words it matched; n / Shift+N / Esc', async () => {
    const page = await openPage();
    const box = await type(page, 'he thong tep phan tan');
    await page.getByText('Kết quả liên quan ít hơn').waitFor();
    await page.screenshot({ path: screenshotPath('search-weak-group-light-desktop') });
    await box.press('Enter');
    await page.waitForURL(/#\/blog\/he-thong-tep-phan-tan/);
    const shown = await highlights(page);
    assert.ok(shown.onScreen, 'the first match is in the viewport');
    const wanted = new Set(['he', 'thong', 'tep', 'phan', 'tan']);
    assert.ok(shown.all.length > 3);
    const litWords = shown.all.flatMap((place) => place.split(/\s+/));
    for (const word of litWords) assert.ok(wanted.has(fold(word)), `"${word}" folds to a query word`);
    // Words standing together are one place ("n" goes to the next phrase, not the next word).
    assert.ok(
      shown.all.some((place) => fold(place) === 'he thong tep phan tan'),
      shown.all.join(' | '),
    );
    // Matched as written in the lecture: the accented look-alikes it did not match are not lit.
    assert.ok(!litWords.some((word) => ['tận', 'tảng', 'thông'].includes(word.toLowerCase())), shown.all.join(' '));
    const bar = page.getByRole('group', { name: 'Các chỗ khớp với tìm kiếm' });
    const position = async () => (await bar.locator('[aria-live]').textContent())!;
    const first = await position();
    await page.keyboard.press('n');
    assert.notEqual(await position(), first);
    await page.keyboard.press('Shift+N');
    assert.equal(await position(), first);
    await bar.getByRole('button', { name: 'Chỗ khớp tiếp theo' }).click();
    assert.match(await position(), /^2\//);
    await page.screenshot({ path: screenshotPath('search-hit-light-desktop') });
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('search-hit')), false);
    await page.context().close();
  });

  test("the contents mark the hit's section as the one being read", async () => {
    const page = await openPage();
    const box = await type(page, 'hồ dữ liệu');
    await box.press('Enter');
    await page.waitForURL(/#\/blog\/[^/]+\/.+/);
    await highlights(page);
    const section = decodeURIComponent(page.url().split('/').pop()!);
    // Both contents (the side one, and the one folded at the top on a phone) say the same.
    const current = page.locator('a[aria-current="location"]');
    await current.first().waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    const marked = await current.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    assert.deepEqual([...new Set(marked)], [`#${section}`], `the hit is in ${section}`);
    await page.context().close();
  });

  test('a match inside a closed quiz opens the quiz', async () => {
    const page = await openPage();
    await type(page, 'bình luận tạo bằng AI');
    await page.getByRole('option').first().click();
    await page.waitForURL(/#\/blog\/kien-truc-cua-databricks/);
    const shown = await highlights(page);
    assert.equal(shown.inClosedDetails, false, 'the quiz holding the match is open');
    assert.ok(shown.onScreen, 'the match in the quiz is in the viewport');
    await page.context().close();
  });

  test('a typo query highlights the corrected word', async () => {
    const page = await openPage();
    await type(page, 'hadop');
    await page.getByText('Có phải bạn muốn tìm').waitFor();
    await page.getByRole('option').first().click();
    await page.waitForURL(/#\/blog\//);
    const shown = await highlights(page);
    assert.ok(shown.all.length > 0);
    for (const word of shown.all) assert.equal(fold(word), 'hadoop');
    await page.context().close();
  });

  test('a selected tag is a removable chip in the results, with the count it hides', async () => {
    const page = await openPage();
    const sidebar = page.getByRole('navigation');
    await sidebar.getByRole('button', { name: /#hadoop/ }).click();
    // Tags combine as OR: each other tag says how many lectures it would add.
    await sidebar.getByRole('button', { name: /^#big-data\s*\+\d+\s*\(thêm \d+ bài giảng vào danh sách\)$/ }).waitFor();
    await page.getByRole('combobox', { name: 'Tìm kiếm bài giảng' }).fill('docker compose');
    const panel = page.locator('.search-panel');
    await panel.getByText('Chỉ trong #hadoop').waitFor();
    const outside = panel.getByRole('button', { name: /bài giảng khác khớp ngoài bộ lọc/ });
    assert.match((await outside.textContent())!, /^[1-9]\d* bài giảng khác/);
    await page.screenshot({ path: screenshotPath('search-tag-chip-light-desktop') });
    await panel.getByRole('button', { name: 'Bỏ lọc theo chủ đề, tìm trong cả thư viện' }).click();
    await panel
      .getByRole('option', { name: /Docker/ })
      .first()
      .waitFor();
    assert.equal(await panel.getByText('Chỉ trong #hadoop').count(), 0);
    await page.context().close();
  });

  test('other sections of a hit, and the full results page', async () => {
    const page = await openPage();
    const box = await type(page, 'hadoop');
    const more = page.getByRole('option', { name: /\+\d+ mục khác/ }).first();
    await more.click();
    const section = page.locator('.search-panel li.row-section').first();
    await section.waitFor();
    const sectionTitle = (await section.textContent())!;
    await page.screenshot({ path: screenshotPath('search-more-sections-light-desktop') });
    await box.focus();
    await page.getByRole('option', { name: /Xem tất cả kết quả/ }).click();
    await page.waitForURL(/#\/search\/hadoop/);
    await page.getByRole('heading', { level: 1, name: /Kết quả tìm kiếm cho “hadoop”/ }).waitFor();
    await page.locator('.result-list > li').nth(4).waitFor();
    await page.screenshot({ path: screenshotPath('search-results-page-light-desktop') });
    await page.locator('.result-sections a', { hasText: sectionTitle }).first().click();
    await page.waitForURL(/#\/blog\//);
    await highlights(page);
    // Shift+Enter on the query opens the results page too.
    await type(page, 'spark');
    await page.keyboard.press('Shift+Enter');
    await page.getByRole('heading', { level: 1, name: /Kết quả tìm kiếm cho “spark”/ }).waitFor();
    await page.locator('.result-main').first().click();
    await page.waitForURL(/#\/blog\//);
    await highlights(page);
    await page.context().close();
  });

  test('screenshots (phone, dark) and axe on the new search UI', async () => {
    const phone = await openPage({ width: 390, height: 844 }, 'dark');
    await phone.getByRole('combobox', { name: 'Tìm kiếm bài giảng' }).fill('hadoop');
    await phone.getByRole('option').first().waitFor();
    await phone.screenshot({ path: screenshotPath('search-results-dark-phone') });
    await phone.getByRole('option').first().click();
    await highlights(phone);
    await phone.screenshot({ path: screenshotPath('search-hit-dark-phone') });
    await phone.context().close();

    const context = await session.browser().newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const scan = async (name: string) => assert.deepEqual(await seriousAxeViolations(page), [], `${name}: serious or critical violations`);
    await page.goto(session.server().url + '#/');
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /#hadoop/ })
      .click();
    await page.getByRole('combobox', { name: 'Tìm kiếm bài giảng' }).fill('hadoop');
    await page
      .getByRole('option', { name: /\+\d+ mục khác/ })
      .first()
      .click();
    await scan('search panel with chip, weak group and sections');
    await page.goto(session.server().url + '#/search/hadoop');
    await page.locator('.result-list > li').first().waitFor();
    await scan('results page');
    await page.locator('.result-main').first().click();
    await page.getByRole('group', { name: 'Các chỗ khớp với tìm kiếm' }).waitFor();
    await scan('match bar');
    await context.close();
  });
});
