/**
 * Worker-thread side of `SearchWorkerClient`: builds, loads, saves and queries the index off the main thread, so
 * a window or a server stays responsive while thousands of lectures are indexed. A sync names the library's
 * lectures by key; only new or changed ones are copied over before it, and kept only until it has indexed them.
 */
import { workerData } from 'node:worker_threads';
import { answerRequests } from '../node/workerRequests.js';
import { IndexedSearch } from './indexedSearch.js';
import type { SearchDocument } from './searchEngine.js';
import type { SearchWorkerRequest } from './searchWorkerClient.js';

const ready = IndexedSearch.open((workerData as { indexFile?: string }).indexFile);
/** Documents sent for the next sync. */
const changed = new Map<string, SearchDocument>();

answerRequests(async (message: SearchWorkerRequest) => {
  if (message.type === 'documents') {
    for (const document of message.documents) changed.set(document.key, document);
    return null;
  }
  const search = await ready;
  if (message.type === 'search') return search.search(message.request);
  const library = message.keys.map((key) => changed.get(key) ?? key);
  changed.clear();
  return { ...(await search.sync(library)), opened: search.opened };
});
