/**
 * Starts the built desktop main process (dist/electron/main.mjs) under Node with the Electron stand-in, and
 * gives the test its commands and the events it reports (rules broken, dialogs, windows, exit).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../cli.js';

export interface StandInEvent {
  event: string;
  [key: string]: unknown;
}

export interface DesktopApp {
  child: ChildProcess;
  events: StandInEvent[];
  /** Everything the process wrote to stderr. */
  stderr(): string;
  call<T = unknown>(op: string, args?: Record<string, unknown>): Promise<T>;
  /** The first event (already seen or still to come) that matches. */
  next(match: (event: StandInEvent) => boolean): Promise<StandInEvent>;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export const BUILT_MAIN = path.join(PROJECT_ROOT, 'dist/electron/main.mjs');

export function launchDesktop(env: Record<string, string>, main = BUILT_MAIN): DesktopApp {
  const child = fork(path.join(import.meta.dirname, 'host.mjs'), [main], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const events: StandInEvent[] = [];
  const waiting = new Set<{ match: (event: StandInEvent) => boolean; resolve: (event: StandInEvent) => void }>();
  const replies = new Map<number, (reply: { ok?: boolean; value?: unknown; error?: unknown }) => void>();
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  child.stdout!.resume();
  child.on('message', (message: StandInEvent & { id?: number; ok?: boolean }) => {
    if (message.id !== undefined) return replies.get(message.id)?.(message);
    events.push(message);
    for (const waiter of waiting) {
      if (!waiter.match(message)) continue;
      waiting.delete(waiter);
      waiter.resolve(message);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let nextId = 0;
  return {
    child,
    events,
    stderr: () => stderr,
    call: <T>(op: string, args: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        replies.set(id, (reply) => (replies.delete(id), reply.ok ? resolve(reply.value as T) : reject(new Error(String(reply.error)))));
        child.send({ id, op, ...args });
        void exited.then(() => reject(new Error(`the app exited before answering ${op}`)));
      }),
    next: (match) => {
      const seen = events.find(match);
      return seen
        ? Promise.resolve(seen)
        : new Promise((resolve, reject) => {
            waiting.add({ match, resolve });
            void exited.then(() => reject(new Error(`the app exited before the event; events: ${JSON.stringify(events)}\n${stderr}`)));
          });
    },
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
