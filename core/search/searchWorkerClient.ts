/** A `SearchBackend` whose engine runs in a worker thread (searchWorker.ts). */
import type { SearchRequest, SearchResponse } from '../common/api.js';
import { WorkerClient } from '../node/workerRequests.js';
import type { OpenReport, SearchBackend } from './indexedSearch.js';
import type { SearchDocument, SyncStats } from './searchEngine.js';

/** What searchWorker.ts is asked. */
export type SearchWorkerRequest = { type: 'sync'; documents: SearchDocument[] } | { type: 'search'; request: SearchRequest };

export class SearchWorkerClient implements SearchBackend {
  private readonly worker: WorkerClient<SearchWorkerRequest, unknown>;

  constructor(indexFile?: string) {
    this.worker = new WorkerClient(import.meta.url, 'searchWorker', { indexFile });
  }

  sync(documents: SearchDocument[]): Promise<SyncStats & { opened: OpenReport }> {
    return this.worker.request({ type: 'sync', documents }) as Promise<SyncStats & { opened: OpenReport }>;
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    return this.worker.request({ type: 'search', request }) as Promise<SearchResponse>;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
