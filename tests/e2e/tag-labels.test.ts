/**
 * End to end: a library that names itself and labels its tags (library.yml), read through the real `serve`
 * command in real Chromium. Readers see the name and the labels; tags stay slugs in addresses.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserSkip, screenshotPath } from '../helpers/browser.js';
import { servedLibrary } from '../helpers/servedLibrary.js';
import { lecture } from '../helpers/tempLibrary.js';

const files = {
  'library.yml': 'name: Thư viện Đạo đức số\ntags:\n  dao-duc: Đạo đức\n  co-ban: Cơ bản\n',
  'quyen-rieng-tu.md': lecture(
    { title: 'Quyền riêng tư khi dùng dữ liệu', time: '04/01/2024', tags: '[dao-duc, co-ban]' },
    'Dữ liệu cá nhân cần được bảo vệ.\n',
  ),
  'cong-bang.md': lecture({ title: 'Công bằng trong mô hình', time: '04/08/2024', tags: '[dao-duc, thong-ke]' }, 'Mô hình không được thiên vị.\n'),
};

describe('library name and tag labels', { skip: browserSkip }, () => {
  const served = servedLibrary(files);

  test('the sidebar, the cards and the lecture header show the labels; a tag without a label keeps its slug', async () => {
    const page = await (await served.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(served.server.url);
    const sidebar = page.getByRole('navigation', { name: 'Thư viện' });
    await sidebar.getByRole('heading', { name: 'Thư viện Đạo đức số' }).waitFor();
    const tagNames = await sidebar.locator('.tag-filter .tag-name').allTextContents();
    assert.deepEqual(tagNames.sort(), ['#thong-ke', 'Cơ bản', 'Đạo đức'].sort());
    const card = page.locator('.cards > li', { hasText: 'Quyền riêng tư khi dùng dữ liệu' });
    assert.deepEqual(await card.locator('.tags .tag').allTextContents(), ['Đạo đức', 'Cơ bản']);
    await page.screenshot({ path: screenshotPath('tag-labels-list') });

    await sidebar.getByRole('button', { name: /^Đạo đức/ }).click();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Đạo đức');
    assert.equal(await page.locator('.cards > li').count(), 2);

    await page.getByRole('link', { name: 'Quyền riêng tư khi dùng dữ liệu' }).click();
    const header = page.getByRole('article').locator('.article-head');
    await header.getByRole('heading', { level: 1, name: 'Quyền riêng tư khi dùng dữ liệu' }).waitFor();
    assert.deepEqual(await header.locator('.tag').allTextContents(), ['Đạo đức', 'Cơ bản']);
    assert.equal(new URL(page.url()).hash, '#/blog/quyen-rieng-tu-khi-dung-du-lieu', 'addresses keep slugs');
    await page.context().close();
  });
});
