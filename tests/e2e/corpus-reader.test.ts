/**
 * End to end on the real corpus: `serve` over ../shared/corpus, real images from disk, real Chromium.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, launchBrowser, screenshotPath, startServe, type RunningServer } from '../helpers/browser.js';
import { CORPUS } from '../helpers/tempLibrary.js';

const DATA_ENGINEER = path.join(CORPUS, 'data-engineer-lectures');
const AI = path.join(CORPUS, 'ai-lectures');
const skip = browserSkip || (existsSync(DATA_ENGINEER) ? false : `the real corpus is not at ${CORPUS}`);

describe('reader on the real corpus', { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  const external: string[] = [];
  before(async () => {
    server = await startServe([DATA_ENGINEER, AI]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openPage(hash = '#/'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) external.push(request.url());
    });
    await page.goto(server.url + hash);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    return page;
  }

  test('tags and their counts; filtering by one', async () => {
    const page = await openPage();
    // The list is virtualized: each card says how many there are.
    assert.equal(await page.locator('.cards > li').first().getAttribute('aria-setsize'), '20');
    const sidebar = page.getByRole('navigation');
    const hadoop = sidebar.getByRole('button', { name: /#hadoop/ });
    assert.match((await hadoop.textContent())!, /6$/);
    await hadoop.click();
    await page.locator('.cards > li[aria-setsize="6"]').first().waitFor();
    assert.equal(await page.locator('.cards > li').count(), 6);
    const titles = await page.locator('.cards h2').allTextContents();
    assert.ok(titles.includes('Nền tảng streaming phân tán Apache Kafka'));
    await page.close();
  });

  test('an article with its images loaded from the library folder, not the internet', async () => {
    const page = await openPage('#/blog/he-thong-tep-phan-tan-hadoop-distributed-file-system-hdfs');
    await page.getByRole('heading', { level: 1, name: /Hadoop Distributed File System/ }).waitFor();
    await page.locator('.markdown-body[aria-busy="false"]').waitFor();
    const images = page.locator('.markdown-body img');
    assert.ok((await images.count()) >= 3);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await page.waitForFunction((element) => (element as HTMLImageElement).complete, await image.elementHandle());
      assert.ok((await image.evaluate((element) => (element as HTMLImageElement).naturalWidth)) > 0, `image ${await image.getAttribute('src')} loaded`);
      assert.match((await image.getAttribute('src'))!, /^\/assets\/0\//);
    }
    assert.ok(await page.locator('img.banner').evaluate((element) => (element as HTMLImageElement).naturalWidth > 0));
    await page.screenshot({ path: screenshotPath('corpus-article-light-desktop') });
    await page.close();
  });

  test('images not available offline show a placeholder with their alt text', async () => {
    const page = await openPage('#/blog/mo-hinh-transformer');
    await page.getByRole('heading', { level: 1, name: 'Mô hình Transformer' }).waitFor();
    assert.ok((await page.locator('.image-placeholder').count()) > 0);
    assert.equal(await page.locator('.markdown-body img').count(), 0);
    await page.close();
  });

  test('math: KaTeX renders the logistic regression lecture, display math after list items included', async () => {
    const page = await openPage('#/blog/mo-hinh-hoi-quy-logistic-logistic-regression');
    await page.getByRole('article').waitFor();
    // The body is typeset in a worker and put on the page in steps: counted once all of it is there.
    await page.locator('.markdown-body[aria-busy="false"]').waitFor();
    assert.ok((await page.locator('.markdown-body .katex-display').count()) > 5);
    assert.equal(await page.locator('.markdown-body .katex-error').count(), 0);
    const raw = await page.locator('.markdown-body').evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const leftovers: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.katex, pre, code')) continue;
        if (/\$\$|\\frac|\\sum/.test(node.textContent ?? '')) leftovers.push(node.textContent!.slice(0, 80));
      }
      return leftovers;
    });
    assert.deepEqual(raw, [], 'no TeX source left unrendered');
    await page.close();
  });

  test('internal links: a known lecture opens, a missing one says so kindly', async () => {
    const page = await openPage('#/blog/series-big-data-co-ban');
    await page.locator('.markdown-body[aria-busy="false"]').waitFor();
    await page
      .getByRole('link', { name: /Bài 6: Framework xử lý dữ liệu Hadoop Map Reduce/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Framework xử lý dữ liệu Hadoop Map Reduce' }).waitFor();
    await page.goto(server.url + '#/blog/mo-hinh-luu-tru-du-lieu-va-quy-trinh-xu-ly-du-lieu');
    await page.getByRole('heading', { level: 1, name: /Mô hình lưu trữ dữ liệu/ }).waitFor();
    await page.locator('.markdown-body[aria-busy="false"]').waitFor();
    await page.getByRole('link', { name: 'Hệ quản trị cơ sở dữ liệu quan hệ (RDBMS)' }).click();
    await page.getByText('Bài giảng này chưa có trong thư viện của bạn.').waitFor();
    assert.match(page.url(), /mo-hinh-luu-tru-du-lieu-va-quy-trinh-xu-ly-du-lieu$/);
    await page.close();
  });

  for (const [query, slug, heading] of [
    ['kafka', 'nen-tang-streaming-phan-tan-apache-kafka', null],
    ['hệ thống tệp phân tán', 'he-thong-tep-phan-tan-hadoop-distributed-file-system-hdfs', null],
    ['he thong tep phan tan', 'he-thong-tep-phan-tan-hadoop-distributed-file-system-hdfs', null],
  ] as const) {
    test(`search "${query}" opens the right lecture at its section`, async () => {
      const page = await openPage();
      const box = page.getByRole('combobox', { name: 'Tìm kiếm bài giảng' });
      await box.pressSequentially(query, { delay: 15 });
      const first = page.getByRole('option').first();
      await page.waitForFunction(
        (q) => document.querySelector('[role=option]') && (document.querySelector('input[type=search]') as HTMLInputElement).value === q,
        query,
      );
      await page.waitForTimeout(150);
      const section =
        (await first
          .locator('.hit-section')
          .textContent()
          .catch(() => null)) ?? heading;
      await box.press('Enter');
      await page.waitForURL(new RegExp(`#/blog/${slug}`));
      await page.getByRole('article').waitFor();
      if (section) {
        const heading = await page.getByRole('heading', { name: section, exact: true }).first().elementHandle();
        const onScreen = await page
          .waitForFunction(
            (element) => {
              const top = (element as Element).getBoundingClientRect().top;
              return top >= 0 && top < innerHeight;
            },
            heading,
            { timeout: 3000 },
          )
          .then(
            () => true,
            () => false,
          );
        assert.ok(onScreen, `section "${section}" is on screen`);
      }
      await page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit')?.size ?? 0) > 0);
      await page.close();
    });
  }

  test('nothing was fetched from outside the local server', () => {
    assert.deepEqual(external, []);
  });
});
