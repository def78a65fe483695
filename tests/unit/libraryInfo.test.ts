import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { LectureLibrary } from '../../core/library/lectureLibrary.js';
import { readLibraryInfo, tidyFolderName } from '../../core/library/libraryInfo.js';
import { nearDuplicateTags } from '../../core/library/tagHints.js';
import { runCli } from '../helpers/cli.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

const folders: { cleanup(): void }[] = [];
after(() => folders.forEach((folder) => folder.cleanup()));
function folderWith(files: Record<string, string>) {
  const folder = makeLibrary(files);
  folders.push(folder);
  return folder.root;
}

test('the display name: library file, else README title, else the tidied folder name', async () => {
  const yml = folderWith({ 'library.yml': 'name: Kỹ sư dữ liệu\n', 'README.md': '# Không dùng\n' });
  assert.equal((await readLibraryInfo(yml)).name, 'Kỹ sư dữ liệu');
  const json = folderWith({ 'library.json': '{"name": "Thị giác máy tính", "tags": {"cv": "Thị giác"}}' });
  assert.deepEqual(await readLibraryInfo(json), { name: 'Thị giác máy tính', tagLabels: { cv: 'Thị giác' }, problems: [] });
  const readme = folderWith({ 'README.md': 'Giới thiệu\n\n## Mục lục\n# Bài giảng *Dữ liệu lớn* #\n' });
  assert.equal((await readLibraryInfo(readme)).name, 'Bài giảng Dữ liệu lớn');
  const slugTitle = folderWith({ 'README.md': '# data-engineer-lectures\n' });
  assert.equal((await readLibraryInfo(slugTitle)).name, 'Data engineer lectures', 'a README title that is a slug is tidied');
  const nameless = folderWith({ 'library.yml': 'tags:\n  co-ban: Cơ bản\n', 'README.md': '# Học máy ứng dụng\n' });
  assert.equal((await readLibraryInfo(nameless)).name, 'Học máy ứng dụng', 'a library file without a name falls back');
  assert.equal(tidyFolderName('data-engineer-lectures'), 'Data engineer lectures');
  assert.equal(tidyFolderName('ai_lectures'), 'Ai lectures');
  assert.equal(tidyFolderName('đạo-đức'), 'Đạo đức');
});

test('a broken or hostile library file is reported and loses nothing', async () => {
  const broken = folderWith({ 'library.yml': 'name: [không đóng\n', 'a.md': lecture({ title: 'Bài A', time: '01/01/2024', tags: '[co-ban]' }) });
  const info = await readLibraryInfo(broken);
  assert.equal(info.name, tidyFolderName(broken.split('/').pop()!));
  assert.equal(info.problems.length, 1);
  assert.equal(info.problems[0].severity, 'warning');
  assert.match(info.problems[0].message, /Cannot read the library file/);

  const hostile = folderWith({
    'library.yml': `name: "Tên\\u0007 có\\u202e ký tự lạ ${'x'.repeat(300)}"\ntags:\n  CO-BAN: Cơ bản\n  nlp: { bad: 1 }\n  llm: 42\n  __proto__: Nguyên mẫu\n`,
  });
  const read = await readLibraryInfo(hostile);
  assert.ok(read.name.startsWith('Tên có ký tự lạ x'), read.name);
  assert.equal([...read.name].length, 120);
  assert.deepEqual(Object.entries(read.tagLabels), [
    ['co-ban', 'Cơ bản'],
    ['llm', '42'],
    ['__proto__', 'Nguyên mẫu'],
  ]);
  assert.equal(Object.getPrototypeOf(read.tagLabels), Object.prototype);
  assert.match(read.problems.map((p) => p.message).join('\n'), /label of tag "nlp"/);

  const huge = folderWith({ 'library.yml': `name: Lớn\n# ${'x'.repeat(300 * 1024)}\n`, 'README.md': '# Tên từ README\n' });
  const hugeInfo = await readLibraryInfo(huge);
  assert.equal(hugeInfo.name, 'Tên từ README', 'a library file too large to read is skipped');
  assert.match(hugeInfo.problems[0].message, /larger than 256 KB/);

  const library = new LectureLibrary([broken]);
  await library.load();
  await library.close();
  assert.equal(library.lectures.length, 1, 'the lectures still load');
  assert.ok(library.problems.some((problem) => problem.file === 'library.yml'));
});

