/**
 * An inverted index: for each term, the ascending ids of the documents holding it. Ranking needs nothing more
 * (which documents hold a term, and how many), so no positions or counts are kept. Lists are kept as their saved
 * form is written: the gaps between ids in varints, one or two bytes a posting instead of four, all of a field's
 * lists in one byte array (no object per list), decoded when asked for. Ids added since the last `trim` wait in
 * growable typed arrays; `trim` packs them in.
 */

/** Ids held by no list: what `get` returns for an unknown term. */
const NONE = new Int32Array(0);

interface GrowingList {
  ids: Int32Array;
  length: number;
}

export class PostingIndex {
  /** Packed lists: a term's slot; the slot's `counts` gaps start at byte `offsets` of `bytes`. */
  private slots = new Map<string, number>();
  private offsets = new Uint32Array(0);
  private counts = new Uint32Array(0);
  private bytes: Uint8Array = new Uint8Array(0);
  /** Ids added since the last `trim`, by term: each after every packed id of its term. */
  private added = new Map<string, GrowingList>();
  /** Where `get` decodes to. */
  private scratch = new Int32Array(1024);

  /** Adds a document holding `terms` (each once); its id must exceed every id added before. */
  add(id: number, terms: Iterable<string>): void {
    for (const term of terms) {
      const list = this.added.get(term);
      if (!list) {
        this.added.set(term, { ids: Int32Array.of(id), length: 1 });
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

  /** The documents holding `term`, ascending: a view valid until the next `get` on this index or any change to it. */
  get(term: string): Int32Array {
    const slot = this.slots.get(term);
    const extra = this.added.get(term);
    const packed = slot === undefined ? 0 : this.counts[slot];
    const total = packed + (extra?.length ?? 0);
    if (total === 0) return NONE;
    if (this.scratch.length < total) this.scratch = new Int32Array(Math.max(total, this.scratch.length * 2));
    const ids = this.scratch;
    if (slot !== undefined) {
      const bytes = this.bytes;
      let position = this.offsets[slot];
      let id = 0;
      for (let i = 0; i < packed; i++) {
        let byte = bytes[position++];
        let gap = byte & 0x7f;
        for (let shift = 7; byte >= 0x80; shift += 7) {
          byte = bytes[position++];
          gap |= (byte & 0x7f) << shift;
        }
        ids[i] = id += gap;
      }
    }
    if (extra) ids.set(extra.ids.subarray(0, extra.length), packed);
    return ids.subarray(0, total);
  }

  get terms(): IterableIterator<string> {
    const { slots, added } = this;
    return (function* () {
      yield* slots.keys();
      for (const term of added.keys()) if (!slots.has(term)) yield term;
    })();
  }

  /** Drops the ids `dead` accepts, and terms left without documents (packing every list again). */
  removeWhere(dead: (id: number) => boolean): void {
    this.pack(dead);
  }

  /** Packs the ids added since the last call in with the others. */
  trim(): void {
    if (this.added.size > 0) this.pack(() => false);
  }

  private pack(dead: (id: number) => boolean): void {
    const terms = [...this.terms];
    const slots = new Map<string, number>();
    const offsets: number[] = [];
    const counts: number[] = [];
    const out = new VarintWriter();
    for (const term of terms) {
      const ids = this.get(term);
      const start = out.size;
      let count = 0;
      let previous = 0;
      for (let i = 0; i < ids.length; i++) {
        if (dead(ids[i])) continue;
        out.write(ids[i] - previous);
        previous = ids[i];
        count++;
      }
      if (count === 0) continue;
      slots.set(term, offsets.length);
      offsets.push(start);
      counts.push(count);
    }
    this.slots = slots;
    this.offsets = Uint32Array.from(offsets);
    this.counts = Uint32Array.from(counts);
    this.bytes = out.finish();
    this.added = new Map();
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

  /**
   * Reads back what `encode` wrote for `terms`, keeping the bytes as they are (read through once to find where each
   * list starts, and that none runs past the end): `input` must not change afterwards.
   */
  static decode(terms: readonly string[], input: VarintReader): PostingIndex {
    const index = new PostingIndex();
    const offsets: number[] = [];
    const counts: number[] = [];
    for (const term of terms) {
      const length = input.read();
      if (length === 0) continue;
      index.slots.set(term, offsets.length);
      offsets.push(input.position);
      counts.push(length);
      for (let i = 0; i < length; i++) input.read();
    }
    index.offsets = Uint32Array.from(offsets);
    index.counts = Uint32Array.from(counts);
    index.bytes = input.bytes;
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

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

export class VarintReader {
  private at = 0;

  constructor(readonly bytes: Uint8Array) {}

  /** The byte the next `read` starts at. */
  get position(): number {
    return this.at;
  }

  read(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('truncated posting lists');
      const byte = this.bytes[this.at++];
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value >>> 0;
      shift += 7;
      if (shift > 28) throw new Error('malformed posting lists');
    }
  }

  get done(): boolean {
    return this.at === this.bytes.length;
  }
}
