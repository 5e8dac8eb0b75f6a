import { BOS, EOS } from '../normalize/index.js';
import type { Model } from './index.js';
import { type LanguageModel, logProb } from './lm.js';

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

function backwardTerm(bw: LanguageModel, far: number, near: number, word: number): number {
  // In the backward model the sentence is read right to left: our EOS is its BOS and vice versa.
  const swap = (x: number) => (x === EOS ? BOS : x === BOS ? EOS : x);
  return logProb(bw, swap(far), swap(near), swap(word));
}

/** The scorer of a model (forward, plus backward when the model has one). */
export function createScorer(model: Model, backwardWeight = BACKWARD_WEIGHT): Scorer {
  const { lm: fw, backward: bw } = model;
  const v = fw.vocab.length;
  const trigram = fw.order === 3;
  return {
    vocabSize: v,
    start: v * v + BOS,
    score(state, word, out) {
      const prev1 = state % v;
      const prev2 = (state - prev1) / v;
      const none = prev2 === v;
      let s = logProb(fw, none || !trigram ? -1 : prev2, prev1, word);
      if (bw) {
        if (trigram) {
          if (!none) s += backwardWeight * backwardTerm(bw, word, prev1, prev2);
          if (word === EOS) s += backwardWeight * backwardTerm(bw, -1, EOS, prev1);
        } else s += backwardWeight * backwardTerm(bw, -1, word, prev1);
      }
      out.state = prev1 * v + word;
      return s;
    },
  };
}
