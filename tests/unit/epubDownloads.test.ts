/**
 * The server's e-books: one made per selection and library version, the last four finished kept, and a new library
 * version makes them all again.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { EpubDownloads } from '../../core/server/epubDownloads.js';
import { LectureService } from '../../core/service/lectureService.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const library = makeLibrary(
  Object.fromEntries(
    Array.from({ length: 5 }, (_, i) => [`bai-${i}.md`, lecture({ time: '01/02/2024', title: `Bài số ${i}`, tags: '[ai]' }, `Nội dung ${i}.\n`)]),
  ),
);
const service = await LectureService.open([library.root]);
after(async () => {
  await service.close();
  library.cleanup();
});

test('the last four books are kept per library version: asked again, a kept one is not made again', async () => {
  let chaptersRead = 0;
  const getLecture = service.getLecture.bind(service);
  const counted = Object.assign(Object.create(service) as LectureService, {
    getLecture: (...args: Parameters<LectureService['getLecture']>) => (chaptersRead++, getLecture(...args)),
  });
  let version = 1;
  const downloads = new EpubDownloads(counted, () => version);
  const made = async (slug: string) => {
    const before = chaptersRead;
    await downloads.book({ tags: [], lectures: [slug] });
    return chaptersRead > before;
  };
  for (let i = 0; i < 5; i++) assert.equal(await made(`bai-so-${i}`), true, `book ${i} made`);
  assert.equal(await made('bai-so-4'), false, 'the newest is kept');
  assert.equal(await made('bai-so-1'), false, 'the fourth newest is kept');
  assert.equal(await made('bai-so-0'), true, 'the oldest of five was dropped');
  assert.equal(
    (await downloads.book({ tags: ['ai', 'ai'], lectures: [] })) === (await downloads.book({ tags: ['ai'], lectures: [] })),
    true,
    'one book however the selection is spelled',
  );
  version = 2;
  assert.equal(await made('bai-so-4'), true, 'a new library version makes it again');
});
