import { buildHash, type HashIndex, lookup } from './hash.js';

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

/** Where {@link score} writes the state that follows the scored word. */
export interface ScoreOut {
  state: number;
}

/**
 * Index the tables for scoring.
 * @example const lm = indexTables(tables); score(lm, startState(), lm.ids.get('năm') ?? 0, out)
 */
export function indexTables(t: NgramTables): LanguageModel {
  const v = t.vocab.length;
  const bigrams = buildHash((i) => (t.biPrev[i] as number) * v + (t.biNext[i] as number), t.biPrev.length);
  const trigrams = buildHash((i) => (t.triContext[i] as number) * v + (t.triNext[i] as number), t.triNext.length);
  const ids = new Map<string, number>();
  for (const [i, w] of t.vocab.entries()) ids.set(w, i);
  return { ...t, bigrams, trigrams, ids };
}

/**
 * The state after a single word: its bigram-context encoding is `-(word + 1)`.
 * States ≥ 0 are bigram entries (a two-word context); negative states hold one word.
 */
export function wordState(word: number): number {
  return -(word + 1);
}

function bigramLogProb(lm: LanguageModel, prev: number, word: number): number {
  const b = lookup(lm.bigrams, prev * lm.vocab.length + word);
  if (b >= 0) return lm.biLogProb[b] as number;
  return (lm.uniBackoff[prev] as number) + (lm.uniLogProb[word] as number);
}

/**
 * Log-probability of `word` after the context `state`, with back-off; writes the next state to `out`.
 * This is all a decoder sees of the model.
 */
export function score(lm: LanguageModel, state: number, word: number, out: ScoreOut): number {
  const v = lm.vocab.length;
  let prev: number;
  let logProb: number;
  if (state >= 0) {
    prev = lm.biNext[state] as number;
    const tri = lm.order === 3 ? lookup(lm.trigrams, state * v + word) : -1;
    logProb = tri >= 0 ? (lm.triLogProb[tri] as number) : (lm.biBackoff[state] as number) + bigramLogProb(lm, prev, word);
  } else {
    prev = -state - 1;
    logProb = bigramLogProb(lm, prev, word);
  }
  const next = lm.order === 3 ? lookup(lm.bigrams, prev * v + word) : -1;
  out.state = next >= 0 ? next : wordState(word);
  return logProb;
}
