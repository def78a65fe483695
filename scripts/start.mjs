// `npm start`: builds the app, then opens it in Electron (downloading Electron on first launch) or, where
// Electron cannot be had, in the browser (scripts/launcher.ts).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', cwd: root });

if (run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']).status !== 0) process.exit(1);
if (run(process.execPath, [path.join(root, 'scripts/build-electron.mjs')]).status !== 0) process.exit(1);

const launcher = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/launcher.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
// Ctrl+C reaches the launcher too (same process group): wait for it to stop; a TERM sent here is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => launcher.kill('SIGTERM'));
launcher.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
