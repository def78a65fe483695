/**
 * E-books for the server's students: a book takes seconds of both cores to make, so a classroom asking for it at
 * once must not make it thirty times. One book is made at a time, the same selection asked again while it is made
 * or afterwards (for the same library version) gets the same bytes, and past a few selections waiting the server
 * says it is busy instead of queueing without end.
 */
import { buildEpub, type BookSource, type Epub } from '../export/epub/buildEpub.js';
import { bookFileNames, planBook } from '../export/epub/selection.js';

/** Books kept for repeat downloads (the oldest is dropped first). */
const KEPT_BOOKS = 4;
/** Distinct books waiting to be made, beyond which a request is turned away. */
const MAX_WAITING = 4;
/** How long a download's connection may wait for its book (made after the ones before it) without a byte sent. */
export const EPUB_WAIT_LIMIT_MS = 5 * 60_000;

export class EpubBusy extends Error {}

export class EpubDownloads {
  private readonly books = new Map<string, Promise<Epub>>();
  private readonly finished = new Set<Promise<Epub>>();
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private builtFor: number;

  constructor(
    private readonly source: BookSource,
    /** The library's version: a change makes every kept book stale. */
    private readonly version: () => number,
  ) {
    this.builtFor = version();
  }

  /** What `book` would give for this selection, without making it (a HEAD request): its file names; throws as `book` does for a selection that names no book. */
  async describe(selection: { tags: string[]; lectures: string[] }): Promise<Pick<Epub, 'fileNames'>> {
    return { fileNames: bookFileNames(planBook(await this.source.getLibrary(), oneSpelling(selection)).title) };
  }

  book(selection: { tags: string[]; lectures: string[] }): Promise<Epub> {
    if (this.builtFor !== this.version()) {
      this.books.clear();
      this.finished.clear();
      this.builtFor = this.version();
    }
    const { tags, lectures } = oneSpelling(selection);
    const key = JSON.stringify([tags, lectures]);
    const kept = this.books.get(key);
    if (kept) return kept;
    if (this.waiting >= MAX_WAITING) return Promise.reject(new EpubBusy('Too many e-books are being made: try again in a minute.'));
    this.waiting++;
    const made = this.queue.then(() => buildEpub(this.source, { tags, lectures })).finally(() => this.waiting--);
    this.queue = made.catch(() => undefined);
    this.books.set(key, made);
    made.then(
      () => {
        if (this.books.get(key) !== made) return; // made for a library version since replaced
        this.finished.add(made);
        // Only finished books are dropped (oldest first): one still being made is waited for by its downloads.
        for (const [oldKey, book] of this.books) {
          if (this.finished.size <= KEPT_BOOKS) break;
          if (!this.finished.delete(book)) continue;
          this.books.delete(oldKey);
        }
      },
      // A failed book is not kept: the next request tries again (after the library changed, say).
      () => {
        if (this.books.get(key) === made) this.books.delete(key);
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
