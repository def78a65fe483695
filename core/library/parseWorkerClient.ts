/**
 * Parses lecture files on a small pool of worker threads (parseWorker.ts), each file with a time limit. Markdown
 * parsers have inputs that take minutes (a 100,000-line paragraph, thousands of nested lists or brackets) or
 * overflow the stack (deeply nested HTML): such a file is reported with its reason and skipped, and its worker is
 * replaced, so one hostile file never stalls or crashes the library.
 *
 * The limit is counted from when a worker starts on the file, not from when it was queued nor through the thread's
 * start-up: on a busy machine a replacement thread alone can take seconds to start, and counting that once made
 * every file after one slow file time out in turn. A file that runs out of time is tried once more with a longer
 * limit; one that still does is reported as a time-out, which is not the file's own fault (`lasting: false`), so
 * it is tried again on the next load rather than remembered.
 */
import { availableParallelism } from 'node:os';
import { WorkerClient } from '../node/workerRequests.js';
import type { ParseDepth, ParseResult } from './parseLecture.js';

/** Longest a single file may take to parse, from when its parsing starts. A real lecture takes milliseconds. */
export const PARSE_TIME_LIMIT_MS = 8000;

/** The retry of a file that ran out of time gets this many times the limit. */
const RETRY_LIMIT_FACTOR = 4;

/** Threads parsing at once: one core is left to the process that reads files and answers requests. */
export const PARSE_THREADS = Math.max(1, availableParallelism() - 1);

/** What parseWorker.ts is asked: one lecture file's text, read to this depth. */
export interface ParseRequest {
  file: string;
  text: string;
  depth: ParseDepth;
}

export interface ParseAttempt {
  result: ParseResult;
  /** False when the outcome says nothing about the file (it ran out of time): worth trying again later. */
  lasting: boolean;
}

interface Job {
  request: ParseRequest;
  done: (attempt: ParseAttempt) => void;
  /** Only when no file can be read at all (the parser's thread cannot start). */
  fail: (error: Error) => void;
}

/** One thread of the pool, started when first needed and replaced after a time-out or a crash. */
interface Slot {
  worker: WorkerClient<ParseRequest, ParseResult> | null;
  busy: boolean;
}

export class ParseWorkerClient {
  private readonly slots: Slot[];
  private readonly waiting: Job[] = [];
  private closed = false;

  constructor(
    private readonly timeLimitMs = PARSE_TIME_LIMIT_MS,
    threads = PARSE_THREADS,
  ) {
    this.slots = Array.from({ length: threads }, () => ({ worker: null, busy: false }));
  }

  /** `urgent`: before every file already waiting (a reader opening a lecture while the library is being read). */
  parse(file: string, text: string, depth: ParseDepth = 'whole', urgent = false): Promise<ParseAttempt> {
    if (this.closed) return Promise.resolve(closedAttempt(file));
    return new Promise((done, fail) => {
      const job = { request: { file, text, depth }, done, fail };
      if (urgent) this.waiting.unshift(job);
      else this.waiting.push(job);
      this.startWaiting();
    });
  }

  private startWaiting(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.waiting.length === 0) continue;
      const job = this.waiting.shift()!;
      slot.busy = true;
      void this.run(slot, job.request)
        .then(job.done, job.fail)
        .finally(() => {
          slot.busy = false;
          this.startWaiting();
        });
    }
  }

  private async run(slot: Slot, request: ParseRequest): Promise<ParseAttempt> {
    const first = await this.attempt(slot, request, this.timeLimitMs);
    if (first !== 'timed out') return first;
    const limit = this.timeLimitMs * RETRY_LIMIT_FACTOR;
    const second = await this.attempt(slot, request, limit);
    if (second !== 'timed out') return second;
    return {
      result: skipped(request.file, `Took longer than ${limit / 1000} s to read (too long or too deeply nested), skipped`),
      lasting: false,
    };
  }

  /** Starts the first thread now, when a file is about to be read (a change seen), so its start-up is not waited for then. */
  warmUp(): void {
    if (!this.closed) this.threadOf(this.slots[0]);
  }

  private threadOf(slot: Slot): WorkerClient<ParseRequest, ParseResult> {
    return (slot.worker ??= new WorkerClient<ParseRequest, ParseResult>(import.meta.url, 'parseWorker'));
  }

  private async attempt(slot: Slot, request: ParseRequest, limitMs: number): Promise<ParseAttempt | 'timed out'> {
    const worker = this.threadOf(slot);
    let timer: NodeJS.Timeout | undefined;
    let timeUp: (outcome: 'timed out') => void = () => {};
    const timedOut = new Promise<'timed out'>((resolve) => (timeUp = resolve));
    try {
      const outcome = await Promise.race([worker.request(request, () => (timer = setTimeout(() => timeUp('timed out'), limitMs))), timedOut]);
      if (outcome !== 'timed out') return { result: outcome, lasting: true };
      // The worker is stuck in that file: it is stopped, and the next attempt gets a new one.
      slot.worker = null;
      void worker.terminate();
      return 'timed out';
    } catch (error) {
      if (this.closed) return closedAttempt(request.file);
      // The parser's own file is missing (a damaged installation): no lecture can be read and none is to blame, so
      // nothing is remembered as failed; opening the library fails and says why.
      if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' || (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') throw error;
      if (!worker.alive) slot.worker = null;
      return { result: skipped(request.file, `Could not be read: ${(error as Error).message}`), lasting: true };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.done(closedAttempt(job.request.file));
    const workers = this.slots.map((slot) => slot.worker);
    for (const slot of this.slots) slot.worker = null;
    await Promise.all(workers.map((worker) => worker?.terminate()));
  }
}

/** Files asked for once the pool is closed are not read: not their fault, so nothing is remembered of them. */
function closedAttempt(file: string): ParseAttempt {
  return { result: skipped(file, 'Not read: the library was closed'), lasting: false };
}

function skipped(file: string, message: string): ParseResult {
  return { kind: 'skipped', problems: [{ file, severity: 'error', message }] };
}
