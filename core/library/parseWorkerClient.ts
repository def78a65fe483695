/**
 * Parses lecture files in a worker thread (parseWorker.ts), one at a time, each with a time limit. Markdown
 * parsers have inputs that take minutes (a 100,000-line paragraph, thousands of nested lists or brackets) or
 * overflow the stack (deeply nested HTML): such a file is reported with its reason and skipped, and the worker is
 * replaced, so one hostile file never stalls or crashes the library.
 */
import { WorkerClient } from '../node/workerRequests.js';
import type { ParseResult } from './parseLecture.js';

/** Longest a single file may take to parse. A real lecture takes milliseconds. */
export const PARSE_TIME_LIMIT_MS = 8000;

/** What parseWorker.ts is asked: one lecture file's text. */
export interface ParseRequest {
  file: string;
  text: string;
}

export class ParseWorkerClient {
  private worker: WorkerClient<ParseRequest, ParseResult> | null = null;
  /** The file being parsed, then the ones waiting: parsed in turn. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly timeLimitMs = PARSE_TIME_LIMIT_MS) {}

  parse(file: string, text: string): Promise<ParseResult> {
    const result = this.queue.then(() => this.parseNow({ file, text }));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async parseNow(request: ParseRequest): Promise<ParseResult> {
    const worker = (this.worker ??= new WorkerClient<ParseRequest, ParseResult>(import.meta.url, 'parseWorker'));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timed out'>((resolve) => {
      timer = setTimeout(() => resolve('timed out'), this.timeLimitMs);
    });
    try {
      const outcome = await Promise.race([worker.request(request), timedOut]);
      if (outcome !== 'timed out') return outcome;
      // The worker is stuck in that file: it is stopped, and the next file gets a new one.
      this.worker = null;
      void worker.terminate();
      return skipped(request.file, `Took longer than ${this.timeLimitMs / 1000} s to read (too long or too deeply nested), skipped`);
    } catch (error) {
      if (!worker.alive) this.worker = null;
      return skipped(request.file, `Could not be read: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

function skipped(file: string, message: string): ParseResult {
  return { kind: 'skipped', problems: [{ file, severity: 'error', message }] };
}
