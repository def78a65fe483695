/** The page's side of the search worker (searchWorker.ts): one worker, started at the first search, answers by id. */
import type { SearchRequest, SearchResponse } from '../../../core/common/api.js';
import type { SearchSources, SearchWorkerReply, SearchWorkerRequest } from './searchWorker.js';

export class BrowserSearch {
  private worker: Worker | undefined;
  private nextId = 0;
  /** Counts the library's changes: the worker loads the index again when a request's differs from its own. */
  private generation = 0;
  private readonly pending = new Map<number, { resolve(response: SearchResponse): void; reject(error: Error): void }>();

  constructor(private readonly sources: SearchSources) {}

  search(request: SearchRequest): Promise<SearchResponse> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, generation: this.generation, sources: this.sources, request } satisfies SearchWorkerRequest);
    });
  }

  /** The library changed (a newer offline copy): the next search loads the new index; searches under way finish. */
  reset(): void {
    this.generation++;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<SearchWorkerReply>) => {
      const waiting = this.pending.get(data.id);
      this.pending.delete(data.id);
      if ('response' in data) waiting?.resolve(data.response);
      else waiting?.reject(new Error(data.error));
    };
    worker.onerror = (event) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(event.message || 'The search worker failed to start'));
      this.pending.clear();
      this.worker = undefined;
    };
    return worker;
  }
}
