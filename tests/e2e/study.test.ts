/**
 * The study companion end to end, in browser mode (the real `serve` command over a library of our own, real
 * Chromium): progress and "Đọc tiếp", highlights that survive a reload and an edit of the lecture file, notes,
 * "Ghi chú của tôi" with export → another browser → import, find in lecture, code copy (secure and insecure
 * origins), the image viewer, and axe on every new screen.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { browserSkip, CHROMIUM, screenshotPath } from '../helpers/browser.js';
import { servedLibrary } from '../helpers/servedLibrary.js';
import { lecture } from '../helpers/tempLibrary.js';
import { startServeProcess } from '../../scripts/serveProcess.js';

const filler = (topic: string) =>
  Array.from({ length: 30 }, (_, i) => `Đoạn ${i + 1} về ${topic}: mỗi bước nhỏ đều cần kiểm tra lại kết quả trên tập dữ liệu riêng.\n`).join('\n');
const PASSAGE = 'Gradient descent đi ngược hướng đạo hàm để giảm hàm mất mát';
const PYTHON = 'def buoc(w, g, eta=0.1):\n    return w - eta * g';
const gradientBody = [
  '## Ý tưởng',
  '',
  `Ta bắt đầu từ một điểm bất kỳ. ${PASSAGE} từng bước nhỏ, cho tới khi không giảm được nữa.`,
  '',
  '![Sơ đồ ba bước đi xuống dốc](hinh/doc.svg)',
  '',
  filler('tốc độ học'),
  '## Mã',
  '',
  '```python',
  PYTHON,
  '```',
  '',
  '```dockerfile',
  'FROM python:3.12-slim',
  'RUN pip install numpy',
  '```',
  '',
  '```bash',
  'echo "huấn luyện" && python train.py --epochs 3',
  '```',
  '',
  '<details><summary>Câu hỏi nhanh</summary>',
  '',
  'Đáp án: luôn đánh giá trên dữ liệu kiểm tra.',
  '',
  '</details>',
  '',
  filler('hội tụ'),
].join('\n');
const files = {
  'gradient.md': lecture({ title: 'Gradient từng bước', time: '05/03/2024', tags: '[toi-uu]' }, gradientBody),
  'du-lieu.md': lecture({ title: 'Dữ liệu sạch trước tiên', time: '01/02/2024', tags: '[du-lieu]' }, `## Làm sạch\n\n${filler('dữ liệu')}`),
  'hinh/doc.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#8ab"/></svg>',
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page, selector = 'body'): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async (scope) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Element, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return axe.run(document.querySelector(scope)!, { resultTypes: ['violations'] });
  }, selector);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The text of each range of a CSS highlight the page draws, or [] when it draws none. */
function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((key) => [...(CSS.highlights.get(key) ?? [])].map((range) => (range as Range).toString()), name);
}

/** Selects the first occurrence of `text` in the lecture body, as a student dragging over it would. */
async function select(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const body = document.querySelector('.markdown-body')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`not in the lecture: ${wanted}`);
  }, text);
}

