/**
 * The search engines compared by the benchmark, behind one small interface: ours, FlexSearch with its default
 * settings, MiniSearch and Lunr (each configured the way their documentation suggests for multi-field search).
 * Every engine is given the same documents and computes snippets for its top 10 with the same snippet builder.
 */
import { Document } from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { parseQuery, type QueryWord } from '../core/common/query.js';
import { foldWord } from '../core/common/vietnamese.js';
import { SearchEngine, type SearchDocument } from '../core/search/searchEngine.js';
import { buildSnippet } from '../core/search/snippet.js';
import { unpackTexts } from '../core/common/packedTexts.js';

export interface BenchEngine {
  name: string;
  build(documents: SearchDocument[]): void;
  /** Slugs of the top results, snippets computed for them. */
  search(query: string, limit: number): string[];
  save(): Promise<string | Uint8Array>;
  /** Restores a saved index; the documents are given again, as the library is loaded anyway at start. */
  load(saved: string | Uint8Array, documents: SearchDocument[]): void;
}

interface FlatDocument {
  [field: string]: string | number;
  id: number;
  slug: string;
  title: string;
  headings: string;
  meta: string;
  body: string;
}

function flatten(documents: SearchDocument[]): FlatDocument[] {
  return documents
    .filter((document) => document.visible)
    .map((document, id) => ({
      id,
      slug: document.slug,
      title: document.title,
      headings: document.sections.map((section) => section.title).join('\n'),
      meta: `${document.tags.join(' ')}\n${document.description}`,
      body: unpackTexts(document.texts).join('\n'),
    }));
}

/** The other engines do not say which words matched: a snippet marks every word folding to a query word. */
function queryWordMatcher(query: QueryWord[]): (word: string) => boolean {
  const whole = new Set(query.filter((w) => !w.prefix).map((w) => w.folded));
  const prefixes = query.filter((w) => w.prefix).map((w) => w.folded);
  return (word) => {
    const folded = foldWord(word);
    return whole.has(folded) || prefixes.some((prefix) => folded.startsWith(prefix));
  };
}

function withSnippets(documents: FlatDocument[], ids: number[], query: string): string[] {
  const matches = queryWordMatcher(parseQuery(query));
  return ids.map((id) => {
    buildSnippet(documents[id].body, matches);
    return documents[id].slug;
  });
}

export function ours(): BenchEngine {
  let engine = new SearchEngine();
  return {
    name: 'ours (Vietnamese)',
    build: (documents) => engine.sync(documents),
    search: (query, limit) => engine.search({ q: query, limit }).results.map((hit) => hit.slug),
    save: async () => engine.save(),
    load: (saved, documents) => {
      engine = SearchEngine.load(saved as Uint8Array);
      engine.sync(documents);
    },
  };
}

export function flexsearchDefault(): BenchEngine {
  const fields = ['title', 'headings', 'meta', 'body'];
  const create = () => new Document({ document: { id: 'id', index: fields } });
  let index = create();
  let documents: FlatDocument[] = [];
  return {
    name: 'FlexSearch (default settings)',
    build: (input) => {
      documents = flatten(input);
      for (const document of documents) index.add({ ...document });
    },
    search: (query, limit) => {
      const ids: number[] = [];
      for (const field of index.search(query, { limit }) as { field: string; result: number[] }[]) {
        for (const id of field.result) if (!ids.includes(id)) ids.push(id);
      }
      return withSnippets(documents, ids.slice(0, limit), query);
    },
    save: async () => {
      const parts: Record<string, string> = {};
      await index.export((key: string, data: string) => {
        parts[key] = data;
      });
      return JSON.stringify(parts);
    },
    load: (saved, input) => {
      documents = flatten(input);
      index = create();
      for (const [key, data] of Object.entries(JSON.parse(saved as string) as Record<string, string>)) index.import(key, data);
    },
  };
}

export function minisearch(): BenchEngine {
  const options = {
    fields: ['title', 'headings', 'meta', 'body'],
    storeFields: [],
    searchOptions: { boost: { title: 8, headings: 4, meta: 2 }, prefix: true, fuzzy: 0.2 },
  };
  let index = new MiniSearch<FlatDocument>(options);
  let documents: FlatDocument[] = [];
  return {
    name: 'MiniSearch',
    build: (input) => {
      documents = flatten(input);
      index.addAll(documents);
    },
    search: (query, limit) =>
      withSnippets(
        documents,
        index
          .search(query)
          .slice(0, limit)
          .map((hit) => hit.id as number),
        query,
      ),
    save: async () => JSON.stringify(index),
    load: (saved, input) => {
      documents = flatten(input);
      index = MiniSearch.loadJSON<FlatDocument>(saved as string, options);
    },
  };
}

export function lunrEngine(): BenchEngine {
  let index: lunr.Index;
  let documents: FlatDocument[] = [];
  return {
    name: 'Lunr',
    build: (input) => {
      documents = flatten(input);
      index = lunr(function () {
        this.ref('id');
        this.field('title', { boost: 8 });
        this.field('headings', { boost: 4 });
        this.field('meta', { boost: 2 });
        this.field('body');
        for (const document of documents) this.add(document);
      });
    },
    search: (query, limit) => {
      const tokens = lunr.tokenizer(query);
      const hits = index.query((q) => {
        tokens.forEach((token, i) => {
          const last = i === tokens.length - 1;
          q.term(token.toString(), { wildcard: last ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE, presence: lunr.Query.presence.OPTIONAL });
        });
      });
      return withSnippets(
        documents,
        hits.slice(0, limit).map((hit) => Number(hit.ref)),
        query,
      );
    },
    save: async () => JSON.stringify(index),
    load: (saved, input) => {
      documents = flatten(input);
      index = lunr.Index.load(JSON.parse(saved as string));
    },
  };
}

export const ENGINES: Record<string, () => BenchEngine> = { ours, flexsearch: flexsearchDefault, minisearch, lunr: lunrEngine };
