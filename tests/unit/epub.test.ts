/**
 * The e-book (core/export/epub) of a library of our own that holds everything a chapter must carry — formulas in
 * every delimiter lectures use, a large photo and a transparent diagram, a remote image that is not offline,
 * links to another chapter's section, to a lecture outside the book and to a draft, a quiz, code, a task list,
 * a footnote — checked by EPUBCheck and opened as a zip; then the selection rules, the CLI and the HTTP route.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { buildEpub, type Epub } from '../../core/export/epub/buildEpub.js';
import { EpubSelectionError, planBook } from '../../core/export/epub/selection.js';
import { LectureService } from '../../core/service/lectureService.js';
import { runCli } from '../helpers/cli.js';
import { entryText, epubcheck, noEpubcheck, unzipEpub } from '../helpers/epubcheck.js';
import { serveInProcess } from '../helpers/inProcessServer.js';
import { startServer } from '../../core/server/httpServer.js';
import { EPUB_BOUNDS, type LectureSummary, type LibraryOverview } from '../../core/common/api.js';
import { epubPath, epubSelectionOf } from '../../core/common/routes.js';
import { EpubBusy, EpubDownloads } from '../../core/server/epubDownloads.js';
import { makeLibrary } from '../helpers/tempLibrary.js';
import { fixtureFiles } from '../helpers/epubFixture.js';

describe('the e-book of a library of our own', () => {
  let library: ReturnType<typeof makeLibrary>;
  let service: LectureService;
  let book: Epub;
  let entries: Map<string, Uint8Array>;
  const out = mkdtempSync(path.join(tmpdir(), 'lecture-epub-'));

  before(async () => {
    library = makeLibrary(await fixtureFiles());
    service = await LectureService.open([library.root], { cacheDir: path.join(out, 'cache') });
    book = await buildEpub(service, {});
    entries = unzipEpub(book.bytes);
  });
  after(async () => {
    await service.close();
    library.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  test('passes EPUBCheck without an error or a warning', { skip: noEpubcheck }, async () => {
    const file = path.join(out, 'sach.epub');
    writeFileSync(file, book.bytes);
    const report = await epubcheck(file);
    assert.deepEqual(
      { fatals: report.fatals, errors: report.errors, warnings: report.warnings },
      { fatals: 0, errors: 0, warnings: 0 },
      report.messages.join('\n'),
    );
  });

  test('is a zip whose first entry is the stored mimetype, with metadata, a title page and both tables of contents', () => {
    const bytes = Buffer.from(book.bytes);
    assert.equal(bytes.readUInt32LE(0), 0x04034b50);
    assert.equal(bytes.readUInt16LE(8), 0, 'mimetype is stored, not compressed');
    assert.equal(bytes.subarray(30, 58).toString(), 'mimetypeapplication/epub+zip');
    assert.equal([...entries.keys()][0], 'mimetype');
    const opf = entryText(entries, 'OEBPS/content.opf');
    assert.match(opf, /<dc:title>Lớp học máy thử nghiệm<\/dc:title>/);
    assert.match(opf, /<dc:language>vi<\/dc:language>/);
    assert.match(opf, /<dc:date>2025-02-10<\/dc:date>/);
    assert.match(opf, /properties="nav"/);
    assert.match(entryText(entries, 'OEBPS/title.xhtml'), /Lớp học máy thử nghiệm[\s\S]*2 bài giảng/);
    const nav = entryText(entries, 'OEBPS/nav.xhtml');
    assert.match(nav, /epub:type="toc"/);
    assert.match(nav, /href="text\/chapter-002.xhtml#mục-hai">Mục hai</);
    assert.match(entryText(entries, 'OEBPS/toc.ncx'), /Gradient cho người mới/);
  });

  test('holds each published lecture as a Vietnamese chapter, oldest first, and never the draft', () => {
    assert.equal(book.chapters, 2);
    const first = entryText(entries, 'OEBPS/text/chapter-001.xhtml');
    assert.match(first, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE html>/);
    assert.match(first, /<html xmlns="http:\/\/www.w3.org\/1999\/xhtml"[^>]* xml:lang="vi" lang="vi">/);
    assert.match(first, /<h1 class="chapter-title">Hồi quy tuyến tính từ đầu<\/h1>/);
    assert.match(entryText(entries, 'OEBPS/text/chapter-002.xhtml'), /Gradient cho người mới/);
    assert.ok(![...entries.values()].some((entry) => new TextDecoder().decode(entry).includes('Chưa viết')));
  });

  test('writes every formula as MathML with its TeX kept as the readable fallback', () => {
    const first = entryText(entries, 'OEBPS/text/chapter-001.xhtml');
    const formulas = first.match(/<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"[^>]*>/g) ?? [];
    // $…$ (twice, once with `<`, which XML needs escaped in the TeX kept as alttext), \(…\), $$…$$, \[…\] and the
    // one-line `$$ … \begin{cases}` a lecture writes.
    assert.equal(formulas.length, 6, first);
    assert.equal(formulas.filter((tag) => tag.includes('display="block"')).length, 3);
    for (const tex of ['\\hat{y} = wx + b', 'e^{i\\pi} + 1 = 0', '\\nabla_w L', '\\begin{cases}'])
      assert.ok(first.includes(`alttext="${tex}`) || first.includes(tex), tex);
    assert.match(first, /<annotation encoding="application\/x-tex">/);
    assert.match(entryText(entries, 'OEBPS/content.opf'), /href="text\/chapter-001.xhtml" media-type="application\/xhtml\+xml" properties="mathml"/);
    assert.doesNotMatch(first, /katex-html|class="katex-mathml"/);
  });

  test('embeds the library images resized for a phone, and names the remote one it does not have', async () => {
    const first = entryText(entries, 'OEBPS/text/chapter-001.xhtml');
    assert.match(first, /<img src="..\/images\/image-001.jpg" alt="Đám mây điểm dữ liệu" \/>/);
    assert.match(first, /<img src="..\/images\/image-002.png" alt="Sơ đồ trong suốt" width="300" \/>/);
    const photo = await sharp(entries.get('OEBPS/images/image-001.jpg')!).metadata();
    assert.deepEqual([photo.format, photo.width, photo.height], ['jpeg', 1000, 600]);
    const diagram = await sharp(entries.get('OEBPS/images/image-002.png')!).metadata();
    assert.deepEqual([diagram.format, diagram.hasAlpha], ['png', true]);
    assert.match(first, /<span class="image-placeholder">\[Hình ảnh không có trong sách: Ảnh trên mạng chưa tải\]<\/span>/);
    assert.deepEqual(book.images, { embedded: 2, missing: 1 });
  });

  test('turns /blog/ links into links between chapters, and links that would lead nowhere into text', () => {
    const first = entryText(entries, 'OEBPS/text/chapter-001.xhtml');
    assert.match(first, /<a href="chapter-002.xhtml#mục-hai">mục hai của bài gradient<\/a>/);
    assert.match(first, /<a href="#dữ-liệu">đầu bài này<\/a>/);
    assert.match(first, /<a href="https:\/\/example.org\/trang">trang web<\/a>/);
    // Not in the book (missing, a draft) or a file of the lecture site: the words stay, the link goes.
    assert.match(first, /<\/a>, bài chưa có,\nbản nháp, <a href="#dữ-liệu">[^<]*<\/a>, <a [^>]*>trang web<\/a> và tệp\.<\/p>/);
    assert.doesNotMatch(first, /href="\/blog\/|href="\.\/bai-tap.md"/);
    // The footnote's link finds the id the sanitizer prefixed; its heading speaks Vietnamese.
    assert.match(first, /href="#user-content-[^"]*fn-ghi-chu"/);
    assert.match(first, /<h2 class="footnotes-title" id="user-content-footnote-label">Chú thích<\/h2>/);
    assert.match(first, /aria-label="Quay lại chỗ đánh dấu chú thích"/);
  });

  test('opens quizzes, writes checkboxes as characters and keeps the code highlighted', () => {
    const first = entryText(entries, 'OEBPS/text/chapter-001.xhtml');
    assert.doesNotMatch(first, /<details|<summary|<input/);
    assert.match(first, /<div class="details"><p class="details-summary">Câu hỏi: vì sao bình phương sai số\?<\/p><div class="details-body">/);
    assert.match(first, /☑ Đọc bài[\s\S]*☐ Làm bài tập/);
    assert.match(first, /<pre><code class="hljs language-python"><span class="hljs-keyword">def<\/span>/);
    assert.match(entryText(entries, 'OEBPS/style.css'), /\.hljs-keyword/);
  });

  test('a selection: tags bring their lectures, a named lecture comes first, unknown names and drafts are refused', async () => {
    const tagged = await buildEpub(service, { tags: ['co-ban'] });
    assert.equal(tagged.chapters, 1);
    assert.equal(tagged.title, 'co-ban — Lớp học máy thử nghiệm');
    const labelled = await buildEpub(service, { tags: ['toan'] });
    assert.equal(labelled.title, 'Toán — Lớp học máy thử nghiệm');
    assert.deepEqual(labelled.fileNames, { utf8: 'Toán — Lớp học máy thử nghiệm.epub', ascii: 'toan-lop-hoc-may-thu-nghiem.epub' });
    const named = unzipEpub((await buildEpub(service, { lectures: ['gradient-cho-nguoi-moi'], tags: ['co-ban'] })).bytes);
    assert.match(entryText(named, 'OEBPS/text/chapter-001.xhtml'), /Gradient cho người mới/);
    await assert.rejects(buildEpub(service, { tags: ['khong-co'] }), (error: Error) => error instanceof EpubSelectionError && /"khong-co"/.test(error.message));
    await assert.rejects(buildEpub(service, { lectures: ['ban-nhap-chua-xong'] }), EpubSelectionError);
  });

  test('the server makes one book at a time, gives a repeated selection the same book, and turns away a crowd', async () => {
    let version = 1;
    const downloads = new EpubDownloads(service, () => version);
    const selections = [{}, { tags: ['toan'] }, { tags: ['co-ban'] }, { lectures: ['gradient-cho-nguoi-moi'] }, { lectures: ['hoi-quy-tuyen-tinh-tu-dau'] }];
    // All asked in one moment, as a classroom would: four distinct books wait, the fifth is refused.
    const asked = selections.map((selection) => downloads.book({ tags: [], lectures: [], ...selection }));
    const again = downloads.book({ tags: [], lectures: [] });
    assert.equal(again, asked[0]);
    await assert.rejects(asked[4], EpubBusy);
    const books = await Promise.all(asked.slice(0, 4));
    assert.deepEqual(
      books.map((made) => made.chapters),
      [2, 2, 1, 1],
    );
    // Kept for the library version: the same bytes again; a new version makes the book anew.
    assert.equal(await downloads.book({ tags: ['toan'], lectures: [] }), books[1]);
    // However the selection is written: a tag repeated is the same book.
    assert.equal(await downloads.book({ tags: ['toan', 'toan'], lectures: [] }), books[1]);
    version = 2;
    assert.notEqual(await downloads.book({ tags: ['toan'], lectures: [] }), books[1]);
  });

  test('the CLI writes the book atomically and says what is wrong with a selection or an output', async () => {
    const file = path.join(out, 'cli.epub');
    const made = runCli(['epub', library.root, '--tag', 'toan', '-o', file, '--cache-dir', path.join(out, 'cache')]);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /2 chapters, 2 images \(1 shown as their description/);
    assert.equal(readFileSync(file).subarray(30, 38).toString(), 'mimetype');
    const unknown = runCli(['epub', library.root, '--lecture', 'khong-co-bai', '-o', file, '--cache-dir', path.join(out, 'cache')]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no published lecture is called "khong-co-bai"/);
    const unwritable = runCli(['epub', library.root, '-o', path.join(out, 'khong-co-thu-muc', 'x.epub')]);
    assert.equal(unwritable.code, 1);
    assert.match(unwritable.stderr, /its folder does not exist/);
    const usage = runCli(['epub', library.root]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /-o FILE/);
    assert.match(runCli(['epub', '--help']).stdout, /Examples:[\s\S]*--tag hadoop/);
  });
});

test('the download address carries the selection, and the server reads it back cut to the bounds', () => {
  const selection = { tags: ['đạo-đức', 'a&b'], lectures: ['bai-mot'] };
  const address = new URL(epubPath(selection), 'http://lop.test');
  assert.equal(address.pathname, '/api/epub');
  const query = { tag: address.searchParams.getAll('tag'), lecture: address.searchParams.getAll('lecture') };
  assert.deepEqual(epubSelectionOf(query), selection);
  assert.equal(epubPath({}), '/api/epub');
  const crowd = epubSelectionOf({ tag: Array.from({ length: 50 }, (_, i) => `t${i}`), lecture: 'x'.repeat(5000) });
  assert.deepEqual([crowd.tags.length, crowd.lectures[0].length], [EPUB_BOUNDS.tags, EPUB_BOUNDS.nameChars]);
});

test('a selection bigger than one book is refused with the way to a smaller one', () => {
  const lecture = (i: number): LectureSummary => ({ slug: `bai-${i}`, title: `Bài ${i}`, tags: ['chung'], published: true }) as LectureSummary;
  const overview = (count: number) =>
    ({ name: 'Thư viện', tagLabels: {}, articles: Array.from({ length: count }, (_, i) => lecture(i)) }) as unknown as LibraryOverview;
  assert.equal(planBook(overview(EPUB_BOUNDS.chapters), {}).lectures.length, EPUB_BOUNDS.chapters);
  assert.throws(
    () => planBook(overview(EPUB_BOUNDS.chapters + 1), {}),
    (error: Error) => error instanceof EpubSelectionError && /choose tags or lectures/.test(error.message),
  );
  assert.throws(() => planBook(overview(EPUB_BOUNDS.chapters + 1), { tags: ['chung'] }), EpubSelectionError);
});

describe('GET /api/epub', async () => {
  const { url } = await serveInProcess(await fixtureFiles());

  test('sends the selection as an EPUB download with an ASCII and a UTF-8 file name', async () => {
    const response = await fetch(new URL('/api/epub?tag=toan', url));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/epub+zip');
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename="toan-lop-hoc-may-thu-nghiem.epub"; filename*=UTF-8''${encodeURIComponent('Toán — Lớp học máy thử nghiệm.epub')}`,
    );
    const entries = unzipEpub(new Uint8Array(await response.arrayBuffer()));
    assert.equal(entries.size > 5, true);
  });

  test('the same selection again is the same book, not a second one made', async () => {
    const [a, b] = await Promise.all([
      fetch(new URL('/api/epub?lecture=gradient-cho-nguoi-moi', url)),
      fetch(new URL('/api/epub?lecture=gradient-cho-nguoi-moi', url)),
    ]);
    assert.deepEqual(Buffer.from(await a.arrayBuffer()), Buffer.from(await b.arrayBuffer()));
  });

  test('a book that takes longer than a connection may idle still arrives', async () => {
    const library = makeLibrary(await fixtureFiles());
    const renderer = makeLibrary({ 'index.html': '<!doctype html><title>reader</title>' });
    const service = await LectureService.open([library.root]);
    // Idle connections are cut after 50 ms; resizing the 3000-pixel photo alone takes longer.
    const { app, url: slow } = await startServer({ service, rendererDir: renderer.root, port: 0, limits: { idleTimeoutMs: 50 } });
    try {
      const response = await fetch(new URL('/api/epub', slow));
      assert.equal(response.status, 200);
      assert.ok(unzipEpub(new Uint8Array(await response.arrayBuffer())).has('OEBPS/images/image-001.jpg'));
    } finally {
      await app.close();
      await service.close();
      library.cleanup();
      renderer.cleanup();
    }
  });

  test('HEAD says what the download would be, without making a book', async () => {
    const library = makeLibrary(await fixtureFiles());
    const renderer = makeLibrary({ 'index.html': '<!doctype html><title>reader</title>' });
    const service = await LectureService.open([library.root]);
    let lecturesRead = 0;
    const getLecture = service.getLecture.bind(service);
    service.getLecture = (...args) => (lecturesRead++, getLecture(...args));
    const { app, url: own } = await startServer({ service, rendererDir: renderer.root, port: 0 });
    try {
      const head = await fetch(new URL('/api/epub?tag=toan', own), { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('content-type'), 'application/epub+zip');
      assert.match(head.headers.get('content-disposition') ?? '', /filename="toan-lop-hoc-may-thu-nghiem\.epub"/);
      assert.equal((await fetch(new URL('/api/epub?tag=khong-co', own), { method: 'HEAD' })).status, 404);
      assert.equal(lecturesRead, 0, 'no chapter was read');
      await (await fetch(new URL('/api/epub?tag=toan', own))).arrayBuffer();
      assert.ok(lecturesRead > 0, 'a GET makes the book');
    } finally {
      await app.close();
      await service.close();
      library.cleanup();
      renderer.cleanup();
    }
  });

  test('refuses unknown tags and drafts with 404 and a reason', async () => {
    for (const query of ['tag=khong-co', 'lecture=ban-nhap-chua-xong']) {
      const response = await fetch(new URL(`/api/epub?${query}`, url));
      assert.equal(response.status, 404, query);
      assert.match(((await response.json()) as { error: string }).error, /no published lecture/);
    }
  });
});

test('hostile text in titles, tags and bodies stays text, and the book stays valid XML', { skip: noEpubcheck }, async () => {
  const hostile = makeLibrary({
    'doc.md': [
      '---',
      'title: "Bài <script>alert(1)</script> & \\"x\\" ]]> \\u0007 chuông"',
      'time: 01/02/2024',
      'tags: ["a</title>", "đạo đức 🚀"]',
      '---',
      '## Mục <em>một</em> ]]> & hai',
      '',
      'Văn bản [x](javascript:alert(1)) và <a href="#muc" onclick="x()">y</a>, $a<b$ và ]]> trong câu.\u0007',
      '',
      '<iframe src="https://example.invalid"></iframe>',
      '',
    ].join('\n'),
  });
  const out = mkdtempSync(path.join(tmpdir(), 'epub-hostile-'));
  const service = await LectureService.open([hostile.root]);
  try {
    const file = path.join(out, 'hostile.epub');
    writeFileSync(file, (await buildEpub(service, {})).bytes);
    const report = await epubcheck(file);
    assert.deepEqual({ fatals: report.fatals, errors: report.errors }, { fatals: 0, errors: 0 }, report.messages.join('\n'));
    const chapter = entryText(unzipEpub(readFileSync(file)), 'OEBPS/text/chapter-001.xhtml');
    assert.doesNotMatch(chapter, /<script|<iframe|onclick|javascript:/i);
  } finally {
    await service.close();
    hostile.cleanup();
    rmSync(out, { recursive: true, force: true });
  }
});
