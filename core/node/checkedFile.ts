/**
 * The cache's saved files (the search index, the parse results): one line `MAGIC VERSION SHA256`, then the
 * payload (JSON, or bytes), written atomically (atomicFile.ts). A file is used only when all three check: a torn, corrupt, foreign
 * or outdated one is reported with the reason and the caller rebuilds it, never trusts it. One file per library,
 * named by a hash of its folders.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { removeTemporaryFiles, writeFileAtomic } from './atomicFile.js';

export interface CheckedFormat {
  /** First word of the file: what kind of file it is. */
  magic: string;
  /** One word: a file written by another version is not read. */
  version: string;
  /** What the file holds, for the reasons given ("no saved index"). */
  what: string;
}

/** `<cacheDir>/<prefix>-<hash of the folders>.json`. */
export function libraryFilePath(cacheDir: string, prefix: string, roots: string[]): string {
  const id = createHash('sha256').update(JSON.stringify(roots)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${prefix}-${id}.json`);
}

export async function writeCheckedBytes(file: string, format: CheckedFormat, payload: Uint8Array): Promise<void> {
  await writeFileAtomic(file, Buffer.concat([Buffer.from(`${format.magic} ${format.version} ${checksumOf(payload)}\n`), payload]));
}

export type CheckedRead<T> = { value: T } | { value: null; reason: string };

/** The saved bytes, or why they cannot be used. Leftovers of saves killed mid-write are swept first. */
export async function readCheckedBytes(file: string, format: CheckedFormat): Promise<CheckedRead<Buffer>> {
  await removeTemporaryFiles(path.dirname(file), path.basename(file));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { value: null, reason: `no saved ${format.what}` };
  }
  const newline = bytes.indexOf('\n');
  const [magic, version, checksum] = bytes.subarray(0, Math.max(newline, 0)).toString('utf8').split(' ');
  if (magic !== format.magic) return { value: null, reason: `not a saved ${format.what}` };
  if (version !== format.version) return { value: null, reason: `saved by version ${version}` };
  const payload = bytes.subarray(newline + 1);
  if (checksumOf(payload) !== checksum) return { value: null, reason: 'checksum mismatch (corrupt file)' };
  return { value: payload };
}

function checksumOf(payload: Uint8Array): string {
  return createHash('sha256').update(payload).digest('hex');
}
