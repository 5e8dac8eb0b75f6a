import { buildHash, type HashIndex } from './hash.js';

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
  bigrams: HashIndex;
  trigrams: HashIndex;
  ids: Map<string, number>;
}

/**
 * Index the tables for scoring.
 */
export function indexTables(t: NgramTables): LanguageModel {
  const bigrams = buildHash(t.biPrev, t.biNext);
  const trigrams = buildHash(t.triContext, t.triNext);
  const ids = new Map<string, number>();
  for (const [i, w] of t.vocab.entries()) ids.set(w, i);
  return { ...t, bigrams, trigrams, ids };
}
