/**
 * Worker-thread side of `WorkerSearch`: builds, loads, saves and queries the index off the main thread, so a
 * window or a server stays responsive while thousands of lectures are indexed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { IndexedSearch } from './indexedSearch.js';
import type { WorkerRequest, WorkerResponse } from './workerProtocol.js';

const port = parentPort!;
const ready = IndexedSearch.open((workerData as { indexFile?: string }).indexFile);

port.on('message', async (message: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    const search = await ready;
    if (message.type === 'sync') response = { id: message.id, ok: true, value: { ...(await search.sync(message.documents)), opened: search.opened } };
    else response = { id: message.id, ok: true, value: await search.search(message.request) };
  } catch (error) {
    response = { id: message.id, ok: false, error: (error as Error).message };
  }
  port.postMessage(response);
});
