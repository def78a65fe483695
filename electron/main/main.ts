/**
 * The desktop app's main process: a thin Electron shell around the Electron-free core. It serves the reader
 * over the privileged `app://reader` protocol, answers the preload bridge over validated IPC, follows the
 * library folders for changes, shares the library with a classroom when asked, and remembers the user's
 * folders, window and sharing address.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type Rectangle,
} from 'electron';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EpubSaveResult, EpubSelection, SharingRequest, SharingState } from '../../core/common/api.js';
import { ADD_LIBRARY_EVENT, BRIDGE_CHANNELS, LIBRARY_CHANGED_EVENT, type BridgeMethod } from '../../core/common/bridge.js';
import { LibraryManager } from '../../core/service/libraryManager.js';
import { bundledContentDir, BUNDLED_LIBRARY_NAME, rendererDir } from '../../core/service/appPaths.js';
import { RemoteLibraries } from '../../core/library/remoteLibrary.js';
import { ClassroomShare, DEFAULT_SHARING } from '../../core/server/classroomShare.js';
import { LectureService } from '../../core/service/lectureService.js';
import { APP_ORIGIN, resolveAppRequest } from './appRequests.js';
import { READING_DATA_FILE, ReadingDataFile } from '../../core/node/readingDataFile.js';
import { callBridge, InvalidRequest, validateArguments } from './bridgeRequests.js';
import { readJson, writeJson } from '../../core/node/jsonFile.js';
import { megabytes } from '../../core/common/units.js';
import type { Fetch } from '../../core/node/fetch.js';
import { buildEpub } from '../../core/export/epub/buildEpub.js';
import { writeFileAtomic } from '../../core/node/atomicFile.js';

// Tests and portable installs can keep all user data (folders, window, cache) in one chosen place; a folder
// that does not exist yet is created (setPath throws on a missing one).
if (process.env.LECTURE_READER_DATA) {
  const folder = path.resolve(process.env.LECTURE_READER_DATA);
  try {
    mkdirSync(folder, { recursive: true });
    app.setPath('userData', folder);
  } catch (error) {
    dialog.showErrorBox('Không dùng được thư mục dữ liệu', `LECTURE_READER_DATA=${folder}: ${(error as Error).message}`);
    app.exit(1);
  }
}

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
app.enableSandbox();

const dataFile = (name: string) => path.join(app.getPath('userData'), name);
const FOLDERS_FILE = 'library-folders.json';
const WINDOW_FILE = 'window-state.json';
const SHARING_FILE = 'sharing.json';
const readingData = new ReadingDataFile(dataFile(READING_DATA_FILE));

let service: LectureService | null = null;
let sharing: ClassroomShare | null = null;
let window: BrowserWindow | null = null;

function userFolders(): string[] {
  const folders = readJson<unknown>(dataFile(FOLDERS_FILE), []);
  return Array.isArray(folders) ? folders.filter((folder): folder is string => typeof folder === 'string') : [];
}

/** Downloads go through Chromium's network stack, which honours the system proxy (Node's fetch does not). */
const netFetch: Fetch = (url, init) => net.fetch(url, init);

/** Libraries downloaded from GitHub, from the libraries screen or `cli sync --data-dir <user data>`. */
const remotes = () => new RemoteLibraries(app.getPath('userData'), { fetch: netFetch });

/** The libraries screen: GitHub libraries added, updated and removed from inside the app. */
const libraries = new LibraryManager({
  remotes: remotes(),
  bundledFolder: bundledContentDir(),
  userFolders: { get: userFolders, set: (folders) => writeJson(dataFile(FOLDERS_FILE), folders) },
  service: () => service!,
  reopen: async () => {
    await openLibrary();
    window?.webContents.send(LIBRARY_CHANGED_EVENT);
  },
});

