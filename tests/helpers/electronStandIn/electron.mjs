/**
 * A stand-in for the `electron` module of Electron 45's main process, for running the BUILT main process under
 * Node where no Electron binary exists. It is not a mock that accepts anything: every rule it enforces is one
 * Electron documents, cited next to the check as a line of node_modules/electron/electron.d.ts ("d.ts:N") or a
 * page of electronjs.org/docs. What it cannot know from the docs it does not pretend: it draws no pixels and runs
 * no page scripts; the renderer is played by the test, through the real preload (run sandboxed, see preload.mjs).
 *
 * The test drives it over the child-process IPC channel (see host.mjs); it reports what the app did there too.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSandboxedPreload } from './preload.mjs';

/** What the test sees: every rule broken, dialog shown, window made, message sent. */
export const report = (event) => process.send?.(event);

/** A broken rule: reported to the test, then thrown where Electron throws. */
function ruleBroken(message) {
  report({ event: 'rule-broken', message });
  return new Error(message);
}

/** An event a listener may cancel with preventDefault(), as Electron's are. */
function preventable() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

let ready = false;
const requireReady = (what, source) => {
  if (!ready) throw ruleBroken(`${what} before the app is ready (${source})`);
};

// --- app -------------------------------------------------------------------------------------------------------

const manifest = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8'));
const paths = new Map([
  ['userData', path.join(os.homedir(), '.config', manifest.productName ?? manifest.name)],
  ['downloads', path.join(os.homedir(), 'Downloads')],
]);
const lockFile = () => path.join(paths.get('userData'), 'SingletonLock');
let lockHeld = false;

class App extends EventEmitter {
  #sandbox = false;
  #quitting = false;
  isReady() {
    return ready;
  }
  whenReady() {
    return ready ? Promise.resolve() : new Promise((resolve) => this.once('ready', () => resolve()));
  }
  getName() {
    return manifest.productName ?? manifest.name;
  }
  getVersion() {
    return manifest.version;
  }
  getPath(name) {
    if (!paths.has(name)) throw new Error(`Failed to get '${name}' path`);
    return paths.get(name);
  }
  setPath(name, folder) {
    // d.ts:1975 "If the path specifies a directory that does not exist, an `Error` is thrown."
    if (!path.isAbsolute(folder)) throw ruleBroken(`app.setPath('${name}') needs an absolute path (d.ts:1975)`);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw ruleBroken(`app.setPath('${name}', '${folder}'): the directory does not exist (d.ts:1975)`);
    paths.set(name, folder);
  }
  enableSandbox() {
    // d.ts:1249 "This method can only be called before app is ready."
    if (ready) throw ruleBroken('app.enableSandbox() after ready (d.ts:1249: "can only be called before app is ready")');
    this.#sandbox = true;
  }
  get sandboxed() {
    return this.#sandbox;
  }
  requestSingleInstanceLock() {
    // d.ts:1741 — the lock lives next to the user data, as Chromium's process singleton does.
    mkdirSync(paths.get('userData'), { recursive: true });
    try {
      writeFileSync(lockFile(), String(process.pid), { flag: 'wx' });
    } catch {
      const holder = Number(readFileSync(lockFile(), 'utf8'));
      if (holder !== process.pid && isAlive(holder)) return false;
      writeFileSync(lockFile(), String(process.pid));
    }
    lockHeld = true;
    return true;
  }
  releaseSingleInstanceLock() {
    // d.ts:1698
    if (lockHeld) unlinkSync(lockFile());
    lockHeld = false;
  }
  hasSingleInstanceLock() {
    return lockHeld;
  }
  /** d.ts: `quit` emits before-quit, closes every window, then will-quit and quit; a listener may prevent it. */
  quit() {
    if (this.#quitting) return;
    const beforeQuit = preventable();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.#quitting = true;
    for (const window of [...windows]) window.close();
    this.emit('will-quit', { preventDefault() {} });
    this.emit('quit', {}, 0);
    this.exit(0);
  }
  /** Exits at once, without asking windows (d.ts: app.exit). The process going away releases the lock. */
  exit(code = 0) {
    report({ event: 'exit', code, lockHeld });
    if (lockHeld) this.releaseSingleInstanceLock();
    // The report reaches the test before the process ends.
    if (process.send) process.send({ event: 'exiting' }, () => process.exit(code));
    else process.exit(code);
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const app = new App();

/** The host calls this once the entry module has fully evaluated: an ESM entry gets `ready` only then. */
export function becomeReady() {
  // docs/tutorial/esm "ES Modules are loaded asynchronously. This means that only side effects from the main
  // process entry point's imports will execute before the ready event." and d.ts:757 "The `ready` event is only
  // fired after the main process has finished running the first tick of the event loop."
  ready = true;
  app.emit('will-finish-launching');
  app.emit('ready', {}, {});
}

// --- protocol --------------------------------------------------------------------------------------------------

const privilegedSchemes = new Map();
const handlers = new Map();
let schemesRegistered = false;

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    // d.ts:12404 "This method can only be used before the `ready` event of the `app` module gets emitted and can
    // be called only once."
    if (ready) throw ruleBroken('protocol.registerSchemesAsPrivileged after ready (d.ts:12404)');
    if (schemesRegistered) throw ruleBroken('protocol.registerSchemesAsPrivileged called twice (d.ts:12404)');
    schemesRegistered = true;
    for (const { scheme, privileges = {} } of schemes) privilegedSchemes.set(scheme, privileges);
  },
  handle(scheme, handler) {
    // docs/api/protocol: "All methods unless specified can only be used after the `ready` event of the `app`
    // module gets emitted." (the protocol module works on the default session, which needs ready).
    requireReady(`protocol.handle('${scheme}')`, 'docs/api/protocol: methods only after the ready event');
    if (handlers.has(scheme)) throw ruleBroken(`protocol.handle('${scheme}') registered twice`);
    handlers.set(scheme, handler);
  },
  isProtocolHandled(scheme) {
    return handlers.has(scheme);
  },
};

/** A request as the page would make it, answered by the handler the app registered (d.ts:12299). */
export async function requestPage(url) {
  const scheme = new URL(url).protocol.slice(0, -1);
  const handler = handlers.get(scheme);
  if (!handler) return { status: 'no handler', headers: {}, body: '' };
  const response = await handler(new Request(url));
  if (!(response instanceof Response)) throw ruleBroken(`protocol.handle('${scheme}') must answer a Response (d.ts:12299)`);
  return { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()).toString('utf8') };
}

