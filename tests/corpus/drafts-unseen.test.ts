/**
 * A draft lends no word to a student's search: with the teacher's drafts in the index, what a student types is
 * corrected exactly as an index of the published lectures alone would correct it, on every keystroke of the public
 * queries over the real corpus (19 of its lectures are drafts). The drafts' words still weigh in the ranking.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { words } from '../../core/common/vietnamese.js';
import { LectureLibrary } from '../../core/library/lectureLibrary.js';
import { toSearchDocument } from '../../core/search/libraryDocuments.js';
import { SearchEngine } from '../../core/search/searchEngine.js';
import { CORPUS } from '../helpers/tempLibrary.js';

const SEARCH_QUERIES = path.resolve(CORPUS, '../search-queries.json');
const FOLDERS = ['data-engineer-lectures', 'ai-lectures'].map((folder) => path.join(CORPUS, folder));
const skip = existsSync(FOLDERS[0]) && existsSync(SEARCH_QUERIES) ? false : `the real corpus is not at ${CORPUS}`;

test('with the drafts indexed, a student is corrected as by an index without them', { skip }, async () => {
  const library = new LectureLibrary(FOLDERS);
  await library.load();
  const documents = library.lectures.map(toSearchDocument);
  assert.ok(
    documents.some((document) => !document.visible),
    'the corpus has drafts',
  );
  const withDrafts = new SearchEngine();
  withDrafts.sync(documents);
  const publishedOnly = new SearchEngine();
  publishedOnly.sync(documents.filter((document) => document.visible));

  const queries = (JSON.parse(readFileSync(SEARCH_QUERIES, 'utf8')) as { queries: { q: string }[] }).queries.map((query) => query.q);
  const keystrokes = [...new Set(queries.flatMap((q) => Array.from({ length: q.length }, (_, end) => q.slice(0, end + 1))))];
  // Typos, finished words (a trailing space): in the public queries and in the drafts' titles, whose words only drafts may have.
  const typo = (text: string) =>
    `${words(text)
      .filter((word) => word.length >= 4)
      .map((word) => `${word.slice(0, -2)}x${word.slice(-1)}`)
      .join(' ')} `;
  const typed = [...keystrokes, ...queries.map(typo), ...documents.filter((document) => !document.visible).map((document) => typo(document.title))];
  const corrected = (engine: SearchEngine, q: string, includeDrafts = false) => engine.search({ q, limit: 20, includeDrafts }).didYouMean;
  const differing = typed.filter((q) => corrected(withDrafts, q) !== corrected(publishedOnly, q));
  assert.deepEqual(differing, [], `${differing.length} of ${typed.length} typed queries corrected differently`);
  assert.ok(
    typed.some((q) => corrected(withDrafts, q, true) !== corrected(publishedOnly, q)),
    "the teacher's corrections draw on the drafts",
  );
});
