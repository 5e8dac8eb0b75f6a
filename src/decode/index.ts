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

/** The hypotheses alive after one position: parallel typed arrays, `count` of them in use. */
interface Column {
  count: number;
  state: Float64Array;
  score: Float64Array;
  /** Index of the predecessor in the previous column. */
  prev: Int32Array;
  /** Candidate index chosen at this position. */
  choice: Uint16Array;
}

function column(size: number): Column {
  return {
    count: 0,
    state: new Float64Array(size),
    score: new Float64Array(size),
    prev: new Int32Array(size),
    choice: new Uint16Array(size),
  };
}

/** Keep the `beam` best hypotheses of a column, compacting it in place. */
function prune(col: Column, beam: number): void {
  if (col.count <= beam) return;
  const sorted = col.score.slice(0, col.count).sort();
  const threshold = sorted[col.count - beam] as number;
  let kept = 0;
  for (let h = 0; h < col.count && kept < beam; h++) {
    if ((col.score[h] as number) < threshold) continue;
    col.state[kept] = col.state[h] as number;
    col.score[kept] = col.score[h] as number;
    col.prev[kept] = col.prev[h] as number;
    col.choice[kept] = col.choice[h] as number;
    kept++;
  }
  col.count = kept;
}

/**
 * Best path through a lattice: Viterbi with a beam. Two hypotheses that end in the same two words
 * reach the same scorer state and are merged, keeping the better. Returns, per position, the index
 * of the chosen candidate.
 */
export function decode(scorer: Scorer, lattice: Lattice, beam = DEFAULT_BEAM): Uint16Array {
  const n = lattice.length;
  const out = { state: 0 };
  const columns: Column[] = [];
  let cur = column(1);
  cur.count = 1;
  cur.state[0] = scorer.start;
  let prevK = 1;
  for (let p = 0; p < n; p++) {
    const { ids, emit } = lattice[p] as Position;
    const k = ids.length;
    const next = column(cur.count * k);
    // slot[choice at p-1][candidate at p] → hypothesis index in `next` (same last two words ⇒ same state).
    const slot = new Int32Array(prevK * k).fill(-1);
    for (let h = 0; h < cur.count; h++) {
      const base = cur.score[h] as number;
      const state = cur.state[h] as number;
      const row = (cur.choice[h] as number) * k;
      for (let c = 0; c < k; c++) {
        const s = base + scorer.score(state, ids[c] as number, out) + (emit ? (emit[c] as number) : 0);
        const at = slot[row + c] as number;
        if (at < 0) {
          const i = next.count++;
          slot[row + c] = i;
          next.state[i] = out.state;
          next.score[i] = s;
          next.prev[i] = h;
          next.choice[i] = c;
        } else if (s > (next.score[at] as number)) {
          next.score[at] = s;
          next.prev[at] = h;
        }
      }
    }
    prune(next, beam);
    columns.push(next);
    cur = next;
    prevK = k;
  }
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let h = 0; h < cur.count; h++) {
    const s = (cur.score[h] as number) + scorer.score(cur.state[h] as number, EOS, out);
    if (s > bestScore) (bestScore = s), (best = h);
  }
  const path = new Uint16Array(n);
  for (let p = n - 1, h = best; p >= 0; p--) {
    const col = columns[p] as Column;
    path[p] = col.choice[h] as number;
    h = col.prev[h] as number;
  }
  return path;
}
