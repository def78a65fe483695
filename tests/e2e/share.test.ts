/**
 * "Chia sẻ với lớp học" end to end: the teacher's reader in desktop mode starts the real classroom server
 * from its panel, a student's phone browser scans the QR code and reads the library, the panel counts the
 * student, and stopping closes the door.
 *
 * The Electron binary cannot run here, so the teacher's page gets its `lectureBridge` from Playwright: each
 * call goes to `callBridge`, the same validation and dispatch the main process runs behind IPC, over a real
 * LectureService and ClassroomShare. Only the IPC transport is replaced; tests/e2e/electron.test.ts runs the
 * real one where the binary exists.
 */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import jsQRModule from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { READING_DATA_FILE, ReadingDataFile } from '../../core/node/readingDataFile.js';
import { ClassroomShare, type InterfaceSource } from '../../core/server/classroomShare.js';
import { startServer } from '../../core/server/httpServer.js';
import { bundledContentDir, rendererDir } from '../../core/service/appPaths.js';
import { LectureService } from '../../core/service/lectureService.js';
import { browserSkip, launchBrowser, screenshotPath } from '../helpers/browser.js';
import { exposeDesktopBridge } from '../helpers/desktopBridge.js';
import { freePort, getFrom } from '../helpers/network.js';

// jsqr is CommonJS: its function is both the module and its `default`.
const jsQR = jsQRModule.default;

describe('classroom sharing from the desktop reader', { skip: browserSkip }, () => {
  let service: LectureService;
  let share: ClassroomShare;
  let desktopPages: FastifyInstance;
  let desktopUrl: string;
  let browser: Browser;
  let teacher: BrowserContext;
  let panelPage: Page;
  let port: number;

  before(async () => {
    service = await LectureService.open([bundledContentDir()]);
    // Remembered from "yesterday's" Wi-Fi, an address this machine no longer has.
    share = new ClassroomShare(service, rendererDir(), { host: '10.254.254.254', port: 4173 });
    // Stands in for the app:// protocol: serves the built reader to the teacher's window only.
    ({ app: desktopPages, url: desktopUrl } = await startServer({ service, rendererDir: rendererDir() }));
    browser = await launchBrowser();
    teacher = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await exposeDesktopBridge(teacher, () => ({ library: service, sharing: share }));
    panelPage = await teacher.newPage();
    panelPage.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await panelPage.goto(desktopUrl);
    await panelPage.getByRole('heading', { level: 1 }).waitFor();
    port = await freePort();
  });
  after(async () => {
    await browser?.close();
    await share?.stopSharing();
    await desktopPages?.close();
    await service?.close();
  });

  const panel = () => panelPage.getByRole('dialog', { name: 'Chia sẻ với lớp học' });

  test('off by default; the panel offers the networks (every network when the remembered one is gone) and a port', async () => {
    await panelPage.getByRole('button', { name: 'Chia sẻ với lớp học' }).click();
    await panel().getByText('Đang tắt').waitFor();
    const networks = await panel().getByLabel('Mạng').locator('option').allTextContents();
    assert.ok(networks.includes('Mọi mạng của máy') && networks.includes('Chỉ máy này'), networks.join(' | '));
    assert.equal(await panel().getByLabel('Mạng').inputValue(), '0.0.0.0');
    assert.equal(await panel().getByLabel('Cổng').inputValue(), '4173');
    await panelPage.screenshot({ path: screenshotPath('share-panel-off') });
    assert.equal((await share.getSharing()).running, false);
  });

  test('a busy port is said plainly and nothing starts', async () => {
    const squatter = net.createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => squatter.once('listening', resolve));
    try {
      await panel().getByLabel('Mạng').selectOption('127.0.0.1');
      await panel().getByLabel('Cổng').fill(String(port));
      await panel().getByRole('button', { name: 'Bắt đầu chia sẻ' }).click();
      await panel().getByRole('alert').getByText(`Cổng ${port} đang được chương trình khác dùng`).waitFor();
      assert.equal((await share.getSharing()).running, false);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  test('started: address as text and a QR code that scans to it; a phone reads the library; the student is counted', async () => {
    await panel().getByRole('button', { name: 'Bắt đầu chia sẻ' }).click();
    const address = `http://127.0.0.1:${port}/`;
    await panel().getByText(address).waitFor();
    await panel().getByRole('alert').getByText('Chỉ máy này mở được địa chỉ này').waitFor();
    assert.equal(await panelPage.getByRole('button', { name: 'Chia sẻ với lớp học' }).getAttribute('class'), 'share-button on');

    // Scan the QR code as drawn on screen.
    const qr = panel().getByRole('img', { name: `Mã QR của ${address}` });
    await qr.waitFor();
    const pixels = await qr.evaluate((image: HTMLImageElement) => {
      const size = 440;
      const canvas = Object.assign(document.createElement('canvas'), { width: size, height: size });
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, size, size);
      context.drawImage(image, 0, 0, size, size);
      return Array.from(context.getImageData(0, 0, size, size).data);
    });
    const scanned = jsQR(Uint8ClampedArray.from(pixels), 440, 440);
    assert.equal(scanned?.data, address);
    await panelPage.screenshot({ path: screenshotPath('share-panel-running') });

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const student = await phone.newPage();
    student.on('pageerror', (error) => assert.fail(`student page error: ${error.message}`));
    await student.goto(scanned!.data);
    await student.getByRole('heading', { level: 1 }).waitFor();
    // The list is virtualized (a phone shows a few cards): each card says how many there are.
    assert.equal(await student.locator('.cards > li').first().getAttribute('aria-setsize'), '8');
    assert.equal(await student.getByRole('button', { name: 'Chia sẻ với lớp học' }).count(), 0, 'students cannot share or stop sharing');

    await student.getByRole('combobox', { name: 'Tìm kiếm bài giảng' }).fill('ao giac');
    await student.getByRole('listbox').getByRole('option').first().click();
    await student.getByRole('heading', { level: 1, name: 'Ảo giác (hallucination) và RAG' }).waitFor();
    await student.goto(`${address}#/`);
    await student.getByRole('link', { name: 'Mạng nơ-ron nhân tạo là gì?' }).first().click();
    await student.getByRole('article').getByRole('heading', { level: 1, name: 'Mạng nơ-ron nhân tạo là gì?' }).waitFor();
    assert.ok((await student.locator('.markdown-body .katex').count()) > 3, 'math on the phone');
    await student.locator('.markdown-body img').first().scrollIntoViewIfNeeded();
    await student.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.markdown-body img')].every((img) => img.complete && img.naturalWidth > 0),
    );
    await student.screenshot({ path: screenshotPath('share-student-phone') });

    await panel().getByText('1 học sinh đang kết nối').waitFor({ timeout: 10_000 });
    await panelPage.screenshot({ path: screenshotPath('share-panel-one-student') });
    await phone.close();
  });

  test('stopped: the address no longer answers, and the panel is ready to start again', async () => {
    await panel().getByRole('button', { name: 'Dừng chia sẻ' }).click();
    await panel().getByRole('button', { name: 'Bắt đầu chia sẻ' }).waitFor();
    assert.equal(await panelPage.getByRole('button', { name: 'Chia sẻ với lớp học' }).getAttribute('class'), 'share-button');
    await assert.rejects(getFrom('127.0.0.1', `http://127.0.0.1:${port}/`), /ECONNREFUSED/);
    await teacher.close();
  });
});

