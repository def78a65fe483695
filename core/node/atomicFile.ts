/**
 * Replacing files and folders so that a reader only ever sees the old version or the new one, never a torn one,
 * even when the process is killed or the disk fills up midway.
 *
 * A file is written to a temporary file beside it (same folder: the rename stays on one file system), flushed to
 * the disk (fsync: after a power cut a renamed file is never empty), then renamed over the target. A failed write
 * removes its temporary file; a killed one leaves `<target>.<unique>.tmp`, which `removeTemporaryFiles` sweeps
 * on the next start. Folders are swapped through `<target>.old`, which `finishFolderSwap` settles after a crash.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const TEMPORARY_SUFFIX = '.tmp';

/** A fresh temporary name beside `target`, recognised by `removeTemporaryFiles`. */
export function temporaryPath(target: string): string {
  return `${target}.${process.pid}.${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`;
}

/** Replaces `file` with `data` atomically, creating its folder when needed. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryPath(file);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** `writeFileAtomic` for callers that cannot wait (settings saved while a window closes). */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = temporaryPath(file);
  try {
    const handle = openSync(temporary, 'w');
    try {
      writeFileSync(handle, data);
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Removes what killed writers left in `folder`: the temporary files and folders made for `target` (a name in it), or all of them. */
export async function removeTemporaryFiles(folder: string, target?: string): Promise<void> {
  const prefix = target === undefined ? '' : `${target}.`;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX)) await rm(path.join(folder, name), { recursive: true, force: true });
  }
}

/** Puts the complete folder `replacement` in the place of `target`; the old copy stays readable until then. */
export async function swapFolder(target: string, replacement: string): Promise<void> {
  const old = `${target}.old`;
  await rm(old, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, old);
  await rename(replacement, target);
  await rm(old, { recursive: true, force: true });
}

/** Settles a swap a crash interrupted: cut between its renames, the old copy is put back; done, the old copy goes. */
export async function finishFolderSwap(target: string): Promise<void> {
  const old = `${target}.old`;
  if (!existsSync(target) && existsSync(old)) await rename(old, target);
  if (existsSync(target) && existsSync(old)) await rm(old, { recursive: true, force: true });
}
