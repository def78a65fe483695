import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throw-away library folder on disk, filled from a map of relative path → file content. */
export function makeLibrary(files: Record<string, string | Buffer>): { root: string; write(file: string, content: string | Buffer): void; cleanup(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'lecture-lib-'));
  const write = (file: string, content: string | Buffer) => {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  };
  for (const [file, content] of Object.entries(files)) write(file, content);
  return { root, write, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A lecture file's text with the given front-matter fields and body. */
export function lecture(fields: Record<string, string>, body = 'Nội dung bài giảng.\n'): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

export const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
