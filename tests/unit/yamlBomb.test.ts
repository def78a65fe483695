// A "billion laughs" in front matter: a few hundred bytes of YAML aliases standing for billions of values.
// The file is refused with a short message, no problem message quotes a value whole, and a library holding
// three such files still opens with its other lectures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LectureLibrary } from '../../core/library/lectureLibrary.js';
import { parseLecture } from '../../core/library/parseLecture.js';
import { lecture, makeLibrary } from '../helpers/tempLibrary.js';

/** Nine levels of nine aliases each: 9^9 (387 million) strings from about 700 bytes. */
function yamlBomb(title: string): string {
  const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  const lines = levels.map((name, i) =>
    i === 0
      ? `${name}: &${name} ["cười", "cười", "cười", "cười", "cười", "cười", "cười", "cười", "cười"]`
      : `${name}: &${name} [${Array(9)
          .fill(`*${levels[i - 1]}`)
          .join(', ')}]`,
  );
  return `---\ntitle: ${title}\n${lines.join('\n')}\ntime: *i\ntags: *i\n---\n\nNội dung.\n`;
}

test('a YAML bomb is refused with a short message, before anything walks or prints it', () => {
  const text = yamlBomb('Bom YAML');
  assert.ok(text.length < 800, `${text.length} bytes`);
  const result = parseLecture('bom.md', text);
  assert.equal(result.kind, 'skipped');
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0].message, /^Front matter too large: more than 10000 values/);
});

test('problem messages quote a value cut short, never whole', () => {
  const long = 'ngày '.repeat(2000);
  const result = parseLecture('dai.md', lecture({ title: 'Bài', time: `"${long}"`, is_highlight: `"${long}"` }));
  for (const problem of result.problems) assert.ok(problem.message.length < 200, problem.message.slice(0, 300));
  assert.ok(result.problems.some((problem) => /^Invalid date "ngày ngày/.test(problem.message)));
});

test('three YAML bombs do not hold back the library: the other lectures open, each bomb is reported', async () => {
  const folder = makeLibrary({
    'bom-1.md': yamlBomb('Bom một'),
    'bom-2.md': yamlBomb('Bom hai'),
    'bom-3.md': yamlBomb('Bom ba'),
    'binh-thuong.md': lecture({ time: '01/01/2024', title: 'Bài bình thường' }),
  });
  const library = new LectureLibrary([folder.root]);
  try {
    await library.load();
    assert.deepEqual(
      library.overview().articles.map((article) => article.title),
      ['Bài bình thường'],
    );
    for (const file of ['bom-1.md', 'bom-2.md', 'bom-3.md']) {
      const problems = library.problems.filter((problem) => problem.file === file);
      assert.deepEqual(
        problems.map((problem) => problem.message.split(':')[0]),
        ['Front matter too large'],
        file,
      );
    }
  } finally {
    await library.close();
    folder.cleanup();
  }
});
