import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Folders never searched for lectures: the dependencies a lecture repository may hold. */
const IGNORED_FOLDERS = new Set(['node_modules']);

/** A lecture file, by its name. */
export function isMarkdownFile(name: string): boolean {
  return /\.(md|markdown)$/i.test(name);
}

/**
 * Every Markdown file under `root`, recursively, as paths relative to `root` with `/` separators, sorted.
 * Hidden files and folders (dot-names) and `node_modules` are skipped; symbolic links are not followed, so a
 * link cannot pull files from outside the library into it.
 */
export async function discoverMarkdownFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !IGNORED_FOLDERS.has(entry.name)) await walk(child);
      else if (entry.isFile() && isMarkdownFile(entry.name)) found.push(child);
    }
  }
  await walk('');
  return found.sort();
}
