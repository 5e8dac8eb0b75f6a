import { type LanguageModel, type ScoreOut, score, wordState } from '../model/lm.js';
import { BOS, EOS } from '../normalize/index.js';

/** Hypotheses kept per position; with few candidates per word this is exact Viterbi. */
export const DEFAULT_BEAM = 24;

/** For each position of a sentence, the word ids it may take (at least one). */
export type Lattice = readonly ArrayLike<number>[];

/**
 * Best path through a lattice under the language model (beam search with recombination of
 * hypotheses that share a model state). Returns the chosen index into each position's candidates.
 */
export function decode(lm: LanguageModel, lattice: Lattice, beam = DEFAULT_BEAM): Uint16Array {
  const n = lattice.length;
  const out: ScoreOut = { state: 0 };
  // Flat hypothesis storage: per hypothesis its state, score, predecessor and candidate index.
  const states: number[] = [wordState(BOS)];
  const scores: number[] = [0];
  const prevs: number[] = [-1];
  const choices: number[] = [0];
  let from = 0;
  let to = 1;
  const slots = new Map<number, number>();
  for (let p = 0; p < n; p++) {
    const cands = lattice[p] as ArrayLike<number>;
    slots.clear();
    const start = states.length;
    for (let h = from; h < to; h++) {
      for (let c = 0; c < cands.length; c++) {
        const s = (scores[h] as number) + score(lm, states[h] as number, cands[c] as number, out);
        const at = slots.get(out.state);
        if (at === undefined) {
          slots.set(out.state, states.length);
          states.push(out.state);
          scores.push(s);
          prevs.push(h);
          choices.push(c);
        } else if (s > (scores[at] as number)) {
          scores[at] = s;
          prevs[at] = h;
          choices[at] = c;
        }
      }
    }
    from = start;
    to = states.length;
    if (to - from > beam) {
      const order = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
      for (const h of order.slice(beam)) scores[h] = Number.NEGATIVE_INFINITY;
    }
  }
  let best = from;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let h = from; h < to; h++) {
    const s = (scores[h] as number) + score(lm, states[h] as number, EOS, out);
    if (s > bestScore) (bestScore = s), (best = h);
  }
  const path = new Uint16Array(n);
  for (let p = n - 1, h = best; p >= 0; p--, h = prevs[h] as number) path[p] = choices[h] as number;
  return path;
}
