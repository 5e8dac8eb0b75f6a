import { BOS, EOS } from '../normalize/index.js';
import { mayHold, type PairFilter, pairFilter } from './filter.js';
import type { Model } from './index.js';
import type { LanguageModel } from './lm.js';
import { find } from './ranges.js';
import { PairStates } from './states.js';
import { swap, type Twins, twinsOf, UNKNOWN } from './twins.js';

/**
 * What the decoder sees of a model: `score(state, word) → logProb, nextState`.
 * A state stands for the last two words. States are small integers handed out by the scorer; they
 * stay valid until the next {@link Scorer.begin}. With a backward model the score of a step also holds
 * the backward probability of the word two places back, now that both its right-hand neighbours are
 * known (a log-linear mix of the two directions).
 */
export interface Scorer {
  readonly vocabSize: number;
  /** The state before the first word of a sentence. States from before the call may be forgotten. */
  begin(): number;
  /** Score `word` after `state`; the next state goes to `out.state`. `word = EOS` closes the sentence. */
  score(state: number, word: number, out: { state: number }): number;
  /** The first half of `score`: the state after `word`. It depends on the last word of `state` only. */
  next(state: number, word: number): number;
  /** The second half of `score`: the log-probability of going from `state` to `next(state, word)`. */
  step(state: number, next: number): number;
  /**
   * `step(state, next(state, word))` when it can be had without the next state: when no bigram and no trigram holds
   * the pair the step makes, so its score backs off to the unigram (most steps in OCR mode); else NaN. A decoder can
   * then make the next state only for the hypotheses it keeps.
   */
  unseen(state: number, word: number): number;
  /** An upper bound on `step(state, next(state, word))`, found without a lookup. */
  ceiling(state: number, word: number): number;
  /** The part of `ceiling` that depends on `word` only (∞ for EOS): `ceiling = wordCeiling + stateCeiling`. */
  wordCeiling(word: number): number;
  /** The part of `ceiling` that depends on `state` only. */
  stateCeiling(state: number): number;
}

/** Weight of the backward model against the forward one. */
export const BACKWARD_WEIGHT = 1;

/** Back-off log-probability of `word` after `prev` alone (a bigram or less), given the bigram's entry `bi`. */
function bigramLogProb(lm: LanguageModel, bi: number, prev: number, word: number): number {
  return bi >= 0 ? (lm.biLogProb[bi] as number) : (lm.uniBackoff[prev] as number) + (lm.uniLogProb[word] as number);
}

/** Log-probability of `word` after the context bigram `ctx` (-1: unseen), given its back-off estimate `lower`. */
function trigramLogProb(lm: LanguageModel, ctx: number, word: number, lower: number): number {
  if (ctx < 0) return lower;
  const tri = find(lm.trigrams, ctx, word);
  return tri >= 0 ? (lm.triLogProb[tri] as number) : (lm.biBackoff[ctx] as number) + lower;
}

/**
 * The scorer of a model (forward, plus backward when the model has one). A state is a word pair
 * (a, b) in a {@link PairStates} table that keeps what every step from it needs: the forward bigram
 * entry of (a, b), the forward log-probability of b after a, and the same two read backwards. A step
 * from (a, b) to word w then costs one probe into that table, for (b, w), and one trigram lookup, which
 * serves both directions when the model's directions hold the same n-grams (see {@link Twins}; else one
 * lookup per direction). (A class, so that every scorer shares its methods and the decoder's calls stay inlinable.)
 */
class ModelScorer implements Scorer {
  readonly vocabSize: number;
  private readonly fw: LanguageModel;
  private readonly bw: LanguageModel | undefined;
  private readonly trigram: boolean;
  private readonly pairs: PairStates;
  /** See {@link Twins}: with them, a pair's bigrams and a step's trigrams are looked up once for both directions. */
  private readonly twins: Int32Array | undefined;
  /** The forward bigrams: see {@link PairFilter}. */
  private readonly bigramSeen: PairFilter;
  /** The forward trigrams as (context bigram, word) pairs: see {@link PairFilter}. */
  private readonly trigramSeen: PairFilter;

  constructor(
    model: Model,
    private readonly backwardWeight: number,
    remember: boolean,
  ) {
    if (!(backwardWeight >= 0)) throw new RangeError('createScorer: backwardWeight must be 0 or more');
    const { lm: fw, backward: bw } = model;
    const v = fw.vocab.length;
    this.vocabSize = v;
    this.fw = fw;
    this.bw = bw;
    this.trigram = fw.order === 3;
    const twins = bw ? twinsOf(fw, bw) : undefined;
    this.twins = twins?.trigrams;
    // Most pairs a lattice proposes (97 % in OCR mode) are no bigram, and most steps make no trigram: the filters
    // turn nearly all of those away unsearched.
    const seen = pairFilter(fw.biPrev, fw.biNext);
    this.bigramSeen = seen;
    this.trigramSeen = pairFilter(fw.triContext, fw.triNext);
    this.pairs = new PairStates((a, b, row) => {
      if (a === v) return; // the pair before a sentence: nothing to look up
      const fwBi = mayHold(seen, a, b) ? find(fw.bigrams, a, b) : -1;
      row.fwContext = fwBi;
      row.fwLogProb = bigramLogProb(fw, fwBi, a, b);
      if (bw) {
        let bwBi = twins ? (fwBi >= 0 ? (twins.bigrams[fwBi] as number) : -1) : UNKNOWN;
        if (bwBi === UNKNOWN) bwBi = find(bw.bigrams, swap(b), swap(a));
        if (twins && fwBi >= 0) twins.bigrams[fwBi] = bwBi;
        row.bwContext = bwBi;
        row.bwLogProb = bigramLogProb(bw, bwBi, swap(b), swap(a));
      }
    }, remember);
  }

