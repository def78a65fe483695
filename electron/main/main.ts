/**
 * The desktop app's main process: a thin Electron shell around the Electron-free core. It serves the reader
 * over the privileged `app://reader` protocol, answers the preload bridge over validated IPC, follows the
 * library folders for changes, shares the library with a classroom when asked, and remembers the user's
 * folders, window and sharing address.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SharingRequest, SharingState } from '../../core/common/api.js';
import { BRIDGE_CHANNELS, LIBRARY_CHANGED_EVENT, type BridgeMethod } from '../../core/common/bridge.js';
import { bundledContentDir, BUNDLED_LIBRARY_NAME, rendererDir } from '../../core/service/appPaths.js';
import { RemoteLibraries } from '../../core/library/remoteLibrary.js';
import { ClassroomShare, DEFAULT_SHARING } from '../../core/server/classroomShare.js';
import { LectureService } from '../../core/service/lectureService.js';
import { APP_ORIGIN, resolveAppRequest } from './appRequests.js';
import { callBridge, InvalidRequest, validateArguments } from './bridgeRequests.js';
import { readJson, writeJson } from '../../core/node/jsonFile.js';
import { megabytes } from '../../core/common/units.js';

// Tests and portable installs can keep all user data (folders, window, cache) in one chosen place.
if (process.env.LECTURE_READER_DATA) app.setPath('userData', path.resolve(process.env.LECTURE_READER_DATA));

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
app.enableSandbox();

const dataFile = (name: string) => path.join(app.getPath('userData'), name);
const FOLDERS_FILE = 'library-folders.json';
const WINDOW_FILE = 'window-state.json';
const SHARING_FILE = 'sharing.json';

let service: LectureService | null = null;
let sharing: ClassroomShare | null = null;
let window: BrowserWindow | null = null;

function userFolders(): string[] {
  const folders = readJson<unknown>(dataFile(FOLDERS_FILE), []);
  return Array.isArray(folders) ? folders.filter((folder): folder is string => typeof folder === 'string') : [];
}

/** Libraries downloaded from GitHub (`npm run -s cli -- sync OWNER/REPO --data-dir <user data>`). */
const remotes = () => new RemoteLibraries(app.getPath('userData'));

async function openLibrary(): Promise<void> {
  await service?.close();
  const downloaded = (await remotes().list()).map((entry) => entry.folder);
  service = await LectureService.open([bundledContentDir(), ...userFolders(), ...downloaded], {
    name: BUNDLED_LIBRARY_NAME,
    cacheDir: process.env.LECTURE_READER_CACHE ?? path.join(app.getPath('userData'), 'cache'),
    searchInWorker: true,
  });
  // A teacher editing a lecture sees it update, search included.
  service.follow(() => window?.webContents.send(LIBRARY_CHANGED_EVENT));
  // Sharing is off at every start; the address last used is offered again.
  if (sharing) await sharing.useService(service);
  else sharing = new ClassroomShare(service, rendererDir(), savedSharing());
}

/** The address and port sharing used last time, when the file holds a valid one. */
function savedSharing(): SharingRequest {
  try {
    return validateArguments.startSharing([readJson<unknown>(dataFile(SHARING_FILE), DEFAULT_SHARING)])[0];
  } catch {
    return DEFAULT_SHARING;
  }
}

/** IPC: only from our own page, only the contract's methods, only validated arguments. */
function registerBridge(): void {
  for (const [method, channel] of Object.entries(BRIDGE_CHANNELS) as [BridgeMethod, string][]) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!event.senderFrame || new URL(event.senderFrame.url).origin !== APP_ORIGIN) throw new InvalidRequest('unknown sender');
      if (!service || !sharing) throw new Error('library not loaded');
      const answer = await callBridge({ library: service, sharing }, method, args);
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
    const answer = await resolveAppRequest(request.url, rendererDir(), (root, relative) => current.asset(root, relative));
    if (answer.status !== 200) return new Response(null, { status: answer.status, headers: answer.headers });
    return new Response(await readFile(answer.file), { status: 200, headers: answer.headers });
  });
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
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

function createWindow(): void {
  const state = readJson<WindowState>(dataFile(WINDOW_FILE), { width: 1280, height: 860 });
  window = new BrowserWindow({
    ...state,
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
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window?.show());
  const remember = () => {
    if (!window || window.isMinimized()) return;
    writeJson(dataFile(WINDOW_FILE), { ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('close', remember);
  window.on('closed', () => (window = null));
  void window.loadURL(`${APP_ORIGIN}/`);
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
      progress.diskFull ? `Ổ đĩa chứa bộ nhớ đệm đã đầy (${service.images?.dir}): hãy giải phóng dung lượng rồi tải lại. Ảnh đã tải vẫn nguyên vẹn.` : failed ? `${failed} ảnh lỗi sẽ được thử lại lần sau.` : '',
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
  const { response } = await dialog.showMessageBox(window, { type: 'question', buttons: ['Xoá', 'Huỷ'], defaultId: 1, message: 'Xoá mọi ảnh đã tải để đọc ngoại tuyến?' });
  if (response !== 0) return;
  await service.images.clear();
  window.webContents.send(LIBRARY_CHANGED_EVENT);
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Tệp',
      submenu: [
        { label: 'Thêm thư mục bài giảng…', accelerator: 'CmdOrCtrl+O', click: () => void addFolder() },
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
      label: 'Hiển thị',
      submenu: [
        { role: 'zoomIn', label: 'Phóng to' },
        { role: 'zoomOut', label: 'Thu nhỏ' },
        { role: 'resetZoom', label: 'Cỡ mặc định' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Toàn màn hình' },
      ],
    },
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

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  harden();
  app.whenReady().then(async () => {
    registerProtocol();
    registerBridge();
    await openLibrary();
    buildMenu();
    createWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    void sharing?.stopSharing();
    void service?.close();
  });
}
