/**
 * Requests and their answers over a worker thread, both sides. Each request carries an id; the worker answers
 * it with the value or the error message; the worker's crash or exit rejects every request still waiting, and
 * later ones. A client with nothing to wait for does not keep the process alive. The worker also says when it
 * starts on a request, so a caller can time the work itself rather than the queue and the thread's start-up.
 */
import { parentPort, type Worker } from 'node:worker_threads';
import { startModuleWorker } from './moduleWorker.js';

type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string } | { id: number; started: true };

/** The worker side: answers each request with `handle`'s value, or its error's message. */
export function answerRequests<Request, Reply>(handle: (request: Request) => Reply | Promise<Reply>): void {
  const port = parentPort!;
  port.on('message', async ({ id, request }: { id: number; request: Request }) => {
    port.postMessage({ id, started: true } satisfies Answer);
    let answer: Answer;
    try {
      answer = { id, ok: true, value: await handle(request) };
    } catch (error) {
      answer = { id, ok: false, error: (error as Error).message };
    }
    port.postMessage(answer);
  });
}

/** The calling side, for the worker module `name` next to the module at `callerUrl` (see startModuleWorker). */
export class WorkerClient<Request, Reply> {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: Reply) => void; reject: (error: Error) => void; started?: () => void }>();
  private nextId = 1;
  /** Why the worker is gone, once it is. */
  private stopped: Error | null = null;

  constructor(callerUrl: string, name: string, workerData: unknown = null) {
    this.worker = startModuleWorker(callerUrl, name, workerData);
    this.worker.unref();
    this.worker.on('message', (answer: Answer) => {
      const pending = this.pending.get(answer.id);
      if ('started' in answer) return pending?.started?.();
      this.settled(answer.id);
      if (answer.ok) pending?.resolve(answer.value as Reply);
      else pending?.reject(new Error(answer.error));
    });
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`the ${name} thread stopped (exit code ${code})`)));
  }

  /** Whether the worker crashed, exited or was terminated: it answers nothing any more. */
  get alive(): boolean {
    return this.stopped === null;
  }

  /** Sends `request`; `started` is called when the worker begins on it. */
  request(request: Request, started?: () => void): Promise<Reply> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, started });
      this.worker.ref();
      this.worker.postMessage({ id, request });
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private settled(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  private stop(reason: Error): void {
    this.stopped ??= reason;
    for (const pending of this.pending.values()) pending.reject(reason);
    this.pending.clear();
  }
}
