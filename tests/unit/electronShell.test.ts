/**
 * The built desktop main process (dist/electron/main.mjs) run under Node with a stand-in `electron` module that
 * enforces Electron 45's documented rules (tests/helpers/electronStandIn): start-up, the window, the app://
 * protocol, every bridge channel from the app's page and from a foreign one, navigation, the menu, library
 * change events, a start-up failure and quitting. Needs `npm run build` (as `npm test` does first).
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BRIDGE_CHANNELS, type BridgeMethod } from '../../core/common/bridge.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { BUILT_MAIN, launchDesktop, type DesktopApp, type StandInEvent } from '../helpers/electronStandIn/launch.js';
import { freePort } from '../helpers/network.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

assert.ok(existsSync(BUILT_MAIN), `${BUILT_MAIN} is missing: run npm run build first`);

const problems = (app: DesktopApp) =>
  app.events.filter((event) => ['rule-broken', 'entry-failed', 'uncaught-exception', 'unhandled-rejection'].includes(event.event));
const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));
const is = (name: string) => (event: StandInEvent) => event.event === name;

/** Waits for the window to show; fails (instead of waiting forever) as soon as the app breaks a rule, crashes or exits. */
/** A search over the bridge once the index holds every lecture (until then it answers `indexing`, never a short list). */
async function searchIndexed(app: DesktopApp, q: string): Promise<{ results: { slug: string }[] }> {
  for (;;) {
    const answer = (await app.call('bridge', { method: 'search', args: [{ q }] })) as { results: { slug: string }[]; indexing?: unknown };
    if (!answer.indexing) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function shown(app: DesktopApp): Promise<void> {
  const first = await app.next((event) => event.event === 'shown' || event.event === 'exit' || problems(app).includes(event));
  assert.equal(first.event, 'shown', `the window never showed: ${JSON.stringify(first)}\n${app.stderr()}`);
}

describe('the desktop shell under Electron 45 rules', () => {
  const library = makeLibrary({ 'bai-moi.md': lecture({ title: 'Bài giảng thử nghiệm về mạng nơ-ron', time: '01/02/2025', tags: '[thu-nghiem]' }) });
  const extra = makeLibrary({ 'them.md': lecture({ title: 'Học máy cho người mới', time: '03/04/2025', tags: '[co-ban]' }) });
  const data = tempDir('lecture-shell-');
  writeFileSync(path.join(data, 'library-folders.json'), JSON.stringify([library.root]));
  let app: DesktopApp;

  before(async () => {
    app = launchDesktop({ LECTURE_READER_DATA: data, LECTURE_READER_CACHE: path.join(data, 'cache') });
    await shown(app);
  });
  after(async () => {
    await app.stop();
    library.cleanup();
    extra.cleanup();
  });

  test('starts without breaking a rule: sandboxed window on app://reader with the preload bridge', async () => {
    assert.deepEqual(problems(app), [], app.stderr());
    const window = app.events.find(is('window'))!.options as { webPreferences: Record<string, unknown> };
    assert.equal(window.webPreferences.sandbox, true);
    assert.equal(window.webPreferences.contextIsolation, true);
    assert.equal(window.webPreferences.nodeIntegration, false);
    const loaded = app.events.find(is('loaded'))!;
    assert.equal(loaded.url, 'app://reader/');
    assert.deepEqual(loaded.exposed, ['lectureBridge']);
  });

  test('the app:// protocol answers real requests through the registered handler', async () => {
    const index = await app.call<{ status: number; headers: Record<string, string>; body: string }>('request', { url: 'app://reader/' });
    assert.equal(index.status, 200);
    assert.match(index.body, /<!doctype html>/i);
    assert.match(index.headers['content-security-policy'], /script-src 'self'/);
    const script = readdirSync(path.join(path.dirname(BUILT_MAIN), '../renderer/static')).find((name) => name.endsWith('.js'))!;
    const asset = await app.call<{ status: number; headers: Record<string, string> }>('request', { url: `app://reader/static/${script}` });
    assert.equal(asset.status, 200);
    assert.match(asset.headers['content-type'], /javascript/);
    assert.equal((await app.call<{ status: number }>('request', { url: 'app://reader/%2e%2e/%2e%2e/package.json' })).status, 404);
  });

  test('every bridge channel answers the app page, through the sandboxed preload', async () => {
    const call = (method: BridgeMethod, ...args: unknown[]) => app.call<never>('bridge', { method, args });
    const overview = (await call('getLibrary', {})) as { articles: { slug: string; title: string }[] };
    const mine = overview.articles.find((article) => article.title === 'Bài giảng thử nghiệm về mạng nơ-ron')!;
    assert.ok(mine, 'the user folder is part of the library');
    assert.equal(((await call('getLecture', mine.slug, {})) as { title: string }).title, mine.title);
    const found = await searchIndexed(app, 'thu nghiem mang no ron');
    assert.equal(found.results[0].slug, mine.slug);
    assert.ok(Array.isArray(await call('getProblems')));
    assert.equal(typeof ((await call('getOfflineStatus')) as { images: number }).images, 'number');
    assert.ok(Array.isArray(await call('getGlossary', {})));
    assert.equal(((await call('getSharing')) as { running: boolean }).running, false);
    const port = await freePort();
    const sharing = (await call('startSharing', { host: '127.0.0.1', port })) as { running: boolean; port: number };
    assert.deepEqual([sharing.running, sharing.port], [true, port]);
    assert.equal(((await call('stopSharing')) as { running: boolean }).running, false);
  });

  test('every bridge channel refuses a foreign page and bad arguments', async () => {
    for (const channel of Object.values(BRIDGE_CHANNELS)) {
      for (const senderUrl of ['https://evil.example/', 'app://other/', 'file:///etc/passwd']) {
        await assert.rejects(app.call('invoke', { senderUrl, channel, args: [{}] }), /unknown sender/, `${channel} from ${senderUrl}`);
      }
    }
    await assert.rejects(app.call('bridge', { method: 'search', args: [{ q: 42 }] }), /q must be text/);
    await assert.rejects(app.call('bridge', { method: 'getGlossary', args: [{ includeDrafts: 'yes' }] }), /includeDrafts must be a boolean/);
  });

  test('navigation stays in the app; new windows and permissions are refused', async () => {
    assert.equal(await app.call('navigate', { url: 'app://reader/blog/some-lecture' }), true);
    assert.equal(await app.call('navigate', { url: 'https://example.com/' }), false);
    assert.equal(await app.call('navigate', { url: 'app://other/' }), false);
    assert.deepEqual(await app.call('openWindow', { url: 'https://example.com/page' }), { action: 'deny' });
    assert.equal((await app.next(is('open-external'))).url, 'https://example.com/page');
    assert.deepEqual(await app.call('permission'), { granted: false, checked: false });
  });

  test('the menu has Edit with the standard roles and a Window menu', async () => {
    const menu = await app.call<{ label?: string; role?: string; submenu?: { role?: string }[] }[]>('menu');
    const edit = menu.find((item) => item.label === 'Sửa')!;
    const roles = edit.submenu!.map((item) => item.role).filter(Boolean);
    assert.deepEqual(roles, ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    assert.ok(menu.some((item) => item.role === 'windowMenu'));
    assert.deepEqual(problems(app), []);
  });

  test('"Tải sách EPUB": the book is made, the save dialog asks where, the file is written; a cancel writes nothing', async () => {
    const target = path.join(data, 'sách thử.epub');
    await app.call('queueSaveDialog', { filePath: target });
    assert.deepEqual(await app.call('bridge', { method: 'saveEpub', args: [{ tags: ['thu-nghiem'] }] }), { file: target });
    const bytes = readFileSync(target);
    // A zip whose first entry is the stored `mimetype`: what every e-reader checks first.
    assert.equal(bytes.subarray(30, 58).toString(), 'mimetypeapplication/epub+zip');
    const asked = app.events.filter((event) => event.event === 'dialog' && event.kind === 'save').pop()!;
    assert.match(String(asked.content), /thu-nghiem.*\.epub$/);
    assert.deepEqual(await app.call('bridge', { method: 'saveEpub', args: [{}] }), {});
    await assert.rejects(app.call('bridge', { method: 'saveEpub', args: [{ tags: 'not a list' }] }));
    assert.deepEqual(problems(app), []);
  });

  // A hang here (the test's time limit) is the failure: a search that never answers.
  test('a library change reaches the window; adding a folder keeps answering while it swaps', { timeout: 60_000 }, async () => {
    await app.call('subscribe');
    const changed = app.events.filter(is('library-changed')).length;
    library.write('bai-moi.md', lecture({ title: 'Bài giảng thử nghiệm đã sửa', time: '01/02/2025' }));
    await app.next((event) => event.event === 'library-changed' && app.events.filter(is('library-changed')).length > changed);

    await app.call('queueOpenDialog', { filePaths: [extra.root] });
    const before = app.events.filter(is('library-changed')).length;
    let swapped = false;
    const changedAgain = app
      .next((event) => event.event === 'library-changed' && app.events.filter(is('library-changed')).length > before)
      .then(() => (swapped = true));
    await app.call('click', { labels: ['Tệp', 'Thêm thư mục bài giảng…'] });
    // Searches all the while the new library opens: each must be answered (a closed library never answers).
    for (let searches = 0; !swapped; searches++) {
      const answer = (await app.call('bridge', { method: 'search', args: [{ q: `bai giang ${searches}` }] })) as { results: unknown[] };
      assert.ok(Array.isArray(answer.results));
    }
    await changedAgain;
    const titles = ((await app.call('bridge', { method: 'getLibrary', args: [{}] })) as { articles: { title: string }[] }).articles.map((a) => a.title);
    assert.ok(titles.includes('Học máy cho người mới'));
    assert.deepEqual(problems(app), []);
  });

  test('quitting closes the window, remembers its place and ends the process', async () => {
    await app.call('quit');
    assert.equal(await app.exited, 0);
    assert.ok(existsSync(path.join(data, 'window-state.json')));
    assert.deepEqual(problems(app), []);
  });
});

/** The files electron-builder packs (package.json "build.files"), copied to a folder with no node_modules above it. */
function packagedCopy(): string {
  const packaged = tempDir('lecture-packaged-');
  for (const entry of ['package.json', 'dist/electron', 'dist/renderer', 'content'])
    cpSync(path.join(PROJECT_ROOT, entry), path.join(packaged, entry), { recursive: true });
  return packaged;
}

test('a start-up failure shows a dialog and quits, releasing the lock', async () => {
  // A damaged installation: the parser's thread file is gone, so the library cannot be read.
  const packaged = packagedCopy();
  rmSync(path.join(packaged, 'dist/electron/parseWorker.mjs'));
  const data = tempDir('lecture-shell-fail-');
  const app = launchDesktop({ LECTURE_READER_DATA: data, LECTURE_READER_CACHE: path.join(data, 'cache') }, path.join(packaged, 'dist/electron/main.mjs'));
  try {
    const outcome = await app.next((event) => ['exit', 'unhandled-rejection', 'shown'].includes(event.event));
    assert.equal(outcome.event, 'exit', JSON.stringify(app.events));
    assert.equal(outcome.code, 1);
    assert.equal(outcome.lockHeld, false);
    const dialog = app.events.find(is('dialog'))!;
    assert.equal(dialog.kind, 'error');
    assert.match(String(dialog.content), /parseWorker/);
    assert.equal(await app.exited, 1);
  } finally {
    await app.stop();
  }
});

test('a window saved on a monitor that is gone opens at the default place; a missing data folder is created', async () => {
  const data = path.join(tempDir('lecture-shell-screen-'), 'not/yet/there');
  const launch = async (saved: object) => {
    mkdirSync(data, { recursive: true });
    writeFileSync(path.join(data, 'window-state.json'), JSON.stringify(saved));
    const app = launchDesktop({ LECTURE_READER_DATA: data, LECTURE_READER_CACHE: path.join(data, 'cache') });
    try {
      await shown(app);
      assert.deepEqual(problems(app), []);
      return app.events.find(is('window'))!.options as { x?: number; y?: number };
    } finally {
      await app.stop();
    }
  };
  // The default display is 1920×1080 (work area 1920×1040 at 0,0).
  const gone = await launch({ x: 2500, y: 200, width: 800, height: 600 });
  assert.deepEqual([gone.x, gone.y], [undefined, undefined]);
  const here = await launch({ x: 300, y: 200, width: 800, height: 600 });
  assert.deepEqual([here.x, here.y], [300, 200]);

  const missing = path.join(tempDir('lecture-shell-data-'), 'a/b');
  const app = launchDesktop({ LECTURE_READER_DATA: missing, LECTURE_READER_CACHE: path.join(missing, 'cache') });
  try {
    await shown(app);
    assert.deepEqual(problems(app), []);
    assert.ok(existsSync(missing));
  } finally {
    await app.stop();
  }
});

test('the packaged files alone run the app: every dependency is bundled, none is needed from node_modules', async () => {
  const packaged = packagedCopy();
  const data = tempDir('lecture-packaged-data-');
  const app = launchDesktop({ LECTURE_READER_DATA: data, LECTURE_READER_CACHE: path.join(data, 'cache') }, path.join(packaged, 'dist/electron/main.mjs'));
  try {
    await shown(app);
    const found = await searchIndexed(app, 'ao giac');
    assert.ok(found.results.length > 0);
    const port = await freePort();
    assert.equal(((await app.call('bridge', { method: 'startSharing', args: [{ host: '127.0.0.1', port }] })) as { running: boolean }).running, true);
    assert.equal((await fetch(`http://127.0.0.1:${port}/api/version`)).status, 200);
    await app.call('bridge', { method: 'stopSharing', args: [] });
    assert.deepEqual(problems(app), []);
  } finally {
    await app.stop();
  }
});

test('on macOS the first menu is the app menu, then the same Edit menu', async () => {
  const data = tempDir('lecture-shell-mac-');
  const app = launchDesktop({ LECTURE_READER_DATA: data, LECTURE_READER_CACHE: path.join(data, 'cache'), STAND_IN_PLATFORM: 'darwin' });
  try {
    await shown(app);
    const menu = await app.call<{ label?: string; role?: string; submenu?: { role?: string }[] }[]>('menu');
    assert.equal(menu[0].role, 'appMenu');
    assert.deepEqual(
      menu
        .find((item) => item.label === 'Sửa')!
        .submenu!.map((item) => item.role)
        .filter(Boolean),
      ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'],
    );
  } finally {
    await app.stop();
  }
});

test('a data folder that cannot be made is said in a dialog, and the app exits', async () => {
  const file = path.join(tempDir('lecture-shell-file-'), 'a-file');
  writeFileSync(file, 'not a folder');
  const app = launchDesktop({ LECTURE_READER_DATA: path.join(file, 'data') });
  try {
    const outcome = await app.next((event) => ['exit', 'shown'].includes(event.event) || problems(app).includes(event));
    assert.equal(outcome.event, 'exit', JSON.stringify(app.events));
    assert.equal(outcome.code, 1);
    assert.match(String(app.events.find(is('dialog'))?.content), /LECTURE_READER_DATA=.*a-file\/data: ENOTDIR/);
  } finally {
    await app.stop();
  }
});
