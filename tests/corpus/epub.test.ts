/**
 * The e-book of the real corpus's data-engineer library (issue 18's figure: ≤ 25 MB, 0 EPUBCheck errors): every
 * published lecture a chapter, its images embedded, no link in it leading nowhere.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildEpub } from '../../core/export/epub/buildEpub.js';
import { LectureService } from '../../core/service/lectureService.js';
import { entryText, epubcheck, noEpubcheck, unzipEpub } from '../helpers/epubcheck.js';
import { CORPUS } from '../helpers/tempLibrary.js';

const folder = path.join(CORPUS, 'data-engineer-lectures');
const skip = existsSync(folder) ? noEpubcheck : `the real corpus is not at ${CORPUS}`;

test('the data-engineer library as an EPUB: every published lecture, its images, under 25 MB, 0 EPUBCheck errors', { skip, timeout: 300_000 }, async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'lecture-epub-corpus-'));
  const service = await LectureService.open([folder], { cacheDir: path.join(work, 'cache') });
  try {
    const published = (await service.getLibrary()).articles.length;
    const book = await buildEpub(service, {});
    assert.equal(book.chapters, published);
    assert.ok(book.images.embedded > 100, JSON.stringify(book.images));
    assert.ok(book.bytes.length <= 25 * 1024 * 1024, `${book.bytes.length} bytes`);
    const entries = unzipEpub(book.bytes);
    for (let chapter = 1; chapter <= book.chapters; chapter++) {
      const text = entryText(entries, `OEBPS/text/chapter-${String(chapter).padStart(3, '0')}.xhtml`);
      assert.doesNotMatch(text, /href="\/blog\//);
      for (const [, image] of text.matchAll(/<img src="\.\.\/([^"]+)"/g)) assert.ok(entries.has(`OEBPS/${image}`), image);
    }
    const file = path.join(work, 'data-engineer.epub');
    writeFileSync(file, book.bytes);
    const report = await epubcheck(file);
    assert.equal(report.fatals + report.errors, 0, report.messages.join('\n'));
    if (report.warnings) console.log(`EPUBCheck warnings:\n${report.messages.join('\n')}`);
  } finally {
    await service.close();
    rmSync(work, { recursive: true, force: true });
  }
});
