/**
 * Hostile lecture HTML in a real browser against the real server: nothing may run, navigate, or reach the
 * network, and the rest of the page keeps working.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkip, launchBrowser, startServe, type RunningServer } from '../helpers/browser.js';
import { PROJECT_ROOT } from '../helpers/cli.js';

const HOSTILE = path.join(PROJECT_ROOT, 'tests/fixtures/hostile');

describe('hostile lecture content', { skip: browserSkip }, () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startServe([HOSTILE]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('XSS payloads stay inert: no script, dialog, navigation or outside request', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const outside: string[] = [];
    const navigations: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await page.goto(server.url + '#/blog/bai-kiem-tra-an-toan');
    await page.getByRole('heading', { level: 1, name: 'Bài kiểm tra an toàn' }).waitFor();
    await page.getByText('Normal paragraph after the payloads.').waitFor();

    // Try the links a student might click.
    await page.getByText('javascript link', { exact: true }).click();
    await page.getByText('markdown javascript link').click();
    await page.getByText('data link', { exact: true }).click();
    await page.getByText('file link', { exact: true }).click();
    await page.waitForTimeout(800);

    assert.deepEqual(dialogs, []);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), undefined);
    assert.deepEqual(outside, []);
    assert.ok(
      navigations.every((url) => url.startsWith(server.url)),
      `navigations: ${navigations.join(', ')}`,
    );
    const body = page.locator('.markdown-body');
    assert.equal(await body.locator('script, iframe, object, embed, form, style, meta, base, svg').count(), 0);
    const dangerous = await body.evaluate((root) =>
      [...root.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes]
          .filter((attribute) => /^on/i.test(attribute.name) || attribute.name === 'style' || /^\s*(javascript|data|file):/i.test(attribute.value))
          .map((attribute) => `${element.tagName}[${attribute.name}=${attribute.value}]`),
      ),
    );
    assert.deepEqual(dangerous, []);
    assert.ok(await page.getByText('Still readable text.').isVisible(), '<details> survives');
    assert.equal(
      await page
        .locator('.cards, .markdown-body')
        .first()
        .evaluate(() => getComputedStyle(document.body).display),
      'block',
      'injected CSS did not hide the page',
    );
    const local = page.getByRole('img', { name: 'local diagram' });
    assert.equal(await local.getAttribute('width'), '1200', 'absurd widths are clamped');
    assert.ok(await page.locator('.image-placeholder').filter({ hasText: 'remote tracker image' }).count(), 'remote images are placeholders, never fetched');
    await page.close();
  });

  test('a missing internal link is reported kindly, a present one opens', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '#/blog/bai-binh-thuong');
    await page.getByRole('link', { name: 'a missing one' }).click();
    await page.getByText('Bài giảng này chưa có trong thư viện của bạn.').waitFor();
    await page.getByRole('link', { name: 'the hostile lecture' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bài kiểm tra an toàn' }).waitFor();
    await page.close();
  });

  test('an SVG opened directly from the asset route cannot run its script', async () => {
    const response = await fetch(`${server.url}assets/0/images/ok.svg`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(response.headers.get('content-security-policy') ?? '', /sandbox/);
    const page = await browser.newPage();
    let dialog = false;
    page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await page.goto(`${server.url}assets/0/images/ok.svg`);
    await page.waitForTimeout(300);
    assert.equal(dialog, false);
    await page.close();
  });
});
