/** A `SearchBackend` whose engine runs in a worker thread (searchWorker.ts). */
import type { SearchRequest, SearchResponse } from '../common/api.js';
import { WorkerClient } from '../node/workerRequests.js';
import type { OpenReport, SearchBackend } from './indexedSearch.js';
import type { SearchDocument, SyncStats } from './searchEngine.js';

/** What searchWorker.ts is asked. */
export type SearchWorkerRequest = { type: 'sync'; documents: SearchDocument[] } | { type: 'search'; request: SearchRequest };

export class SearchWorkerClient implements SearchBackend {
  /** Started when first asked (the first sync), so loading the saved index never competes with reading the library. */
  private worker: WorkerClient<SearchWorkerRequest, unknown> | null = null;

  constructor(private readonly indexFile?: string) {}

  private get thread(): WorkerClient<SearchWorkerRequest, unknown> {
    return (this.worker ??= new WorkerClient(import.meta.url, 'searchWorker', { indexFile: this.indexFile }));
  }

  sync(documents: SearchDocument[]): Promise<SyncStats & { opened: OpenReport }> {
    return this.thread.request({ type: 'sync', documents }) as Promise<SyncStats & { opened: OpenReport }>;
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    return this.thread.request({ type: 'search', request }) as Promise<SearchResponse>;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
