import assert from 'node:assert/strict';
import { utimesSync } from 'node:fs';
import { after, test } from 'node:test';
import { LectureLibrary } from '../../core/library/lectureLibrary.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const base = { time: '01/02/2024', tags: '[AI, Deep-Learning ]', is_published: 'true' };

const fixture = makeLibrary({
  'a/intro.md': lecture(
    { ...base, title: 'Giới thiệu chung về Big Data' },
    '## Phần 1\n\nXem [HDFS](/blog/he-thong-hdfs/) và [ngoài](https://example.com) và [mất](/blog/khong-co#x).\n\n## Phần 1\n\n![hình](images/a.png)\n',
  ),
  'a/images/a.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  'b/hdfs.md': lecture({ ...base, title: 'Hệ thống HDFS', tags: 'hadoop' }),
  'b/nfd.md': lecture({ ...base, title: 'Ảo giác'.normalize('NFD') }, 'Mô hình ảo giác.'.normalize('NFD')),
  'crlf.md': '\uFEFF' + lecture({ ...base, title: 'CRLF lecture' }).replace(/\n/g, '\r\n'),
  'draft.md': lecture({ ...base, title: 'Bản nháp', is_published: 'false' }),
  'untitled.md': lecture({ ...base, title: '' }),
  'iso.md': lecture({ time: '2023-04-17', title: 'Ngày ISO', tags: '[x]' }),
  'bad-yaml.md': '---\ntitle: [unclosed\ntime: 01/01/2024\n---\nBody\n',
  'bad-date.md': lecture({ ...base, title: 'Ngày sai', time: '31/12/2023' }),
  'wrong-types.md': lecture({ time: '01/02/2024', title: 'Kiểu sai', tags: '{a: 1}', is_published: '"maybe"' }),
  'empty.md': lecture({ ...base, title: 'Rỗng' }, ''),
  'dup-1.md': lecture({ ...base, title: 'Trùng tên' }),
  'dup-2.md': lecture({ ...base, title: 'Trùng  tên!' }),
  'images.md': lecture(
    { ...base, title: 'Ảnh hỏng' },
    '<img src="" />\n\n![x](missing/pic.png)\n\n<img src="https://raw.githubusercontent.com/o/r/refs/heads/master/a/images/a.png" style="width: 600px;"/>\n',
  ),
  'README.md': '# Just a readme\n',
  'binary.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
  'notes.txt': 'not markdown',
  '.hidden/secret.md': lecture({ ...base, title: 'Hidden' }),
  'node_modules/pkg/readme.md': lecture({ ...base, title: 'Dependency' }),
});
after(() => fixture.cleanup());

const library = new LectureLibrary([fixture.root]);
const firstLoad = await library.load();
const problemsFor = (file: string) => library.problems.filter((p) => p.file === file);

test('discovers Markdown recursively, skipping hidden folders, node_modules and other files', () => {
  const files = library.lectures.map((l) => l.file);
  assert.ok(files.includes('a/intro.md') && files.includes('b/hdfs.md'));
  assert.ok(!files.some((f) => f.includes('.hidden') || f.includes('node_modules') || f.endsWith('.txt')));
  assert.equal(firstLoad.files, 16);
});

test('front matter: tags trimmed and lowercased, single string tag becomes a list, ISO date accepted', () => {
  const intro = library.lecture('gioi-thieu-chung-ve-big-data')!;
  assert.deepEqual(intro.tags, ['ai', 'deep-learning']);
  assert.equal(intro.date, '2024-01-02');
  assert.deepEqual(library.lecture('he-thong-hdfs')!.tags, ['hadoop']);
  assert.equal(library.lecture('ngay-iso')!.date, '2023-04-17');
});

test('NFD, BOM and CRLF files read like NFC ones', async () => {
  const nfd = library.lecture('ao-giac')!;
  assert.equal(nfd.title, 'Ảo giác');
  assert.equal((await library.body(nfd))!.trim(), 'Mô hình ảo giác.');
  const crlf = library.lecture('crlf-lecture')!;
  assert.equal(crlf.title, 'CRLF lecture');
  assert.ok(!(await library.body(crlf))!.includes('\r'));
});

test('drafts and untitled files are hidden from readers but counted', async () => {
  const overview = library.overview();
  assert.ok(!overview.articles.some((a) => a.slug === 'ban-nhap'));
  assert.ok(library.overview(true).articles.some((a) => a.slug === 'ban-nhap'));
  assert.equal(overview.counts.articles, library.lectures.length);
  assert.equal(overview.counts.drafts, 2);
  assert.equal(await library.lectureDetail('ban-nhap'), null);
  assert.ok(await library.lectureDetail('ban-nhap', true));
  assert.match(problemsFor('untitled.md')[0].message, /Missing title/);
});