describe('study companion in the browser', { skip: browserSkip }, () => {
  const served = servedLibrary(files);
  /** Every request any page of these tests sent, with its body: reading data must never be in one. */
  const requests: string[] = [];

  async function newPage(context?: BrowserContext, viewport = { width: 1366, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await (context ?? (await served.browser.newContext({ viewport, colorScheme, acceptDownloads: true, bypassCSP: true }))).newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(`${request.url()} ${request.postData() ?? ''}`));
    await page.goto(served.server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  async function openLecture(page: Page, title: string): Promise<void> {
    await page.getByRole('link', { name: title }).first().click();
    await page.getByRole('article').getByRole('heading', { level: 1, name: title }).waitFor();
    // The body is typeset in steps (more of them on a loaded machine): everything below reads the whole of it.
    await page.locator('.markdown-body[aria-busy="false"]').waitFor();
  }

  const savedData = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('lecture-reader:reading-data') ?? 'null'));

  test('progress: marked on the card, filterable, and "Đọc tiếp" reopens the exact place after a reload', async () => {
    const page = await newPage();
    await openLecture(page, 'Gradient từng bước');
    // The wheel, as a student scrolls (a script's scroll would be undone by the reader while images load).
    await page.mouse.move(600, 500);
    const half = await page.evaluate(() => (document.documentElement.scrollHeight - innerHeight) * 0.5);
    await page.mouse.wheel(0, half);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 5, half);
    await page.waitForFunction(
      () => (JSON.parse(localStorage.getItem('lecture-reader:reading-data') ?? '{}').progress?.['gradient-tung-buoc']?.position ?? 0) > 0.45,
    );
    const before = await page.evaluate(() => window.scrollY);
    await page.goto(served.server.url);
    const card = page.locator('.cards > li', { hasText: 'Gradient từng bước' });
    await card.getByText('Đã đọc 50 %').waitFor();
    await page.getByLabel('Tiến độ').selectOption('reading');
    await page.locator('.cards > li').nth(1).waitFor({ state: 'detached' });
    assert.equal(await page.locator('.cards > li').count(), 1);
    await page.getByLabel('Tiến độ').selectOption('unread');
    assert.deepEqual(await page.locator('.cards > li h2').allTextContents(), ['Dữ liệu sạch trước tiên']);
    await page.getByLabel('Tiến độ').selectOption('all');
    const row = page.getByRole('region', { name: 'Đọc tiếp' });
    assert.deepEqual(await page.getByRole('navigation', { name: 'Thư viện' }).getByRole('region', { name: 'Gần đây' }).getByRole('link').allTextContents(), [
      'Gradient từng bước',
    ]);
    assert.deepEqual(await violationsOf(page), []);
    await page.screenshot({ path: screenshotPath('study-home-light-desktop') });
    await row.getByRole('link', { name: /Gradient từng bước/ }).click();
    await page.getByRole('article').getByRole('heading', { level: 1, name: 'Gradient từng bước' }).waitFor();
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 150, before);
    await page.context().close();
  });

  const violationsOf = (page: Page, selector?: string) => seriousViolations(page, selector);

  test('bookmark, highlight and note: drawn again after a reload and after the lecture file is edited; a lost one is listed', async () => {
    const page = await newPage();
    await openLecture(page, 'Gradient từng bước');
    const bookmark = page.getByRole('button', { name: 'Đánh dấu bài giảng' });
    assert.equal(await bookmark.getAttribute('aria-pressed'), 'false');
    await bookmark.click();
    assert.equal(await bookmark.getAttribute('aria-pressed'), 'true');
    await page
      .getByRole('navigation', { name: 'Thư viện' })
      .getByRole('region', { name: /Đã đánh dấu/ })
      .getByRole('link', { name: 'Gradient từng bước' })
      .waitFor();

    await select(page, PASSAGE);
    const toolbar = page.getByRole('toolbar', { name: 'Tô sáng đoạn đã chọn' });
    assert.deepEqual(await violationsOf(page, '.reader-layout'), []);
    await page.screenshot({ path: screenshotPath('study-selection-toolbar-light-desktop') });
    await toolbar.getByRole('button', { name: 'Tô sáng: xanh lá' }).click();
    assert.deepEqual(await painted(page, 'reading-green'), [PASSAGE]);

    await select(page, 'luôn đánh giá trên dữ liệu kiểm tra');
    await toolbar.getByRole('button', { name: 'Ghi chú' }).click();
    const editor = page.getByRole('dialog', { name: 'Ghi chú' });
    await editor.getByLabel('Nội dung ghi chú').fill('Không bao giờ chấm điểm trên dữ liệu huấn luyện.');
    assert.deepEqual(await violationsOf(page, '.note-editor'), []);
    await editor.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await editor.waitFor({ state: 'detached' });
    assert.deepEqual(await painted(page, 'reading-yellow'), ['luôn đánh giá trên dữ liệu kiểm tra']);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('lecture-reader:reading-data') ?? '{}').highlights?.length === 2);

    await page.reload();
    await page.getByRole('article').getByRole('heading', { level: 1, name: 'Gradient từng bước' }).waitFor();
    await page.waitForFunction(() => CSS.highlights.get('reading-green')?.size === 1);
    assert.deepEqual(await painted(page, 'reading-green'), [PASSAGE]);

    // The teacher edits the lecture: a sentence added before the passage, one word changed inside it, and the
    // quiz answer rewritten so that note's passage is gone.
    served.library.write(
      'gradient.md',
      files['gradient.md']
        .replace('Ta bắt đầu', 'Câu mới thêm vào đầu đoạn. Ta bắt đầu')
        .replace('để giảm hàm mất mát', 'nhằm giảm hàm mất mát')
        .replace('Đáp án: luôn đánh giá trên dữ liệu kiểm tra.', 'Đáp án: tách riêng một phần dữ liệu.'),
    );
    // Another day: the edited lecture is loaded afresh. (The browser's HTTP cache is cleared: an open reader
    // can briefly be given the cached old lecture after an edit, a server caching matter outside this test.)
    await (await page.context().newCDPSession(page)).send('Network.clearBrowserCache');
    await page.reload();
    await page.getByText('Câu mới thêm vào đầu đoạn.', { exact: false }).waitFor();
    // Drawn by an effect after the new text is shown: wait for the redraw, then check it.
    await page
      .waitForFunction(() => [...CSS.highlights.get('reading-green')!].some((range) => (range as Range).toString().includes('nhằm')), undefined, {
        timeout: 5000,
      })
      .catch(() => undefined);
    assert.deepEqual(await painted(page, 'reading-green'), ['Gradient descent đi ngược hướng đạo hàm nhằm giảm hàm mất mát']);
    const lost = page.getByRole('region', { name: 'Tô sáng không còn tìm thấy trong bài' });
    await lost.getByText('luôn đánh giá trên dữ liệu kiểm tra').waitFor();
    await lost.getByText('Không bao giờ chấm điểm trên dữ liệu huấn luyện.').waitFor();
    served.library.write('gradient.md', files['gradient.md']);
    await page.context().close();
  });

  test('"Ghi chú của tôi": grouped and filterable; Markdown export; JSON export → another browser → import restores everything', async () => {
    const page = await newPage();
    await openLecture(page, 'Gradient từng bước');
    await page.getByRole('button', { name: 'Đánh dấu bài giảng' }).click();
    await select(page, PASSAGE);
    await page.getByRole('toolbar', { name: 'Tô sáng đoạn đã chọn' }).getByRole('button', { name: 'Tô sáng: hồng' }).click();
    await select(page, 'luôn đánh giá trên dữ liệu kiểm tra');
    await page.getByRole('toolbar', { name: 'Tô sáng đoạn đã chọn' }).getByRole('button', { name: 'Ghi chú' }).click();
    await page.getByLabel('Nội dung ghi chú').fill('Ghi nhớ tạm');
    await page.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await page
      .getByRole('navigation', { name: 'Thư viện' })
      .getByRole('link', { name: /Ghi chú của tôi/ })
      .click();
    const notes = page.getByRole('region', { name: 'Ghi chú của tôi' });
    const group = notes.getByRole('region', { name: 'Gradient từng bước' });
    // The notes page renders after the click: wait for it before counting (count() does not wait).
    await group.getByRole('listitem').nth(1).waitFor();
    assert.equal(await group.getByRole('listitem').count(), 2);
    await notes.getByLabel('Lọc ghi chú').fill('du lieu kiem tra');
    await group.getByRole('listitem').nth(1).waitFor({ state: 'detached' });
    assert.equal(await group.getByRole('listitem').count(), 1, 'filter ignores diacritics');
    await notes.getByLabel('Lọc ghi chú').fill('');
    await group.getByRole('button', { name: 'Sửa ghi chú' }).last().click();
    await page.getByRole('dialog', { name: 'Ghi chú' }).getByLabel('Nội dung ghi chú').fill('Ghi nhớ: tập kiểm tra để riêng.');
    await page.getByRole('dialog', { name: 'Ghi chú' }).getByRole('button', { name: 'Lưu ghi chú' }).click();
    await group.getByText('Ghi nhớ: tập kiểm tra để riêng.').waitFor();
    assert.deepEqual(await violationsOf(page), []);
    await page.screenshot({ path: screenshotPath('study-notes-light-desktop') });

    const [markdown] = await Promise.all([page.waitForEvent('download'), notes.getByRole('button', { name: 'Xuất Markdown' }).click()]);
    const markdownText = readFileSync((await markdown.path())!, 'utf8');
    assert.match(markdownText, /^# Ghi chú của tôi/);
    assert.ok(markdownText.includes(`## [Gradient từng bước](${served.server.url}#/blog/gradient-tung-buoc)`), markdownText);
    assert.ok(markdownText.includes(`> ${PASSAGE}`));
    assert.ok(markdownText.includes('Ghi nhớ: tập kiểm tra để riêng.'));

    await page.waitForFunction(() => (localStorage.getItem('lecture-reader:reading-data') ?? '').includes('Ghi nhớ: tập kiểm tra để riêng.'));
    const [json] = await Promise.all([page.waitForEvent('download'), notes.getByRole('button', { name: 'Xuất dữ liệu đọc (JSON)' }).click()]);
    const exported = await savedData(page);
    assert.deepEqual(JSON.parse(readFileSync((await json.path())!, 'utf8')), exported);

    // Another computer: a fresh browser profile, nothing saved; a damaged file changes nothing; the export restores all.
    const other = await newPage(await served.browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true }));
    await other.goto(`${served.server.url}#/notes`);
    const otherNotes = other.getByRole('region', { name: 'Ghi chú của tôi' });
    await otherNotes.getByText('Chưa có tô sáng hay ghi chú nào.', { exact: false }).waitFor();
    await otherNotes.getByLabel('Nhập dữ liệu đọc (JSON)').setInputFiles({
      name: 'hong.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version":1,"progress":{},"bookmarks":[],"highlights":[{"id":"x"}]}'),
    });
    await other.getByText('Không nhập được tệp này', { exact: false }).waitFor();
    await otherNotes.getByLabel('Nhập dữ liệu đọc (JSON)').setInputFiles((await json.path())!);
    await other.getByText('Đã nhập dữ liệu đọc: 2 tô sáng và ghi chú.').waitFor();
    await other.waitForFunction(() => JSON.parse(localStorage.getItem('lecture-reader:reading-data') ?? '{}').highlights?.length === 2);
    assert.deepEqual(await savedData(other), exported);
    await otherNotes.getByRole('link', { name: 'Mở trong bài' }).first().click();
    await other.getByRole('article').getByRole('heading', { level: 1, name: 'Gradient từng bước' }).waitFor();
    await other.waitForFunction(() => CSS.highlights.get('reading-pink')?.size === 1);
    assert.equal(await other.getByRole('button', { name: 'Đánh dấu bài giảng' }).getAttribute('aria-pressed'), 'true');

    // The notes stayed in the browsers: no request to the server carried any of them.
    for (const request of requests) assert.ok(!request.includes('Ghi nhớ') && !request.includes('reading-data') && !request.includes('highlights'), request);
    await page.context().close();
    await other.context().close();
  });

  test('find in lecture: Ctrl+F, diacritic-insensitive count, next/previous, a closed quiz opened', async () => {
    const page = await newPage();
    await openLecture(page, 'Gradient từng bước');
    await page.keyboard.press('Control+f');
    const bar = page.getByRole('search', { name: 'Tìm trong bài' });
    const field = bar.getByRole('searchbox', { name: 'Tìm trong bài' });
    await field.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Tìm trong bài');
    await field.fill('du lieu kiem tra');
    await bar.getByText('1/1').waitFor();
    assert.equal(
      await page.locator('.markdown-body details').evaluate((details: HTMLDetailsElement) => details.open),
      true,
      'the quiz holding the match is opened',
    );
    assert.deepEqual(await painted(page, 'find-current'), ['dữ liệu kiểm tra']);
    await field.fill('Đoạn 1');
    // "Đoạn 1", "Đoạn 10"…"Đoạn 19" in each of the two filler sections.
    await bar.getByText('1/22').waitFor();
    await field.press('Enter');
    await bar.getByText('2/22').waitFor();
    await bar.getByRole('button', { name: 'Kết quả trước' }).click();
    await bar.getByRole('button', { name: 'Kết quả trước' }).click();
    await bar.getByText('22/22').waitFor();
    await bar.getByRole('button', { name: 'Kết quả sau' }).click();
    await bar.getByText('1/22').waitFor();
    assert.deepEqual(await violationsOf(page, '.reader-layout'), []);
    await page.screenshot({ path: screenshotPath('study-find-light-desktop') });
    await field.press('Escape');
    await bar.waitFor({ state: 'detached' });
    assert.deepEqual(await painted(page, 'find-match'), []);
    await page.getByRole('button', { name: 'Tìm trong bài' }).click();
    await bar.waitFor();
    await page.context().close();
  });

  test('code blocks: language shown, Dockerfile and shell coloured, "Sao chép mã" puts the code on the clipboard', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.server.url });
    const page = await newPage(context);
    await openLecture(page, 'Gradient từng bước');
    assert.deepEqual(await page.locator('.code-language').allTextContents(), ['Python', 'Dockerfile', 'Bash']);
    const docker = page.locator('.code-block', { hasText: 'FROM python' });
    assert.ok((await docker.locator('.hljs-keyword').count()) >= 2, 'FROM and RUN coloured');
    assert.ok((await page.locator('.code-block', { hasText: 'echo' }).locator('[class^="hljs-"]').count()) >= 2, 'shell coloured');
    const python = page.locator('.code-block', { hasText: 'def buoc' });
    await python.getByRole('button', { name: 'Sao chép mã' }).click();
    await python.getByRole('status').getByText('Đã sao chép').waitFor();
    assert.equal((await page.evaluate(() => navigator.clipboard.readText())).trimEnd(), PYTHON);
    await context.close();
  });

  test('code copy on an insecure classroom origin (http://lop.test): no navigator.clipboard, the fallback copies', async () => {
    // The classroom's server answers the host name students type (`serve --allow-host`).
    const server = await startServeProcess([served.library.root], undefined, ['--allow-host', 'lop.test']);
    const port = new URL(server.url).port;
    const classroom = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP lop.test 127.0.0.1'],
    });
    try {
      const context = await classroom.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
      const page = await context.newPage();
      page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
      await page.goto(`http://lop.test:${port}/#/blog/gradient-tung-buoc`);
      await page.getByRole('article').getByRole('heading', { level: 1, name: 'Gradient từng bước' }).waitFor();
      assert.deepEqual(await page.evaluate(() => [isSecureContext, typeof navigator.clipboard, typeof crypto.randomUUID]), [false, 'undefined', 'undefined']);
      const python = page.locator('.code-block', { hasText: 'def buoc' });
      await python.getByRole('button', { name: 'Sao chép mã' }).click();
      await python
        .getByRole('status')
        .getByText(/Đã sao chép|nhấn Ctrl\+C/)
        .waitFor();
      // What reached the clipboard, read back from a secure page of the same browser.
      await context.grantPermissions(['clipboard-read'], { origin: server.url });
      const reader = await context.newPage();
      await reader.goto(server.url);
      assert.equal((await reader.evaluate(() => navigator.clipboard.readText())).trimEnd(), PYTHON);
      // Highlights need ids: made without crypto.randomUUID here.
      await select(page, PASSAGE);
      await page.getByRole('toolbar', { name: 'Tô sáng đoạn đã chọn' }).getByRole('button', { name: 'Tô sáng: vàng' }).click();
      assert.deepEqual(await painted(page, 'reading-yellow'), [PASSAGE]);
      await page.screenshot({ path: screenshotPath('study-code-insecure-phone') });
    } finally {
      await classroom.close();
      await server.stop();
    }
  });

  test('image viewer: opened from the keyboard, zoomed, closed with Esc; the image keeps its place while loading', async () => {
    const page = await newPage(undefined, { width: 1366, height: 900 }, 'dark');
    await openLecture(page, 'Gradient từng bước');
    const open = page.getByRole('button', { name: 'Xem ảnh lớn: Sơ đồ ba bước đi xuống dốc' });
    await open.focus();
    await page.keyboard.press('Enter');
    const viewer = page.getByRole('dialog', { name: 'Xem ảnh' });
    await viewer.waitFor();
    await viewer.getByText('Sơ đồ ba bước đi xuống dốc').waitFor();
    await page.keyboard.press('+');
    await viewer.getByText('150 %').waitFor();
    await viewer.getByRole('button', { name: 'Thu nhỏ' }).click();
    await viewer.getByText('100 %').waitFor();
    assert.deepEqual(await violationsOf(page, '.image-viewer'), []);
    await page.screenshot({ path: screenshotPath('study-image-viewer-dark-desktop') });
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      'Xem ảnh lớn: Sơ đồ ba bước đi xuống dốc',
      'focus returns to the image',
    );
    await page.screenshot({ path: screenshotPath('study-article-dark-desktop') });
    await page.context().close();
  });

  test('phone and dark screens: home with "Đọc tiếp", the reader, "Ghi chú của tôi"', async () => {
    const page = await newPage(undefined, { width: 390, height: 844 }, 'dark');
    await page.evaluate(() =>
      localStorage.setItem(
        'lecture-reader:reading-data',
        JSON.stringify({
          version: 1,
          progress: {
            'gradient-tung-buoc': { position: 0.3, furthest: 0.4, lastOpened: new Date().toISOString() },
            'du-lieu-sach-truoc-tien': { position: 1, furthest: 1, lastOpened: '2026-01-01T00:00:00.000Z' },
          },
          bookmarks: ['gradient-tung-buoc'],
          highlights: [],
        }),
      ),
    );
    await page.reload();
    await page.getByRole('region', { name: 'Đọc tiếp' }).waitFor();
    await page.locator('.cards > li', { hasText: 'Dữ liệu sạch' }).getByText('Đã đọc xong').waitFor();
    assert.deepEqual(await violationsOf(page), []);
    await page.screenshot({ path: screenshotPath('study-home-dark-phone') });
    await page.goto(`${served.server.url}#/notes`);
    await page.getByRole('heading', { level: 1, name: 'Ghi chú của tôi' }).waitFor();
    assert.deepEqual(await violationsOf(page), []);
    await page.screenshot({ path: screenshotPath('study-notes-dark-phone') });
    await page.context().close();
  });
});