/** Opens the library of every folder, then swaps it in and closes the old one: requests never meet a closed library. */
async function openLibrary(): Promise<void> {
  const downloaded = (await remotes().list()).map((entry) => entry.folder);
  const next = await LectureService.open([bundledContentDir(), ...userFolders(), ...downloaded], {
    name: BUNDLED_LIBRARY_NAME,
    cacheDir: process.env.LECTURE_READER_CACHE ?? path.join(app.getPath('userData'), 'cache'),
    searchInWorker: true,
    // Images are fetched with Node's fetch, not net.fetch: the image cache follows redirects itself to check each
    // hop's address, and net.fetch cancels a request whose redirect mode is 'manual' instead of returning the 3xx
    // (electron.d.ts, ClientRequestConstructorOptions.redirect). The price: images ignore a system proxy.
  });
  // A teacher editing a lecture sees it update, search included.
  next.follow(() => window?.webContents.send(LIBRARY_CHANGED_EVENT));
  const previous = service;
  service = next;
  // Sharing is off at every start; the address last used is offered again.
  if (sharing) await sharing.useService(next);
  else sharing = new ClassroomShare(next, rendererDir(), savedSharing());
  if (previous) {
    await Promise.allSettled(running.get(previous) ?? []);
    await previous.close();
  }
}

/** Bridge calls still running on each library: a replaced library is closed once they have answered. */
const running = new WeakMap<LectureService, Set<Promise<unknown>>>();

function whileRunning<T>(library: LectureService, call: Promise<T>): Promise<T> {
  const calls = running.get(library) ?? new Set<Promise<unknown>>();
  running.set(library, calls);
  calls.add(call);
  call.then(
    () => calls.delete(call),
    () => calls.delete(call),
  );
  return call;
}

/** The address and port sharing used last time, when the file holds a valid one. */
function savedSharing(): SharingRequest {
  try {
    return validateArguments.startSharing([readJson<unknown>(dataFile(SHARING_FILE), DEFAULT_SHARING)])[0];
  } catch {
    return DEFAULT_SHARING;
  }
}

/**
 * Whether `url` is one of our own pages. By the URL standard a custom scheme's `new URL(url).origin` is "null",
 * so the scheme and host are compared instead.
 */
function isAppPage(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * IPC: only from our own page, only the contract's methods, only validated arguments. The sender is known by
 * its frame's origin, which Electron serialises per RFC 6454 (`app://reader` for our standard scheme).
 */
function registerBridge(): void {
  for (const [method, channel] of Object.entries(BRIDGE_CHANNELS) as [BridgeMethod, string][]) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (event.senderFrame?.origin !== APP_ORIGIN) throw new InvalidRequest('unknown sender');
      if (!service || !sharing) throw new Error('library not loaded');
      const answer = await whileRunning(service, callBridge({ library: service, sharing, libraries, readingData, epub: { saveEpub } }, method, args));
      if (method === 'startSharing' && sharing.running) {
        const { host, port } = answer as SharingState;
        writeJson(dataFile(SHARING_FILE), { host, port });
      }
      return answer;
    });
  }
}

function registerProtocol(): void {
  protocol.handle('app', async (request) => {
    if (!service) return new Response('starting', { status: 503 });
    const current = service;
    const answer = await resolveAppRequest(request.url, rendererDir(), (root, relative, width) => current.asset(root, relative, width));
    if (answer.status !== 200) return new Response(null, { status: answer.status, headers: answer.headers });
    return new Response(await readFile(answer.file), { status: 200, headers: answer.headers });
  });
}

/** Refuses every permission, foreign navigation, webview and new window. Needs `ready` (the default session). */
function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

/** The saved window size and place, when the file holds sane numbers (a damaged file must not stop every start). */
function savedWindowState(): WindowState {
  const saved = readJson<Partial<Record<keyof WindowState, unknown>> | null>(dataFile(WINDOW_FILE), null) ?? {};
  const number = (value: unknown, min: number) => (typeof value === 'number' && Number.isFinite(value) && value >= min ? Math.round(value) : undefined);
  return {
    width: number(saved.width, 360) ?? 1280,
    height: number(saved.height, 480) ?? 860,
    x: number(saved.x, -100_000),
    y: number(saved.y, -100_000),
    maximized: saved.maximized === true,
  };
}

