import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { LectureLibrary } from '../../core/library/lectureLibrary.js';
import { toSearchDocument } from '../../core/search/libraryDocuments.js';
import { SearchEngine } from '../../core/search/searchEngine.js';
import { runCli } from '../helpers/cli.js';
import { CORPUS } from '../helpers/tempLibrary.js';

const QUERIES = path.resolve(CORPUS, '../search-queries.json');
const skip = existsSync(QUERIES) ? false : `no public query set at ${QUERIES}`;

test('public queries: every expected article first (MRR 1.0)', { skip }, async () => {
  const spec = JSON.parse(readFileSync(QUERIES, 'utf8')) as { corpus: string[]; queries: { q: string; expect: string[] }[] };
  const library = new LectureLibrary(spec.corpus.map((folder) => path.resolve(CORPUS, '..', folder)));
  await library.load();
  const engine = new SearchEngine();
  engine.sync(library.lectures.map(toSearchDocument));
  let reciprocal = 0;
  const misses: string[] = [];
  for (const { q, expect } of spec.queries) {
    const rank = engine.search({ q, limit: 10 }).results.findIndex((hit) => expect.includes(hit.slug)) + 1;
    if (rank > 0) reciprocal += 1 / rank;
    if (rank === 0 || rank > 3) misses.push(`${q} → rank ${rank || 'none'}`);
  }
  assert.deepEqual(misses, []);
  assert.equal(reciprocal / spec.queries.length, 1, `MRR ${reciprocal / spec.queries.length}`);
});

test('CLI search --queries-file --json answers every query in one process', { skip }, () => {
  const spec = JSON.parse(readFileSync(QUERIES, 'utf8')) as { corpus: string[]; queries: { q: string; expect: string[] }[] };
  const file = path.join(process.env.TMPDIR ?? '/tmp', `queries-${process.pid}.txt`);
  writeFileSync(file, spec.queries.map((query) => query.q).join('\n'));
  const { code, stdout } = runCli(
    ['search', ...spec.corpus.map((folder) => path.resolve(CORPUS, '..', folder)), '--queries-file', file, '--json', '--limit', '3'],
    {
      LECTURE_READER_CACHE: path.join(process.env.TMPDIR ?? '/tmp', `lr-cache-${process.pid}`),
    },
  );
  assert.equal(code, 0);
  const answers = JSON.parse(stdout);
  assert.equal(answers.length, spec.queries.length);
  answers.forEach((answer: { results: { slug: string; snippet: string; section: { id: string } }[]; tookMs: number }, i: number) => {
    assert.ok(
      answer.results.some((hit) => spec.queries[i].expect.includes(hit.slug)),
      spec.queries[i].q,
    );
    assert.equal(typeof answer.tookMs, 'number');
    assert.ok(answer.results.every((hit) => typeof hit.section.id === 'string' && typeof hit.snippet === 'string'));
  });
});