describe('a classroom share whose Wi-Fi goes away', { skip: browserSkip }, () => {
  test('sharing stops, and the panel opens by itself to say why and offer another network', async () => {
    const service = await LectureService.open([bundledContentDir()]);
    // The teacher's Wi-Fi, as the operating system lists it; 127.0.0.2 is bindable on loopback.
    const wifi = { address: '127.0.0.2', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: '127.0.0.2/8' } as const;
    let interfaces: ReturnType<InterfaceSource> = { wlan0: [wifi] };
    const port = await freePort();
    const share = new ClassroomShare(service, rendererDir(), { host: wifi.address, port }, () => interfaces);
    const { app: desktopPages, url } = await startServer({ service, rendererDir: rendererDir() });
    const browser = await launchBrowser();
    try {
      const teacher = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const readingData = new ReadingDataFile(path.join(await mkdtemp(path.join(os.tmpdir(), 'reading-')), READING_DATA_FILE));
      await exposeDesktopBridge(teacher, () => ({ library: service, sharing: share, readingData }));
      const page = await teacher.newPage();
      await page.goto(url);
      const shareButton = page.getByRole('button', { name: 'Chia sẻ với lớp học' });
      const panel = page.getByRole('dialog', { name: 'Chia sẻ với lớp học' });
      await shareButton.click();
      assert.equal(await panel.getByLabel('Mạng').inputValue(), wifi.address);
      await panel.getByRole('button', { name: 'Bắt đầu chia sẻ' }).click();
      await panel.getByText(`http://${wifi.address}:${port}/`).waitFor();
      await panel.getByRole('button', { name: 'Đóng' }).click();
      assert.equal((await getFrom('127.0.0.1', `http://${wifi.address}:${port}/api/version`)).status, 200);

      interfaces = {};
      await panel.getByRole('alert').getByText('Chia sẻ đã dừng: máy đã rời mạng Wi-Fi').waitFor({ timeout: 20_000 });
      assert.equal(await shareButton.getAttribute('class'), 'share-button');
      assert.equal(await panel.getByLabel('Mạng').inputValue(), '0.0.0.0', 'a network the machine still has is offered');
      await assert.rejects(getFrom('127.0.0.1', `http://${wifi.address}:${port}/`), /ECONNREFUSED/);
      await page.screenshot({ path: screenshotPath('share-panel-network-gone') });
    } finally {
      await browser.close();
      await share.stopSharing();
      await desktopPages.close();
      await service.close();
    }
  });
});
