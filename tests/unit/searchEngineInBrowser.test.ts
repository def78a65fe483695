/**
 * The search engine runs in a browser Web Worker too, loading the bytes `save` wrote: its modules must need
 * nothing of Node. Bundling it for the browser fails on any Node built-in it reaches.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';

test('the search engine bundles for the browser: no Node built-in in its modules', async () => {
  const result = await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../core/search/searchEngine.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  assert.equal(result.errors.length, 0);
  assert.ok(result.outputFiles[0].text.includes('SearchEngine'));
});
