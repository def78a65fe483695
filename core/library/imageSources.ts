/**
 * Where a lecture's image can be read from without the network. Resolution order: a file next to the lecture
 * (relative path), then the mirror rule — `https://raw.githubusercontent.com/OWNER/REPO/<ref>/PATH` is `PATH`
 * inside a library folder that holds it, which is how lecture repositories keep their own images.
 * Every answer stays inside a library folder: `..`, absolute paths and symlinks out of it are refused.
 */
import path from 'node:path';
import { safeDecode } from '../common/links.js';
import { fileInsideFolder } from '../node/insideFolder.js';

export interface LocalImage {
  /** Index of the library folder that holds the file. */
  root: number;
  /** Path inside that folder, `/`-separated. */
  relative: string;
}

const RAW_GITHUB = /^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/(.+)$/i;

export function isRemoteImage(src: string): boolean {
  return /^https?:\/\//i.test(src);
}

/** Candidate paths inside a repository for the part of a raw URL after OWNER/REPO: `<ref>/PATH`. */
function mirrorCandidates(afterRepo: string): string[] {
  const segments = afterRepo.split('/');
  const candidates: string[] = [];
  // `refs/heads/<branch>/PATH`, `refs/tags/<tag>/PATH`, or `<branch-or-sha>/PATH`.
  if (segments[0] === 'refs' && segments.length > 3) candidates.push(segments.slice(3).join('/'));
  if (segments.length > 1) candidates.push(segments.slice(1).join('/'));
  return candidates;
}

export class ImageLocator {
  constructor(private readonly roots: string[]) {}

  /** The local file for an image source used by the lecture at `lectureFile` (relative to root `rootIndex`). */
  locate(src: string, rootIndex: number, lectureFile: string): LocalImage | null {
    const source = src.trim();
    if (!source || /^(data|javascript|file|blob):/i.test(source) || source.startsWith('//')) return null;
    const raw = RAW_GITHUB.exec(source);
    if (raw) {
      const afterRepo = safeDecode(raw[1].split(/[?#]/)[0]);
      for (const candidate of mirrorCandidates(afterRepo)) {
        for (let root = 0; root < this.roots.length; root++) {
          const found = this.inside(root, candidate);
          if (found) return found;
        }
      }
      return null;
    }
    if (isRemoteImage(source)) return null;
    const target = safeDecode(source.split(/[?#]/)[0]);
    const relative = target.startsWith('/') ? target.slice(1) : path.posix.join(path.posix.dirname(lectureFile), target);
    return this.inside(rootIndex, relative);
  }

  /**
   * Absolute path of `relative` inside root `root` when it is a regular file that really lies inside it. The
   * folder is resolved on every use: it can be created, moved or deleted while the app runs.
   */
  resolveInside(root: number, relative: string): string | null {
    return Number.isInteger(root) && root >= 0 && root < this.roots.length ? fileInsideFolder(this.roots[root], relative) : null;
  }

  private inside(root: number, relative: string): LocalImage | null {
    const normalized = path.posix.normalize(relative);
    return this.resolveInside(root, normalized) ? { root, relative: normalized } : null;
  }
}
