/**
 * Worker-thread side of `SearchWorkerClient`: builds, loads, saves and queries the index off the main thread, so
 * a window or a server stays responsive while thousands of lectures are indexed. It keeps the documents it is
 * sent, so a sync names the library's lectures by key and only new or changed ones are copied over.
 */
import { workerData } from 'node:worker_threads';
import { answerRequests } from '../node/workerRequests.js';
import { IndexedSearch } from './indexedSearch.js';
import type { SearchDocument } from './searchEngine.js';
import type { SearchWorkerRequest } from './searchWorkerClient.js';

const ready = IndexedSearch.open((workerData as { indexFile?: string }).indexFile);
const documents = new Map<string, SearchDocument>();

answerRequests(async (message: SearchWorkerRequest) => {
  if (message.type === 'documents') {
    for (const document of message.documents) documents.set(document.key, document);
    return null;
  }
  const search = await ready;
  if (message.type === 'search') return search.search(message.request);
  const wanted = new Set(message.keys);
  for (const key of documents.keys()) if (!wanted.has(key)) documents.delete(key);
  const library = message.keys.map((key) => documents.get(key) ?? outOfStep(key));
  return { ...(await search.sync(library)), opened: search.opened };
});

function outOfStep(key: string): never {
  throw new Error(`the search thread was not sent ${key}`);
}
