/**
 * End to end: the glossary ("Thuật ngữ") screen, cross-lingual search results and the term popover in a lecture,
 * through the real `serve` command in real Chromium, on a desktop and a phone.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, screenshotPath } from '../helpers/browser.js';
import { servedLibrary } from '../helpers/servedLibrary.js';
import { lecture } from '../helpers/tempLibrary.js';

const files = {
  'llm.md': lecture(
    { title: 'Mô hình ngôn ngữ lớn', time: '03/01/2024', tags: '[llm]' },
    [
      '## Rủi ro',
      '',
      '**Ảo giác (hallucination)** là khi mô hình bịa ra thông tin nghe hợp lý nhưng sai sự thật.',
      '',
      'Ảo giác xảy ra nhiều hơn khi câu hỏi nằm ngoài dữ liệu huấn luyện, và ảo giác khó phát hiện.',
      '',
      '## Huấn luyện',
      '',
      'Tinh chỉnh (fine-tuning) giúp giảm ảo giác trên một lĩnh vực hẹp.',
    ].join('\n') + '\n',
  ),
  'chatbot.md': lecture(
    { title: 'Đánh giá chatbot', time: '03/08/2024', tags: '[llm]' },
    '## Đo lường\n\nTa đo tỉ lệ ảo giác của chatbot trên bộ câu hỏi y khoa.\n',
  ),
  'paper.md': lecture({ title: 'Đọc bài báo', time: '03/15/2024', tags: '[llm]' }, '## Tóm tắt\n\nBài báo đo hallucination rate của GPT trên nhiều tác vụ.\n'),
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async (scope) => {
    const axe = (window as unknown as { axe: { run: (context: Element, options: object) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
    return axe.run(document.querySelector(scope)!, { resultTypes: ['violations'] });
  }, selector);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

/** The popover text a term shows (its ::after content), or 'none'. */
const popover = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as Element;
    return active.classList.contains('glossary-term') ? getComputedStyle(active, '::after').content : 'no term focused';
  });

/** The glossary's terms once the list shows `expected` (it re-renders as the filter and the order change). */
async function shownTerms(page: Page, expected: string[]): Promise<string[]> {
  await page
    .waitForFunction(
      (want) => JSON.stringify([...document.querySelectorAll('.glossary-entry dt')].map((dt) => dt.textContent)) === want,
      JSON.stringify(expected),
      { timeout: 5000 },
    )
    .catch(() => undefined);
  return page.locator('.glossary-entry dt').allTextContents();
}

