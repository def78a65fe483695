/**
 * Parses lecture files in a worker thread, one at a time, each with a time limit. Markdown parsers have
 * inputs that take minutes (a 100,000-line paragraph, thousands of nested lists or brackets) or overflow the
 * stack (deeply nested HTML): such a file is reported with its reason and skipped, and the worker is replaced,
 * so one hostile file never stalls or crashes the library.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../node/moduleWorker.js';
import type { ParseResult } from './parseLecture.js';

/** Longest a single file may take to parse. A real lecture takes milliseconds. */
export const PARSE_TIME_LIMIT_MS = 8000;

interface Job {
  id: number;
  file: string;
  text: string;
  resolve: (result: ParseResult) => void;
}

export class LectureParser {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: Job | null = null;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;

  constructor(private readonly timeLimitMs = PARSE_TIME_LIMIT_MS) {}

  parse(file: string, text: string): Promise<ParseResult> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, file, text, resolve });
      this.pump();
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startModuleWorker(import.meta.url, 'parseWorker', null);
    worker.on('message', (message: { id: number; result?: ParseResult; error?: string }) => {
      const job = this.current;
      if (this.worker !== worker || !job || job.id !== message.id) return;
      this.finish(message.result ?? this.failure(job, `Could not be read: ${message.error}`));
    });
    // Events of a worker already replaced (after a time-out) concern no job any more.
    worker.on('error', (error) => this.worker === worker && this.crashed(error.message));
    worker.on('exit', (code) => this.worker === worker && this.crashed(`the parser stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = (this.current = this.queue.shift()!);
    const worker = this.ensureWorker();
    worker.ref();
    worker.postMessage({ id: job.id, file: job.file, text: job.text });
    this.timer = setTimeout(() => {
      const stuck = this.worker;
      this.worker = null;
      this.finish(this.failure(job, `Took longer than ${this.timeLimitMs / 1000} s to read (too long or too deeply nested), skipped`));
      void stuck?.terminate();
    }, this.timeLimitMs);
    this.timer.unref();
  }

  private crashed(reason: string): void {
    const job = this.current;
    this.worker = null;
    if (job) this.finish(this.failure(job, `Could not be read: ${reason}`));
  }

  private failure(job: Job, message: string): ParseResult {
    return { kind: 'skipped', problems: [{ file: job.file, severity: 'error', message }] };
  }

  private finish(result: ParseResult): void {
    clearTimeout(this.timer);
    const job = this.current;
    this.current = null;
    job?.resolve(result);
    this.pump();
    // An idle parser never keeps a process alive.
    if (!this.current) this.worker?.unref();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
