import { BOS, EOS } from '../normalize/index.js';
import type { LanguageModel } from './lm.js';
import { find } from './ranges.js';

/** In the backward model a sentence is read right to left: our EOS is its BOS and vice versa. */
export const swap = (x: number) => (x === EOS ? BOS : x === BOS ? EOS : x);

/**
 * Where each forward n-gram sits in the backward model: `bigrams[i]` is the backward entry of forward bigram
 * i read the other way ((a, b) → (b, a)), `trigrams[t]` that of forward trigram t ((a, b, w) → (w, b, a)).
 */
export interface Twins {
  bigrams: Int32Array;
  trigrams: Int32Array | undefined;
}

/**
 * The twins of a model's two directions, when every n-gram has one and there is nothing else: both
 * directions count the same word pairs and triples, so one lookup serves both. Undefined for a model whose
 * directions were counted otherwise (scored with a lookup per direction).
 * @example findTwins(model.lm, model.backward)?.bigrams.length === model.lm.biNext.length
 */
export function findTwins(fw: LanguageModel, bw: LanguageModel): Twins | undefined {
  if (fw.order !== bw.order || fw.biNext.length !== bw.biNext.length || fw.triNext.length !== bw.triNext.length) return undefined;
  const bigrams = new Int32Array(fw.biNext.length);
  for (let i = 0; i < bigrams.length; i++) {
    const twin = find(bw.bigrams, swap(fw.biNext[i] as number), swap(fw.biPrev[i] as number));
    if (twin < 0) return undefined;
    bigrams[i] = twin;
  }
  if (fw.order !== 3) return { bigrams, trigrams: undefined };
  const trigrams = new Int32Array(fw.triNext.length);
  for (let t = 0; t < trigrams.length; t++) {
    const ctx = fw.triContext[t] as number;
    const back = find(bw.bigrams, swap(fw.triNext[t] as number), swap(fw.biNext[ctx] as number));
    const twin = find(bw.trigrams, back, swap(fw.biPrev[ctx] as number));
    if (twin < 0) return undefined;
    trigrams[t] = twin;
  }
  return { bigrams, trigrams };
}

const found = new WeakMap<LanguageModel, Twins | null>();

/** {@link findTwins}, worked out once per backward model. */
export function twinsOf(fw: LanguageModel, bw: LanguageModel): Twins | undefined {
  let twins = found.get(bw);
  if (twins === undefined) {
    twins = findTwins(fw, bw) ?? null;
    found.set(bw, twins);
  }
  return twins ?? undefined;
}
