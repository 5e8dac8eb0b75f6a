import type { Scorer } from '../model/scorer.js';
import { EOS } from '../normalize/index.js';

/** Hypotheses kept per word; with few candidates per word this is exact Viterbi. */
export const DEFAULT_BEAM = 24;

/** The word ids a position may take (at least one), with optional log-score bonuses (OCR channel). */
export interface Position {
  ids: ArrayLike<number>;
  emit?: ArrayLike<number>;
}

/** One position per word of a sentence. */
export type Lattice = readonly Position[];

/**
 * Best path through a lattice (beam search; hypotheses that reach the same scorer state are merged,
 * keeping the better). Returns, per position, the index of the chosen candidate.
 */
export function decode(scorer: Scorer, lattice: Lattice, beam = DEFAULT_BEAM): Uint16Array {
  const n = lattice.length;
  const out = { state: 0 };
  // Flat hypothesis storage: state, score, predecessor and candidate index of each hypothesis.
  const states: number[] = [scorer.start];
  const scores: number[] = [0];
  const prevs: number[] = [-1];
  const choices: number[] = [0];
  let live: number[] = [0];
  const slots = new Map<number, number>();
  for (let p = 0; p < n; p++) {
    const { ids: cands, emit } = lattice[p] as Position;
    slots.clear();
    const next: number[] = [];
    for (const h of live) {
      for (let c = 0; c < cands.length; c++) {
        const s = (scores[h] as number) + scorer.score(states[h] as number, cands[c] as number, out) + (emit ? (emit[c] as number) : 0);
        const at = slots.get(out.state);
        if (at === undefined) {
          slots.set(out.state, states.length);
          next.push(states.length);
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
    if (next.length > beam) next.sort((a, b) => (scores[b] as number) - (scores[a] as number)).length = beam;
    live = next;
  }
  let best = live[0] as number;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const h of live) {
    const s = (scores[h] as number) + scorer.score(states[h] as number, EOS, out);
    if (s > bestScore) (bestScore = s), (best = h);
  }
  const path = new Uint16Array(n);
  for (let p = n - 1, h = best; p >= 0; p--, h = prevs[h] as number) path[p] = choices[h] as number;
  return path;
}
