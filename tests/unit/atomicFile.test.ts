/** The one atomic writer and its sweep (core/node/atomicFile.ts), as settings, the index, the cache and synced libraries use them. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { finishFolderSwap, removeTemporaryFiles, swapFolder, temporaryPath, writeFileAtomic, writeFileAtomicSync } from '../../core/node/atomicFile.js';
import { readJson, writeJson } from '../../core/node/jsonFile.js';

const temp = () => mkdtempSync(path.join(tmpdir(), 'atomic-'));

test('a file is replaced whole, its folder created, and no temporary file stays', async () => {
  const dir = temp();
  const file = path.join(dir, 'deep/er/index.json');
  await writeFileAtomic(file, 'một');
  await writeFileAtomic(file, Buffer.from('hai'));
  writeFileAtomicSync(file, 'ba');
  assert.equal(readFileSync(file, 'utf8'), 'ba');
  assert.deepEqual(readdirSync(path.dirname(file)), ['index.json']);
});

test('a write that cannot complete leaves what was there and removes its temporary file', async () => {
  const dir = temp();
  const blocked = path.join(dir, 'blocked');
  mkdirSync(path.join(blocked, 'inside'), { recursive: true });
  await assert.rejects(writeFileAtomic(blocked, 'x'));
  assert.throws(() => writeFileAtomicSync(blocked, 'x'));
  assert.deepEqual(readdirSync(dir), ['blocked'], 'nothing left beside it');
  assert.ok(existsSync(path.join(blocked, 'inside')));
});

test('the sweep removes only what killed writers left, for one target or for the whole folder', async () => {
  const dir = temp();
  for (const name of ['a.json', 'b.json', 'notes.tmp.md']) writeFileSync(path.join(dir, name), '{}');
  writeFileSync(temporaryPath(path.join(dir, 'a.json')), 'torn');
  writeFileSync(temporaryPath(path.join(dir, 'b.json')), 'torn');
  mkdirSync(temporaryPath(path.join(dir, 'a.json.unpack')));
  await removeTemporaryFiles(dir, 'a.json');
  assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.tmp')).length, 1, "b.json's leftover is not a.json's");
  await removeTemporaryFiles(dir);
  assert.deepEqual(readdirSync(dir).sort(), ['a.json', 'b.json', 'notes.tmp.md']);
  await removeTemporaryFiles(path.join(dir, 'missing'));
});

test('a folder swap keeps one complete copy at every step, and a cut swap is settled', async () => {
  const dir = temp();
  const target = path.join(dir, 'library');
  const fresh = (content: string) => {
    const folder = temporaryPath(target);
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'lecture.md'), content);
    return folder;
  };
  await swapFolder(target, fresh('cũ'));
  await swapFolder(target, fresh('mới'));
  assert.equal(readFileSync(path.join(target, 'lecture.md'), 'utf8'), 'mới');
  assert.deepEqual(readdirSync(dir), ['library']);
  // Cut between its renames: only the old copy, beside the target.
  renameSync(target, `${target}.old`);
  await finishFolderSwap(target);
  assert.equal(readFileSync(path.join(target, 'lecture.md'), 'utf8'), 'mới', 'the old copy is put back');
  // Cut after both renames: the old copy is removed.
  mkdirSync(`${target}.old`);
  await finishFolderSwap(target);
  assert.deepEqual(readdirSync(dir), ['library']);
});

test('settings files: written atomically, read back, and a damaged one gives the fallback', () => {
  const file = path.join(temp(), 'settings/window-state.json');
  assert.deepEqual(readJson(file, { width: 1 }), { width: 1 });
  writeJson(file, { width: 1200, folders: ['Bài giảng'] });
  assert.deepEqual(readJson(file, null), { width: 1200, folders: ['Bài giảng'] });
  writeFileSync(file, '{ "width": 12');
  assert.deepEqual(readJson(file, { width: 1 }), { width: 1 });
});
