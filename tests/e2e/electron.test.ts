/**
 * The packaged flow in the real Electron binary, through Playwright's Electron driver. `npm start` downloads
 * Electron's binary on first launch; where it is not on disk (as on our offline build machines) this test is
 * skipped and says why — it never passes without running. tests/unit/electronShell.test.ts runs the same main
 * process everywhere, under a stand-in that enforces Electron's documented rules.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { _electron } from 'playwright-core';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { freePort, getFrom } from '../helpers/network.js';
import { installedElectron } from '../../scripts/electronDownload.js';

const binary = installedElectron();
const skip = binary ? false : 'the Electron binary is not installed on this machine (npm start downloads it on first launch)';

test('desktop app: window, sandboxed bridge, search and offline images', { skip }, async () => {
  const data = mkdtempSync(path.join(tmpdir(), 'lecture-electron-'));
  const app = await _electron.launch({
    executablePath: binary!,
    args: [PROJECT_ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, LECTURE_READER_DATA: data },
  });
  try {
    const page = await app.firstWindow();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.match(page.url(), /^app:\/\/reader\//);
    assert.equal(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require), 'undefined', 'no Node in the page');
    assert.equal(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process), 'undefined');
    assert.deepEqual(await page.evaluate(() => Object.keys((window as unknown as { lectureBridge: object }).lectureBridge).sort()), [
      'getLecture',
      'getLibrary',
      'getOfflineStatus',
      'getProblems',
      'getSharing',
      'onLibraryChanged',
      'search',
      'startSharing',
      'stopSharing',
    ]);
    assert.equal(await page.locator('.cards > li').first().getAttribute('aria-setsize'), '8');
    await page.getByRole('combobox', { name: 'Tìm kiếm bài giảng' }).fill('ao giac');
    await page.getByRole('option').first().click();
    await page.getByRole('heading', { level: 1, name: 'Ảo giác (hallucination) và RAG' }).waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.markdown-body img')].every((img) => img.complete && img.naturalWidth > 0),
    );
    // Classroom sharing over real IPC: off at start, then the address answers.
    await page.getByRole('button', { name: 'Chia sẻ với lớp học' }).click();
    const panel = page.getByRole('dialog', { name: 'Chia sẻ với lớp học' });
    await panel.getByLabel('Mạng').selectOption('127.0.0.1');
    const port = await freePort();
    await panel.getByLabel('Cổng').fill(String(port));
    await panel.getByRole('button', { name: 'Bắt đầu chia sẻ' }).click();
    await panel.getByText(`http://127.0.0.1:${port}/`).waitFor();
    assert.equal((await getFrom('127.0.0.2', `http://127.0.0.1:${port}/api/version`)).status, 200);
    await panel.getByRole('button', { name: 'Dừng chia sẻ' }).click();
    await panel.getByRole('button', { name: 'Bắt đầu chia sẻ' }).waitFor();
    const windows = app.windows().length;
    await page.evaluate(() => window.open('https://example.com/'));
    await page.waitForTimeout(300);
    assert.equal(app.windows().length, windows, 'window.open is denied');
  } finally {
    await app.close();
  }
});
