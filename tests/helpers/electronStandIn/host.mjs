/**
 * The child process that plays Electron's main process: loads the built entry (argv[2]) with `electron` resolved
 * to the stand-in, emits `ready` once the entry has fully evaluated, and carries out the test's commands (sent
 * over the IPC channel as `{ id, op, … }`, answered as `{ id, ok, value | error }`).
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./hooks.mjs', import.meta.url);
// The platform the app believes it runs on (its menus differ on macOS).
if (process.env.STAND_IN_PLATFORM) Object.defineProperty(process, 'platform', { value: process.env.STAND_IN_PLATFORM });
const electron = await import('./electron.mjs');
const { app, BrowserWindow, Menu, WebFrameMain, becomeReady, invokeFrom, queuedOpenDialogs, queuedSaveDialogs, report, requestPage, session } = electron;

// Electron reports these on stderr (and a dialog for exceptions) and keeps the process running.
process.on('uncaughtException', (error) => report({ event: 'uncaught-exception', message: String(error?.stack ?? error) }));
process.on('unhandledRejection', (error) => report({ event: 'unhandled-rejection', message: String(error?.stack ?? error) }));

const mainWindow = () => BrowserWindow.getAllWindows()[0];
const bridge = () => {
  const exposed = mainWindow()?.webContents.exposed.lectureBridge;
  if (!exposed) throw new Error('no window with the bridge');
  return exposed;
};
const describeMenu = (items) =>
  items.map(({ label, role, type, accelerator, submenu }) => ({ label, role, type, accelerator, submenu: submenu && describeMenu(submenu) }));
function menuItem(labels) {
  let items = Menu.getApplicationMenu()?.items ?? [];
  let item;
  for (const label of labels) {
    item = items.find((candidate) => candidate.label === label);
    if (!item) throw new Error(`no menu item '${label}'`);
    items = item.submenu ?? [];
  }
  return item;
}

const commands = {
  request: ({ url }) => requestPage(url),
  bridge: ({ method, args }) => bridge()[method](...args),
  invoke: ({ senderUrl, channel, args }) => invokeFrom(new WebFrameMain(mainWindow().webContents, senderUrl), channel, args),
  subscribe: () => {
    bridge().onLibraryChanged(() => report({ event: 'library-changed' }));
  },
  menu: () => describeMenu(Menu.getApplicationMenu()?.items ?? []),
  click: ({ labels }) => {
    menuItem(labels).click?.({}, mainWindow(), {});
  },
  navigate: ({ url }) => mainWindow().webContents.navigate(url),
  openWindow: ({ url }) => mainWindow().webContents.windowOpenHandler?.({ url, disposition: 'new-window' }),
  permission: () =>
    new Promise((resolve) => {
      const { permissionRequestHandler, permissionCheckHandler } = session.defaultSession;
      permissionRequestHandler?.(mainWindow().webContents, 'media', (granted) => resolve({ granted, checked: permissionCheckHandler?.() }), {});
    }),
  queueOpenDialog: ({ filePaths }) => {
    queuedOpenDialogs.push({ canceled: false, filePaths });
  },
  queueSaveDialog: ({ filePath }) => {
    queuedSaveDialogs.push({ canceled: false, filePath });
  },
  // After the answer: quitting ends the process.
  quit: () => void setImmediate(() => app.quit()),
};

process.on('message', async ({ id, op, ...args }) => {
  try {
    const value = await commands[op](args);
    process.send({ id, ok: true, value });
  } catch (error) {
    process.send({ id, ok: false, error: String(error?.message ?? error) });
  }
});

try {
  await import(pathToFileURL(process.argv[2]).href);
} catch (error) {
  report({ event: 'entry-failed', message: String(error?.stack ?? error) });
}
becomeReady();
report({ event: 'ready' });
