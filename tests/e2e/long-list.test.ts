/**
 * End to end: a library of 600 lectures through the real `serve` command in real Chromium. The list paints its
 * first cards without building all of them; the count is the whole library's; scrolling or tabbing to the end
 * reaches every lecture; a tag filter and the title sort work on the whole list and start again from the top.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserSkip, screenshotPath } from '../helpers/browser.js';
import { servedLibrary } from '../helpers/servedLibrary.js';
import { lecture } from '../helpers/tempLibrary.js';

const COUNT = 600;
const files: Record<string, string> = {};
for (let i = 0; i < COUNT; i++) {
  const month = String(1 + (i % 12)).padStart(2, '0');
  files[`phan-${Math.floor(i / 100)}/bai-${i}.md`] = lecture(
    { title: `Bài học số ${i}`, time: `${month}/15/${2000 + Math.floor(i / 12)}`, tags: i % 3 === 0 ? '[ba]' : '[khac]' },
    `Nội dung của bài học số ${i}.\n`,
  );
}

describe('a long list', { skip: browserSkip }, () => {
  const served = servedLibrary(files);

  test('first cards at once, every lecture reachable, filter and sort over the whole list', async () => {
    const page = await (await served.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(served.server.url);
    const cards = page.locator('.cards > li.card');
    await cards.first().waitFor();
    assert.match((await page.locator('.list-count').textContent())!, /\b600\b/);
    const first = await cards.count();
    assert.ok(first > 0 && first < COUNT, `${first} cards built of ${COUNT}`);
    // Newest first: the last lecture written is the newest.
    assert.equal(await cards.first().locator('h2').textContent(), `Bài học số ${COUNT - 1}`);
    await page.screenshot({ path: screenshotPath('long-list') });

    // Scrolling down builds the rest, until the oldest lecture is there.
    const oldest = page.getByRole('link', { name: 'Bài học số 0', exact: true });
    while (!(await oldest.count())) await cards.last().evaluate((card) => card.scrollIntoView());
    assert.equal(await cards.count(), COUNT);

    // A filter starts again from the first cards, over every lecture with the tag.
    await cards.first().evaluate((card) => card.scrollIntoView());
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /^#ba\b/ })
      .click();
    assert.match((await page.locator('.list-count').textContent())!, /\b200\b/);
    assert.ok((await cards.count()) < 200);
    await page.locator('.article-list .sort select').selectOption('title');
    assert.equal(await cards.first().locator('h2').textContent(), 'Bài học số 0');

    // Keyboard: tabbing down the list builds the next cards too.
    const before = await cards.count();
    await cards.last().getByRole('link').focus();
    await page.keyboard.press('Tab');
    await page.waitForFunction((count) => document.querySelectorAll('.cards > li.card').length > count, before);
    await page.context().close();
  });
});
