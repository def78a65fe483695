/**
 * Faults: the process is killed while it builds and saves the search index, again and again; the saved index
 * is never corrupt, no temporary file survives, and the next start finishes the work.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { indexFilePath, loadIndex } from '../../core/search/indexStore.js';
import { runCliAsync, spawnCli } from '../helpers/cli.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const words = ['dữ liệu', 'mô hình', 'học máy', 'tối ưu', 'mạng nơ-ron', 'phân tán', 'truy vấn', 'đánh giá'];
const files: Record<string, string> = {};
for (let i = 0; i < 600; i++) {
  const body = Array.from(
    { length: 12 },
    (_, s) => `## Phần ${s}\n\n${Array.from({ length: 40 }, (_, w) => words[(i + s + w) % words.length]).join(' ')} số${i}.\n`,
  ).join('\n');
  files[`part${i % 10}/lecture-${i}.md`] = lecture({ time: '01/01/2024', title: `Bài số ${i}` }, body);
}
const library = makeLibrary(files);
const cacheDir = mkdtempSync(path.join(tmpdir(), 'faults-cache-'));
after(() => library.cleanup());

test('killing the process during index build and save never leaves a corrupt index', async () => {
  const indexFile = indexFilePath(cacheDir, [library.root]);
  for (const delay of [400, 900, 1400, 1900, 2400, 2900]) {
    const child = spawnCli(['search', library.root, 'dữ liệu', '--cache-dir', cacheDir]);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, delay));
    child.kill('SIGKILL');
    await exited;
    const outcome = await loadIndex(indexFile);
    assert.ok(
      outcome.engine !== null || (outcome as { reason: string }).reason === 'no saved index',
      `after a kill at ${delay} ms: ${(outcome as { reason?: string }).reason}`,
    );
  }
  const finished = await runCliAsync(['search', library.root, 'số42', '--json', '--cache-dir', cacheDir]);
  assert.equal(finished.code, 0);
  assert.equal(JSON.parse(finished.stdout).results[0].slug, 'bai-so-42');
  assert.ok((await loadIndex(indexFile)).engine, 'the index is saved and valid');
  assert.deepEqual(
    readdirSync(cacheDir).filter((name) => name.endsWith('.tmp')),
    [],
    'leftovers from killed saves are removed',
  );
});