  begin(): number {
    return this.pairs.reset(this.vocabSize, BOS);
  }

  next(state: number, word: number): number {
    return this.pairs.get(this.pairs.second[state] as number, word);
  }

  step(state: number, next: number): number {
    const { first, second, fwContext, fwLogProb, bwContext, bwLogProb } = this.pairs;
    const { fw, twins } = this;
    const word = second[next] as number;
    // Kept short, so that the decoder inlines it; the rarer cases are scored by `stepEach`. The `+` marks its result
    // (a call's, which the optimiser cannot see into) a plain number: without it, every step's score, the common
    // case's too, is boxed as a heap object where the decoder's code merges them (0.7 MB per resolution decoded).
    if (!twins || first[state] === this.vocabSize || word === EOS) return +this.stepEach(state, next);
    // One lookup for both directions: a triple seen one way was seen the other, one unseen was not.
    const ctx = fwContext[state] as number;
    const tri = ctx >= 0 && mayHold(this.trigramSeen, ctx, word) ? find(fw.trigrams, ctx, word) : -1;
    if (tri >= 0) {
      const twin = twins[tri] as number;
      if (twin < 0) return +this.stepEach(state, next); // not looked up yet (or, never here, missing)
      return (fw.triLogProb[tri] as number) + this.backwardWeight * ((this.bw as LanguageModel).triLogProb[twin] as number);
    }
    const back = bwContext[next] as number;
    const fwLower = fwLogProb[next] as number;
    const bwLower = bwLogProb[state] as number;
    const f = ctx >= 0 ? (fw.biBackoff[ctx] as number) + fwLower : fwLower;
    return f + this.backwardWeight * (back >= 0 ? ((this.bw as LanguageModel).biBackoff[back] as number) + bwLower : bwLower);
  }

  unseen(state: number, word: number): number {
    const { first, second, fwContext, bwLogProb } = this.pairs;
    const { fw, twins } = this;
    // As `step` would score it, in the same order of additions (so the same to the last bit), where the pair (b, word)
    // is certainly no bigram (and with twins, none backwards either) and (a, b, word) no trigram.
    if (!twins || first[state] === this.vocabSize || word === EOS) return Number.NaN;
    const b = second[state] as number;
    const ctx = fwContext[state] as number;
    if (mayHold(this.bigramSeen, b, word) || (ctx >= 0 && mayHold(this.trigramSeen, ctx, word))) return Number.NaN;
    const fwLower = (fw.uniBackoff[b] as number) + (fw.uniLogProb[word] as number);
    const f = ctx >= 0 ? (fw.biBackoff[ctx] as number) + fwLower : fwLower;
    return f + this.backwardWeight * (bwLogProb[state] as number);
  }

  /** {@link step} with a lookup per direction; with twins, a trigram's twin is kept for the next time. */
  private stepEach(state: number, next: number): number {
    const { first, second, fwContext, fwLogProb, bwContext, bwLogProb } = this.pairs;
    const { fw, bw, trigram, backwardWeight, twins } = this;
    const word = second[next] as number;
    const none = first[state] === this.vocabSize;
    let s =
      trigram && !none ? trigramLogProb(fw, fwContext[state] as number, word, fwLogProb[next] as number) : (fwLogProb[next] as number);
    if (!bw) return s;
    if (trigram) {
      if (!none) {
        const context = bwContext[next] as number;
        const back = swap(first[state] as number);
        s += backwardWeight * trigramLogProb(bw, context, back, bwLogProb[state] as number);
        const tri = twins && word !== EOS ? find(fw.trigrams, fwContext[state] as number, word) : -1;
        if (tri >= 0 && twins?.[tri] === UNKNOWN) twins[tri] = find(bw.trigrams, context, back);
      }
      if (word === EOS) s += backwardWeight * (bwLogProb[next] as number);
    } else s += backwardWeight * (bwLogProb[next] as number);
    return s;
  }

  ceiling(state: number, word: number): number {
    return this.wordCeiling(word) + this.stateCeiling(state);
  }

  wordCeiling(word: number): number {
    return word === EOS ? Number.POSITIVE_INFINITY : (this.fw.ceiling[word] as number);
  }

  stateCeiling(state: number): number {
    const { bw, trigram, backwardWeight } = this;
    if (!bw) return 0;
    // The backward step predicts the word two back (one back in a bigram model); none at the start.
    const back = trigram ? (this.pairs.first[state] as number) : (this.pairs.second[state] as number);
    return back === this.vocabSize ? 0 : backwardWeight * (bw.ceiling[swap(back)] as number);
  }

  score(state: number, word: number, out: { state: number }): number {
    out.state = this.next(state, word);
    return this.step(state, out.state);
  }
}

/** How a scorer weighs and keeps: see {@link createScorer}. */
export interface ScorerOptions {
  /** Weight of the backward model against the forward one (default {@link BACKWARD_WEIGHT}). */
  backwardWeight?: number;
  /** Keep the word pairs seen from sentence to sentence (default true). */
  remember?: boolean;
}

/**
 * The scorer of a model: see {@link ModelScorer}. With `remember` (the default) it keeps the word pairs it
 * has seen from sentence to sentence; without, it works each sentence's pairs out afresh, which is faster
 * when most pairs are new (OCR lattices).
 * @example createScorer(model, { remember: false })
 */
export function createScorer(model: Model, options: ScorerOptions = {}): Scorer {
  return new ModelScorer(model, options.backwardWeight ?? BACKWARD_WEIGHT, options.remember ?? true);
}
