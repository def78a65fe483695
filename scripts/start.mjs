// `npm start`: builds the app and opens it in Electron. Where the Electron binary is missing and cannot be
// downloaded (no network, as on our build machines), it says so and opens the same reader in the browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (command, args, options = {}) => spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });

if (run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']).status !== 0) process.exit(1);
if (run(process.execPath, [path.join(root, 'scripts/build-electron.mjs')]).status !== 0) process.exit(1);

function electronBinary() {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  const binary = () => (existsSync(pathFile) ? path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null);
  if (binary() && existsSync(binary())) return binary();
  console.log('Fetching the Electron binary (first launch only)…');
  const install = run(process.execPath, [path.join(packageDir, 'install.js')], { timeout: 120_000, stdio: ['ignore', 'ignore', 'pipe'] });
  return install.status === 0 && binary() && existsSync(binary()) ? binary() : null;
}

const binary = electronBinary();
if (binary) {
  const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    '\nThe Electron binary is not available on this machine (it is downloaded from GitHub, which cannot be reached).\n' +
      'Opening the same reader in your browser instead, on the bundled lectures. Press Ctrl+C to stop.\n',
  );
  const server = spawn(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', 'serve', ...process.argv.slice(2)], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const url = /Serving on (\S+)/.exec(chunk.toString())?.[1];
    if (url) {
      const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
      const browser = spawn(opener, [url], { stdio: 'ignore', detached: true });
      browser.on('error', () => console.log(`Open ${url} in a browser.`));
      browser.unref();
    }
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}
