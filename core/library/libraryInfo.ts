/**
 * What a library folder says about itself: the name a student sees and labels for its tags. Read from a
 * `library.yml` (or `library.yaml`, `library.json`) at the top of the folder:
 *
 *   name: Bài giảng Kỹ sư dữ liệu
 *   tags:
 *     dao-duc: Đạo đức
 *     co-ban: Cơ bản
 *
 * Without a name there, the repository README's first `# title`, else the folder's name tidied
 * (`data-engineer-lectures` → `Data engineer lectures`). The file is untrusted: anything that is not plain text
 * is reported and ignored, and nothing in it can stop the lectures from loading.
 */
import matter from 'gray-matter';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../common/api.js';
import { normalizeText } from '../common/vietnamese.js';

export interface LibraryInfo {
  name: string;
  /** Tag (as lectures write it, lowercase) → label shown to readers. */
  tagLabels: Record<string, string>;
  problems: Problem[];
}

export const LIBRARY_FILES = ['library.yml', 'library.yaml', 'library.json'];
const README_FILES = ['README.md', 'readme.md', 'Readme.md', 'README.markdown'];

/** Longer names and labels are cut: they are shown in a sidebar. */
export const MAX_NAME_CHARS = 120;
export const MAX_LABEL_CHARS = 60;
/** Only the start of a README is read for its title; a library file is small (a bigger one is reported). */
const README_BYTES = 64 * 1024;
const MAX_LIBRARY_FILE_BYTES = 256 * 1024;

export async function readLibraryInfo(folder: string): Promise<LibraryInfo> {
  const problems: Problem[] = [];
  const declared = await readLibraryFile(folder, problems);
  const name = declared.name ?? (await readmeTitle(folder)) ?? tidyFolderName(path.basename(folder));
  return { name, tagLabels: declared.tagLabels, problems };
}

async function readLibraryFile(folder: string, problems: Problem[]): Promise<{ name?: string; tagLabels: Record<string, string> }> {
  // A Map, then plain own properties: a tag named `__proto__` stays a tag.
  const tagLabels = new Map<string, string>();
  for (const file of LIBRARY_FILES) {
    const read = await readStart(path.join(folder, file), MAX_LIBRARY_FILE_BYTES);
    if (!read) continue;
    const report = (message: string) => problems.push({ file, severity: 'warning', message });
    if (!read.whole) {
      report(`The library file is larger than ${MAX_LIBRARY_FILE_BYTES / 1024} KB and is not read`);
      return { tagLabels: {} };
    }
    const text = read.text;
    let data: unknown;
    try {
      // YAML goes through the lecture files' own front-matter parser (gray-matter's safe js-yaml).
      data = file.endsWith('.json') ? JSON.parse(text) : matter(`---\n${text}\n---\n`, {}).data;
    } catch (error) {
      report(`Cannot read the library file: ${(error as Error).message.split('\n')[0]}`);
      return { tagLabels: {} };
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      report('The library file must be a mapping (name: …, tags: …)');
      return { tagLabels: {} };
    }
    const fields = data as Record<string, unknown>;
    const name = plainText(fields.name, MAX_NAME_CHARS);
    if (fields.name !== undefined && !name) report('"name" must be a short line of text');
    if (fields.tags !== undefined) {
      if (!fields.tags || typeof fields.tags !== 'object' || Array.isArray(fields.tags)) report('"tags" must be a mapping of tag: label');
      else {
        for (const [tag, value] of Object.entries(fields.tags)) {
          const label = plainText(value, MAX_LABEL_CHARS);
          if (label) tagLabels.set(tag.trim().toLowerCase(), label);
          else report(`The label of tag "${tag.slice(0, 60)}" must be a short line of text`);
        }
      }
    }
    return { name, tagLabels: Object.fromEntries(tagLabels) };
  }
  return { tagLabels: {} };
}

/** One line of text without control characters, cut to `limit` characters; undefined for anything else. */
function plainText(value: unknown, limit: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value)
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? [...text].slice(0, limit).join('') : undefined;
}

async function readmeTitle(folder: string): Promise<string | undefined> {
  for (const file of README_FILES) {
    const read = await readStart(path.join(folder, file), README_BYTES);
    if (!read) continue;
    const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(read.text)?.[1];
    const title = heading && plainText(heading.replace(/[*_`]/g, ''), MAX_NAME_CHARS);
    if (title) return /^[\w-]+$/.test(title) ? tidyFolderName(title) : title;
  }
  return undefined;
}

/** The first `limit` bytes of a file as NFC text, and whether that was all of it; null when it cannot be read. */
async function readStart(file: string, limit: number): Promise<{ text: string; whole: boolean } | null> {
  try {
    const handle = await open(file);
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(limit + 1), 0, limit + 1, 0);
      return { text: normalizeText(buffer.subarray(0, Math.min(bytesRead, limit)).toString('utf8')), whole: bytesRead <= limit };
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/** A folder or repository name as a title: separators become spaces, the first letter a capital. */
export function tidyFolderName(name: string): string {
  const words = name.replace(/[-_.\s]+/g, ' ').trim() || name;
  return words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
}
