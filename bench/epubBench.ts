/**
 * The e-book of the real corpus's data-engineer library: how long it takes, how big it is, and what EPUBCheck says.
 * Goals (issue 18): ≤ 30 s, ≤ 25 MB, 0 EPUBCheck errors. `npm run bench:epub`.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildEpub } from '../core/export/epub/buildEpub.js';
import { LectureService } from '../core/service/lectureService.js';
import { epubcheck, noEpubcheck } from '../tests/helpers/epubcheck.js';
import { CORPUS } from '../tests/helpers/tempLibrary.js';

const folder = path.join(CORPUS, 'data-engineer-lectures');
if (!existsSync(folder)) {
  console.log(`skip: the real corpus is not at ${folder}`);
  process.exit(0);
}
const work = mkdtempSync(path.join(tmpdir(), 'epub-bench-'));
try {
  // A cold start, as a teacher's first export: the library parsed, every image resized.
  const started = performance.now();
  const service = await LectureService.open([folder], { cacheDir: path.join(work, 'cache') });
  const book = await buildEpub(service, {});
  const seconds = (performance.now() - started) / 1000;
  await service.close();
  const file = path.join(work, 'data-engineer.epub');
  writeFileSync(file, book.bytes);
  const megabytes = book.bytes.length / 1024 / 1024;
  console.log(`chapters: ${book.chapters}, images embedded: ${book.images.embedded}, shown as their description: ${book.images.missing}`);
  console.log(`time (library opened + book made): ${seconds.toFixed(1)} s (goal ≤ 30)`);
  console.log(`size: ${megabytes.toFixed(1)} MB (goal ≤ 25)`);
  let errors = 0;
  if (noEpubcheck) console.log(`epubcheck: not run (${noEpubcheck})`);
  else {
    const report = await epubcheck(file);
    errors = report.fatals + report.errors;
    console.log(`epubcheck: ${report.fatals} fatals, ${report.errors} errors, ${report.warnings} warnings (goal 0 errors)`);
    for (const message of report.messages) console.log(`  ${message}`);
  }
  const pass = seconds <= 30 && megabytes <= 25 && errors === 0 && !noEpubcheck;
  console.log(`verdict: ${pass ? 'PASS' : 'FAIL'}`);
  process.exitCode = pass ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
