/**
 * The n-grams of a table grouped by context: the entries of context `c` are `[start[c], start[c + 1])`,
 * in order of their next word. A lookup touches two small arrays near each other rather than a hash
 * table several times the size of the tables (most lookups miss, and a hash miss costs a cache miss).
 */
export interface Ranges {
  start: Int32Array;
  next: Uint32Array;
}

/** Ranges below this length are scanned, longer ones halved first. */
const SCAN = 8;

/**
 * Group entries sorted by (context, next) (see `sortTables`) by their context, `0 ≤ context < contexts`;
 * entries with a context out of that range are never found.
 */
export function buildRanges(context: Uint32Array, next: Uint32Array, contexts: number): Ranges {
  const start = new Int32Array(contexts + 1);
  for (const c of context) if (c < contexts) start[c + 1] = (start[c + 1] as number) + 1;
  for (let c = 0; c < contexts; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  return { start, next };
}

/** The index of the first entry (context `ctx`, next `word`), or -1. */
export function find(r: Ranges, ctx: number, word: number): number {
  const { start, next } = r;
  if (!(ctx >= 0 && ctx < start.length - 1)) return -1;
  let lo = start[ctx] as number;
  const end = start[ctx + 1] as number;
  // Narrow to a short run that holds the first entry ≥ word, then scan it.
  let hi = end;
  while (hi - lo > SCAN) {
    const mid = (lo + hi) >>> 1;
    if ((next[mid] as number) < word) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < end; lo++) {
    const w = next[lo] as number;
    if (w >= word) return w === word ? lo : -1;
  }
  return -1;
}