test('headings carry anchor ids, duplicates numbered like the reader does', () => {
  const headings = library.lecture('gioi-thieu-chung-ve-big-data')!.outline.headings;
  assert.deepEqual(
    headings.map((h) => h.id),
    ['phần-1', 'phần-1-1'],
  );
});

test('links: internal with trailing slash resolved, broken ones reported with their line', async () => {
  const broken = problemsFor('a/intro.md').filter((p) => /Broken internal link/.test(p.message));
  assert.equal(broken.length, 1);
  assert.match(broken[0].message, /khong-co/);
  assert.equal(broken[0].line, 10);
  assert.deepEqual((await library.lectureDetail('gioi-thieu-chung-ve-big-data'))!.knownLinks, ['he-thong-hdfs']);
});

test('each kind of problem is reported with file, severity and reason', () => {
  const yaml = problemsFor('bad-yaml.md');
  assert.equal(yaml[0].severity, 'error');
  assert.match(yaml[0].message, /Invalid YAML/);
  assert.equal(typeof yaml[0].line, 'number');
  assert.match(problemsFor('bad-date.md')[0].message, /Invalid date "31\/12\/2023"/);
  assert.equal(problemsFor('bad-date.md')[0].line, 2);
  const types = problemsFor('wrong-types.md')
    .map((p) => p.message)
    .join('\n');
  assert.match(types, /"tags" must be a list/);
  assert.match(types, /"is_published" must be true or false/);
  assert.match(problemsFor('empty.md')[0].message, /Empty body/);
  assert.match(problemsFor('README.md')[0].message, /no front matter/);
  assert.equal(problemsFor('README.md')[0].severity, 'warning');
  assert.match(problemsFor('binary.md')[0].message, /Binary file/);
  const images = problemsFor('images.md').map((p) => p.message);
  assert.ok(images.some((m) => /empty source/.test(m)));
  assert.ok(images.some((m) => /missing\/pic\.png/.test(m)));
  assert.equal(images.length, 2, 'the raw GitHub URL resolves through the mirror rule');
});

test('duplicate slugs both stay reachable and the clash is reported', () => {
  assert.equal(library.lecture('trung-ten')!.file, 'dup-1.md');
  assert.equal(library.lecture('trung-ten-2')!.file, 'dup-2.md');
  assert.match(problemsFor('dup-2.md')[0].message, /Duplicate slug "trung-ten"/);
});

test('images resolve to asset paths: relative files and the raw GitHub mirror rule', async () => {
  const intro = (await library.lectureDetail('gioi-thieu-chung-ve-big-data'))!;
  assert.equal(intro.images['images/a.png'], '0/a/images/a.png');
  const mirrored = (await library.lectureDetail('anh-hong'))!;
  assert.equal(mirrored.images['https://raw.githubusercontent.com/o/r/refs/heads/master/a/images/a.png'], '0/a/images/a.png');
  assert.equal(mirrored.images['missing/pic.png'], null);
});

test('image paths never leave the library', () => {
  const locator = library.imageLocator;
  assert.equal(locator.locate('../../etc/passwd', 0, 'a/intro.md'), null);
  assert.equal(locator.resolveInside(0, '../outside'), null);
  assert.equal(locator.resolveInside(0, '/etc/passwd'), null);
  assert.equal(locator.locate('file:///etc/passwd', 0, 'a/intro.md'), null);
  assert.ok(locator.resolveInside(0, 'a/images/a.png'));
});

test('reload is incremental: only changed files are parsed again', async () => {
  const unchanged = await library.load();
  assert.equal(unchanged.parsed, 0);
  const version = library.version;
  fixture.write('b/hdfs.md', lecture({ ...base, title: 'Hệ thống HDFS mới' }));
  utimesSync(`${fixture.root}/b/hdfs.md`, new Date(), new Date(Date.now() + 5000));
  const changed = await library.load();
  assert.equal(changed.parsed, 1);
  assert.ok(library.version > version);
  assert.ok(library.lecture('he-thong-hdfs-moi'));
  // The old link target is gone now.
  assert.ok(problemsFor('a/intro.md').some((p) => /he-thong-hdfs is not/.test(p.message)));
});

test('a deleted library folder is reported, not thrown', async () => {
  const gone = new LectureLibrary([fixture.root + '-does-not-exist']);
  await gone.load().catch(() => assert.fail('load must not throw'));
  assert.match(gone.problems[0].message, /Cannot read the library folder/);
});
