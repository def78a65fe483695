import assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import { after, test } from 'node:test';
import { LectureService } from '../../core/service/lectureService.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const folder = makeLibrary({ 'a.md': lecture({ time: '01/01/2024', title: 'Bài A' }, 'Nội dung.\n') });
const service = await LectureService.open([folder.root]);
let notified = 0;
service.follow(() => notified++);
after(async () => {
  await service.close();
  folder.cleanup();
});

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 8000;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('a lecture written while the library is open appears, search included', async () => {
  folder.write('sub/b.md', lecture({ time: '01/02/2024', title: 'Bài B' }, 'Nói về zookeeper.\n'));
  await eventually(async () => (await service.search({ q: 'zookeeper' })).results[0]?.slug === 'bai-b', 'the new lecture to be searchable');
  assert.ok(notified > 0);
});

test('a folder renamed away while open is noticed and reported', async () => {
  renameSync(folder.root, `${folder.root}-moved`);
  try {
    await eventually(async () => (await service.getLibrary()).missingFolders.includes(folder.root), 'the folder to be reported missing');
    assert.ok((await service.getProblems()).some((problem) => /Cannot read the library folder/.test(problem.message)));
  } finally {
    renameSync(`${folder.root}-moved`, folder.root);
  }
});
