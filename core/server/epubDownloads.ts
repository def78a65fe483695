/**
 * E-books for the server's students: a book takes seconds of both cores to make, so a classroom asking for it at
 * once must not make it thirty times. One book is made at a time, the same selection asked again while it is made
 * or afterwards (for the same library version) gets the same bytes, and past a few selections waiting the server
 * says it is busy instead of queueing without end.
 */
import { buildEpub, type BookSource, type Epub } from '../export/epub/buildEpub.js';
import { bookFileNames, planBook } from '../export/epub/selection.js';
import { VersionedMap } from '../common/versionedMap.js';

/** Books kept for repeat downloads (the oldest is dropped first). */
const KEPT_BOOKS = 4;
/** Distinct books waiting to be made, beyond which a request is turned away. */
const MAX_WAITING = 4;
/** How long a download's connection may wait for its book (made after the ones before it) without a byte sent. */
export const EPUB_WAIT_LIMIT_MS = 5 * 60_000;

export class EpubBusy extends Error {}

export class EpubDownloads {
  /** Books made or being made for the library's current version, by selection; `done` once made. */
  private readonly books = new VersionedMap<string, { made: Promise<Epub>; done: boolean }>();
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(
    private readonly source: BookSource,
    /** The library's version: a change makes every kept book stale. */
    private readonly version: () => number,
  ) {}

  /** What `book` would give for this selection, without making it (a HEAD request): its file names; throws as `book` does for a selection that names no book. */
  async describe(selection: { tags: string[]; lectures: string[] }): Promise<Pick<Epub, 'fileNames'>> {
    return { fileNames: bookFileNames(planBook(await this.source.getLibrary(), oneSpelling(selection)).title) };
  }

  book(selection: { tags: string[]; lectures: string[] }): Promise<Epub> {
    const books = this.books.at(this.version());
    const { tags, lectures } = oneSpelling(selection);
    const key = JSON.stringify([tags, lectures]);
    const kept = books.get(key);
    if (kept) return kept.made;
    if (this.waiting >= MAX_WAITING) return Promise.reject(new EpubBusy('Too many e-books are being made: try again in a minute.'));
    this.waiting++;
    const made = this.queue.then(() => buildEpub(this.source, { tags, lectures })).finally(() => this.waiting--);
    this.queue = made.catch(() => undefined);
    const entry = { made, done: false };
    books.set(key, entry);
    made.then(
      () => {
        if (books.get(key) !== entry) return; // made for a library version since replaced
        entry.done = true;
        // Only finished books are dropped (oldest first): one still being made is waited for by its downloads.
        let done = [...books.values()].filter((book) => book.done).length;
        for (const [oldKey, book] of books) {
          if (done <= KEPT_BOOKS) break;
          if (!book.done) continue;
          books.delete(oldKey);
          done--;
        }
      },
      // A failed book is not kept: the next request tries again (after the library changed, say).
      () => {
        if (books.get(key) === entry) books.delete(key);
      },
    );
    return made;
  }
}

/** One book per selection however it is written: tags in any order or repeated, a lecture named twice. */
function oneSpelling(selection: { tags: string[]; lectures: string[] }): { tags: string[]; lectures: string[] } {
  return { tags: [...new Set(selection.tags)].sort(), lectures: [...new Set(selection.lectures)] };
}

/** `attachment` with the file name in ASCII for every client and in UTF-8 for those that read RFC 6266's `filename*`. */
export function attachmentHeader(fileNames: { utf8: string; ascii: string }): string {
  const encoded = encodeURIComponent(fileNames.utf8).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fileNames.ascii}"; filename*=UTF-8''${encoded}`;
}
