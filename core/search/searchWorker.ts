/**
 * Worker-thread side of `SearchWorkerClient`: builds, loads, saves and queries the index off the main thread, so
 * a window or a server stays responsive while thousands of lectures are indexed.
 */
import { workerData } from 'node:worker_threads';
import { answerRequests } from '../node/workerRequests.js';
import { IndexedSearch } from './indexedSearch.js';
import type { SearchWorkerRequest } from './searchWorkerClient.js';

const ready = IndexedSearch.open((workerData as { indexFile?: string }).indexFile);

answerRequests(async (message: SearchWorkerRequest) => {
  const search = await ready;
  if (message.type === 'sync') return { ...(await search.sync(message.documents)), opened: search.opened };
  return search.search(message.request);
});