test('the overview carries the name and the labels of the tags in use; edits are picked up on reload', async () => {
  const root = makeLibrary({
    'library.yml': 'name: Thư viện thử\ntags:\n  co-ban: Cơ bản\n  khong-dung: Không dùng\n',
    'a.md': lecture({ title: 'Bài A', time: '01/01/2024', tags: '[co-ban, nlp]' }),
  });
  folders.push(root);
  const library = new LectureLibrary([root.root]);
  await library.load();
  let overview = library.overview();
  assert.equal(overview.name, 'Thư viện thử');
  assert.deepEqual(overview.tagLabels, { 'co-ban': 'Cơ bản' });
  const version = library.version;
  root.write('library.yml', 'name: Tên mới\ntags:\n  nlp: Ngôn ngữ\n');
  await library.load();
  await library.close();
  overview = library.overview();
  assert.ok(library.version > version, 'a changed library file is a new version');
  assert.equal(overview.name, 'Tên mới');
  assert.deepEqual(overview.tagLabels, { nlp: 'Ngôn ngữ' });
});

test('a library of several folders is named after all of them, each once', async () => {
  const data = folderWith({ 'library.yml': 'name: Kỹ sư dữ liệu\n', 'a.md': lecture({ title: 'Bài A', time: '01/01/2024' }) });
  const learning = folderWith({ 'README.md': '# Học máy\n', 'b.md': lecture({ title: 'Bài B', time: '01/01/2024' }) });
  const again = folderWith({ 'library.yml': 'name: Kỹ sư dữ liệu\n' });
  const library = new LectureLibrary([data, learning, again]);
  await library.load();
  await library.close();
  assert.equal(library.overview().name, 'Kỹ sư dữ liệu · Học máy');
});

test('near-duplicate tags: separators, diacritics, plurals and initials', () => {
  assert.deepEqual(nearDuplicateTags(['co-ban', 'coban', 'cơ-bản']), [
    ['co-ban', 'coban'],
    ['co-ban', 'cơ-bản'],
    ['coban', 'cơ-bản'],
  ]);
  assert.deepEqual(nearDuplicateTags(['nlp', 'natural-language-processing']), [['nlp', 'natural-language-processing']]);
  assert.deepEqual(nearDuplicateTags(['large-language-models', 'llms']), [['large-language-models', 'llms']]);
  assert.deepEqual(nearDuplicateTags(['transformer', 'transformers', 'model', 'models']), [
    ['transformer', 'transformers'],
    ['model', 'models'],
  ]);
  assert.deepEqual(nearDuplicateTags(['nlp', 'llm', 'deep-learning', 'machine-learning', 'co-ban', 'class', 'big-data', 'bd', 'hadoop', 'spark']), [
    ['big-data', 'bd'],
  ]);
  assert.deepEqual(nearDuplicateTags(['css', 'cs', 'ml', 'dl']), [], 'short words and double s are no plurals');
});

test('check reports near-duplicate tags as hints, never errors', () => {
  const root = folderWith({
    'a.md': lecture({ title: 'Bài A', time: '01/01/2024', tags: '[nlp, co-ban]' }),
    'b.md': lecture({ title: 'Bài B', time: '01/02/2024', tags: '[nlp, coban]' }),
    'c.md': lecture({ title: 'Bài C', time: '01/03/2024', tags: '[natural-language-processing]' }),
  });
  const { code, stdout } = runCli(['check', root, '--json']);
  assert.equal(code, 0, 'hints do not fail the check');
  const hints = JSON.parse(stdout).problems.filter((problem: { severity: string }) => problem.severity === 'info');
  assert.deepEqual(hints.map((hint: { file: string }) => hint.file).sort(), ['b.md', 'c.md'], 'told on the rarer spelling');
  assert.ok(hints.some((hint: { message: string }) => /"natural-language-processing" \(1\) looks like "nlp" \(2\)/.test(hint.message)));
  const human = runCli(['check', root]);
  assert.match(human.stdout, /Problems: 0 errors, 0 warnings, 2 hints/);
  assert.match(human.stdout, /info\s+c\.md: Tag "natural-language-processing"/);
});