/**
 * The origin Electron reports for a frame showing `url` (d.ts:20281): serialised per RFC 6454, so a scheme
 * registered `standard` has a scheme/host/port origin; other schemes without that triple are "null". For the
 * special schemes this is the URL standard's origin.
 */
export function frameOrigin(url) {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  if (['http', 'https', 'ws', 'wss', 'ftp'].includes(scheme)) return parsed.origin;
  if (privilegedSchemes.get(scheme)?.standard) return `${scheme}://${parsed.host}`;
  return 'null';
}

// --- session ---------------------------------------------------------------------------------------------------

class Session {
  permissionRequestHandler = null;
  permissionCheckHandler = null;
  setPermissionRequestHandler(handler) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler) {
    this.permissionCheckHandler = handler;
  }
  async fetch(input, init) {
    const response = await globalThis.fetch(input, init);
    // d.ts:22041-22044: with redirect 'manual' "the redirection will be cancelled unless request.followRedirect is
    // invoked synchronously during the redirect event" — net.fetch never calls it, so the request fails instead
    // of answering the 3xx (electron/electron#43715).
    if (init?.redirect === 'manual' && response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      throw new TypeError('fetch failed', { cause: new Error('Redirect was cancelled') });
    }
    return response;
  }
}
let defaultSession = null;

export const session = {
  get defaultSession() {
    // d.ts:13306 "the default session object of the app, available after `app.whenReady` is called"; before that
    // Electron throws "Session can only be received when app is ready".
    requireReady('session.defaultSession', 'd.ts:13306: "available after app.whenReady"');
    return (defaultSession ??= new Session());
  },
};

export const net = {
  fetch(input, init) {
    // d.ts:10949 "This method will issue requests from the default session." — so it needs ready, as the session does.
    return session.defaultSession.fetch(input, init);
  },
};

// --- screen ----------------------------------------------------------------------------------------------------

const displays = JSON.parse(
  process.env.STAND_IN_DISPLAYS ?? '[{"id":1,"bounds":{"x":0,"y":0,"width":1920,"height":1080},"workArea":{"x":0,"y":0,"width":1920,"height":1040}}]',
);

