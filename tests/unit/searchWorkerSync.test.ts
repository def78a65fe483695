/**
 * The search thread keeps the documents it was sent, and a sync copies over only the new or changed ones: what it
 * answers must still follow every change — a new text, a lecture gone, a title or slug changed with the file
 * unchanged (a clash renumbered), a lecture hidden.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { SearchDocument } from '../../core/search/searchEngine.js';
import { SearchWorkerClient } from '../../core/search/searchWorkerClient.js';
import { packTexts } from '../../core/common/packedTexts.js';

const doc = (key: string, text: string, changes: Partial<SearchDocument> = {}): SearchDocument => ({
  key,
  fingerprint: `${text.length}:1`,
  slug: key,
  title: `Bài ${key}`,
  tags: ['ai'],
  description: '',
  visible: true,
  sections: [{ id: '', title: '', parents: [] }],
  texts: packTexts([text]),
  ...changes,
});

const worker = new SearchWorkerClient();
after(() => worker.close());
const slugsFor = async (q: string) => (await worker.search({ q })).results.map((hit) => hit.slug).sort();

test('a sync after an edit, a removal and a renamed slug answers from the library as it is now', async () => {
  const a = doc('a', 'mạng nơ-ron tích chập');
  const b = doc('b', 'học tăng cường');
  const c = doc('c', 'cây quyết định');
  assert.deepEqual(await worker.sync([a, b, c]), { added: 3, removed: 0, kept: 0, opened: { source: 'built', reason: 'no cache folder' } });
  assert.deepEqual(await slugsFor('quyết định'), ['c']);

  const edited = doc('b', 'học sâu tăng cường có thưởng', { fingerprint: 'edited' });
  const renamed = { ...a, slug: 'a-2' };
  const stats = await worker.sync([renamed, edited]);
  assert.deepEqual({ added: stats.added, removed: stats.removed, kept: stats.kept }, { added: 1, removed: 2, kept: 1 });
  assert.deepEqual(await slugsFor('có thưởng'), ['b']);
  assert.deepEqual(await slugsFor('quyết định'), [], 'a lecture gone is gone');
  assert.deepEqual(await slugsFor('tích chập'), ['a-2'], 'a new slug for an unchanged file');

  await worker.sync([{ ...renamed, visible: false }, edited]);
  assert.deepEqual(await slugsFor('tích chập'), [], 'hidden without its file changing');
});
