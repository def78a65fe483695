/** Search-as-you-type measured the same way by every search benchmark: the keystrokes, and percentiles of their latencies. */

/** Every prefix a student types on the way to each query (from two characters on). */
export function keystrokes(queries: string[]): string[] {
  const typed: string[] = [];
  for (const query of queries) for (let end = 2; end <= query.length; end++) if (query[end - 1] !== ' ') typed.push(query.slice(0, end));
  return typed;
}

/** The p-th percentile of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
