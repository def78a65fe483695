/**
 * A busy machine never drops a good lecture: with a busy loop on every core (other processes), a cold start of
 * the real corpus still loads every lecture the parser accepts when given all the time it needs.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { discoverMarkdownFiles } from '../../core/library/discover.js';
import { LectureLibrary } from '../../core/library/lectureLibrary.js';
import { parseLecture } from '../../core/library/parseLecture.js';
import { PARSE_TIME_LIMIT_MS } from '../../core/library/parseWorkerClient.js';
import { CORPUS } from '../helpers/tempLibrary.js';

const folders = ['ai-lectures', 'data-engineer-lectures'].map((name) => path.join(CORPUS, name));
const skip = folders.every(existsSync) ? false : `the real corpus is not at ${CORPUS}`;

test('with every core busy, a cold start loads every good lecture of the corpus', { skip }, async () => {
  const good: string[] = [];
  for (const root of folders) {
    for (const file of await discoverMarkdownFiles(root)) {
      const result = parseLecture(file, await readFile(path.join(root, file), 'utf8'));
      if (result.kind === 'lecture') good.push(`${path.basename(root)}/${file}`);
    }
  }
  assert.ok(good.length > 30);

  const loops = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  after(() => loops.forEach((loop) => loop.kill()));
  // A fifth of the usual limit stands for a machine five times slower: the longest corpus lecture parses in about
  // 0.3 s here even loaded, while starting a parser thread under load takes seconds, which must not count.
  const library = new LectureLibrary(folders, { parseTimeLimitMs: PARSE_TIME_LIMIT_MS / 5 });
  try {
    await library.load();
  } finally {
    await library.close();
    loops.forEach((loop) => loop.kill());
  }
  assert.deepEqual(library.lectures.map((lecture) => lecture.file).sort(), good.sort());
  assert.deepEqual(
    library.problems.filter((problem) => /Took longer|Could not be read/.test(problem.message)),
    [],
  );
});