export const screen = Object.assign(new EventEmitter(), {
  getAllDisplays() {
    // docs/api/screen: "This module cannot be used until the `ready` event of the `app` module is emitted."
    requireReady('screen.getAllDisplays()', 'docs/api/screen: not until the ready event');
    return structuredClone(displays);
  },
  getPrimaryDisplay() {
    requireReady('screen.getPrimaryDisplay()', 'docs/api/screen: not until the ready event');
    return structuredClone(displays[0]);
  },
});

// --- ipcMain ---------------------------------------------------------------------------------------------------

const invokeHandlers = new Map();

export const ipcMain = Object.assign(new EventEmitter(), {
  handle(channel, listener) {
    // Electron throws "Attempted to register a second handler for '<channel>'" (d.ts:9457 one handler per channel).
    if (invokeHandlers.has(channel)) throw ruleBroken(`Attempted to register a second handler for '${channel}'`);
    invokeHandlers.set(channel, listener);
  },
  removeHandler(channel) {
    invokeHandlers.delete(channel);
  },
});

/**
 * `ipcRenderer.invoke` from `frame` as Electron delivers it: the handler gets an IpcMainInvokeEvent whose
 * `senderFrame` is the sending frame; a thrown error reaches the renderer as its message only (d.ts:9453).
 */
export async function invokeFrom(frame, channel, args) {
  const handler = invokeHandlers.get(channel);
  if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
  const event = { sender: frame.webContents, senderFrame: frame, frameId: 1, processId: 1 };
  try {
    return structuredClone(await handler(event, ...structuredClone(args)));
  } catch (error) {
    throw new Error(`Error invoking remote method '${channel}': ${error}`);
  }
}

// --- windows ---------------------------------------------------------------------------------------------------

/** d.ts:20114 WebFrameMain: `url` is the frame's URL, `origin` its RFC 6454 origin (frameOrigin). */
export class WebFrameMain {
  constructor(webContents, url) {
    this.webContents = webContents;
    this.url = url;
  }
  get origin() {
    return frameOrigin(this.url);
  }
}

class WebContents extends EventEmitter {
  windowOpenHandler = null;
  mainFrame = null;
  /** Listeners the preload registered with ipcRenderer.on, by channel. */
  rendererListeners = new Map();
  exposed = {};
  constructor(window, webPreferences) {
    super();
    this.window = window;
    this.webPreferences = webPreferences;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, ...args) {
    for (const listener of this.rendererListeners.get(channel) ?? []) listener({ sender: null }, ...structuredClone(args));
  }
  async loadURL(url) {
    // What a navigation to `url` fetches: through the app's protocol handler, as Chromium would.
    const answer = await requestPage(url);
    if (answer.status !== 200) throw new Error(`ERR_FAILED (${answer.status}) loading '${url}'`);
    this.mainFrame = new WebFrameMain(this, url);
    const { preload } = this.webPreferences;
    // docs/tutorial/sandbox: renderers are sandboxed by default since Electron 20, and app.enableSandbox() forces it.
    const sandboxed = app.sandboxed || this.webPreferences.sandbox !== false;
    if (preload) {
      if (!path.isAbsolute(preload)) throw ruleBroken(`webPreferences.preload must be an absolute path: ${preload}`);
      if (!sandboxed) throw ruleBroken('this stand-in runs sandboxed preloads only');
      if (this.webPreferences.contextIsolation === false) throw ruleBroken('contextBridge needs contextIsolation (docs/api/context-bridge)');
      this.exposed = runSandboxedPreload(preload, this, { invokeFrom, ruleBroken });
    }
    report({ event: 'loaded', url, exposed: Object.keys(this.exposed) });
    this.emit('did-finish-load');
    this.window.emit('ready-to-show');
  }
  /** A navigation the page starts (a link click): the app may prevent it (d.ts: will-navigate). */
  navigate(url) {
    const event = { url, ...preventable() };
    this.emit('will-navigate', event, url);
    return !event.defaultPrevented;
  }
}

