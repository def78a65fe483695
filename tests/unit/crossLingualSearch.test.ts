import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LectureService } from '../../core/service/lectureService.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const meta = (title: string) => ({ time: '01/02/2024', title });
const folder = makeLibrary({
  // Introduces the pair.
  'intro.md': lecture(meta('Mô hình ngôn ngữ lớn'), '## Rủi ro\n\n**Ảo giác (hallucination)** là khi mô hình bịa ra thông tin nghe hợp lý.\n'),
  // Uses only the Vietnamese term.
  'vietnamese.md': lecture(meta('Đánh giá chatbot'), '## Kiểm tra\n\nTa đo tỉ lệ ảo giác của chatbot trên bộ câu hỏi y khoa.\n'),
  // Uses only the English term.
  'english.md': lecture(meta('Đọc bài báo'), '## Tóm tắt\n\nBài báo đo hallucination rate của GPT trên nhiều tác vụ.\n'),
  // Shares a word with each term, but is about something else: a partial match only.
  'partial-vi.md': lecture(meta('Thị giác máy tính'), '## Ảnh\n\nẢo thuật thị giác: mắt người dễ bị đánh lừa bởi ảnh.\n'),
  'partial-en.md': lecture(meta('Bài đọc thêm'), '## Hallucinogens\n\nMột chủ đề không liên quan.\n'),
});

let service: LectureService;
before(async () => {
  service = await LectureService.open([folder.root]);
});
after(async () => {
  await service.close();
  folder.cleanup();
});

const ranked = async (q: string) => (await service.search({ q })).results.map((hit) => `${hit.slug}${hit.via ? ` (${hit.via})` : ''}`);

test('a Vietnamese query also finds the lecture that writes only the English term, below the exact matches, above partial ones', async () => {
  const results = await ranked('ảo giác');
  // The engine orders the exact matches; the glossary's hit comes after them, the partial match last.
  assert.deepEqual(results.slice(0, 2).sort(), ['danh-gia-chatbot', 'mo-hinh-ngon-ngu-lon']);
  assert.deepEqual(results.slice(2), ['doc-bai-bao (ảo giác = hallucination)', 'thi-giac-may-tinh']);
  assert.deepEqual(await ranked('ao giac'), results, 'without diacritics');
  assert.deepEqual((await ranked('ảo gi')).slice(0, 3), results.slice(0, 3), 'while typing');
});

test('an English query also finds the lecture that writes only the Vietnamese term, and says why', async () => {
  const results = await ranked('hallucination');
  assert.deepEqual(results.slice(0, 2).sort(), ['doc-bai-bao', 'mo-hinh-ngon-ngu-lon']);
  assert.equal(results[2], 'danh-gia-chatbot (hallucination = ảo giác)');
  assert.ok(!results.includes('thi-giac-may-tinh (hallucination = ảo giác)'), 'a partial match of the counterpart is no reason');
  // While typing, "hallucin" also begins "Hallucinogens": that lecture is an exact match of what was typed.
  assert.deepEqual((await ranked('hallucin')).slice(3), ['danh-gia-chatbot (hallucination = ảo giác)']);
});

test('a query that names no glossary term is answered by the engine alone', async () => {
  const results = await service.search({ q: 'chatbot' });
  assert.deepEqual(
    results.results.map((hit) => hit.slug),
    ['danh-gia-chatbot'],
  );
  assert.equal(results.results[0].via, undefined);
});
