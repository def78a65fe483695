/**
 * Unpacks a downloaded lecture archive (.tar.gz) as it streams in, into a new folder, trusting nothing in it:
 * only regular files and folders inside the folder are written, always with plain permissions (files 0644,
 * folders 0755, less the umask; never executable, setuid, setgid or sticky) and owned by whoever runs the
 * app; the unpacked size is capped per file, in total and relative to the download, so a decompression bomb
 * is refused before it fills the memory or the disk. On the first error everything stops: the download is
 * cancelled, the files being written are closed, and only then is the error reported.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { Parser, type ReadEntry } from 'tar';
import { megabytes } from '../common/units.js';

export interface UnpackLimits {
  /** Largest single file, in bytes (larger than any lecture or image the app would read). */
  maxFileBytes: number;
  /** Largest unpacked total, in bytes. */
  maxTotalBytes: number;
  /** Largest ratio of unpacked to downloaded bytes. */
  maxRatio: number;
}

export const DEFAULT_UNPACK_LIMITS: UnpackLimits = { maxFileBytes: 64 * 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 * 1024, maxRatio: 100 };

const FILE_MODE = 0o644;
const FOLDER_MODE = 0o755;

export class ArchiveTooLargeError extends Error {
  constructor(detail: string) {
    super(`The archive is too large: ${detail}`);
  }
}

/**
 * Unpacks `source` into `folder` (which must exist), dropping the archive's top folder, writing the files
 * `keep` accepts and the folders on their way. Returns how many files were written.
 */
export async function unpackArchive(
  source: AsyncIterable<Uint8Array>,
  folder: string,
  limits: UnpackLimits,
  keep: (relativePath: string) => boolean,
): Promise<number> {
  let firstError: Error | undefined;
  let unpackedBytes = 0;
  let files = 0;
  const writing = new Set<WriteStream>();
  const writes: Promise<unknown>[] = [];

  const parser = new Parser({ strict: true, maxDecompressionRatio: limits.maxRatio });
  const fail = (error: unknown) => {
    if (firstError) return;
    firstError = error instanceof Error ? error : new Error(String(error));
    parser.abort(firstError);
    for (const out of writing) out.destroy();
  };
  const stopped = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('abort', (error: Error) => {
      // tar's own ratio check speaks for the same limit as ours.
      fail(/decompression ratio/.test(error.message) ? new ArchiveTooLargeError(`it unpacks to more than ${limits.maxRatio} times its size`) : error);
      resolve();
    });
    parser.on('error', (error: Error) => {
      fail(error);
      resolve();
    });
  });

  parser.on('entry', (entry: ReadEntry) => {
    unpackedBytes += entry.size;
    if (entry.size > limits.maxFileBytes)
      fail(new ArchiveTooLargeError(`${entry.path} is ${megabytes(entry.size)} MB (limit ${megabytes(limits.maxFileBytes)} MB a file)`));
    else if (unpackedBytes > limits.maxTotalBytes) fail(new ArchiveTooLargeError(`it unpacks to more than ${megabytes(limits.maxTotalBytes)} MB`));
    const relative = firstError ? null : insidePath(entry.path);
    const isFolder = entry.type === 'Directory';
    if (relative === null || !(isFolder || ((entry.type === 'File' || entry.type === 'OldFile') && keep(relative)))) {
      entry.resume();
      return;
    }
    const target = path.join(folder, relative);
    if (isFolder) {
      entry.resume();
      writes.push(mkdir(target, { recursive: true, mode: FOLDER_MODE }).catch(fail));
      return;
    }
    files++;
    writes.push(
      (async () => {
        await mkdir(path.dirname(target), { recursive: true, mode: FOLDER_MODE });
        // 'wx': an archive naming one file twice cannot have the second write through the first.
        const out = createWriteStream(target, { flags: 'wx', mode: FILE_MODE });
        writing.add(out);
        if (firstError) out.destroy();
        entry.pipe(out);
        await finished(out);
        writing.delete(out);
      })().catch(fail),
    );
  });

  try {
    for await (const chunk of source) {
      if (firstError) break;
      if (!parser.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) {
        await Promise.race([new Promise((resolve) => parser.once('drain', resolve)), stopped]);
      }
    }
    if (!firstError) parser.end();
  } catch (error) {
    fail(error);
  }
  await stopped;
  await Promise.allSettled(writes);
  if (firstError) throw firstError;
  return files;
}

/** The path below the archive's top folder, or null when it is not a plain path inside it (no `..`, no hidden part). */
function insidePath(entryPath: string): string | null {
  const parts = entryPath.split('/').filter((part) => part !== '' && part !== '.');
  if (entryPath.startsWith('/') || parts.length < 2) return null;
  const inside = parts.slice(1);
  // Backslashes and colons separate paths or name streams on Windows.
  return inside.some((part) => part.startsWith('.') || /[\\:\0]/.test(part)) ? null : inside.join('/');
}
