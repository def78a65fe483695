// "Did you mean" against a hostile query: a very long unknown word, a vocabulary of look-alike words, a budget
// of time. Each bound is checked on what it returns, never on how long it took.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CORRECTION_BOUNDS, Vocabulary } from '../../core/search/vocabulary.js';

test('a very long unknown word gets no correction, even one edit away from a library word', () => {
  const long = 'mạngnơron'.repeat(34);
  const vocabulary = Vocabulary.from(Array.from({ length: 50 }, (_, i) => [`${long}${i}`, 1] as [string, number]));
  assert.equal(vocabulary.closest(`${long}0x`.slice(0, -1) + 'y', Infinity), undefined);
  const short = Vocabulary.from([['tensor', 3]]);
  assert.equal(short.closest('tensr', Infinity), 'tensor', 'ordinary words are still corrected');
});

test('the candidate budget: no more than maxCandidates look-alikes are compared', () => {
  // Every word is within two letters of the query's length, so none is skipped for free; the close word comes last.
  const filler = Array.from({ length: CORRECTION_BOUNDS.maxCandidates + 10 }, (_, i) => [`zz${String(i).padStart(6, '0')}`, 1] as [string, number]);
  const vocabulary = Vocabulary.from([...filler, ['dulieuu', 1]]);
  // No deadline here: only the candidate budget can stop it.
  assert.equal(vocabulary.closest('dulieux', Infinity), undefined);
  assert.equal(Vocabulary.from([...filler.slice(0, 1000), ['dulieuu', 1]]).closest('dulieux', Infinity), 'dulieuu');
});

test('the time budget: once the deadline is past, the search for a correction stops', () => {
  const filler = Array.from({ length: 2000 }, (_, i) => [`ww${i.toString(36).padStart(5, 'q')}`, 1] as [string, number]);
  const vocabulary = Vocabulary.from([...filler, ['hocmay', 1]]);
  assert.equal(vocabulary.closest('hocmai', performance.now() - 1), undefined);
  assert.equal(vocabulary.closest('hocmai', Infinity), 'hocmay');
});
