/**
 * The student's reading data: checked on the way in, merged without losses, anchored to text that survives
 * small edits, and saved so that a process killed mid-save keeps the previous notes.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { emptyReadingData, InvalidReadingData, mergeReadingData, parseReadingData, type Highlight, type ReadingData } from '../../core/common/readingData.js';
import { ReadingDataFile } from '../../core/node/readingDataFile.js';
import { callBridge, InvalidRequest } from '../../electron/main/bridgeRequests.js';
import { describe as describeAnchor, locate } from '../../renderer/src/reading/anchor.js';
import { PROJECT_ROOT } from '../helpers/cli.js';

/** A save of the child is about 30 MB: a file smaller than this is one being written. */
const PARTLY_WRITTEN = 10 * 1024 * 1024;
/** Bigger than the previous notes (a few hundred bytes): the child has started writing. */
const STARTED = 64 * 1024;

function highlight(id: string, quote: string, note = ''): Highlight {
  return { id, slug: 'bai-1', anchor: { quote, prefix: '', suffix: '' }, color: 'yellow', note, createdAt: '2026-11-30T07:00:00.000Z' };
}

/** Runs `body` with a fresh temporary folder, removed afterwards. */
async function inTemporaryFolder(body: (folder: string) => Promise<void>): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'reading-'));
  try {
    await body(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function sample(): ReadingData {
  return {
    version: 1,
    progress: { 'bai-1': { position: 0.4, furthest: 0.6, lastOpened: '2026-11-29T08:00:00.000Z' } },
    bookmarks: ['bai-1'],
    highlights: [highlight('a', 'Gradient chỉ hướng dốc nhất', 'Nhớ dấu trừ!')],
  };
}

describe('reading data', () => {
  test('valid data passes unchanged; wrong data is refused saying what is wrong', () => {
    assert.deepEqual(parseReadingData(JSON.parse(JSON.stringify(sample()))), sample());
    // Data as it arrives from a file: one value at `path` replaced by anything.
    const wrong = (path: (string | number)[], value: unknown, message: RegExp) => {
      const data = JSON.parse(JSON.stringify(sample())) as Record<string | number, unknown>;
      let parent = data;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      parent[path[path.length - 1]] = value;
      assert.throws(
        () => parseReadingData(data),
        (error: Error) => error instanceof InvalidReadingData && message.test(error.message),
      );
    };
    wrong(['version'], 2, /version 1/);
    wrong(['progress', 'bai-1', 'position'], 3, /position in bai-1/);
    wrong(['highlights', 0, 'color'], 'red', /colour/);
    wrong(['highlights', 0, 'anchor', 'quote'], ' ', /no text/);
    wrong(['highlights', 0, 'note'], 'x'.repeat(30_000), /note is longer/);
    wrong(['bookmarks'], 'bai-1', /bookmarks/);
  });

  test('an import merges: nothing of either side is lost, the newer position wins, the furthest progress stays', () => {
    const mine = sample();
    const theirs: ReadingData = {
      version: 1,
      progress: {
        'bai-1': { position: 0.1, furthest: 0.2, lastOpened: '2026-11-30T08:00:00.000Z' },
        'bai-2': { position: 1, furthest: 1, lastOpened: '2026-11-01T08:00:00.000Z' },
      },
      bookmarks: ['bai-2'],
      highlights: [highlight('b', 'Tốc độ học quá lớn thì phân kỳ'), { ...highlight('a', 'Gradient chỉ hướng dốc nhất'), note: 'Sửa trên máy kia' }],
    };
    const merged = mergeReadingData(mine, theirs);
    assert.deepEqual(merged.progress['bai-1'], { position: 0.1, furthest: 0.6, lastOpened: '2026-11-30T08:00:00.000Z' });
    assert.equal(merged.progress['bai-2'].furthest, 1);
    assert.deepEqual(merged.bookmarks, ['bai-1', 'bai-2']);
    assert.deepEqual(
      merged.highlights.map((item) => [item.id, item.note]),
      [
        ['b', ''],
        ['a', 'Sửa trên máy kia'],
      ],
    );
  });

  test('a highlight is found again after edits around it and small edits inside it; a removed one is not placed', () => {
    const text = 'Mở đầu. Gradient descent đi ngược hướng đạo hàm để giảm hàm mất mát từng bước nhỏ. Sau đó ta chọn tốc độ học.';
    const start = text.indexOf('đi ngược');
    const end = text.indexOf(' từng bước');
    const anchor = describeAnchor(text, start, end);
    assert.equal(anchor.quote, 'đi ngược hướng đạo hàm để giảm hàm mất mát');
    const added = `Một câu mới ở đầu bài. ${text}`;
    assert.equal(added.slice(...locate(added, anchor)!), anchor.quote);
    const edited = text.replace('để giảm', 'nhằm giảm');
    assert.equal(edited.slice(...locate(edited, anchor)!), 'đi ngược hướng đạo hàm nhằm giảm hàm mất mát');
    assert.equal(locate('Bài đã viết lại hoàn toàn, không còn đoạn cũ.', anchor), null);
    // Same context, the passage rewritten: it is not this passage any more.
    const rewritten = text.replace('đi ngược hướng đạo hàm để giảm hàm mất mát', 'chọn ngẫu nhiên một mẫu rồi cập nhật tham số');
    assert.equal(locate(rewritten, anchor), null);
    // The same words twice: the context decides which one.
    const twice = 'Lặp: đi ngược hướng đạo hàm để giảm hàm mất mát nhanh. Gradient descent đi ngược hướng đạo hàm để giảm hàm mất mát từng bước nhỏ.';
    assert.equal(locate(twice, anchor)![0], twice.lastIndexOf('đi ngược'));
  });

  test('the desktop bridge refuses bad reading data before it reaches the file, and refuses the methods without a store', async () => {
    await inTemporaryFolder(async (folder) => {
      const store = new ReadingDataFile(path.join(folder, 'reading-data.json'));
      const targets = { library: {} as never, sharing: {} as never, readingData: store };
      assert.throws(() => callBridge(targets, 'saveReadingData', [{ version: 1, progress: [], bookmarks: [], highlights: [] }]), InvalidRequest);
      await callBridge(targets, 'saveReadingData', [sample()]);
      assert.deepEqual(await callBridge(targets, 'loadReadingData', []), sample());
      assert.throws(() => callBridge({ library: {} as never, sharing: {} as never }, 'loadReadingData', []), /not available/);
    });
  });

  test('a damaged file is reported, not replaced by empty data', async () => {
    await inTemporaryFolder(async (folder) => {
      const file = path.join(folder, 'reading-data.json');
      writeFileSync(file, '{"version":1,"progress":');
      await assert.rejects(new ReadingDataFile(file).load(), SyntaxError);
      assert.deepEqual(await new ReadingDataFile(path.join(folder, 'none.json')).load(), emptyReadingData());
    });
  });

  test('kill test: a process SIGKILLed while saving leaves the previous notes whole', async () => {
    await inTemporaryFolder(async (folder) => {
      const file = path.join(folder, 'reading-data.json');
      const store = new ReadingDataFile(file);
      await store.save(sample());
      for (let attempt = 0; attempt < 3; attempt++) {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'tests/helpers/readingSaveChild.ts'), file], { stdio: 'ignore' });
        // Killed while bytes are going to disk: some file in the folder is partly written by the child.
        await new Promise<void>((resolve) => {
          const watch = () => {
            const writing = readdirSync(folder).some((name) => {
              const size = statSync(path.join(folder, name), { throwIfNoEntry: false })?.size ?? 0;
              return size > STARTED && size < PARTLY_WRITTEN;
            });
            if (writing) resolve();
            else setImmediate(watch);
          };
          watch();
        });
        child.kill('SIGKILL');
        await once(child, 'exit');
        // The file is the previous notes or one complete later save, never torn.
        const loaded = await new ReadingDataFile(file).load();
        assert.ok(loaded.highlights.length === 1 || new Set(loaded.highlights.map((item) => item.note.slice(0, 12))).size === 1, 'one whole save');
        if (loaded.highlights.length === 1) assert.deepEqual(loaded, sample());
      }
      // The killed writers' temporary files are swept by the next start's first save.
      await new ReadingDataFile(file).save(sample());
      assert.deepEqual(readdirSync(folder), ['reading-data.json']);
      assert.deepEqual(await store.load(), sample());
    });
  });
});
