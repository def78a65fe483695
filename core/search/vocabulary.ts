/**
 * Bounds of "did you mean": each comparison costs the product of the two words' lengths, and a correction is
 * looked for while other students' searches wait, so it is given up rather than allowed to run long.
 */
export const CORRECTION_BOUNDS = {
  /** Longer words get no correction (nobody mistypes a word that long). */
  maxWordLength: 32,
  /** Vocabulary words compared for one correction at most. */
  maxCandidates: 50_000,
  /** Time the corrections of one query may take, in milliseconds: checked every 64 candidates, so under 50 in all. */
  budgetMs: 45,
};

/** When the corrections of a query starting now must stop. */
export const correctionDeadline = (): number => performance.now() + CORRECTION_BOUNDS.budgetMs;

/**
 * The library's own words (folded), with how many lectures use each: what as-you-type prefixes expand to, and
 * where "did you mean" corrections come from.
 */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private sorted: string[] | null = null;

  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  get size(): number {
    return this.counts.size;
  }

  /** Up to `limit` words starting with `prefix`, most used first. */
  withPrefix(prefix: string, limit: number): string[] {
    const sorted = (this.sorted ??= [...this.counts.keys()].sort());
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < sorted.length && sorted[i].startsWith(prefix); i++) found.push(sorted[i]);
    return found.sort((a, b) => this.count(b) - this.count(a) || a.length - b.length).slice(0, limit);
  }

  /**
   * The most used word within a small edit distance (one edit up to 5 letters, two above; a swap of neighbours
   * counts as one), or undefined; the best found so far when the candidate or time budget runs out (see
   * CORRECTION_BOUNDS), nothing for a word too long to correct.
   */
  closest(word: string, deadline = correctionDeadline()): string | undefined {
    if (word.length > CORRECTION_BOUNDS.maxWordLength) return undefined;
    const budget = word.length <= 5 ? 1 : 2;
    let best: string | undefined;
    let bestDistance = budget + 1;
    let compared = 0;
    for (const [candidate, count] of this.counts) {
      if (Math.abs(candidate.length - word.length) > budget || candidate === word) continue;
      if (compared++ >= CORRECTION_BOUNDS.maxCandidates || (compared % 64 === 0 && performance.now() > deadline)) break;
      const distance = editDistance(word, candidate, budget);
      if (distance < bestDistance || (distance === bestDistance && best !== undefined && count > this.count(best))) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  static from(entries: Iterable<[string, number]>): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const [word, count] of entries) vocabulary.counts.set(word, count);
    return vocabulary;
  }
}

/** Optimal-string-alignment distance, giving up (returning budget + 1) once it must exceed `budget`. */
export function editDistance(a: string, b: string, budget: number): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  // Three rows reused in turn: a correction compares thousands of words, and garbage would pause it.
  let previous2 = new Int32Array(cols);
  let previous = Int32Array.from({ length: cols }, (_, j) => j);
  let current = new Int32Array(cols);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > budget) return budget + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return Math.min(previous[cols - 1], budget + 1);
}
