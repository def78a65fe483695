/**
 * `npm start` after the build (scripts/launcher.ts) and its Electron download (scripts/electronDownload.ts), driven
 * against a local archive server standing in for Electron's download host (ELECTRON_MIRROR): a fake release whose
 * `electron` is a shell script. No real network. Also `serve` on a busy port.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startArchiveHost, storedZip } from '../helpers/archiveHost.js';
import { PROJECT_ROOT, runCliAsync } from '../helpers/cli.js';
import { freePort } from '../helpers/network.js';

const VERSION = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;

/** Stands in for Electron: prints its arguments, or dies as the real one does in the chosen trouble. */
const FAKE_ELECTRON = `#!/bin/sh
case "$FAKE_ELECTRON" in
  sandbox) echo "[1:FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now." >&2; kill -TRAP $$ ;;
  crash) kill -SEGV $$ ;;
  *) echo "fake electron $*" ;;
esac
`;
const release = storedZip([
  { name: 'electron', content: FAKE_ELECTRON, mode: 0o755 },
  { name: 'version', content: `v${VERSION}` },
  { name: 'resources.pak', content: 'x'.repeat(400_000) },
]);

/** A fresh copy of the `electron` package's own files (no binary yet), so nothing touches node_modules. */
function electronPackage(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'electron-package-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: VERSION }));
  writeFileSync(path.join(dir, 'checksums.json'), '{}');
  return dir;
}

function run(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done, output: () => stdout + stderr };
}

const downloadEnv = (mirror: string, packageDir: string) => ({
  ELECTRON_MIRROR: mirror,
  electron_use_remote_checksums: '1',
  electron_config_cache: mkdtempSync(path.join(tmpdir(), 'electron-cache-')),
  force_no_cache: 'true',
  LECTURE_READER_ELECTRON_PACKAGE: packageDir,
});

test('first launch downloads Electron where the electron package looks, then runs it; later launches do not fetch', async () => {
  const host = await startArchiveHost(VERSION, release);
  const packageDir = electronPackage();
  try {
    const first = await run('scripts/launcher.ts', [], downloadEnv(host.mirror, packageDir)).done;
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /Fetching the Electron binary \(first launch only\)/);
    assert.match(first.stdout, new RegExp(`Downloading Electron ${VERSION}: [\\d.]+ / 0\\.4 MB \\(100 %\\)`));
    assert.equal(readFileSync(path.join(packageDir, 'path.txt'), 'utf8'), 'electron');
    assert.match(first.stdout, new RegExp(`fake electron ${PROJECT_ROOT}`));

    const again = await run('scripts/launcher.ts', ['--flag'], downloadEnv(host.mirror, packageDir)).done;
    assert.equal(again.code, 0);
    assert.doesNotMatch(again.stdout, /Fetching/);
    assert.match(again.stdout, /fake electron .* --flag/);
  } finally {
    await host.close();
  }
});

test('a slow download that keeps progressing is never stopped, and shows its progress', async () => {
  const host = await startArchiveHost(VERSION, release, { pieces: 10, pauseMs: 400 });
  const packageDir = electronPackage();
  try {
    const result = await run('scripts/electronDownload.ts', [packageDir], downloadEnv(host.mirror, packageDir)).done;
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.match(/Downloading Electron/g)!.length >= 5, result.stdout);
    assert.ok(existsSync(path.join(packageDir, 'dist/electron')));
  } finally {
    await host.close();
  }
});

test('a refused connection and a damaged archive are each said plainly, with exit code 1', async () => {
  const refused = await run('scripts/electronDownload.ts', [electronPackage()], downloadEnv(`http://127.0.0.1:${await freePort()}/`, electronPackage())).done;
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /could not be downloaded: 127\.0\.0\.1:\d+ refused the connection/);

  const host = await startArchiveHost(VERSION, Buffer.from('PK\x03\x04 this is not a zip archive at all'));
  try {
    const packageDir = electronPackage();
    const corrupt = await run('scripts/electronDownload.ts', [packageDir], downloadEnv(host.mirror, packageDir)).done;
    assert.equal(corrupt.code, 1);
    assert.match(corrupt.stderr, /could not be downloaded: the downloaded archive is damaged/);
    assert.ok(!existsSync(path.join(packageDir, 'path.txt')));
  } finally {
    await host.close();
  }

  const missing = await startArchiveHost('0.0.1', release);
  try {
    const packageDir = electronPackage();
    const notThere = await run('scripts/electronDownload.ts', [packageDir], downloadEnv(missing.mirror, packageDir)).done;
    assert.equal(notThere.code, 1);
    assert.match(notThere.stderr, /answered HTTP 404/);
  } finally {
    await missing.close();
  }
});

test('Electron dying from a signal fails the launch; the chrome-sandbox abort gets the two commands that fix it', async () => {
  const host = await startArchiveHost(VERSION, release);
  const packageDir = electronPackage();
  try {
    const env = downloadEnv(host.mirror, packageDir);
    const crash = await run('scripts/launcher.ts', [], { ...env, FAKE_ELECTRON: 'crash' }).done;
    assert.equal(crash.code, 1);
    assert.match(crash.stderr, /Electron was stopped by SIGSEGV/);

    const sandbox = await run('scripts/launcher.ts', [], { ...env, FAKE_ELECTRON: 'sandbox' }).done;
    assert.equal(sandbox.code, 1);
    const helper = path.join(packageDir, 'dist/chrome-sandbox');
    assert.ok(sandbox.stderr.includes(`sudo chown root:root ${helper}\n  sudo chmod 4755 ${helper}`), sandbox.stderr);
  } finally {
    await host.close();
  }
});

test('without Electron: the browser reader on the next free port, and the address when no browser opens', { timeout: 120_000 }, async () => {
  // 4173 taken (by this test, or by someone else already).
  const blocker = net.createServer().on('error', () => {});
  await new Promise<void>((resolve) => blocker.listen(4173, '127.0.0.1', resolve).once('error', () => resolve()));
  const bin = mkdtempSync(path.join(tmpdir(), 'no-browser-'));
  writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 3\n');
  chmodSync(path.join(bin, 'xdg-open'), 0o755);
  mkdirSync(path.join(bin, 'cache'));
  const launch = run('scripts/launcher.ts', ['--cache-dir', path.join(bin, 'cache')], {
    ...downloadEnv(`http://127.0.0.1:${await freePort()}/`, electronPackage()),
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      launch.child.stdout.on('data', () => /No browser could be opened/.test(launch.output()) && resolve());
      void launch.done.then(() => reject(new Error(launch.output())));
    });
    const output = launch.output();
    assert.match(output, /refused the connection/);
    const port = /Port 4173 is in use; using port (\d+) instead\./.exec(output)?.[1];
    assert.ok(port, output);
    assert.match(output, new RegExp(`No browser could be opened \\(xdg-open exited with code 3\\)\\. Open http://127\\.0\\.0\\.1:${port}/ in a browser\\.`));
    assert.doesNotMatch(output, /Opened http/);
  } finally {
    launch.child.kill('SIGTERM');
    await launch.done;
    blocker.close();
  }
});

test('serve on a busy port says so with --port advice and exits 1', async () => {
  const busy = net.createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const port = (busy.address() as net.AddressInfo).port;
  try {
    const result = await runCliAsync(['serve', '--port', String(port)]);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, `Port ${port} is already in use on 127.0.0.1. Choose another port with --port, for example: serve --port ${port + 1}\n`);
  } finally {
    busy.close();
  }
});
