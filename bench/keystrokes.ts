/** What the search benchmarks type, and how they summarise latencies. */

/** Every prefix a student types on the way to each query (from two characters on). */
export function keystrokes(queries: string[]): string[] {
  const typed: string[] = [];
  for (const query of queries) for (let end = 2; end <= query.length; end++) if (query[end - 1] !== ' ') typed.push(query.slice(0, end));
  return typed;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
