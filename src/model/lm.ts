import { buildRanges, type Ranges } from './ranges.js';
import { sortTables } from './sort.js';

/**
 * A back-off n-gram model (order 2 or 3) in typed arrays, natural-log probabilities.
 * Bigrams are sorted by (prev, next); trigrams point at their context bigram.
 */
export interface NgramTables {
  order: 2 | 3;
  vocab: readonly string[];
  uniLogProb: Float32Array;
  uniBackoff: Float32Array;
  biPrev: Uint32Array;
  biNext: Uint32Array;
  biLogProb: Float32Array;
  biBackoff: Float32Array;
  triContext: Uint32Array;
  triNext: Uint32Array;
  triLogProb: Float32Array;
}

/** Tables plus the lookup indexes built from them when a model loads. */
export interface LanguageModel extends NgramTables {
  /** Bigrams by their first word. */
  bigrams: Ranges;
  /** Trigrams by their context bigram. */
  trigrams: Ranges;
  ids: Map<string, number>;
  /** Per word, an upper bound on the log-probability any context gives it (see {@link ceilings}). */
  ceiling: Float64Array;
}

/**
 * For every word, the most its log-probability can be in any context: the best trigram or bigram
 * entry that predicts it, or its back-off estimate with the largest back-off weights. Lets a decoder
 * skip a step that cannot come near the best one without scoring it.
 */
export function ceilings(t: NgramTables): Float64Array {
  let upper = 0; // a trigram back-off weight may be added, and may be above 0
  if (t.order === 3) for (const b of t.biBackoff) upper = Math.max(upper, b);
  let uniBackoff = Number.NEGATIVE_INFINITY;
  for (const b of t.uniBackoff) uniBackoff = Math.max(uniBackoff, b);
  const out = new Float64Array(t.vocab.length);
  for (let w = 0; w < out.length; w++) out[w] = upper + uniBackoff + (t.uniLogProb[w] as number);
  for (let i = 0; i < t.biNext.length; i++) {
    const w = t.biNext[i] as number;
    out[w] = Math.max(out[w] as number, upper + (t.biLogProb[i] as number));
  }
  for (let i = 0; i < t.triNext.length; i++) {
    const w = t.triNext[i] as number;
    out[w] = Math.max(out[w] as number, t.triLogProb[i] as number);
  }
  return out;
}

/**
 * Index the tables for scoring.
 */
export function indexTables(tables: NgramTables): LanguageModel {
  const t = sortTables(tables);
  const bigrams = buildRanges(t.biPrev, t.biNext, t.vocab.length);
  const trigrams = buildRanges(t.triContext, t.triNext, t.biNext.length);
  const ids = new Map<string, number>();
  for (const [i, w] of t.vocab.entries()) ids.set(w, i);
  return { ...t, bigrams, trigrams, ids, ceiling: ceilings(t) };
}
