import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractTermPairs, isEnglishTerm, isVietnameseTerm } from '../../core/glossary/extractTerms.js';
import { buildGlossary, glossaryMatches } from '../../core/glossary/glossary.js';
import { LibraryGlossary } from '../../core/glossary/libraryGlossary.js';
import { LectureLibrary } from '../../core/library/lectureLibrary.js';
import { outlineMarkdown } from '../../core/library/markdownOutline.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';
import { packTexts } from '../../core/common/packedTexts.js';

/** The pairs of a Markdown body, as "vi = en". */
function pairsOf(body: string): string[] {
  return extractTermPairs(body, outlineMarkdown(body).headings).map((pair) => `${pair.vi} = ${pair.en}`);
}

test('vi (en), en (vi), headings with a dash and a bold term with its translation are read', () => {
  const body = [
    '## 1. Mạng nơ-ron - Neural Network',
    '',
    'Mạng nơ-ron là mô hình gồm nhiều lớp tế bào nhân tạo nối với nhau.',
    '',
    '### Overfitting – Quá khớp',
    '',
    '- **Ảo giác (hallucination)**: mô hình tự bịa ra thông tin nghe có vẻ hợp lý nhưng sai.',
    '- Gradient Descent (hạ dốc): thuật toán tìm cực tiểu bằng các bước nhỏ ngược hướng đạo hàm.',
    '- **Tokenizer** - bộ tách từ: chia văn bản thành các token.',
    '',
    'Hệ thống tệp phân tán (distributed file system) giữ các khối trên nhiều máy.',
  ].join('\n');
  assert.deepEqual(pairsOf(body), [
    'Mạng nơ-ron = Neural Network',
    'Quá khớp = Overfitting',
    'Ảo giác = hallucination',
    'hạ dốc = Gradient Descent',
    'bộ tách từ = Tokenizer',
    'Hệ thống tệp phân tán = distributed file system',
  ]);
});

test('each pair knows its section and the sentence that introduces it', () => {
  const body = [
    'Mở đầu không có thuật ngữ nào.',
    '',
    '## Hồ dữ liệu - Data Lake',
    '',
    'Định nghĩa: Data Lake là nơi chứa dữ liệu thô ở mọi định dạng, chưa qua xử lý.',
    '',
    '## Kiến trúc',
    '',
    '- **Kho dữ liệu (data warehouse)**',
    '',
    'Mô hình (model) học quy luật từ dữ liệu đã gán nhãn.',
  ].join('\n');
  const pairs = extractTermPairs(body, outlineMarkdown(body).headings);
  assert.deepEqual(
    pairs.map(({ vi, section, definition }) => ({ vi, section, definition })),
    [
      { vi: 'Hồ dữ liệu', section: 'hồ-dữ-liệu---data-lake', definition: 'Data Lake là nơi chứa dữ liệu thô ở mọi định dạng, chưa qua xử lý.' },
      // A label alone is no definition.
      { vi: 'Kho dữ liệu', section: 'kiến-trúc', definition: '' },
      { vi: 'Mô hình', section: 'kiến-trúc', definition: 'Mô hình (model) học quy luật từ dữ liệu đã gán nhãn.' },
    ],
  );
});

test('false positives are rejected: abbreviations, names, lists, clauses, notes, actions, code, Vietnamese without diacritics', () => {
  const rejected = [
    'Quản lý nhân sự (HRM) trong doanh nghiệp.', // an abbreviation
    'Dịch vụ thanh toán (PayPal API) rất phổ biến.', // a product name
    'Viết bằng ngôn ngữ (Java) cho nhanh.', // a capitalized name after a lowercase phrase
    'Mỗi bản ghi là một cặp (key, value) trong bảng.', // a list
    'Bộ tối ưu loại bỏ các cột dư thừa (projection pruning) trước khi đọc.', // the term's start is inside a clause
    '- **Code on Demand (tùy chọn):** máy chủ gửi mã cho máy khách.', // a note, not a translation
    '- Kiểm tra chứng chỉ (certificate) của máy chủ.', // an action named by a thing
    '- Khởi động (foreground)', // the same
    '### 2.1. Dữ liệu mẫu (input)', // a label
    'Ta gọi đó là học máy (hoc may) cho dễ nhớ.', // the Vietnamese again without diacritics
    'Dữ liệu ở dạng khối (block) trên đĩa.', // one syllable
    '- Dùng danh từ (nouns) để đặt tên tài nguyên.', // an instruction
    'Trạng thái được lưu (cached) để dùng lại.', // a participle describes, it names nothing
    '```\nbiến đổi dữ liệu (transform)\n```', // code
    'Hàm `map (func)` nhận một hàm.', // inline code
    '1xx (Informational) là nhóm mã thông tin.', // the left side is no Vietnamese
    '## Delta Lake - Lưu trữ dữ liệu linh hoạt và hiệu quả cho mọi người', // a sentence, not a term
    '## MongoDB - Nhóm Document store', // English on both sides
    '**Encoder**: Nhận đầu vào là một chuỗi văn bản.', // a definition, not a translation
    '**catalog** — kho lưu trữ thông tin về tất cả các bảng trong hệ thống', // too long to be a term
  ];
  for (const line of rejected) assert.deepEqual(pairsOf(line), [], line);
});

