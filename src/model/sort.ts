import type { NgramTables } from './lm.js';

/** Are the pairs (first[i], second[i]) in ascending order, no pair twice? */
function ascending(first: Uint32Array, second: Uint32Array): boolean {
  for (let i = 1; i < first.length; i++) {
    const a = first[i - 1] as number;
    const b = first[i] as number;
    if (b < a || (b === a && (second[i] as number) <= (second[i - 1] as number))) return false;
  }
  return true;
}

/** Entry indices in the order of their (first, second) pair, ties (a malformed table) by index. */
function order(first: Uint32Array, second: Uint32Array): Uint32Array {
  const idx = Uint32Array.from(first, (_, i) => i);
  const by = (i: number, j: number) =>
    (first[i] as number) - (first[j] as number) || (second[i] as number) - (second[j] as number) || i - j;
  return idx.sort(by);
}

function permute<T extends Uint32Array | Float32Array>(a: T, perm: Uint32Array): T {
  const out = new (a.constructor as new (n: number) => T)(perm.length);
  for (let i = 0; i < perm.length; i++) out[i] = a[perm[i] as number] as number;
  return out;
}

/**
 * Tables with bigrams in (prev, next) order and trigrams in (context, next) order, as training writes
 * them, so that they can be searched by range (see `buildRanges`). Tables already in order (every
 * trained model) come back as they are; others are sorted, trigram contexts following their bigrams.
 */
export function sortTables(t: NgramTables): NgramTables {
  if (ascending(t.biPrev, t.biNext) && ascending(t.triContext, t.triNext)) return t;
  const bi = order(t.biPrev, t.biNext);
  const moved = new Uint32Array(bi.length);
  for (let i = 0; i < bi.length; i++) moved[bi[i] as number] = i;
  // A context that names no bigram stays out of range.
  const context = Uint32Array.from(t.triContext, (c) => (c < bi.length ? (moved[c] as number) : c));
  const tri = order(context, t.triNext);
  return {
    ...t,
    biPrev: permute(t.biPrev, bi),
    biNext: permute(t.biNext, bi),
    biLogProb: permute(t.biLogProb, bi),
    biBackoff: permute(t.biBackoff, bi),
    triContext: permute(context, tri),
    triNext: permute(t.triNext, tri),
    triLogProb: permute(t.triLogProb, tri),
  };
}