describe('glossary screen, cross-lingual search and term popovers', { skip: browserSkip }, () => {
  const served = servedLibrary(files);

  test('desktop: the glossary from the sidebar, filtered without diacritics, A–Z in English, links to the lecture', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(served.server.url);
    await page.getByRole('navigation', { name: 'Thư viện' }).getByRole('link', { name: 'Thuật ngữ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thuật ngữ' }).waitFor();
    assert.deepEqual(await shownTerms(page, ['ảo giác = hallucination', 'tinh chỉnh = fine-tuning']), ['ảo giác = hallucination', 'tinh chỉnh = fine-tuning']);
    const entry = page.locator('.glossary-entry').filter({ has: page.locator('dt', { hasText: 'ảo giác' }) });
    assert.equal(
      await entry.locator('.glossary-definition').textContent(),
      'Ảo giác (hallucination) là khi mô hình bịa ra thông tin nghe hợp lý nhưng sai sự thật.',
    );
    await entry.getByText('Dùng ở 4 mục').click();
    assert.deepEqual(
      (await entry.locator('details li').allTextContents()).sort(),
      ['Mô hình ngôn ngữ lớn › Huấn luyện', 'Đánh giá chatbot › Đo lường', 'Đọc bài báo › Tóm tắt'].sort(),
    );
    await page.screenshot({ path: screenshotPath('glossary-desktop'), fullPage: true });
    assert.deepEqual(await seriousViolations(page, '.glossary'), []);

    await page.getByRole('searchbox', { name: /Lọc thuật ngữ/ }).fill('ao giac');
    assert.deepEqual(await shownTerms(page, ['ảo giác = hallucination']), ['ảo giác = hallucination']);
    await page.getByRole('searchbox', { name: /Lọc thuật ngữ/ }).fill('fine');
    assert.deepEqual(await shownTerms(page, ['tinh chỉnh = fine-tuning']), ['tinh chỉnh = fine-tuning']);
    await page.getByRole('searchbox', { name: /Lọc thuật ngữ/ }).fill('');
    await page.getByRole('button', { name: 'A–Z tiếng Anh' }).click();
    assert.deepEqual(await shownTerms(page, ['fine-tuning = tinh chỉnh', 'hallucination = ảo giác']), ['fine-tuning = tinh chỉnh', 'hallucination = ảo giác']);

    await entry.getByRole('link', { name: 'Mô hình ngôn ngữ lớn › Rủi ro' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mô hình ngôn ngữ lớn' }).waitFor();
    assert.equal(decodeURIComponent(new URL(page.url()).hash), '#/blog/mo-hinh-ngon-ngu-lon/rủi-ro');
    await context.close();
  });

  test('desktop: a search says why a lecture that writes only the other language is found, and leads to the glossary', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(served.server.url);
    await page.getByRole('combobox', { name: 'Tìm kiếm bài giảng' }).fill('hallucination');
    const via = page.getByRole('option', { name: /Đánh giá chatbot/ }).locator('.hit-via');
    assert.equal(await via.textContent(), 'qua thuật ngữ: hallucination = ảo giác');
    await page.screenshot({ path: screenshotPath('glossary-search-via') });
    await page.getByRole('link', { name: /Tìm trong thuật ngữ/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Thuật ngữ' }).waitFor();
    assert.equal(await page.getByRole('searchbox', { name: /Lọc thuật ngữ/ }).inputValue(), 'hallucination');
    assert.deepEqual(await shownTerms(page, ['ảo giác = hallucination']), ['ảo giác = hallucination']);
    await context.close();
  });

  test('desktop: in a lecture, the first use of a term per section shows its counterpart on keyboard focus', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${served.server.url}#/blog/mo-hinh-ngon-ngu-lon`);
    await page.getByRole('heading', { level: 1, name: 'Mô hình ngôn ngữ lớn' }).waitFor();
    const marked = page.locator('.markdown-body .glossary-term, article .glossary-term');
    await marked.first().waitFor();
    // "Ảo giác (hallucination)" and twice more in the first section, once in the second: one mark per term and
    // section (its counterpart next to it is not marked again).
    assert.deepEqual(await marked.allTextContents(), ['Ảo giác', 'Tinh chỉnh', 'ảo giác']);
    for (let step = 0; step < 60 && (await popover(page)) === 'no term focused'; step++) await page.keyboard.press('Tab');
    assert.equal(await popover(page), '"hallucination"');
    await page.screenshot({ path: screenshotPath('glossary-popover-desktop') });
    // A marked term is still text of the lecture: "Tìm trong bài" counts it like every other use.
    const uses = await page
      .locator('.markdown-body')
      .evaluate((body: HTMLElement) => body.innerText.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split('ao giac').length - 1);
    assert.ok(uses >= 3, `${uses} uses of "ảo giác"`);
    await page.keyboard.press('Control+f');
    const bar = page.getByRole('search', { name: 'Tìm trong bài' });
    await bar.getByRole('searchbox', { name: 'Tìm trong bài' }).fill('ao giac');
    await bar.getByText(`1/${uses}`).waitFor();
    await page.keyboard.press('Escape');
    assert.deepEqual(await seriousViolations(page, 'article'), []);
    await context.close();
  });

  test('phone: the glossary from the drawer, and a tapped term shows its counterpart; English interface', async () => {
    const context = await served.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(served.server.url);
    await page.getByRole('button', { name: 'Mở danh mục' }).click();
    await page.getByRole('navigation', { name: 'Thư viện' }).getByRole('link', { name: 'Thuật ngữ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thuật ngữ' }).waitFor();
    // Following the link closes the drawer: the screenshot waits for it to slide away.
    await page.waitForFunction(() => document.querySelector('.sidebar')!.getBoundingClientRect().right <= 0);
    await page.screenshot({ path: screenshotPath('glossary-phone'), fullPage: true });

    await page.goto(`${served.server.url}#/blog/danh-gia-chatbot`);
    const term = page.locator('article .glossary-term').first();
    await term.tap();
    assert.equal(await popover(page), '"hallucination"');
    await page.screenshot({ path: screenshotPath('glossary-popover-phone') });

    await page.evaluate(() => localStorage.setItem('lecture-reader:settings', JSON.stringify({ language: 'en' })));
    await page.goto(`${served.server.url}#/glossary`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'A–Z English' }).count(), 1);
    await context.close();
  });
});