test('the sides are checked for their language', () => {
  assert.equal(isEnglishTerm('machine learning'), true);
  assert.equal(isEnglishTerm('học máy'), false);
  assert.equal(isEnglishTerm('SaaS'), false);
  assert.equal(isEnglishTerm('khong gian'), false);
  assert.equal(isEnglishTerm('one two three four five'), false);
  assert.equal(isVietnameseTerm('ảo giác'), true);
  assert.equal(isVietnameseTerm('kho dữ liệu'), true);
  assert.equal(isVietnameseTerm('hệ thống file tạm'), true);
  assert.equal(isVietnameseTerm('Thiết kế Map'), false);
  assert.equal(isVietnameseTerm('phản hồi từ server'), false);
  assert.equal(isVietnameseTerm('Mô hình GPT'), false);
  assert.equal(isVietnameseTerm('là một mô hình'), false);
});

const place = (slug: string, pairs: ReturnType<typeof extractTermPairs>, text = '') => ({
  slug,
  title: slug,
  sections: [{ id: 'a', title: 'A' }],
  texts: packTexts([text]),
  pairs,
});
const pair = (vi: string, en: string, definition = '') => ({ vi, en, section: 'a', definition });

test('pairs differing only in case, tone placement, NFD or an English plural are one entry, introduced where first written', () => {
  const entries = buildGlossary([
    place('one', [pair('Hoá học', 'Chemistry'), pair('Phân vùng', 'Partitions')]),
    place('two', [
      pair('hóa học'.normalize('NFD').normalize('NFC'), 'chemistry', 'Hóa học (chemistry) là môn khoa học về chất và phản ứng.'),
      pair('phân vùng', 'partition'),
    ]),
  ]);
  assert.deepEqual(
    entries.map(({ vi, en, definition, introduced }) => ({ vi, en, definition, lecture: introduced.lecture })),
    [
      { vi: 'hoá học', en: 'chemistry', definition: 'Hóa học (chemistry) là môn khoa học về chất và phản ứng.', lecture: 'one' },
      { vi: 'phân vùng', en: 'partition', definition: '', lecture: 'one' },
    ],
  );
});

test('uses count every section with either term, in any form, and list the others', () => {
  const entries = buildGlossary([
    place('intro', [pair('ảo giác', 'hallucination')], 'Ảo giác là khi mô hình bịa.'),
    place('english', [], 'Models produce hallucinations when unsure.'),
    place('folded', [], 'Hien tuong ao giac xay ra thuong xuyen.'),
    place('none', [], 'Bài này nói về ảo thuật và giác quan.'),
  ]);
  assert.equal(entries[0].uses, 3);
  assert.deepEqual(
    entries[0].usedIn.map((item) => item.lecture),
    ['english', 'folded'],
  );
});

test('a query finds the entry it names, with or without diacritics, or begins, in either language', () => {
  const entries = buildGlossary([place('x', [pair('ảo giác', 'hallucination'), pair('học máy', 'machine learning'), pair('học sâu', 'deep learning')])]);
  const counterpart = (query: string) => glossaryMatches(query, entries).map((match) => match.counterpart);
  assert.deepEqual(counterpart('ảo giác'), ['hallucination']);
  assert.deepEqual(counterpart('ao giac'), ['hallucination']);
  assert.deepEqual(counterpart('AO GIÁC'), ['hallucination']);
  assert.deepEqual(counterpart('ao gi'), ['hallucination']);
  assert.deepEqual(counterpart('hallucinations'), ['ảo giác']);
  assert.deepEqual(counterpart('halluc'), ['ảo giác']);
  assert.deepEqual(counterpart('ảo giác trong LLM'), ['hallucination']);
  assert.deepEqual(counterpart('học'), ['machine learning', 'deep learning']);
  assert.deepEqual(counterpart('ho'), []);
  assert.deepEqual(counterpart('giác'), []);
});

test('the library glossary follows edits: an edited lecture updates its pairs, the others are not read again', async () => {
  const meta = (title: string) => ({ time: '01/02/2024', title });
  const folder = makeLibrary({
    'a.md': lecture(meta('Bài A'), '## Khái niệm\n\n**Ảo giác (hallucination)** là khi mô hình bịa ra thông tin sai.\n'),
    'b.md': lecture(meta('Bài B'), 'Học sâu (deep learning) dùng mạng nhiều lớp.\n'),
  });
  const library = new LectureLibrary([folder.root]);
  try {
    await library.load();
    const glossary = new LibraryGlossary(library);
    assert.deepEqual(
      glossary.entries().map((entry) => entry.en),
      ['hallucination', 'deep learning'],
    );
    assert.equal(glossary.entries(), glossary.entries(), 'built once while the library is unchanged');
    folder.write('a.md', lecture(meta('Bài A'), '## Khái niệm\n\n**Quá khớp (overfitting)** là khi mô hình học thuộc dữ liệu huấn luyện.\n'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await library.load();
    assert.deepEqual(
      glossary.entries().map((entry) => `${entry.vi} = ${entry.en} @ ${entry.introduced.lecture}#${entry.introduced.section}`),
      ['học sâu = deep learning @ bai-b#', 'quá khớp = overfitting @ bai-a#khái-niệm'],
    );
  } finally {
    await library.close();
    folder.cleanup();
  }
});
