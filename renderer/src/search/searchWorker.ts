/**
 * The core search engine (core/search/searchEngine.ts) in the browser, off the page's thread: a static export has no
 * server to ask. The engine is restored from the export's saved index with its own `load`, given the documents it
 * takes snippets from through its own `sync`, and answers through the same cross-language layer as the server
 * (core/search/crossLingual.ts), so a query gets the answer `cli search` gives.
 */
import type { GlossaryEntry, SearchRequest, SearchResponse } from '../../../core/common/api.js';
import { searchAcrossLanguages } from '../../../core/search/crossLingual.js';
import { PhraseChecker } from '../../../core/search/lecturePhrase.js';
import { fromStoredDocument, type StoredSearchDocument } from '../../../core/search/documentFile.js';
import { SearchEngine, type SearchDocument } from '../../../core/search/searchEngine.js';

/** Absolute URLs of the export's files (a worker's relative URLs would resolve against its own script). */
export interface SearchSources {
  index: string;
  documents: string;
  glossary: string;
}

/** `generation` counts the library's changes (BrowserSearch.reset): a new one loads the index again. */
export type SearchWorkerRequest = { id: number; generation: number; sources: SearchSources; request: SearchRequest };
export type SearchWorkerReply = { id: number; response: SearchResponse } | { id: number; error: string };

interface LoadedSearch {
  engine: SearchEngine;
  glossary: GlossaryEntry[];
  documents: Map<string, SearchDocument>;
  phrases: PhraseChecker;
}

let loaded: Promise<LoadedSearch> | undefined;
let loadedGeneration = 0;

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${url}`);
  return (await response.json()) as T;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function load(sources: SearchSources): Promise<LoadedSearch> {
  const [saved, stored, glossary] = await Promise.all([
    fetchBytes(sources.index),
    fetchJson<StoredSearchDocument[]>(sources.documents),
    fetchJson<GlossaryEntry[]>(sources.glossary),
  ]);
  const documents = stored.map(fromStoredDocument);
  const engine = SearchEngine.load(saved);
  engine.sync(documents);
  return { engine, glossary, documents: new Map(documents.map((document) => [document.slug, document])), phrases: new PhraseChecker() };
}

function phraseIn(search: LoadedSearch, slug: string, query: string): boolean {
  const document = search.documents.get(slug);
  return document ? search.phrases.has(document, query) : false;
}

self.onmessage = async ({ data }: MessageEvent<SearchWorkerRequest>) => {
  try {
    if (data.generation !== loadedGeneration) [loaded, loadedGeneration] = [undefined, data.generation];
    loaded ??= load(data.sources);
    const search = await loaded.catch((error: unknown) => {
      loaded = undefined; // a network failure: the next keystroke tries again
      throw error;
    });
    const response = await searchAcrossLanguages(data.request, {
      search: async (request) => search.engine.search(request),
      glossary: search.glossary,
      hasPhrase: (slug, query) => phraseIn(search, slug, query),
    });
    self.postMessage({ id: data.id, response } satisfies SearchWorkerReply);
  } catch (error) {
    self.postMessage({ id: data.id, error: (error as Error).message } satisfies SearchWorkerReply);
  }
};
