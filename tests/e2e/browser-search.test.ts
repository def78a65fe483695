/**
 * The browser's search is the core engine, not a second one: every public query (`../shared/search-queries.json`)
 * asked of the static export's search worker in real Chromium gets the answer `cli search` gives on the same folders
 * over the same published lectures — the same lectures in the same order, scores, sections, snippets, matched words
 * and corrections.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { SearchResponse, SnippetSegment } from '../../core/common/api.js';
import { browserSkip, launchBrowser } from '../helpers/browser.js';
import { runCliAsync } from '../helpers/cli.js';
import { askSearchWorker } from '../helpers/searchWorker.js';
import { startStaticServer, type StaticServer } from '../helpers/staticServer.js';
import { CORPUS } from '../helpers/tempLibrary.js';

const CORPUS_FOLDERS = [path.join(CORPUS, 'ai-lectures'), path.join(CORPUS, 'data-engineer-lectures')];
const QUERIES = path.resolve(CORPUS, '../search-queries.json');
const skip =
  (await readFile(QUERIES)
    .then(() => false)
    .catch(() => `no queries at ${QUERIES}`)) || browserSkip;

/** What both must agree on: everything but the time taken. */
function shape(
  response: SearchResponse | (Omit<SearchResponse, 'results'> & { results: (Omit<SearchResponse['results'][number], 'snippet'> & { snippet: unknown })[] }),
) {
  return {
    didYouMean: response.didYouMean,
    outsideTags: response.outsideTags,
    results: response.results.map(({ snippet, ...hit }) => ({ ...hit, snippet: Array.isArray(snippet) ? html(snippet) : snippet })),
  };
}

/** A snippet as `cli search --json` writes it. */
const html = (snippet: SnippetSegment[]) =>
  snippet
    .map(({ text, marked }) => {
      const escaped = text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
      return marked ? `<mark>${escaped}</mark>` : escaped;
    })
    .join('');

/**
 * The folder's published lectures, copied: the export indexes only those (a draft's words must not reach students),
 * while `cli search` and the server index drafts too and only hide them, which shifts word weights (idf). On the same
 * lectures the two must agree exactly.
 */
async function publishedCopy(folder: string, work: string): Promise<string> {
  const check = await runCliAsync(['check', folder, '--json', '--cache-dir', path.join(work, 'cache')]);
  const copy = path.join(work, 'published', path.basename(folder));
  for (const article of JSON.parse(check.stdout).articles as { file: string; published: boolean }[]) {
    if (article.published) await cp(path.join(folder, article.file), path.join(copy, article.file));
  }
  return copy;
}

describe('search in the browser = cli search', { skip }, () => {
  let work: string;
  let server: StaticServer;
  let browser: Browser;
  let queries: string[];
  let folders: string[];

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'browser-search-'));
    queries = JSON.parse(await readFile(QUERIES, 'utf8')).queries.map((query: { q: string }) => query.q);
    folders = await Promise.all(CORPUS_FOLDERS.map((folder) => publishedCopy(folder, work)));
    const exported = await runCliAsync(['export', ...folders, path.join(work, 'site'), '--cache-dir', path.join(work, 'cache')]);
    assert.equal(exported.code, 0, exported.stderr);
    server = await startStaticServer(path.join(work, 'site'));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  });

  test('every public query gets the same answer', async () => {
    const file = path.join(work, 'queries.txt');
    await writeFile(file, queries.join('\n'));
    const cli = await runCliAsync(['search', ...folders, '--queries-file', file, '--json', '--cache-dir', path.join(work, 'cache')]);
    assert.equal(cli.code, 0, cli.stderr);
    const expected = JSON.parse(cli.stdout);

    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`);
    const answers = (
      await askSearchWorker(
        page,
        path.join(work, 'site'),
        queries.map((q) => ({ q })),
      )
    ).map((answer) => answer.response);
    assert.equal(answers.length, queries.length);
    queries.forEach((q, i) => assert.deepEqual(shape(answers[i]), shape(expected[i]), `query "${q}"`));
  });
});
