import { BOS, EOS } from '../normalize/index.js';
import type { LanguageModel } from './lm.js';

/** In the backward model a sentence is read right to left: our EOS is its BOS and vice versa. */
export const swap = (x: number) => (x === EOS ? BOS : x === BOS ? EOS : x);

/** A twin not looked up yet. */
export const UNKNOWN = -2;

/**
 * What a scorer learns, one n-gram at a time, about where the forward n-grams sit in the backward model, for a
 * model whose two directions counted the same word pairs and triples (as `train` checks and a model file records):
 * an n-gram seen one way was seen the other, so one lookup serves both directions, and a pair or triple the
 * forward model lacks is known to be missing backwards too.
 */
export interface Twins {
  /** Per forward bigram (a, b): the index of (b, a) in the backward model, {@link UNKNOWN} until needed. */
  bigrams: Int32Array;
  /** Per forward trigram (a, b, w): the index of (w, b, a) in the backward model, {@link UNKNOWN} until needed. */
  trigrams: Int32Array | undefined;
}

/** Backward models known to hold the same n-grams as their forward ones (training checked; the file says so). */
const agreeing = new WeakSet<LanguageModel>();
const found = new WeakMap<LanguageModel, Twins>();

/** Record that `bw` holds the same n-grams as its forward model, read the other way (see {@link Twins}). */
export function declareTwins(bw: LanguageModel): void {
  agreeing.add(bw);
}

/** Was `bw` declared to hold the same n-grams as its forward model? */
export function hasTwins(bw: LanguageModel): boolean {
  return agreeing.has(bw);
}

/** Empty {@link Twins} for a model whose directions were declared to agree, made once per model; else undefined. */
export function twinsOf(fw: LanguageModel, bw: LanguageModel): Twins | undefined {
  if (!agreeing.has(bw)) return undefined;
  let twins = found.get(bw);
  if (!twins) {
    twins = {
      bigrams: new Int32Array(fw.biNext.length).fill(UNKNOWN),
      trigrams: fw.order === 3 ? new Int32Array(fw.triNext.length).fill(UNKNOWN) : undefined,
    };
    found.set(bw, twins);
  }
  return twins;
}
