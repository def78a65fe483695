/**
 * The teacher's libraries in the desktop reader, end to end: Tệp → Thêm thư viện từ GitHub… opens the libraries
 * panel, which downloads a repository from a local archive server (progress, cancel, errors said plainly), lists
 * every library with its facts, makes one available offline and removes libraries (asking first; a folder of the
 * user's is never deleted).
 *
 * As in share.test.ts, the Electron binary cannot run here: the page's `lectureBridge` comes from Playwright and
 * each call goes to `callBridge`, the main process's own validation and dispatch, over a real LectureService,
 * RemoteLibraries and LibraryManager. Only the IPC transport (and the menu's event) are replaced.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { create } from 'tar';
import { RemoteLibraries } from '../../core/library/remoteLibrary.js';
import { ClassroomShare } from '../../core/server/classroomShare.js';
import { startServer } from '../../core/server/httpServer.js';
import { bundledContentDir, rendererDir } from '../../core/service/appPaths.js';
import { LectureService } from '../../core/service/lectureService.js';
import { LibraryManager } from '../../core/service/libraryManager.js';
import { callBridge } from '../../electron/main/bridgeRequests.js';
import { browserSkip, launchBrowser, screenshotPath } from '../helpers/browser.js';
import { exposeDesktopBridge } from '../helpers/desktopBridge.js';
import { startImageServer, tinyPng } from '../helpers/imageServer.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

describe('the teacher’s libraries in the desktop reader', { skip: browserSkip }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lecture-data-'));
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'lecture-cache-'));
  const ownFolder = makeLibrary({
    'library.yml': 'name: Ghi chép của cô Lan\n',
    'on-tap.md': lecture({ title: 'Ôn tập cuối kỳ', time: '05/02/2024', tags: '[on-tap]' }, 'Các câu hỏi ôn tập.\n'),
  });
  let userFolders = [ownFolder.root];
  let archiveServer: Awaited<ReturnType<typeof startImageServer>>;
  let archive: Buffer;
  let slowArchive: Buffer;
  let remotes: RemoteLibraries;
  let service: LectureService;
  let manager: LibraryManager;
  let share: ClassroomShare;
  let desktopPages: FastifyInstance;
  let desktopUrl: string;
  let browser: Browser;
  let page: Page;

  const openService = async () => {
    const downloaded = (await remotes.list()).map((entry) => entry.folder);
    service = await LectureService.open([bundledContentDir(), ...userFolders, ...downloaded], {
      name: 'Bài giảng AI',
      cacheDir,
      allowPrivateNetwork: true /* the archive server stands in for the internet on 127.0.0.1 */,
    });
  };

  before(async () => {
    archiveServer = await startImageServer({
      '/co-lan/bai-giang/HEAD.tar.gz': (_request, response) => response.writeHead(200, { 'content-type': 'application/gzip' }).end(archive),
      // Sends a first part, then waits: the download is under way until it is cancelled.
      '/co-lan/cham/HEAD.tar.gz': (_request, response) => {
        // The first 300 KB of a real archive, then nothing more: the sync unpacks as it downloads.
        response.writeHead(200, { 'content-type': 'application/gzip' });
        response.write(slowArchive.subarray(0, 300 * 1024));
      },
      '/anh/so-do.png': (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(tinyPng(3)),
    });
    const repository = makeLibrary({
      'library.yml': 'name: Kho bài giảng thử\ntags:\n  thong-ke: Thống kê\n',
      'bai-1.md': lecture(
        { title: 'Xác suất nhập môn', time: '05/10/2024', tags: '[thong-ke]' },
        `Biến ngẫu nhiên.\n\n![Sơ đồ](${archiveServer.url('/anh/so-do.png')})\n`,
      ),
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'archive-')), 'repo.tar.gz');
    await create({ gzip: true, file, cwd: repository.root, prefix: 'bai-giang-main', portable: true }, ['.']);
    archive = readFileSync(file);
    // Random bytes do not compress: an archive of a few MB, never sent whole.
    const large = makeLibrary({
      'bai-dai.md': lecture({ title: 'Bài dài', time: '05/10/2024' }, 'Nhiều hình.\n'),
      'hinh/lon.png': randomBytes(4 * 1024 * 1024),
    });
    const slowFile = path.join(path.dirname(file), 'slow.tar.gz');
    await create({ gzip: true, file: slowFile, cwd: large.root, prefix: 'cham-main', portable: true }, ['.']);
    slowArchive = readFileSync(slowFile);
    large.cleanup();
    repository.cleanup();

    remotes = new RemoteLibraries(dataDir, { archiveUrl: (a) => archiveServer.url(`/${a.owner}/${a.repo}/${a.ref ?? 'HEAD'}.tar.gz`) });
    await openService();
    manager = new LibraryManager({
      remotes,
      bundledFolder: bundledContentDir(),
      userFolders: { get: () => userFolders, set: (folders) => (userFolders = folders) },
      service: () => service,
      reopen: async () => {
        await service.close();
        await openService();
      },
    });
    share = new ClassroomShare(service, rendererDir(), { host: '127.0.0.1', port: 4173 });
    // Stands in for the app:// protocol: serves the built reader to the teacher's window.
    ({ app: desktopPages, url: desktopUrl } = await startServer({ service, rendererDir: rendererDir() }));
    browser = await launchBrowser();
    const teacher = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await exposeDesktopBridge(teacher, () => ({ library: service, sharing: share, libraries: manager }));
    page = await teacher.newPage();
    page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
    await page.goto(desktopUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
  });
  after(async () => {
    await browser?.close();
    await desktopPages?.close();
    await service?.close();
    await archiveServer?.close();
    ownFolder.cleanup();
  });

  const panel = () => page.getByRole('dialog', { name: 'Thư viện bài giảng' });
  const entry = (name: string) =>
    panel()
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name }) });
  const add = async (address: string) => {
    await panel().getByLabel('Thêm thư viện từ GitHub').fill(address);
    await panel().getByRole('button', { name: 'Thêm', exact: true }).click();
  };

  test('the menu opens the panel, its address field focused, listing every library', async () => {
    await page.evaluate(() => window.menuAddLibrary());
    await panel().waitFor();
    await assert.doesNotReject(entry('Bài giảng AI').getByText('Có sẵn trong ứng dụng').waitFor());
    assert.match((await entry('Bài giảng AI').textContent())!, /Đủ mọi hình ảnh khi không có mạng\./, 'local images found beside several folders');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'library-address');
    const own = entry('Ghi chép của cô Lan');
    assert.match((await own.textContent())!, /Thư mục trên máy/);
    assert.match((await own.textContent())!, /1 bài giảng · 0\.0 MB · cập nhật \d\d\/\d\d\/\d{4}/);
    assert.equal(await entry('Bài giảng AI').getByRole('button', { name: 'Gỡ' }).count(), 0, 'the bundled lectures cannot be removed');
  });

  test('a wrong address and a repository that does not exist are said plainly', async () => {
    await add('đây không phải địa chỉ');
    await panel()
      .getByRole('alert')
      .getByText(/Địa chỉ chưa đúng/)
      .waitFor();
    await add('co-lan/khong-co');
    await panel()
      .getByRole('alert')
      .getByText(/Không tìm thấy kho này trên GitHub/)
      .waitFor();
  });

  test('a download shows its progress and can be cancelled, leaving nothing behind', async () => {
    await add('co-lan/cham');
    await panel()
      .getByRole('status')
      .getByText(/Đã tải 0\.[1-9] MB, \d+ tệp/)
      .waitFor();
    assert.equal(await panel().getByRole('progressbar', { name: 'Đang tải co-lan/cham' }).count(), 1);
    await page.screenshot({ path: screenshotPath('libraries-progress') });
    await panel().getByRole('button', { name: 'Huỷ tải' }).click();
    await panel().getByText('Đã huỷ. Thư viện không thay đổi gì.').waitFor();
    assert.equal(existsSync(path.join(dataDir, 'libraries', 'co-lan__cham')), false);
    assert.deepEqual(await remotes.list(), []);
  });

  test('a GitHub address adds the library: in the list with its name, and in the reader', async () => {
    await add('https://github.com/co-lan/bai-giang');
    await panel().getByText('Đã thêm thư viện “Kho bài giảng thử”.').waitFor();
    const added = entry('Kho bài giảng thử');
    assert.match((await added.textContent())!, /Tải từ GitHub · https:\/\/github\.com\/co-lan\/bai-giang/);
    assert.match((await added.textContent())!, /1 trong 1 hình ảnh chưa được tải về/);
    await page.getByRole('link', { name: 'Xác suất nhập môn' }).waitFor();
    await page.screenshot({ path: screenshotPath('libraries-panel') });

    await added.getByRole('button', { name: 'Cập nhật' }).click();
    await panel().getByText('Đã cập nhật thư viện “Kho bài giảng thử”.').waitFor();
    assert.equal(archiveServer.hits.get('/co-lan/bai-giang/HEAD.tar.gz'), 2);

    await added.getByRole('button', { name: 'Tải ảnh để đọc không cần mạng' }).click();
    await added.getByText('Đủ mọi hình ảnh khi không có mạng.').waitFor();
    assert.equal(archiveServer.hits.get('/anh/so-do.png'), 1);
  });

  test('removing asks first; a folder of the user’s is forgotten, never deleted; a download is deleted', async () => {
    const own = entry('Ghi chép của cô Lan');
    await own.getByRole('button', { name: 'Gỡ' }).click();
    await own.getByText('Thư mục của bạn vẫn được giữ nguyên trên máy.', { exact: false }).waitFor();
    await own.getByRole('button', { name: 'Không gỡ' }).click();
    assert.equal(await own.getByRole('button', { name: 'Gỡ' }).count(), 1, 'nothing happens without the second press');
    await own.getByRole('button', { name: 'Gỡ' }).click();
    await own.getByRole('button', { name: 'Gỡ thư viện' }).click();
    await own.waitFor({ state: 'detached' });
    assert.ok(existsSync(path.join(ownFolder.root, 'on-tap.md')), 'the user’s folder is untouched');
    assert.deepEqual(userFolders, []);

    const downloaded = entry('Kho bài giảng thử');
    await downloaded.getByRole('button', { name: 'Gỡ' }).click();
    await downloaded.getByText('Bản đã tải về sẽ bị xoá khỏi máy.', { exact: false }).waitFor();
    await downloaded.getByRole('button', { name: 'Gỡ thư viện' }).click();
    await downloaded.waitFor({ state: 'detached' });
    assert.equal(existsSync(path.join(dataDir, 'libraries', 'co-lan__bai-giang')), false);
    await page.getByRole('link', { name: 'Xác suất nhập môn' }).waitFor({ state: 'detached' });
  });

  test('only listed libraries can be acted on', async () => {
    await assert.rejects(manager.removeLibrary(ownFolder.root), /No such library/);
    await assert.rejects(manager.removeLibrary(bundledContentDir()), /cannot be removed/);
    await assert.rejects(async () => callBridge({ library: service, sharing: share, libraries: manager }, 'removeLibrary', [{ id: 1 }]), /must be text/);
  });

  test('accessibility: axe finds no serious or critical violations in the panel', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const context = await browser.newContext({ bypassCSP: true });
    await exposeDesktopBridge(context, () => ({ library: service, sharing: share, libraries: manager }));
    const scanned = await context.newPage();
    await scanned.goto(desktopUrl);
    await scanned.getByRole('button', { name: 'Thư viện bài giảng' }).click();
    await scanned.getByRole('dialog', { name: 'Thư viện bài giảng' }).getByRole('listitem').first().waitFor();
    await scanned.addScriptTag({ content: axeSource });
    const result = await scanned.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Element, options: object) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
      return axe.run(document.querySelector('.libraries-panel')!, { resultTypes: ['violations'] });
    });
    assert.deepEqual(
      result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      [],
    );
    await context.close();
  });
});
