/**
 * The search engine runs in a browser Web Worker too, loading the bytes `save` wrote: its modules, and those of the
 * renderer's search worker (the cross-language layer, phrases, the glossary), must need nothing of Node. Bundling
 * them for the browser fails on any Node built-in they reach.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';

const browserBundle = async (entry: string) => {
  const result = await build({
    entryPoints: [path.resolve(import.meta.dirname, '../..', entry)],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  assert.equal(result.errors.length, 0);
  return result.outputFiles[0].text;
};

test('the search engine bundles for the browser: no Node built-in in its modules', async () => {
  assert.ok((await browserBundle('core/search/searchEngine.ts')).includes('SearchEngine'));
});

test("the renderer's search worker bundles for the browser: no Node built-in in what it imports", async () => {
  assert.ok((await browserBundle('renderer/src/search/searchWorker.ts')).includes('searchAcrossLanguages'));
});
