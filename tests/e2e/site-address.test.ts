/**
 * End to end: `/blog/<slug>` addresses (and the sidebar's offline line) from the lecture website, typed into the address bar of real Chromium,
 * against the real `serve` command over a library of our own.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, screenshotPath } from '../helpers/browser.js';
import { servedLibrary } from '../helpers/servedLibrary.js';
import { lecture } from '../helpers/tempLibrary.js';

const filler = Array.from({ length: 40 }, (_, i) => `Đoạn ${i + 1}: học máy cần dữ liệu sạch, nhãn đúng và kiểm tra cẩn thận.\n`).join('\n');
const files = {
  'cay-quyet-dinh.md': lecture(
    { title: 'Cây quyết định cho người mới', time: '03/02/2024', tags: '[hoc-may]' },
    `## Mở đầu\n\n${filler}\n## Chia nút theo entropy\n\nEntropy đo độ lẫn lộn của các nhãn.\n\n${filler}`,
  ),
  'rung-ngau-nhien.md': lecture(
    { title: 'Rừng ngẫu nhiên', time: '03/09/2024', tags: '[hoc-may]' },
    'Nhiều cây quyết định bỏ phiếu.\n\n![Sơ đồ rừng](images/rung.svg)\n\n![Ảnh chưa tải](https://raw.githubusercontent.com/khong-co/kho/main/anh.png)\n',
  ),
  'images/rung.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
};

describe('lecture-site addresses', { skip: browserSkip }, () => {
  const served = servedLibrary(files);

  /** A fresh page that fails the test on a script error or on any request the reader could not load. */
  async function freshPage(): Promise<Page> {
    const page = await (await served.browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    page.on('response', (response) => {
      const kind = response.request().resourceType();
      if (kind !== 'fetch' && kind !== 'xhr') assert.ok(response.status() < 400, `${response.status()} for ${response.url()}`);
    });
    page.on('requestfailed', (request) => assert.fail(`request failed: ${request.url()}`));
    return page;
  }

  test('/blog/<slug> opens the lecture', async () => {
    for (const address of ['blog/cay-quyet-dinh-cho-nguoi-moi', 'blog/cay-quyet-dinh-cho-nguoi-moi/']) {
      const page = await freshPage();
      await page.goto(served.server.url + address);
      await page.getByRole('article').getByRole('heading', { level: 1, name: 'Cây quyết định cho người mới' }).waitFor();
      assert.equal(new URL(page.url()).hash, '#/blog/cay-quyet-dinh-cho-nguoi-moi');
      assert.equal(new URL(page.url()).search, '', 'the address becomes the reader’s own route');
      await page.context().close();
    }
  });

  test('/blog/<slug>#heading opens the lecture at that section', async () => {
    // The heading's own id (diacritics kept, as the reader assigns it), and the same without diacritics.
    for (const anchor of ['chia-n%C3%BAt-theo-entropy', 'chia-nut-theo-entropy']) {
      const page = await freshPage();
      await page.goto(`${served.server.url}blog/cay-quyet-dinh-cho-nguoi-moi#${anchor}`);
      await page.getByRole('heading', { level: 2, name: 'Chia nút theo entropy' }).waitFor();
      await page.waitForFunction(() => {
        const top = document.getElementById('chia-nút-theo-entropy')?.getBoundingClientRect().top ?? -1;
        return window.scrollY > 500 && top >= 0 && top < 200;
      });
      assert.equal(decodeURIComponent(new URL(page.url()).hash), `#/blog/cay-quyet-dinh-cho-nguoi-moi/${decodeURIComponent(anchor)}`);
      await page.context().close();
    }
  });

  test('the sidebar says in plain words what can be read without internet', async () => {
    const page = await freshPage();
    await page.goto(served.server.url);
    const status = page.getByRole('navigation', { name: 'Thư viện' }).locator('.offline-status');
    await status.waitFor();
    await page.screenshot({ path: screenshotPath('sidebar-offline-line') });
    assert.equal(await status.textContent(), 'Đọc được mọi bài giảng khi không có mạng; 1 trong 2 hình ảnh chưa được tải về nên chỉ hiện lời mô tả.');
    await page.context().close();
  });

  test('a lecture not in the library offers a way back and lectures with the slug’s words', async () => {
    const page = await freshPage();
    await page.goto(`${served.server.url}blog/rung-ngau-nhien-nang-cao`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy bài giảng' }).waitFor();
    const suggestion = page.getByRole('main').getByRole('link', { name: 'Rừng ngẫu nhiên' });
    await suggestion.waitFor();
    await page.screenshot({ path: screenshotPath('missing-lecture'), fullPage: false });
    await suggestion.click();
    await page.getByRole('article').getByRole('heading', { level: 1, name: 'Rừng ngẫu nhiên' }).waitFor();
    await page.goBack();
    await page
      .getByRole('main')
      .getByRole('link', { name: /Tất cả bài giảng/ })
      .click();
    await page.locator('.cards > li').first().waitFor();
    assert.equal(await page.locator('.cards > li').count(), 2);
    await page.context().close();
  });
});
