/**
 * The lecture Markdown constructs real lectures use, end to end: our own fixture lectures
 * (tests/fixtures/markdown) served by the real `serve` together with the bundled lectures (two folders, as the
 * desktop app opens them), read in real Chromium.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { LectureDetail } from '../../core/common/api.js';
import { browserSkip, launchBrowser, screenshotPath, startServe, type RunningServer } from '../helpers/browser.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { rawLatexOnPage } from '../helpers/markdownPage.js';

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/markdown');
const CONTENT = path.join(PROJECT_ROOT, 'content');
const FORMULAS = 'cong-thuc-trong-bai-giang';
const LAYOUT = 'bo-cuc-va-tieu-de-dac-biet';
const FETCHING = 'bai-giang-co-tai-tai-nguyen-ngoai';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe('lecture Markdown in the reader', { skip: browserSkip }, () => {
  let server: RunningServer;
  let browser: Browser;
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  before(async () => {
    server = await startServe([CONTENT, FIXTURES]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(slug: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, ...options });
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(`${server.url}#/blog/${slug}`);
    // The body is typeset in a worker and put on the page in steps: wait until all of it is there.
    await page.locator('.markdown-body[aria-busy="false"]').waitFor();
    return page;
  }

  async function article(slug: string): Promise<LectureDetail> {
    return (await fetch(`${server.url}api/articles/${slug}`)).json() as Promise<LectureDetail>;
  }

  test('formulas in every delimiter render as KaTeX; nothing after a broken $$ is swallowed', async () => {
    const page = await open(FORMULAS);
    const body = page.locator('.markdown-body');
    assert.equal(await body.locator('.katex-error').count(), 0, 'no KaTeX error');
    assert.deepEqual(await rawLatexOnPage(page), []);
    // \[ … \] on lines of its own, $$ y = \begin{cases} … $$, $$ fences, two one-line $$, the long one.
    assert.equal(await body.locator('.katex-display').count(), 6);
    // \( \mathbf{w} \), \(x_i\), \(\text{elastic_net}\), and the \[ … \] and $$ … $$ written inside a sentence.
    assert.equal(await body.locator('.katex:not(.katex-display .katex)').count(), 5);
    assert.match(
      (await body.locator('.katex-display').nth(1).textContent())!,
      /y = \\begin\{cases\}\n1 & \\text\{nếu \} z/,
      'the cases formula keeps its first line',
    );
    assert.match((await body.textContent())!, /elastic_net/);
    for (const text of [
      'Đoạn văn sau công thức bậc thang vẫn phải hiện ra.',
      'Đoạn văn này đứng sau một dấu đô la đôi không bao giờ đóng và vẫn phải hiện ra.',
      'Dòng cuối cùng của bài: mọi thứ sau công thức hỏng vẫn còn nguyên.',
      'Dấu ngoặc vuông thường vẫn là chữ: mục [3] trong danh sách tham khảo.',
    ]) {
      assert.equal(await body.getByText(text, { exact: true }).count(), 1, text);
    }
    await body.getByRole('heading', { name: 'Phần cuối sau công thức hỏng' }).waitFor();
    assert.match((await body.locator('pre code').textContent())!, /\\\( x \\\) và \$\$ giữ nguyên/);
    // The diagram next to this lecture loads although two library folders are open.
    const image = body.locator('img[alt="Sơ đồ nơ-ron đơn giản"]');
    await page.waitForFunction((element) => (element as HTMLImageElement).complete, await image.elementHandle());
    assert.ok(await image.evaluate((element) => (element as HTMLImageElement).naturalWidth > 0));
    await page.screenshot({ path: screenshotPath('markdown-formulas-desktop'), fullPage: true });
    await page.context().close();
  });

  test('heading ids the core announces are the ids on the page; the table of contents shows text', async () => {
    const page = await open(LAYOUT);
    const { headings } = await article(LAYOUT);
    assert.deepEqual(
      headings.map((heading) => heading.text),
      ['Dùng tar để nén', 'Học nhanh với numpy', '🚀 Mô hình', 'Ví dụ', 'Ví dụ', 'Hàm f(x) = x^2', 'Căn lề'],
    );
    const onPage = await page.locator('.markdown-body :is(h1, h2, h3, h4, h5, h6)').evaluateAll((elements) => elements.map((element) => element.id));
    assert.deepEqual(
      onPage,
      headings.map((heading) => heading.id),
    );
    assert.equal(new Set(onPage).size, onPage.length, 'repeated headings get distinct ids');
    const toc = page.locator('aside.toc a');
    assert.deepEqual(
      await toc.allTextContents(),
      headings.filter((heading) => heading.level <= 3).map((heading) => heading.text),
    );
    assert.deepEqual(
      await toc.evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      headings.map((heading) => `#${heading.id}`),
    );
    await toc.filter({ hasText: 'Ví dụ' }).nth(1).click();
    await page.waitForFunction(() => Math.abs(document.getElementById('ví-dụ-1')!.getBoundingClientRect().top) < 200);
    await page.context().close();
  });

  test('authors’ alignment and sizes are kept as classes; missing images are placeholders at their size', async () => {
    const page = await open(LAYOUT);
    const body = page.locator('.markdown-body');
    const align = (text: string) => body.getByText(text).evaluate((element) => getComputedStyle(element).textAlign);
    assert.equal(await align('Chú thích được căn giữa bằng style.'), 'center');
    assert.equal(await align('Chú thích được căn giữa bằng thuộc tính align.'), 'center');
    assert.equal(await align('Căn phải, màu và nền bị bỏ.'), 'right');
    assert.equal(await body.getByText('Khối bên trái', { exact: true }).evaluate((element) => getComputedStyle(element).float), 'left');
    assert.equal(await body.getByText('Khối bên phải', { exact: true }).evaluate((element) => getComputedStyle(element).float), 'right');
    assert.equal(await body.locator('th', { hasText: 'Cột giữa' }).evaluate((element) => getComputedStyle(element).textAlign), 'center');
    const styled = body.locator('[style]:not(.katex [style], .image-placeholder)');
    assert.deepEqual(
      await styled.evaluateAll((elements) => elements.map((element) => element.outerHTML.slice(0, 120))),
      [],
      'no author style reaches the page',
    );
    const sized = body.locator('img[alt="Sơ đồ thu nhỏ"]');
    await page.waitForFunction((element) => (element as HTMLImageElement).complete, await sized.elementHandle());
    assert.equal(Math.round((await sized.boundingBox())!.width), 300);
    const missing = body.getByRole('img', { name: /Biểu đồ còn thiếu/ });
    const box = (await missing.boundingBox())!;
    assert.deepEqual([Math.round(box.width), Math.round(box.height)], [240, 120]);
    await body.getByRole('img', { name: /hinh-bi-mat\.png/ }).waitFor();
    await page.screenshot({ path: screenshotPath('markdown-layout-desktop'), fullPage: true });
    await page.context().close();
  });

  test('on a phone a long formula scrolls sideways inside itself, reachable and named for the keyboard', async () => {
    const page = await open(FORMULAS, PHONE);
    const long = page.locator('.katex-display').filter({ hasText: 'θ5' }).first();
    await long.scrollIntoViewIfNeeded();
    const metrics = await long.evaluate((element) => ({
      scroll: element.scrollWidth,
      client: element.clientWidth,
      overflow: getComputedStyle(element).overflowX,
    }));
    assert.ok(metrics.scroll > metrics.client, `the formula is wider than the phone (${metrics.scroll} > ${metrics.client})`);
    assert.equal(metrics.overflow, 'auto');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'the page itself does not scroll sideways');
    assert.equal(await long.getAttribute('role'), 'region');
    assert.ok(await long.getAttribute('aria-label'));
    await long.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    await page.waitForFunction((element) => element!.scrollLeft > 0, await long.elementHandle());
    await page.screenshot({ path: screenshotPath('markdown-formulas-phone') });
    await page.context().close();
  });

  test('where no worker can be started, the page typesets the lecture itself, the same way', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript({ content: "window.Worker = function () { throw new Error('workers are not allowed here'); };" });
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(`${server.url}#/blog/${FORMULAS}`);
    await page.locator('.markdown-body[aria-busy="false"]').waitFor();
    assert.equal(await page.locator('.markdown-body .katex-display').count(), 6);
    assert.equal(await page.locator('.markdown-body .katex-error').count(), 0);
    await context.close();
  });

  test('nothing that fetches reaches the page: the content security policy never has to act', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) requests.push(request.url());
    });
    await page.goto(`${server.url}#/blog/${FETCHING}`);
    await page.locator('.markdown-body[aria-busy="false"]').waitFor();
    await page.getByText('Đoạn cuối: văn bản vẫn hiện ra.').waitFor();
    await page.waitForLoadState('networkidle');
    const body = page.locator('.markdown-body');
    assert.equal(
      await body.locator('picture, source, video, audio, track, link, object, embed, iframe, svg, image, [srcset], [poster], [background], [style]').count(),
      0,
    );
    assert.equal(await body.getByText('Đoạn có nền bị bỏ, căn giữa được giữ.').evaluate((element) => getComputedStyle(element).textAlign), 'center');
    assert.deepEqual(requests, []);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    await context.close();
  });

  test('axe: no serious or critical violation on formula and layout lectures at desktop, dark and phone sizes', async () => {
    const runs: [string, BrowserContextOptions][] = [
      ['desktop', {}],
      ['dark', { colorScheme: 'dark' }],
      ['phone', PHONE],
    ];
    for (const [name, options] of runs) {
      for (const slug of [FORMULAS, LAYOUT]) {
        // axe is injected as an inline script, which the app's CSP rightly forbids: this context bypasses it.
        const page = await open(slug, { bypassCSP: true, ...options });
        await page.addScriptTag({ content: axeSource });
        const results = await page.evaluate(() => {
          const axe = (
            window as unknown as {
              axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
            }
          ).axe;
          return axe.run(document, { resultTypes: ['violations'] });
        });
        const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
        assert.deepEqual(
          serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
          [],
          `${slug} (${name})`,
        );
        if (name !== 'desktop')
          await page.screenshot({ path: screenshotPath(`markdown-${slug === FORMULAS ? 'formulas' : 'layout'}-${name}-page`), fullPage: true });
        await page.context().close();
      }
    }
  });
});
