/**
 * The static export (`cli export`, core/export/staticSite): its JSON files are what the HTTP server answers, drafts
 * never reach it, a re-export rewrites only what changed (unchanged files keep their modification time) and removes
 * what is gone, and a folder that is not a previous export is refused untouched.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { EXPORT_MANIFEST, STATIC_EXPORT_META, STATIC_FILES, staticAssetPath, staticLecturePath, staticThumbnailPath } from '../../core/common/staticSite.js';
import { exportSite } from '../../core/export/staticSite/exportSite.js';
import { libraryFiles } from '../../core/export/staticSite/libraryFiles.js';
import { startServer } from '../../core/server/httpServer.js';
import { LectureService } from '../../core/service/lectureService.js';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';
import { unpackTexts } from '../../core/common/packedTexts.js';
import { fromStoredDocument, type StoredSearchDocument } from '../../core/search/documentFile.js';

const DRAFT_WORD = 'bímậtnhápxyz';

describe('static export', () => {
  let library: ReturnType<typeof makeLibrary>;
  let renderer: ReturnType<typeof makeLibrary>;
  let work: string;
  let outDir: string;
  const run = () =>
    exportSite({
      folders: [library.root],
      outDir,
      cacheDir: path.join(work, 'cache'),
      rendererDir: renderer.root,
      iconFile: path.join(PROJECT_ROOT, 'build/icon.png'),
    });

  before(async () => {
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#3366aa' } })
      .png()
      .toBuffer();
    library = makeLibrary({
      'mang-no-ron.md': lecture(
        { title: 'Mạng nơ-ron nhân tạo', time: '03/02/2024', tags: '[hoc-sau]', banner_url: 'images/mang.png' },
        '## Lan truyền ngược\n\nĐạo hàm $\\frac{\\partial L}{\\partial w}$ cho từng trọng số.\n\n![Sơ đồ mạng](images/mang.png)\n\n![Đường hồi quy](images/duong.svg)\n\nXem [bài hồi quy](/blog/hoi-quy-tuyen-tinh).\n',
      ),
      'hoi-quy.md': lecture(
        { title: 'Hồi quy tuyến tính', time: '01/02/2024', tags: '[hoc-may]' },
        '## Bình phương tối thiểu\n\nSai số bình phương trung bình.\n',
      ),
      'nhap.md': lecture({ title: 'Bài nháp', time: '05/02/2024', is_published: 'false' }, `Chưa xong: ${DRAFT_WORD}.\n`),
      'images/mang.png': png,
      // A drawing that would run script if opened on its own on the export's origin.
      'images/duong.svg':
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><script>alert(document.domain)</script><line x1="0" y1="100" x2="200" y2="0" stroke="black"/></svg>',
    });
    renderer = makeLibrary({
      'index.html': '<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n    <title>reader</title>\n  </head>\n  <body></body>\n</html>\n',
      'static/app-abc.js': 'console.log(1);\n',
      'sw.js': '// the service worker\n',
    });
    work = mkdtempSync(path.join(tmpdir(), 'static-export-'));
    outDir = path.join(work, 'site');
  });

  after(() => {
    library.cleanup();
    renderer.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  const read = (file: string) => readFileSync(path.join(outDir, ...file.split('/').map(decodeURIComponent)), 'utf8');
  const json = (file: string) => JSON.parse(read(file));

  test('writes what the HTTP server answers, and no draft', async () => {
    const { stats, lectures } = await run();
    assert.equal(lectures, 2);
    assert.equal(stats.written, stats.files);
    const service = await LectureService.open([library.root], { cacheDir: path.join(work, 'server-cache') });
    const { app, url } = await startServer({ service, rendererDir: renderer.root, port: 0 });
    try {
      const answer = async (route: string) => (await fetch(new URL(route, url))).json();
      assert.deepEqual(json(STATIC_FILES.library), await answer('/api/library'));
      assert.deepEqual(json(STATIC_FILES.glossary), await answer('/api/glossary'));
      assert.deepEqual(json(STATIC_FILES.problems), await answer('/api/problems'));
      for (const slug of ['mang-no-ron-nhan-tao', 'hoi-quy-tuyen-tinh']) assert.deepEqual(json(staticLecturePath(slug)), await answer(`/api/articles/${slug}`));
    } finally {
      await app.close();
      await service.close();
    }
    const detail = json(staticLecturePath('mang-no-ron-nhan-tao'));
    const image = detail.images['images/mang.png'];
    assert.ok(image, 'the image is available');
    assert.deepEqual(
      readFileSync(path.join(outDir, ...staticAssetPath(image).split('/').map(decodeURIComponent))),
      readFileSync(path.join(library.root, 'images/mang.png')),
    );
    const small = await sharp(readFileSync(path.join(outDir, ...staticThumbnailPath(image).split('/').map(decodeURIComponent)))).metadata();
    assert.equal(small.format, 'webp');
    assert.ok(small.width! < 900, 'the small copy is smaller');
    // Nothing of the draft anywhere, search index included; no path of this machine either.
    for (const file of readdirSync(outDir, { recursive: true }) as string[]) {
      if (!statSync(path.join(outDir, file)).isFile() || !/\.(json|html)$/.test(file)) continue;
      const text = readFileSync(path.join(outDir, file), 'utf8');
      assert.ok(!text.toLowerCase().includes(DRAFT_WORD) && !text.includes('bai-nhap'), `${file} holds the draft`);
      assert.ok(!text.includes(library.root), `${file} names the library's folder`);
    }
    // The search documents' section texts are packed: read unpacked, and the published lecture's words are there.
    const documents = (JSON.parse(read(STATIC_FILES.searchDocuments)) as StoredSearchDocument[]).map(fromStoredDocument);
    const texts = documents.flatMap((document) => unpackTexts(document.texts)).join('\n');
    assert.ok(texts.length > 0 && !texts.toLowerCase().includes(DRAFT_WORD), 'the draft is in no packed text');
    assert.match(read('index.html'), new RegExp(`<meta name="${STATIC_EXPORT_META}"`));
    assert.match(read('index.html'), /<meta charset="UTF-8" \/>\s*<meta http-equiv="Content-Security-Policy"/);
    assert.equal(read('static/app-abc.js'), 'console.log(1);\n');
    assert.equal(JSON.parse(read('manifest.webmanifest')).lang, 'vi');
  });

  test('a re-export rewrites only what changed and removes what is gone', async () => {
    const files = (readdirSync(outDir, { recursive: true }) as string[]).filter((file) => statSync(path.join(outDir, file)).isFile());
    const before = Object.fromEntries(files.map((file) => [file, statSync(path.join(outDir, file)).mtimeMs]));
    const version = json(EXPORT_MANIFEST).version;
    const unchanged = await run();
    assert.equal(unchanged.stats.written, 0);
    assert.equal(unchanged.manifest.version, version);
    for (const [file, mtime] of Object.entries(before)) assert.equal(statSync(path.join(outDir, file)).mtimeMs, mtime, `${file} was rewritten`);

    library.write(
      'hoi-quy.md',
      lecture({ title: 'Hồi quy tuyến tính', time: '01/02/2024', tags: '[hoc-may]' }, '## Bình phương tối thiểu\n\nSai số tuyệt đối trung bình.\n'),
    );
    const edited = await run();
    assert.notEqual(edited.manifest.version, version);
    const rewritten = Object.keys(before).filter((file) => statSync(path.join(outDir, file), { throwIfNoEntry: false })?.mtimeMs !== before[file]);
    // The list holds no body text: it stays as it was.
    assert.deepEqual(
      rewritten.sort(),
      [EXPORT_MANIFEST, staticLecturePath('hoi-quy-tuyen-tinh'), STATIC_FILES.searchDocuments, STATIC_FILES.searchIndex, STATIC_FILES.book].sort(),
    );
    assert.equal(edited.stats.written, 4);

    rmSync(path.join(library.root, 'hoi-quy.md'));
    // A run killed mid-write left a temporary file: the next run removes it.
    const leftover = path.join(outDir, 'api/articles/hoi-quy-tuyen-tinh.json.4242.abcd1234.tmp');
    writeFileSync(leftover, '{"tor');
    const removed = await run();
    assert.equal(statSync(leftover, { throwIfNoEntry: false }), undefined);
    assert.equal(removed.stats.removed, 1);
    assert.equal(statSync(path.join(outDir, staticLecturePath('hoi-quy-tuyen-tinh')), { throwIfNoEntry: false }), undefined);
  });

  test('a lecture deleted while the export runs is left out, the others written', async () => {
    const shrinking = makeLibrary({
      'cay.md': lecture({ title: 'Cây quyết định', time: '01/03/2024' }),
      'cum.md': lecture({ title: 'Phân cụm dữ liệu', time: '02/03/2024' }),
    });
    const service = await LectureService.open([shrinking.root]);
    try {
      rmSync(path.join(shrinking.root, 'cum.md'));
      const written = (await libraryFiles(service)).map((file) => file.path);
      assert.ok(written.includes(staticLecturePath('cay-quyet-dinh')));
      assert.ok(!written.includes(staticLecturePath('phan-cum-du-lieu')));
    } finally {
      await service.close();
      shrinking.cleanup();
    }
  });

  test('refuses a folder that is not a previous export, and leaves it alone', async () => {
    const other = makeLibrary({ 'notes.txt': 'của tôi' });
    try {
      const target = {
        folders: [library.root],
        outDir: other.root,
        cacheDir: path.join(work, 'cache'),
        rendererDir: renderer.root,
        iconFile: path.join(PROJECT_ROOT, 'build/icon.png'),
      };
      await assert.rejects(exportSite(target), /is not empty and holds no previous export/);
      assert.deepEqual(readdirSync(other.root), ['notes.txt']);
      writeFileSync(path.join(other.root, EXPORT_MANIFEST), '{"format":"something else"}');
      await assert.rejects(exportSite(target), /holds no previous export/);
    } finally {
      other.cleanup();
    }
  });

  test('an SVG is exported drawn as a PNG, never as itself', async () => {
    await run();
    const detail = json(staticLecturePath('mang-no-ron-nhan-tao'));
    const drawing = detail.images['images/duong.svg'];
    assert.ok(drawing, 'the drawing is available');
    for (const file of [staticAssetPath(drawing), staticThumbnailPath(drawing)]) {
      assert.match(file, /\.svg\.png$/);
      const bytes = readFileSync(path.join(outDir, ...file.split('/').map(decodeURIComponent)));
      assert.equal((await sharp(bytes).metadata()).format, 'png');
    }
    const files = readdirSync(outDir, { recursive: true }) as string[];
    assert.deepEqual(
      files.filter((file) => file.endsWith('.svg')),
      [],
    );
  });
});
