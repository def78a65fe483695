/**
 * Asks a static export's own search worker (renderer/src/search/searchWorker.ts, as built into the export) in a real
 * page, the way the reader does: one request after another, each answer with its round-trip time on the page.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { SearchRequest, SearchResponse } from '../../core/common/api.js';
import { STATIC_FILES } from '../../core/common/staticSite.js';

/** `page` must show a page of the export at `exportDir` (its URL is the base the worker's files are found from). */
export async function askSearchWorker(page: Page, exportDir: string, requests: SearchRequest[]): Promise<{ response: SearchResponse; ms: number }[]> {
  const script = (await readdir(path.join(exportDir, 'static'))).find((name) => /^searchWorker-.*\.js$/.test(name));
  if (!script) throw new Error(`No search worker in ${exportDir}/static`);
  const files = { index: STATIC_FILES.searchIndex, documents: STATIC_FILES.searchDocuments, glossary: STATIC_FILES.glossary };
  return page.evaluate(
    async ({ script, files, requests }) => {
      const base = document.baseURI;
      const sources = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, new URL(file, base).href]));
      const worker = new Worker(new URL(`static/${script}`, base), { type: 'module' });
      const answers = [];
      // (No named functions in here: tsx would wrap them in a helper the page does not have.)
      for (const [id, request] of requests.entries()) {
        const started = performance.now();
        const response = await new Promise<SearchResponse>((resolve, reject) => {
          worker.onmessage = ({ data }) => ('response' in data ? resolve(data.response) : reject(new Error(data.error)));
          worker.postMessage({ id, sources, request });
        });
        answers.push({ response, ms: performance.now() - started });
      }
      worker.terminate();
      return answers;
    },
    { script, files, requests },
  );
}