/** Whether a saved window overlaps a display that is connected now (a monitor may have gone since). */
function onSomeDisplay(bounds: Rectangle): boolean {
  return screen
    .getAllDisplays()
    .some(
      ({ workArea: area }) =>
        bounds.x < area.x + area.width && bounds.x + bounds.width > area.x && bounds.y < area.y + area.height && bounds.y + bounds.height > area.y,
    );
}

function createWindow(): void {
  const { x, y, ...state } = savedWindowState();
  const position = x !== undefined && y !== undefined && onSomeDisplay({ x, y, width: state.width, height: state.height }) ? { x, y } : {};
  window = new BrowserWindow({
    ...state,
    ...position,
    minWidth: 360,
    minHeight: 480,
    title: BUNDLED_LIBRARY_NAME,
    backgroundColor: '#f7f7f5',
    show: false,
    webPreferences: {
      preload: path.join(import.meta.dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click must not open links outside the window handlers' control.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // maximize() also shows the window (electron.d.ts, BrowserWindow.maximize): only once there is a page to show.
  window.once('ready-to-show', () => (state.maximized ? window?.maximize() : window?.show()));
  const remember = () => {
    if (!window || window.isMinimized()) return;
    writeJson(dataFile(WINDOW_FILE), { ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('close', remember);
  window.on('closed', () => (window = null));
  void window.loadURL(`${APP_ORIGIN}/`);
}

/** "Tải sách EPUB" in the app: the book is made, then the user chooses where it goes (replaced whole, atomically). */
async function saveEpub(selection: EpubSelection): Promise<EpubSaveResult> {
  if (!service || !window) return {};
  const book = await buildEpub(service, selection);
  const choice = await dialog.showSaveDialog(window, {
    title: 'Lưu sách EPUB',
    defaultPath: path.join(app.getPath('downloads'), book.fileNames.utf8),
    filters: [{ name: 'EPUB', extensions: ['epub'] }],
  });
  if (choice.canceled || !choice.filePath) return {};
  await writeFileAtomic(choice.filePath, book.bytes);
  return { file: choice.filePath };
}

async function addFolder(): Promise<void> {
  if (!window) return;
  const choice = await dialog.showOpenDialog(window, { title: 'Thêm thư mục bài giảng', properties: ['openDirectory'] });
  if (choice.canceled || choice.filePaths.length === 0) return;
  const folders = [...new Set([...userFolders(), ...choice.filePaths])];
  writeJson(dataFile(FOLDERS_FILE), folders);
  await openLibrary();
  window.webContents.send(LIBRARY_CHANGED_EVENT);
}

/** "Make this library available offline", with progress on the taskbar and in the title, then a summary. */
async function makeOffline(): Promise<void> {
  if (!service || !window) return;
  const target = window;
  const { progress, outcomes } = await service.makeOffline((p) => {
    target.setProgressBar(p.total ? p.done / p.total : 1);
    target.setTitle(`${BUNDLED_LIBRARY_NAME} — tải ảnh ${p.done}/${p.total} (${megabytes(p.bytes)} MB, ${p.failures} lỗi)`);
  });
  target.setProgressBar(-1);
  target.setTitle(BUNDLED_LIBRARY_NAME);
  const status = await service.getOfflineStatus();
  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  await dialog.showMessageBox(target, {
    type: failed ? 'warning' : 'info',
    title: 'Đọc ngoại tuyến',
    message: `Đã tải ${progress.done - progress.failures}/${progress.total} ảnh còn thiếu (${megabytes(progress.bytes)} MB).`,
    detail: [
      `Có thể đọc ngoại tuyến ${status.available}/${status.images} ảnh. Bộ nhớ đệm: ${megabytes(status.cacheBytes)} MB.`,
      progress.diskFull
        ? `Ổ đĩa chứa bộ nhớ đệm đã đầy (${service.images?.dir}): hãy giải phóng dung lượng rồi tải lại. Ảnh đã tải vẫn nguyên vẹn.`
        : failed
          ? `${failed} ảnh lỗi sẽ được thử lại lần sau.`
          : '',
    ].join(' '),
  });
  target.webContents.send(LIBRARY_CHANGED_EVENT);
}

/** Checks every downloaded library for an update (one request each; unchanged archives are not downloaded). */
async function updateRemoteLibraries(): Promise<void> {
  if (!window) return;
  const lines: string[] = [];
  for (const { record } of await remotes().list()) {
    try {
      const { status } = await remotes().sync(record.address);
      lines.push(`${record.address}: ${status === 'unchanged' ? 'không có gì mới' : 'đã cập nhật'}`);
    } catch (error) {
      lines.push(`${record.address}: ${(error as Error).message}`);
    }
  }
  await openLibrary();
  window.webContents.send(LIBRARY_CHANGED_EVENT);
  await dialog.showMessageBox(window, { type: 'info', message: 'Thư viện từ GitHub', detail: lines.join('\n') || 'Chưa có thư viện nào được tải từ GitHub.' });
}

async function clearImageCache(): Promise<void> {
  if (!service?.images || !window) return;
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: ['Xoá', 'Huỷ'],
    defaultId: 1,
    message: 'Xoá mọi ảnh đã tải để đọc ngoại tuyến?',
  });
  if (response !== 0) return;
  await service.images.clear();
  window.webContents.send(LIBRARY_CHANGED_EVENT);
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    // macOS names the first menu after the app, whatever its label: give it the app's standard items.
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'Tệp',
      submenu: [
        { label: 'Thêm thư mục bài giảng…', accelerator: 'CmdOrCtrl+O', click: () => void addFolder() },
        { label: 'Thêm thư viện từ GitHub…', click: () => window?.webContents.send(ADD_LIBRARY_EVENT) },
        {
          label: 'Tải lại thư viện',
          accelerator: 'CmdOrCtrl+Shift+R',
          click: async () => {
            await service?.reload();
            window?.webContents.send(LIBRARY_CHANGED_EVENT);
          },
        },
        { label: 'Cập nhật thư viện từ GitHub', click: () => void updateRemoteLibraries() },
        { type: 'separator' },
        { label: 'Tải ảnh để đọc ngoại tuyến', click: () => void makeOffline() },
        { label: 'Xoá bộ nhớ đệm ảnh…', click: () => void clearImageCache() },
        { type: 'separator' },
        { role: 'quit', label: 'Thoát' },
      ],
    },
    {
      label: 'Sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    {
      label: 'Hiển thị',
      submenu: [
        { role: 'zoomIn', label: 'Phóng to' },
        { role: 'zoomOut', label: 'Thu nhỏ' },
        { role: 'resetZoom', label: 'Cỡ mặc định' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Toàn màn hình' },
      ],
    },
    { role: 'windowMenu', label: 'Cửa sổ' },
    {
      label: 'Trợ giúp',
      submenu: [
        {
          label: 'Giới thiệu',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: BUNDLED_LIBRARY_NAME,
              message: `${BUNDLED_LIBRARY_NAME} ${app.getVersion()}`,
              detail: 'Đọc bài giảng AI tiếng Việt, kể cả khi không có mạng.',
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  harden();
  registerProtocol();
  registerBridge();
  await openLibrary();
  buildMenu();
  createWindow();
}

/** Says why the app cannot start, then quits, releasing the single-instance lock so the next launch can try again. */
function failedToStart(error: unknown): void {
  dialog.showErrorBox('Không mở được Bài giảng AI', error instanceof Error ? error.message : String(error));
  app.releaseSingleInstanceLock();
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  // Sessions, protocol handlers and windows exist only once the app is ready.
  app.whenReady().then(start).catch(failedToStart);
  app.on('window-all-closed', () => app.quit());
  // Quitting waits (a few seconds at most) for the classroom server and the library to close: only
  // preventDefault() in before-quit holds the quit (electron.d.ts, App 'before-quit').
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    const cleanup = Promise.allSettled([sharing?.stopSharing(), service?.close()]);
    void Promise.race([cleanup, new Promise((resolve) => setTimeout(resolve, 5000))]).then(() => {
      closed = true;
      app.quit();
    });
  });
}
