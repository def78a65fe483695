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

test('posting lists: ids added after packing follow the packed ones; removal and saving see both', () => {
  const index = new PostingIndex();
  for (let id = 0; id < 300; id++) index.add(id * 1000, id % 3 ? ['common'] : ['common', 'third']);
  index.trim();
  index.add(300_000, ['common', 'new']);
  index.add(300_001, ['third']);
  assert.equal(index.get('common').length, 301);
  assert.deepEqual([...index.get('common')].slice(-3), [298_000, 299_000, 300_000]);
  assert.deepEqual([...index.get('third')].slice(-2), [297_000, 300_001]);
  assert.deepEqual([...index.get('new')], [300_000]);
  assert.deepEqual([...index.terms].sort(), ['common', 'new', 'third']);

  const terms = ['common', 'third', 'new'];
  const writer = new VarintWriter();
  index.encode(terms, writer);
  const copy = PostingIndex.decode(terms, new VarintReader(writer.finish()));
  for (const term of terms) assert.deepEqual([...copy.get(term)], [...index.get(term)], term);

  index.removeWhere((id) => id % 2 === 1 || id === 300_000);
  assert.deepEqual([...index.get('third')].slice(-2), [294_000, 297_000]);
  assert.deepEqual([...index.get('new')], [], 'its only document removed');
  assert.deepEqual([...index.terms].sort(), ['common', 'third']);
  copy.add(400_000, ['third']);
  copy.trim();
  assert.deepEqual([...copy.get('third')].slice(-3), [297_000, 300_001, 400_000], 'a loaded index packs new ids in too');
});
