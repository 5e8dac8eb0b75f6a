import { slotOf } from './hash.js';

/** Bits per pair: about one pair in 8 that a filter does not hold still passes it (1 − e^(−1/8)). */
const BITS_PER_PAIR = 8;

/**
 * A set of word pairs that can answer "certainly not there" without a search: one bit per hash slot (a Bloom
 * filter with one hash). A pair it holds always passes; most pairs it does not hold are turned away. A scorer
 * asks it before searching a word's bigrams, as most pairs an OCR lattice proposes are in no bigram table.
 */
export interface PairFilter {
  bits: Uint32Array;
  mask: number;
}

/**
 * The filter of the pairs `(first[i], second[i])`.
 * @example mayHold(pairFilter(Uint32Array.of(3), Uint32Array.of(4)), 3, 4) // true
 */
export function pairFilter(first: Uint32Array, second: Uint32Array): PairFilter {
  let size = 1 << 10;
  while (size < first.length * BITS_PER_PAIR) size *= 2;
  const bits = new Uint32Array(size >>> 5);
  const mask = size - 1;
  for (let i = 0; i < first.length; i++) {
    const s = slotOf(first[i] as number, second[i] as number, mask);
    bits[s >>> 5] = (bits[s >>> 5] as number) | (1 << (s & 31));
  }
  return { bits, mask };
}

/** Could the filter hold (a, b)? False only when it certainly does not. */
export function mayHold(filter: PairFilter, a: number, b: number): boolean {
  const s = slotOf(a, b, filter.mask);
  return ((filter.bits[s >>> 5] as number) & (1 << (s & 31))) !== 0;
}
