/**
 * What `npm start` does once the app is built: runs it in Electron, downloading Electron on first launch; where
 * Electron cannot be had (offline machines), serves the same reader to the browser instead.
 * `node --import tsx scripts/launcher.ts [args…]`; the arguments go to Electron, or to `serve` in the browser.
 * LECTURE_READER_ELECTRON_PACKAGE names the `electron` package folder to use (tests; default: node_modules/electron).
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { portTaken } from '../core/node/ports.js';
import { electronPackageDir, installedElectron } from './electronDownload.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_PORT = 4173;
const args = process.argv.slice(2);
const packageDir = process.env.LECTURE_READER_ELECTRON_PACKAGE ? path.resolve(process.env.LECTURE_READER_ELECTRON_PACKAGE) : electronPackageDir();

function electronBinary(): string | null {
  const installed = installedElectron(packageDir);
  if (installed) return installed;
  console.log('Fetching the Electron binary (first launch only)…');
  const download = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/electronDownload.ts'), packageDir], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return download.status === 0 ? installedElectron(packageDir) : null;
}

/** Chromium's abort when its setuid sandbox helper is not root-owned with mode 4755 (Ubuntu 23.10+ restricts the other sandbox). */
const SANDBOX_ABORT = /SUID sandbox helper binary was found, but is not configured correctly|No usable sandbox!/;

function runElectron(binary: string): void {
  const child = spawn(binary, [ROOT, ...args], { cwd: ROOT, stdio: ['inherit', 'inherit', 'pipe'] });
  let sandboxAbort = false;
  let forwarded: NodeJS.Signals | null = null;
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    if (SANDBOX_ABORT.test(chunk.toString())) sandboxAbort = true;
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill((forwarded = signal)));
  child.on('exit', (code, signal) => {
    if (sandboxAbort) {
      const helper = path.join(path.dirname(binary), 'chrome-sandbox');
      console.error(
        `\nElectron stopped: its sandbox helper needs to be owned by root with the setuid bit (Ubuntu 23.10 and newer\n` +
          `require it). Run these two commands once, then npm start again:\n\n  sudo chown root:root ${helper}\n  sudo chmod 4755 ${helper}\n`,
      );
      process.exit(1);
    }
    if (signal) {
      // Stopped by the user (Ctrl+C) or by something else: a failure either way, explained only in the second case.
      if (signal !== forwarded) console.error(`Electron was stopped by ${signal}.`);
      process.exit(1);
    }
    process.exit(code ?? 0);
  });
}

/** `serve` arguments with a free port: the user's --port as given, else 4173 or the next free one (said so). */
async function serveArguments(): Promise<string[]> {
  if (args.some((arg) => arg === '--port' || arg.startsWith('--port='))) return args;
  let port = DEFAULT_PORT;
  while ((await portTaken('127.0.0.1', port)) && port < DEFAULT_PORT + 100) port++;
  if (port !== DEFAULT_PORT) console.log(`Port ${DEFAULT_PORT} is in use; using port ${port} instead.`);
  return [...args, '--port', String(port)];
}

function openInBrowser(url: string): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const cannot = (why: string) => console.log(`No browser could be opened (${why}). Open ${url} in a browser.`);
  const browser = spawn(opener, [url], { stdio: 'ignore' });
  browser.on('error', (error) => cannot(`${opener}: ${error.message}`));
  // explorer.exe answers 1 even when it opened the page.
  browser.on('exit', (code) =>
    code === 0 || process.platform === 'win32' ? console.log(`Opened ${url} in your browser.`) : cannot(`${opener} exited with code ${code}`),
  );
}

async function serveInBrowser(): Promise<void> {
  console.log('\nElectron is not available, so the same reader is served to your browser instead, on the bundled lectures.\nPress Ctrl+C to stop.\n');
  const server = spawn(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', 'serve', ...(await serveArguments())], {
    cwd: ROOT,
    stdio: ['inherit', 'pipe', 'inherit'],
    // Its output is read here on the way to the terminal: it still draws for one (the classroom QR code).
    env: { ...process.env, LECTURE_READER_TERMINAL: process.stdout.isTTY ? '1' : '' },
  });
  server.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    const url = /Serving on (\S+)/.exec(chunk.toString())?.[1];
    if (url) openInBrowser(url);
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary();
if (binary) runElectron(binary);
else await serveInBrowser();
