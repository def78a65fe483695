import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PostingIndex, VarintReader, VarintWriter } from '../../core/search/postings.js';

test('posting lists: ascending ids per term, removal, and a byte round trip with ids of every size', () => {
  const index = new PostingIndex();
  const big = [0, 1, 127, 128, 16_383, 16_384, 2_097_152, 268_435_456, 2_147_483_646];
  big.forEach((id, i) => index.add(id, i % 2 ? ['odd', 'all'] : ['even', 'all']));
  assert.deepEqual([...index.get('all')], big);
  assert.deepEqual(
    [...index.get('odd')],
    big.filter((_, i) => i % 2),
  );
  assert.deepEqual([...index.get('missing')], []);

  const terms = ['all', 'even', 'odd', 'missing'];
  const writer = new VarintWriter();
  index.encode(terms, writer);
  const reader = new VarintReader(writer.finish());
  const copy = PostingIndex.decode(terms, reader);
  assert.ok(reader.done);
  for (const term of terms) assert.deepEqual([...copy.get(term)], [...index.get(term)], term);

  index.removeWhere((id) => id >= 16_384);
  assert.deepEqual([...index.get('all')], [0, 1, 127, 128, 16_383]);
  index.removeWhere((id) => id === 1 || id === 128);
  assert.deepEqual([...index.get('all')], [0, 127, 16_383]);
  assert.deepEqual([...index.terms].sort(), ['all', 'even'], 'a term left without documents is dropped');
});

test('damaged posting bytes are refused, never read past their end', () => {
  const writer = new VarintWriter();
  writer.write(3);
  writer.write(300);
  const bytes = writer.finish();
  assert.throws(() => PostingIndex.decode(['term'], new VarintReader(bytes)), /truncated/);
  assert.throws(() => new VarintReader(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0x01)).read(), /malformed/);
});
