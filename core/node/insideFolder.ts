import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The real path of `relative` inside `folder` when it names a regular file that really lies inside it, else null.
 * Refused: absolute and drive paths, NUL bytes, any way up (`..`), hidden files and folders (`.git`, `.env`), and
 * symbolic links that lead out (both sides are resolved). Backslashes count as separators.
 */
export function fileInsideFolder(folder: string, relative: string): string | null {
  if (relative.includes('\0') || path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return null;
  const normalized = path.posix.normalize(relative.replace(/\\/g, '/'));
  if (path.posix.isAbsolute(normalized) || normalized.split('/').some((segment) => segment.startsWith('.'))) return null;
  try {
    const base = realpathSync(folder);
    const real = realpathSync(path.join(base, normalized));
    return real.startsWith(base + path.sep) && statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}
