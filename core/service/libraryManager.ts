/**
 * The teacher's libraries in the desktop app, without Electron: the bundled lectures, folders of the user's and
 * libraries downloaded from GitHub. Lists them with what a teacher wants to know (size, lectures, last update,
 * images readable offline), adds a GitHub library with progress and cancel, updates, removes (a download is
 * deleted; a folder of the user's is only forgotten, never deleted) and makes one available offline.
 * Every id the renderer sends must be a library in the current list; anything else is refused.
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { LibrariesApi, LibrarySource, LibrarySync, LibrarySyncErrorCode } from '../common/api.js';
import { readLibraryInfo } from '../library/libraryInfo.js';
import { parseRepositoryAddress, SyncCancelled, type RemoteLibraries, type RemoteRecord } from '../library/remoteLibrary.js';
import type { LectureService } from './lectureService.js';

export interface LibraryManagerOptions {
  remotes: RemoteLibraries;
  bundledFolder: string;
  /** The user's own lecture folders, as the app remembers them. */
  userFolders: { get(): string[]; set(folders: string[]): void };
  /** The service reading the current libraries. */
  service(): LectureService;
  /** Opens the libraries again (after one was added or removed) and tells the reader. */
  reopen(): Promise<void>;
}

export class UnknownLibrary extends Error {}

export class LibraryManager implements LibrariesApi {
  private current: LibrarySync | null = null;
  private controller: AbortController | null = null;

  constructor(private readonly options: LibraryManagerOptions) {}

  async listLibraries(): Promise<LibrarySource[]> {
    const library = this.options.service().library;
    return Promise.all(
      (await this.identified(library.roots)).map(async ({ id, kind, location, record }, index): Promise<LibrarySource> => {
        const lectures = library.lectures.filter((lecture) => lecture.root === index);
        const sources = new Map<string, boolean>();
        for (const lecture of lectures)
          for (const src of lecture.images.keys()) if (!sources.get(src)) sources.set(src, library.imageAsset(lecture, src) !== null);
        const { bytes, newest } = await folderSize(id);
        return {
          id,
          kind,
          name: (await readLibraryInfo(id)).name,
          location,
          lectures: lectures.filter((lecture) => lecture.visible).length,
          bytes,
          updatedAt: record?.fetchedAt ?? (newest ? new Date(newest).toISOString() : undefined),
          images: { total: sources.size, available: [...sources.values()].filter(Boolean).length },
        };
      }),
    );
  }

  async addGitHubLibrary(address: string): Promise<LibrarySync> {
    return this.startSync(address);
  }

  async getLibrarySync(): Promise<LibrarySync | null> {
    return this.current && { ...this.current };
  }

  async cancelLibrarySync(): Promise<LibrarySync | null> {
    this.controller?.abort();
    return this.getLibrarySync();
  }

  async updateLibrary(id: string): Promise<LibrarySync | null> {
    const source = await this.find(id);
    if (source.kind === 'github') return this.startSync(source.location);
    await this.options.service().reload();
    return null;
  }

  async removeLibrary(id: string): Promise<LibrarySource[]> {
    const source = await this.find(id);
    if (source.kind === 'bundled') throw new UnknownLibrary('The bundled lectures cannot be removed');
    if (source.kind === 'github') await this.options.remotes.remove(source.location);
    else this.options.userFolders.set(this.options.userFolders.get().filter((folder) => path.resolve(folder) !== source.id));
    await this.options.reopen();
    return this.listLibraries();
  }

  async makeLibraryOffline(id: string): Promise<LibrarySource[]> {
    const source = await this.find(id);
    await this.options.service().makeOffline(undefined, this.options.service().library.roots.indexOf(source.id));
    return this.listLibraries();
  }

  /** One download at a time; its progress is read with getLibrarySync. */
  private startSync(address: string): LibrarySync {
    if (this.current?.state === 'running')
      return { address, state: 'failed', bytes: 0, files: 0, error: { code: 'busy', message: `Already downloading ${this.current.address}` } };
    const sync: LibrarySync = { address, state: 'running', bytes: 0, files: 0 };
    this.current = sync;
    try {
      parseRepositoryAddress(address);
    } catch (error) {
      Object.assign(sync, { state: 'failed', error: { code: 'invalid-address', message: (error as Error).message } });
      return { ...sync };
    }
    const controller = new AbortController();
    this.controller = controller;
    void this.options.remotes
      .sync(address, { signal: controller.signal, onProgress: (progress) => Object.assign(sync, progress) })
      .then(async ({ folder, status }) => {
        if (status !== 'unchanged') await this.options.reopen();
        Object.assign(sync, { state: 'done', id: path.resolve(folder), outcome: status });
      })
      .catch((error: Error) => {
        Object.assign(
          sync,
          error instanceof SyncCancelled ? { state: 'cancelled' } : { state: 'failed', error: { code: syncErrorCode(error), message: error.message } },
        );
      })
      .finally(() => {
        if (this.controller === controller) this.controller = null;
      });
    return { ...sync };
  }

  /** Each of these folders (the current libraries'): what it is and where it comes from (nothing read from its files). */
  private async identified(roots: readonly string[]): Promise<(Pick<LibrarySource, 'id' | 'kind' | 'location'> & { record?: RemoteRecord })[]> {
    const records = new Map((await this.options.remotes.list()).map(({ folder, record }) => [path.resolve(folder), record]));
    const bundled = path.resolve(this.options.bundledFolder);
    return roots.map((root) => {
      const record = records.get(root);
      return { id: root, kind: record ? 'github' : root === bundled ? 'bundled' : 'folder', location: record?.address ?? root, record };
    });
  }

  /** The library `id` names, checked against the current list without walking any folder (a big one takes seconds). */
  private async find(id: unknown): Promise<Pick<LibrarySource, 'id' | 'kind' | 'location'>> {
    const source = (await this.identified(this.options.service().library.roots)).find((entry) => entry.id === id);
    if (!source) throw new UnknownLibrary('No such library');
    return source;
  }
}

/** What went wrong with a download, in words the reader can translate. */
function syncErrorCode(error: Error): LibrarySyncErrorCode {
  const message = error.message;
  if (/HTTP 404/.test(message)) return 'not-found';
  if (/Cannot reach|timed out/.test(message)) return 'unreachable';
  if (/no Markdown/.test(message)) return 'no-lectures';
  if (/larger than/.test(message)) return 'too-large';
  return 'failed';
}

/** Bytes of every file under `folder` (links not followed) and the newest modification time. */
async function folderSize(folder: string): Promise<{ bytes: number; newest: number }> {
  let bytes = 0;
  let newest = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const child = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) {
        const info = await lstat(child).catch(() => null);
        if (!info) continue;
        bytes += info.size;
        newest = Math.max(newest, info.mtimeMs);
      }
    }
  };
  await walk(folder);
  return { bytes, newest };
}
