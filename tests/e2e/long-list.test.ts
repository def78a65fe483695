/**
 * End to end: a library of 5,000 lectures through the real `serve` command in real Chromium. The list is
 * virtualized: only a window of cards is on the page, each telling screen readers its place in the whole list;
 * the count is the whole library's; scrolling, or the keyboard (arrows, End), reaches the last lecture with the
 * window still small; focus survives scrolling away; a tag filter and the title sort work on the whole list.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chromium, type Page } from 'playwright-core';
import { browserSkip, CHROMIUM, screenshotPath, seriousAxeViolations } from '../helpers/browser.js';
import { startServeProcess } from '../../scripts/serveProcess.js';
import { servedLibrary } from '../helpers/servedLibrary.js';
import { lecture } from '../helpers/tempLibrary.js';

const COUNT = 5000;
/** Far fewer cards than lectures are ever on the page. */
const WINDOW_AT_MOST = 60;
const files: Record<string, string> = {};
for (let i = 0; i < COUNT; i++) {
  const month = String(1 + (i % 12)).padStart(2, '0');
  files[`phan-${Math.floor(i / 500)}/bai-${i}.md`] = lecture(
    {
      title: `Bài học số ${i}`,
      time: `${month}/15/${1600 + Math.floor(i / 12)}`,
      tags: i % 3 === 0 ? '[ba]' : '[khac]',
      // Cards of different heights: the list measures each one.
      description: i % 4 === 0 ? `Mô tả dài của bài học số ${i}, ${'dữ liệu, mô hình và huấn luyện; '.repeat(6)}` : `Mô tả ngắn ${i}.`,
    },
    `Nội dung của bài học số ${i}.\n`,
  );
}

const cardsOnPage = (page: Page) => page.locator('.cards > li.card').count();
const focusedTitle = (page: Page) => page.evaluate(() => document.activeElement?.closest('li.card')?.querySelector('h2')?.textContent);

describe('a long list', { skip: browserSkip }, () => {
  const served = servedLibrary(files);

  test('a window of cards, every lecture reachable by scrolling and by keyboard, filter and sort over the whole list', { timeout: 240_000 }, async () => {
    const page = await (await served.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })).newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(served.server.url);
    const cards = page.locator('.cards > li.card');
    await cards.first().waitFor({ timeout: 120_000 });
    assert.match((await page.locator('.list-count').textContent())!, /\b5[.,]?000\b/);
    const first = await cardsOnPage(page);
    assert.ok(first > 3 && first <= WINDOW_AT_MOST, `${first} cards on the page of ${COUNT}`);
    // Newest first: the last lecture written is the newest; each card says where it is in the whole list.
    assert.equal(await cards.first().locator('h2').textContent(), `Bài học số ${COUNT - 1}`);
    assert.equal(await cards.first().getAttribute('aria-posinset'), '1');
    assert.equal(await cards.first().getAttribute('aria-setsize'), String(COUNT));
    assert.deepEqual(await seriousAxeViolations(page), []);

    // Scrolling to the bottom of the page shows the oldest lecture, and still only a window of cards.
    const oldest = page.getByRole('link', { name: 'Bài học số 0', exact: true });
    while (!(await oldest.count())) await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    assert.ok((await cardsOnPage(page)) <= WINDOW_AT_MOST);
    assert.equal(await page.locator('.cards > li.card', { has: oldest }).getAttribute('aria-posinset'), String(COUNT));

    // Keyboard: from the first card, ↓ moves to the next one, End to the last one, Home back; Tab goes on from a card.
    await page.evaluate(() => window.scrollTo(0, 0));
    // The list renders the top window after the scroll event: wait for it rather than focus a card still leaving.
    await page.waitForFunction(() => document.querySelector('.cards > li.card')?.getAttribute('aria-posinset') === '1');
    await cards.first().getByRole('link').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedTitle(page), `Bài học số ${COUNT - 2}`);
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Bài học số 0');
    assert.ok((await cardsOnPage(page)) <= WINDOW_AT_MOST, 'the last card reached with a window of cards');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Bài học số 1');
    await page.keyboard.press('Home');
    await page.waitForFunction((title) => document.activeElement?.textContent === title, `Bài học số ${COUNT - 1}`);
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    const tabbed = await focusedTitle(page);
    assert.ok(tabbed && tabbed !== `Bài học số ${COUNT - 1}`, `Tab went down the list (${tabbed})`);
    // The focused card stays on the page while the reader scrolls far away with the mouse.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await page.waitForTimeout(300);
    assert.equal(await focusedTitle(page), tabbed);

    // A filter and the title sort work on the whole list.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /^#ba\b/ })
      .click();
    await page
      .locator('.list-count')
      .filter({ hasText: /\b1[.,]?667\b/ })
      .waitFor();
    assert.ok((await cardsOnPage(page)) <= WINDOW_AT_MOST);
    assert.equal(await cards.first().getAttribute('aria-setsize'), '1667');
    await page.locator('.article-list .sort select').selectOption('title');
    assert.equal(await cards.first().locator('h2').textContent(), 'Bài học số 0');
    await cards.first().getByRole('link').focus();
    await page.keyboard.press('End');
    // Numbers in titles sort by value ("số 3" before "số 1002"): the last of the tag's lectures is the highest.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Bài học số 4998');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('long-list') });
    await page.context().close();
  });
  test('more lectures than one e-book holds: no whole-library book offered, on a classroom address either', { timeout: 120_000 }, async () => {
    const page = await (await served.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(served.server.url);
    await page.locator('.cards > li.card').first().waitFor({ timeout: 120_000 });
    assert.equal(await page.locator('.library-epub').count(), 0);
    await page.context().close();
    // Students reach the classroom by a plain-HTTP name: no offline copy there, and the e-book is offered instead
    // only when there is one.
    const server = await startServeProcess([served.library.root], undefined, ['--allow-host', 'lop.test'], undefined, 120_000);
    const classroom = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP lop.test 127.0.0.1'],
    });
    try {
      const phone = await (await classroom.newContext({ viewport: { width: 390, height: 844 } })).newPage();
      await phone.goto(`http://lop.test:${new URL(server.url).port}/`);
      await phone.locator('.cards > li.card').first().waitFor({ timeout: 120_000 });
      await phone.locator('.offline-copy').waitFor({ state: 'attached' });
      assert.equal(await phone.evaluate(() => isSecureContext), false);
      assert.equal(await phone.locator('.offline-epub').count(), 0, 'no link to a book the server would refuse');
    } finally {
      await classroom.close();
      await server.stop();
    }
  });
});
