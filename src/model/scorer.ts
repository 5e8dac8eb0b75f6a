import { BOS, EOS } from '../normalize/index.js';
import { lookup } from './hash.js';
import type { Model } from './index.js';
import type { LanguageModel } from './lm.js';

/**
 * What the decoder sees of a model: `score(state, word) → logProb, nextState`.
 * A state is the last two words, `prev2 * V + prev1`; prev2 = V means "nothing before".
 * With a backward model the score of a step also holds the backward probability of the word two
 * places back, now that both its right-hand neighbours are known (a log-linear mix of the two directions).
 */
export interface Scorer {
  readonly vocabSize: number;
  /** The state before the first word of a sentence. */
  readonly start: number;
  /** Score `word` after `state`; the next state goes to `out.state`. `word = EOS` closes the sentence. */
  score(state: number, word: number, out: { state: number }): number;
}

/** Weight of the backward model against the forward one. */
export const BACKWARD_WEIGHT = 1;

/** Entries of the per-scorer cache of word-pair lookups (a power of two). */
const PAIR_CACHE_SIZE = 4096;

/** In the backward model a sentence is read right to left: our EOS is its BOS and vice versa. */
const swap = (x: number) => (x === EOS ? BOS : x === BOS ? EOS : x);

/** Back-off log-probability of `word` after `prev` alone (a bigram or less). */
function bigramLogProb(lm: LanguageModel, prev: number, word: number): number {
  const bi = lookup(lm.bigrams, prev * lm.vocab.length + word);
  return bi >= 0 ? (lm.biLogProb[bi] as number) : (lm.uniBackoff[prev] as number) + (lm.uniLogProb[word] as number);
}

/** Log-probability of `word` given the context bigram `ctx` (-1: unseen) and its back-off estimate `lower`. */
function trigramLogProb(lm: LanguageModel, ctx: number, word: number, lower: number): number {
  if (ctx < 0) return lower;
  const tri = lookup(lm.trigrams, ctx * lm.vocab.length + word);
  return tri >= 0 ? (lm.triLogProb[tri] as number) : (lm.biBackoff[ctx] as number) + lower;
}

/**
 * The scorer of a model (forward, plus backward when the model has one). Each step needs the
 * bigram of (previous word, word) in both directions and the context bigram of the state: the
 * former are cached by word pair, the latter for the last state asked about (the decoder asks
 * about every candidate of a position from one state in a row), so most steps cost two lookups.
 */
export function createScorer(model: Model, backwardWeight = BACKWARD_WEIGHT): Scorer {
  const { lm: fw, backward: bw } = model;
  const v = fw.vocab.length;
  const trigram = fw.order === 3;
  const pairKey = new Float64Array(PAIR_CACHE_SIZE).fill(-1);
  const pairFw = new Float64Array(PAIR_CACHE_SIZE);
  const pairBwCtx = new Int32Array(PAIR_CACHE_SIZE);
  const pairBw = new Float64Array(PAIR_CACHE_SIZE);
  let lastState = -1;
  let stateFwCtx = -1;
  let stateBwLower = 0;
  return {
    vocabSize: v,
    start: v * v + BOS,
    score(state, word, out) {
      const prev1 = state % v;
      const prev2 = (state - prev1) / v;
      const none = prev2 === v;
      const key = prev1 * v + word;
      const at = (Math.imul(key | 0, 0x9e3779b1) >>> 20) & (PAIR_CACHE_SIZE - 1);
      if (pairKey[at] !== key) {
        pairKey[at] = key;
        pairFw[at] = bigramLogProb(fw, prev1, word);
        if (bw) {
          pairBwCtx[at] = lookup(bw.bigrams, swap(word) * v + swap(prev1));
          pairBw[at] = bigramLogProb(bw, swap(word), swap(prev1));
        }
      }
      if (state !== lastState) {
        lastState = state;
        stateFwCtx = trigram && !none ? lookup(fw.bigrams, prev2 * v + prev1) : -1;
        if (bw && trigram && !none) stateBwLower = bigramLogProb(bw, swap(prev1), swap(prev2));
      }
      let s = trigram ? trigramLogProb(fw, stateFwCtx, word, pairFw[at] as number) : (pairFw[at] as number);
      if (bw) {
        if (trigram) {
          if (!none) s += backwardWeight * trigramLogProb(bw, pairBwCtx[at] as number, swap(prev2), stateBwLower);
          if (word === EOS) s += backwardWeight * (pairBw[at] as number);
        } else s += backwardWeight * (pairBw[at] as number);
      }
      out.state = prev1 * v + word;
      return s;
    },
  };
}
