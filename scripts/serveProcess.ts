import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface ServeProcess {
  url: string;
  /** Everything the command printed until it was ready. */
  output: string;
  child: ChildProcess;
  /** When the process was spawned (performance.now()). */
  startedAt: number;
  stop(): Promise<void>;
}

/** How the CLI is started: from its TypeScript sources (tests, development), or built (`npm run -s build`). */
export interface CliLaunch {
  cwd: string;
  args: string[];
}

export const SOURCE_CLI: CliLaunch = { cwd: ROOT, args: ['--import', 'tsx', 'core/cli/main.ts'] };
export const BUILT_CLI: CliLaunch = { cwd: ROOT, args: ['dist/cli/main.mjs'] };

/**
 * Starts the real `serve` command in a child process on a free port (a throw-away cache folder unless
 * `cacheDir` is given) and resolves once it prints its URL. `extraArgs` go to the command as they are
 * (`--host 0.0.0.0`). Used by the end-to-end tests and the benchmarks.
 */
export async function startServeProcess(
  folders: string[],
  cacheDir = mkdtempSync(path.join(tmpdir(), 'lecture-serve-cache-')),
  extraArgs: string[] = [],
  cli = SOURCE_CLI,
  startTimeoutMs = 30_000,
): Promise<ServeProcess> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...cli.args, 'serve', ...folders, '--port', '0', '--cache-dir', cacheDir, ...extraArgs], {
    cwd: cli.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Serving on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`serve exited with ${child.exitCode}:\n${output}`)));
  });
  return {
    url,
    output,
    child,
    startedAt,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
