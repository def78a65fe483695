/** A `SearchBackend` whose engine runs in a worker thread (see searchWorker.ts). */
import { Worker } from 'node:worker_threads';
import type { SearchRequest, SearchResponse } from '../common/api.js';
import type { OpenReport, SearchBackend } from './indexedSearch.js';
import type { SearchDocument, SyncStats } from './searchEngine.js';
import type { WorkerRequest, WorkerResponse } from './workerProtocol.js';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/**
 * Starts searchWorker next to this module: the built .js/.mjs file in the app, or, when running from TypeScript
 * sources (tsx, tests), the .ts file through tsx's loader, which a worker does not inherit.
 */
function startWorker(indexFile: string | undefined): Worker {
  const extension = import.meta.url.match(/\.(ts|mjs|js)$/)?.[1] ?? 'js';
  const entry = new URL(`./searchWorker.${extension}`, import.meta.url);
  // In the packaged app the worker file is unpacked next to the archive: a worker thread cannot start inside it.
  if (extension !== 'ts') return new Worker(new URL(entry.href.replace('/app.asar/', '/app.asar.unpacked/')), { workerData: { indexFile } });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { indexFile } });
}

export class WorkerSearch implements SearchBackend {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(indexFile?: string) {
    this.worker = startWorker(indexFile);
    this.worker.on('message', (message: WorkerResponse) => {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) pending?.resolve(message.value);
      else pending?.reject(new Error(message.error));
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`search worker exited with code ${code}`)));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  private call<T>(request: Request): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  sync(documents: SearchDocument[]): Promise<SyncStats & { opened: OpenReport }> {
    return this.call({ type: 'sync', documents });
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    return this.call({ type: 'search', request });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
