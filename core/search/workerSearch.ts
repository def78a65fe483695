/** A `SearchBackend` whose engine runs in a worker thread (see searchWorker.ts). */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../node/moduleWorker.js';
import type { SearchRequest, SearchResponse } from '../common/api.js';
import type { OpenReport, SearchBackend } from './indexedSearch.js';
import type { SearchDocument, SyncStats } from './searchEngine.js';
import type { WorkerRequest, WorkerResponse } from './workerProtocol.js';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

export class WorkerSearch implements SearchBackend {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(indexFile?: string) {
    this.worker = startModuleWorker(import.meta.url, 'searchWorker', { indexFile });
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
