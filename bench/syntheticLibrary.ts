/**
 * A large synthetic library made of the real corpus's own headings and paragraphs, shuffled into new lectures
 * with a fixed seed, written to a folder once and reused. It is what the 5,000-lecture figures are measured on.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LectureLibrary } from '../core/library/lectureLibrary.js';

/** A small deterministic PRNG (mulberry32), so every run builds the same library. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function syntheticLibrary(corpusFolders: string[], count: number): Promise<string> {
  const folder = path.join(tmpdir(), `lecture-reader-bench-${count}-v1`);
  if (existsSync(path.join(folder, '.complete'))) return folder;

  const source = new LectureLibrary(corpusFolders);
  await source.load();
  const headings: string[] = [];
  const paragraphs: string[] = [];
  const tags = new Set<string>();
  for (const lecture of source.lectures.filter((l) => l.visible)) {
    lecture.tags.forEach((tag) => tags.add(tag));
    headings.push(...lecture.outline.headings.map((h) => h.text));
    for (const block of ((await source.body(lecture)) ?? '').split(/\n{2,}/)) {
      if (block.length > 80 && !block.startsWith('#') && !block.startsWith('|') && !block.startsWith('<')) paragraphs.push(block.trim());
    }
  }
  const tagList = [...tags];
  const pick = <T>(items: T[], next: () => number) => items[Math.floor(next() * items.length)];

  const building = `${folder}.partial`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const next = random(20241129);
  for (let i = 0; i < count; i++) {
    const title = `${pick(headings, next).replace(/^[\d.\s]+/, '')} ${i}`;
    const sections: string[] = [];
    const sectionCount = 3 + Math.floor(next() * 6);
    for (let s = 0; s < sectionCount; s++) {
      sections.push(`## ${s + 1}. ${pick(headings, next).replace(/^[\d.\s]+/, '')}`);
      const paragraphCount = 1 + Math.floor(next() * 4);
      for (let p = 0; p < paragraphCount; p++) sections.push(pick(paragraphs, next));
    }
    const front = [
      '---',
      `time: ${String(1 + Math.floor(next() * 12)).padStart(2, '0')}/${String(1 + Math.floor(next() * 28)).padStart(2, '0')}/${2020 + Math.floor(next() * 5)}`,
      `title: ${JSON.stringify(title)}`,
      `description: ${JSON.stringify(pick(paragraphs, next).slice(0, 300))}`,
      `tags: [${pick(tagList, next)}, ${pick(tagList, next)}]`,
      'is_highlight: false',
      'is_published: true',
      '---',
    ];
    const dir = path.join(building, `part-${Math.floor(i / 500)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `lecture-${i}.md`), `${front.join('\n')}\n\n${sections.join('\n\n')}\n`);
  }
  writeFileSync(path.join(building, '.complete'), new Date().toISOString());
  rmSync(folder, { recursive: true, force: true });
  renameSync(building, folder);
  return folder;
}

export function readQueries(file: string): { corpus: string[]; queries: { q: string; expect: string[] }[] } {
  return JSON.parse(readFileSync(file, 'utf8'));
}
