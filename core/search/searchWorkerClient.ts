/**
 * A `SearchBackend` whose engine runs in a worker thread (searchWorker.ts). A sync sends only the documents that
 * are new or changed since the last one (an edit sends one lecture, not the library), in small batches, so the
 * thread answering readers is never held long by the copying; the others are named by key.
 */
import type { SearchRequest, SearchResponse } from '../common/api.js';
import { WorkerClient } from '../node/workerRequests.js';
import type { OpenReport, SearchBackend } from './indexedSearch.js';
import type { SearchDocument, SyncStats } from './searchEngine.js';

/** What searchWorker.ts is asked: to take documents for the next sync, to make the index hold these (by key, in order), to search. */
export type SearchWorkerRequest =
  { type: 'documents'; documents: SearchDocument[] } | { type: 'sync'; keys: string[] } | { type: 'search'; request: SearchRequest };

/** Documents copied to the worker at a time. */
const BATCH = 250;

export class SearchWorkerClient implements SearchBackend {
  /** Started when first asked (the first sync), so loading the saved index never competes with reading the library. */
  private worker: WorkerClient<SearchWorkerRequest, unknown> | null = null;
  /** What the last sync gave the worker's index, by key. */
  private readonly sent = new Map<string, SearchDocument>();
  private syncing: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly indexFile?: string) {}

  private get thread(): WorkerClient<SearchWorkerRequest, unknown> {
    if (this.closed) throw new Error('The search index is closed');
    return (this.worker ??= new WorkerClient(import.meta.url, 'searchWorker', { indexFile: this.indexFile }));
  }

  /** Syncs run one after another: each one's copies assume the worker holds what the one before sent. */
  sync(documents: SearchDocument[]): Promise<SyncStats & { opened: OpenReport }> {
    const run = this.syncing.then(() => this.syncNow(documents));
    this.syncing = run.catch(() => {});
    return run;
  }

  private async syncNow(documents: SearchDocument[]): Promise<SyncStats & { opened: OpenReport }> {
    const changed = documents.filter((document) => !sameDocument(this.sent.get(document.key), document));
    const keys = documents.map((document) => document.key);
    this.sent.clear();
    for (const document of documents) this.sent.set(document.key, document);
    const copies: Promise<unknown>[] = [];
    for (let start = 0; start < changed.length; start += BATCH) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      copies.push(handled(this.thread.request({ type: 'documents', documents: changed.slice(start, start + BATCH) })));
    }
    const synced = handled(this.thread.request({ type: 'sync', keys }) as Promise<SyncStats & { opened: OpenReport }>);
    try {
      await Promise.all(copies);
      return await synced;
    } catch (error) {
      // What the thread holds is no longer known: the next sync sends every document.
      this.sent.clear();
      throw error;
    }
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    return this.thread.request({ type: 'search', request }) as Promise<SearchResponse>;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
  }
}

/** Whether the worker's copy still says what `document` says (the library keeps an unchanged lecture's sections). */
function sameDocument(held: SearchDocument | undefined, document: SearchDocument): boolean {
  return (
    held !== undefined &&
    held.sections === document.sections &&
    held.texts === document.texts &&
    held.fingerprint === document.fingerprint &&
    held.slug === document.slug &&
    held.title === document.title &&
    held.description === document.description &&
    held.visible === document.visible &&
    held.tags.join('\n') === document.tags.join('\n')
  );
}

/**
 * Marks a request's failure as handled now: it is awaited later (after the batches before it), and a thread that
 * fails to start rejects every request at once — an unhandled rejection until then.
 */
function handled<T>(request: Promise<T>): Promise<T> {
  request.catch(() => {});
  return request;
}