const windows = new Set();
let nextWindowId = 1;

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return [...windows];
  }
  constructor(options = {}) {
    super();
    // docs/api/browser-window: "This module cannot be used until the `ready` event of the `app` module is emitted."
    requireReady('new BrowserWindow()', 'docs/api/browser-window: not until the ready event');
    this.id = nextWindowId++;
    this.options = options;
    this.title = options.title ?? '';
    this.destroyed = false;
    this.visible = false;
    this.maximized = false;
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    this.webContents = new WebContents(this, options.webPreferences ?? {});
    windows.add(this);
    app.emit('browser-window-created', {}, this);
    app.emit('web-contents-created', {}, this.webContents);
    report({ event: 'window', options: JSON.parse(JSON.stringify(options)) });
  }
  loadURL(url) {
    return this.webContents.loadURL(url);
  }
  show() {
    this.visible = true;
    report({ event: 'shown' });
  }
  focus() {}
  restore() {}
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  setTitle(title) {
    this.title = title;
  }
  setProgressBar() {}
  close() {
    if (this.destroyed) return;
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    windows.delete(this);
    this.emit('closed');
    if (windows.size === 0) app.emit('window-all-closed');
  }
}

// --- menu, dialogs, shell --------------------------------------------------------------------------------------

// d.ts:10372 MenuItemConstructorOptions.role: the roles Electron knows.
const ROLES = new Set([
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'pasteAndMatchStyle',
  'delete',
  'selectAll',
  'reload',
  'forceReload',
  'toggleDevTools',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'toggleSpellChecker',
  'togglefullscreen',
  'window',
  'minimize',
  'close',
  'help',
  'about',
  'services',
  'hide',
  'hideOthers',
  'unhide',
  'quit',
  'startSpeaking',
  'stopSpeaking',
  'zoom',
  'front',
  'appMenu',
  'fileMenu',
  'editMenu',
  'viewMenu',
  'shareMenu',
  'recentDocuments',
  'toggleTabBar',
  'selectNextTab',
  'selectPreviousTab',
  'showAllTabs',
  'mergeAllWindows',
  'clearRecentDocuments',
  'moveTabToNewWindow',
  'windowMenu',
]);

function buildItems(template) {
  return template.map((item) => {
    if (item.role && !ROLES.has(item.role)) throw ruleBroken(`unknown menu role '${item.role}' (d.ts:10372)`);
    if (!item.role && item.type !== 'separator' && !item.label && !item.submenu) throw ruleBroken('a menu item needs a label, a role or a submenu');
    return { ...item, submenu: item.submenu ? buildItems(item.submenu) : undefined };
  });
}

let applicationMenu = null;

export const Menu = {
  buildFromTemplate(template) {
    return { items: buildItems(template) };
  },
  setApplicationMenu(menu) {
    applicationMenu = menu;
  },
  getApplicationMenu() {
    return applicationMenu;
  },
};

/** Answers the test queued for the next open dialog (`{ canceled, filePaths }`). */
export const queuedOpenDialogs = [];
/** Answers the test queued for the next save dialog (`{ canceled, filePath }`). */
export const queuedSaveDialogs = [];

export const dialog = {
  showErrorBox(title, content) {
    // d.ts:8235 "This API can be called safely before the `ready` event the `app` module emits".
    report({ event: 'dialog', kind: 'error', title, content });
  },
  async showMessageBox(...args) {
    const options = args.find((arg) => arg && typeof arg === 'object' && 'message' in arg);
    report({ event: 'dialog', kind: 'message', title: options.title ?? '', content: `${options.message}\n${options.detail ?? ''}` });
    return { response: options.defaultId ?? 0, checkboxChecked: false };
  },
  async showOpenDialog() {
    return queuedOpenDialogs.shift() ?? { canceled: true, filePaths: [] };
  },
  // d.ts: showSaveDialog(window: BaseWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  // "filePath string - If the dialog is canceled, this will be an empty string."
  async showSaveDialog(...args) {
    const options = args.find((arg) => arg && typeof arg === 'object' && !(arg instanceof BrowserWindow));
    if (!options) throw ruleBroken('dialog.showSaveDialog needs its options (d.ts: SaveDialogOptions)');
    if (options.defaultPath !== undefined && typeof options.defaultPath !== 'string') throw ruleBroken('SaveDialogOptions.defaultPath is a string');
    const window = args.find((arg) => arg instanceof BrowserWindow);
    if (window?.isDestroyed()) throw ruleBroken('dialog.showSaveDialog on a destroyed window');
    report({ event: 'dialog', kind: 'save', title: options.title ?? '', content: options.defaultPath ?? '' });
    return queuedSaveDialogs.shift() ?? { canceled: true, filePath: '' };
  },
};

export const shell = {
  async openExternal(url) {
    report({ event: 'open-external', url });
  },
};

export default { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell };
