/**
 * Per-query score accumulation over dense document ids, in typed arrays reused from query to query: a common
 * word can hit tens of thousands of sections, and Maps would make every keystroke slow. Entries from an
 * earlier query are recognised by their stamp and reset on first touch, so nothing is cleared in bulk, and the
 * list of ids touched is a typed array too (an array emptied by `length = 0` gives back its memory, to grow it
 * again on the next keystroke).
 */
export class ScoreBoard {
  score = new Float64Array(0);
  /** One bit per query word found in the document (and, above PAIR_SHIFT, per query phrase pair found). */
  bits = new Uint32Array(0);
  /** The same bits, for words and pairs found with the diacritics the query was typed with. */
  exact = new Uint32Array(0);
  private stamp = new Uint32Array(0);
  private seenStamp = new Uint32Array(0);
  private query = 0;
  private pass = 0;
  private touchedIds = new Int32Array(0);
  private touchedCount = 0;

  /** Starts a query over ids below `size`. */
  begin(size: number): void {
    if (size > this.stamp.length) {
      const capacity = Math.max(size, Math.ceil(this.stamp.length * 1.5), 64);
      this.score = new Float64Array(capacity);
      this.bits = new Uint32Array(capacity);
      this.exact = new Uint32Array(capacity);
      this.stamp = new Uint32Array(capacity);
      this.seenStamp = new Uint32Array(capacity);
      this.touchedIds = new Int32Array(capacity);
    }
    this.query++;
    this.touchedCount = 0;
  }

  /** Ids touched by the current query, in first-touch order (a view, valid until the next query). */
  get touched(): Int32Array {
    return this.touchedIds.subarray(0, this.touchedCount);
  }

  add(id: number, value: number, bit: number, exactBit = 0): void {
    if (this.stamp[id] !== this.query) {
      this.stamp[id] = this.query;
      this.score[id] = 0;
      this.bits[id] = 0;
      this.exact[id] = 0;
      this.touchedIds[this.touchedCount++] = id;
    }
    this.score[id] += value;
    this.bits[id] |= bit;
    this.exact[id] |= exactBit;
  }

  has(id: number): boolean {
    return this.stamp[id] === this.query;
  }

  /** Starts a pass in which `firstTime` says whether an id is met for the first time. */
  beginPass(): void {
    this.pass++;
  }

  firstTime(id: number): boolean {
    if (this.seenStamp[id] === this.pass) return false;
    this.seenStamp[id] = this.pass;
    return true;
  }
}

/**
 * Per lecture, during one query: its best section (by tier, then score), the sum of its other sections, the
 * words they hold, and how many of its sections hold the whole query as a phrase.
 */
export class LectureBoard {
  best = new Float64Array(0);
  bestTier = new Uint8Array(0);
  others = new Float64Array(0);
  bestSection = new Int32Array(0);
  words = new Uint32Array(0);
  phraseSections = new Uint32Array(0);
  private stamp = new Uint32Array(0);
  private query = 0;
  private touchedIds = new Int32Array(0);
  private touchedCount = 0;

  begin(size: number): void {
    if (size > this.stamp.length) {
      const capacity = Math.max(size, Math.ceil(this.stamp.length * 1.5), 64);
      this.best = new Float64Array(capacity);
      this.bestTier = new Uint8Array(capacity);
      this.others = new Float64Array(capacity);
      this.bestSection = new Int32Array(capacity);
      this.words = new Uint32Array(capacity);
      this.phraseSections = new Uint32Array(capacity);
      this.stamp = new Uint32Array(capacity);
      this.touchedIds = new Int32Array(capacity);
    }
    this.query++;
    this.touchedCount = 0;
  }

  /** Lectures touched by the current query, in first-touch order (a view, valid until the next query). */
  get touched(): Int32Array {
    return this.touchedIds.subarray(0, this.touchedCount);
  }

  /** Records a section's score and tier for its lecture; section -1 only registers the lecture. */
  offer(article: number, section: number, score: number, tier: number, bits: number, wholePhrase: boolean): void {
    if (this.stamp[article] !== this.query) {
      this.stamp[article] = this.query;
      this.best[article] = 0;
      this.bestTier[article] = 0;
      this.others[article] = 0;
      this.bestSection[article] = -1;
      this.words[article] = 0;
      this.phraseSections[article] = 0;
      this.touchedIds[this.touchedCount++] = article;
    }
    if (section < 0) return;
    this.words[article] |= bits;
    if (wholePhrase) this.phraseSections[article]++;
    const better = tier > this.bestTier[article] || (tier === this.bestTier[article] && score > this.best[article]);
    if (better || this.bestSection[article] < 0) {
      this.others[article] += this.best[article];
      this.best[article] = score;
      this.bestTier[article] = tier;
      this.bestSection[article] = section;
    } else {
      this.others[article] += score;
    }
  }
}

export interface Ranked {
  article: number;
  /** Exact-diacritics tier: ranks before the score. */
  tier: number;
  score: number;
  section: number;
}

/** Whether `a` ranks at or above a candidate of this tier and score (tier first, then score). */
function atOrAbove(a: Ranked, tier: number, score: number): boolean {
  return a.tier > tier || (a.tier === tier && a.score >= score);
}

/** The `limit` best lectures by tier then score, kept in order as candidates arrive (limit is small: what fits a screen). */
export class TopResults {
  private readonly entries: Ranked[] = [];

  constructor(private readonly limit: number) {}

  offer(article: number, tier: number, score: number, section: number): void {
    const entries = this.entries;
    if (entries.length === this.limit && atOrAbove(entries[entries.length - 1], tier, score)) return;
    let at = entries.length;
    while (at > 0 && !atOrAbove(entries[at - 1], tier, score)) at--;
    entries.splice(at, 0, { article, tier, score, section });
    if (entries.length > this.limit) entries.pop();
  }

  /** Best first; equal ranks ordered by `tie`. */
  sorted(tie: (a: number, b: number) => number): Ranked[] {
    return [...this.entries].sort((a, b) => b.tier - a.tier || b.score - a.score || tie(a.article, b.article));
  }
}
