/**
 * A huge lecture (1,200 sections with formulas) through the real `serve` in real Chromium: it is put on the page in
 * steps laid out lazily, yet a jump to its last section, a search hit in it and the find bar land on the place, and
 * printing lays out all of it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { LectureDetail } from '../../core/common/api.js';
import { browserSkip } from '../helpers/browser.js';
import { servedLibrary } from '../helpers/servedLibrary.js';
import { lecture } from '../helpers/tempLibrary.js';

const SECTIONS = 1200;
const LAST_WORD = 'chimcanhcutcuoicung';
const body = Array.from(
  { length: SECTIONS },
  (_, i) =>
    `## Phần ${i}\n\nĐoạn thứ ${i} bàn về trọng số $w_{${i}}^2 + b$ và dữ liệu huấn luyện.` +
    (i % 10 === 0 ? `\n\n$$\n\\sum_{k=1}^{${i}} w_k x_k\n$$` : '') +
    (i === SECTIONS - 1 ? ` Từ riêng của phần cuối: ${LAST_WORD}.` : '') +
    '\n',
).join('\n');

/** Whether the element or text range is (at least partly) in the window. */
const inView = (rect: { top: number; bottom: number }, height: number) => rect.bottom > 0 && rect.top < height;

async function lastWordRect(page: Page) {
  return page.evaluate((word) => {
    const walker = document.createTreeWalker(document.querySelector('.markdown-body')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const { top, bottom } = range.getBoundingClientRect();
      return { top, bottom, height: window.innerHeight };
    }
    return null;
  }, LAST_WORD);
}

describe('a huge lecture', { skip: browserSkip }, () => {
  const served = servedLibrary({ 'rat-dai.md': lecture({ title: 'Bài rất dài', time: '01/02/2024' }, body) });

  async function open(hash: string): Promise<Page> {
    const page = await (await served.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(`${served.server.url}${hash}`);
    await page.waitForFunction(() => document.querySelector('.markdown-body[aria-busy="false"]'), null, { polling: 200, timeout: 180_000 });
    return page;
  }

  test('put on the page in lazily laid-out steps; a jump to the last section lands there', { timeout: 240_000 }, async () => {
    const detail = (await (await fetch(`${served.server.url}api/articles/bai-rat-dai`)).json()) as LectureDetail;
    const last = detail.headings.at(-1)!;
    assert.equal(last.text, `Phần ${SECTIONS - 1}`);
    const page = await open(`#/blog/bai-rat-dai/${encodeURIComponent(last.id)}`);
    const steps = page.locator('.markdown-body .huge-lecture > .lecture-step');
    assert.ok((await steps.count()) > 8, `${await steps.count()} steps`);
    assert.equal(await steps.first().evaluate((step) => getComputedStyle(step).contentVisibility), 'auto');
    // Every heading is there with the id the core announced.
    assert.equal(await page.locator('.markdown-body h2[id]').count(), SECTIONS);
    await page.waitForTimeout(500);
    const heading = await page.locator(`[id="${last.id}"]`).evaluate((element) => {
      const { top, bottom } = element.getBoundingClientRect();
      return { top, bottom, height: window.innerHeight };
    });
    assert.ok(inView(heading, heading.height), `the last heading is on screen: ${JSON.stringify(heading)}`);
    assert.ok((await page.evaluate(() => window.scrollY)) > 10_000, 'far down the page');
    await page.context().close();
  });

  test('a search hit in the last section, and the find bar, show the word', { timeout: 240_000 }, async () => {
    const page = await open('#/blog/bai-rat-dai');
    assert.ok(!inView((await lastWordRect(page))!, 800), 'the word starts off screen');
    await page.keyboard.press('Control+f');
    await page.keyboard.type(LAST_WORD);
    await page.waitForFunction(
      (word) => {
        const text = [...document.querySelectorAll('.markdown-body h2')].at(-1)!.nextElementSibling!;
        const { top, bottom } = text.getBoundingClientRect();
        return text.textContent!.includes(word) && bottom > 0 && top < window.innerHeight;
      },
      LAST_WORD,
      { timeout: 30_000 },
    );
    await page.keyboard.press('Escape');

    // From the search box: Enter opens the best hit at its section, with the word on screen.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('combobox', { name: 'Tìm kiếm bài giảng' }).fill(LAST_WORD);
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('/blog/bai-rat-dai/'));
    await page.waitForFunction(() => document.querySelector('.markdown-body[aria-busy="false"]'), null, { polling: 200, timeout: 180_000 });
    await page.waitForTimeout(500);
    const rect = (await lastWordRect(page))!;
    assert.ok(inView(rect, rect.height), `the searched word is on screen: ${JSON.stringify(rect)}`);
    await page.context().close();
  });

  test('printing lays out every step', { timeout: 240_000 }, async () => {
    const page = await open('#/blog/bai-rat-dai');
    await page.emulateMedia({ media: 'print' });
    assert.equal(
      await page
        .locator('.markdown-body .lecture-step')
        .last()
        .evaluate((step) => getComputedStyle(step).contentVisibility),
      'visible',
    );
    await page.context().close();
  });
});
