/**
 * An inverted index: for each term, the ascending ids of the documents holding it. Ranking needs nothing more
 * (which documents hold a term, and how many), so no positions or counts are kept. Lists are typed arrays, four
 * bytes a posting; saved, they are delta-encoded varints, one or two bytes a posting.
 */

/** Ids held by no list: what `get` returns for an unknown term. */
const NONE = new Int32Array(0);

interface PostingList {
  ids: Int32Array;
  length: number;
}

export class PostingIndex {
  private readonly lists = new Map<string, PostingList>();

  /** Adds a document holding `terms` (each once); its id must exceed every id added before. */
  add(id: number, terms: Iterable<string>): void {
    for (const term of terms) {
      const list = this.lists.get(term);
      if (!list) {
        this.lists.set(term, { ids: Int32Array.of(id), length: 1 });
      } else {
        if (list.length === list.ids.length) {
          const grown = new Int32Array(Math.max(4, list.length * 2));
          grown.set(list.ids);
          list.ids = grown;
        }
        list.ids[list.length++] = id;
      }
    }
  }

  /** The documents holding `term`, ascending (a view: valid until the index changes). */
  get(term: string): Int32Array {
    const list = this.lists.get(term);
    return list ? list.ids.subarray(0, list.length) : NONE;
  }

  get terms(): IterableIterator<string> {
    return this.lists.keys();
  }

  /** Drops the ids `dead` accepts, and terms left without documents. */
  removeWhere(dead: (id: number) => boolean): void {
    for (const [term, list] of this.lists) {
      let kept = 0;
      for (let i = 0; i < list.length; i++) if (!dead(list.ids[i])) list.ids[kept++] = list.ids[i];
      list.length = kept;
      if (kept === 0) this.lists.delete(term);
    }
  }

  /** Gives back the room lists grew into: the index's memory is then four bytes a posting. */
  trim(): void {
    for (const list of this.lists.values()) if (list.ids.length > list.length) list.ids = list.ids.slice(0, list.length);
  }

  /** The lists of `terms` in that order, each as its length then its ids' gaps, in varints (an unknown term is an empty list). */
  encode(terms: readonly string[], out: VarintWriter): void {
    for (const term of terms) {
      const ids = this.get(term);
      out.write(ids.length);
      let previous = 0;
      for (let i = 0; i < ids.length; i++) {
        out.write(ids[i] - previous);
        previous = ids[i];
      }
    }
  }

  /** Reads back what `encode` wrote for `terms`. */
  static decode(terms: readonly string[], input: VarintReader): PostingIndex {
    const index = new PostingIndex();
    for (const term of terms) {
      const length = input.read();
      if (length === 0) continue;
      const ids = new Int32Array(length);
      let id = 0;
      for (let i = 0; i < length; i++) ids[i] = id += input.read();
      index.lists.set(term, { ids, length });
    }
    return index;
  }
}

/** Unsigned integers below 2^31 as LEB128 varints into a growing byte buffer. */
export class VarintWriter {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  write(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    while (value >= 0x80) {
      this.bytes[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.bytes[this.length++] = value;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

export class VarintReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  read(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.position >= this.bytes.length) throw new Error('truncated posting lists');
      const byte = this.bytes[this.position++];
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value >>> 0;
      shift += 7;
      if (shift > 28) throw new Error('malformed posting lists');
    }
  }

  get done(): boolean {
    return this.position === this.bytes.length;
  }
}
