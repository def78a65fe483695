import type { SearchRequest } from '../common/api.js';
import type { SearchDocument } from './searchEngine.js';

/** Messages between `WorkerSearch` and its worker thread. */
export type WorkerRequest =
  | { id: number; type: 'sync'; documents: SearchDocument[] }
  | { id: number; type: 'search'; request: SearchRequest };

export type WorkerResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
