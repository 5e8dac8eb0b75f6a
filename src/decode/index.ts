import type { Scorer } from '../model/scorer.js';
import { EOS } from '../normalize/index.js';
import { nthSmallest } from './select.js';

/** Hypotheses kept per word; with few candidates per word this is exact Viterbi. */
export const DEFAULT_BEAM = 24;

/** Hypotheses more than this many nats below the best at a word are dropped (a threshold beam), in OCR mode:
 * dev lines 1-400 score the same down to 10 nats (12: 4534 of 4774 syllables right, 10: 4535, 8: 4531), and 2,236
 * tesseract lines of seeds 001-003 nearly so (877 → 879 errors of 31,827); 28 % fewer steps than at 12. */
export const SCORE_BEAM = 10;

/** The threshold beam of plain mode: leave-one-out on seeds 001–003 and the LibreOffice help and Debian catalogs
 * at several training shares score the same down to 9 nats (8: 5 more errors on 001–003); 22 % fewer steps than 12. */
export const PLAIN_SCORE_BEAM = 9;

/** How {@link decode} searches. */
export interface DecodeOptions {
  /** Hypotheses kept per word (default {@link DEFAULT_BEAM}). */
  beam?: number;
  /** Hypotheses this many nats below the best at a word are dropped (default {@link SCORE_BEAM}). */
  scoreBeam?: number;
  /**
   * Pass over, unscored, a step whose ceiling cannot bring it within the beam of the best so far (default true).
   * A position's candidates are then visited by their ceilings, highest first, so that the first such step ends
   * the rest; without, in their order. The answer is the same either way but where two hypotheses score exactly
   * alike and the beam keeps one (visiting order decides). It pays in wide lattices (OCR mode: over half the
   * steps); in plain mode ~1 % qualify and checking costs more than it saves (6 % slower with it).
   */
  skipSteps?: boolean;
  /**
   * Score a step to a word pair no table holds without making its next state (see `Scorer.unseen`), and make that
   * state only if the beam keeps the hypothesis (default true; the answer is the same). It pays where most
   * hypotheses are dropped (OCR mode: four in five, 9 % faster); plain mode keeps most and its scorer remembers
   * states from call to call, so there the check costs what it saves.
   */
  deferStates?: boolean;
}

/** The state of a hypothesis whose next state is not made yet (see `Scorer.unseen`). */
const UNMADE = -1;

/** The word ids a position may take (at least one), with optional log-score bonuses (OCR channel). */
export interface Position {
  ids: Uint32Array;
  emit?: Float64Array;
  /** The candidates' ceilings made once for a position used many times (see {@link ceilingsOf}); else the decoder makes them. */
  ceilings?: Ceilings;
}

/**
 * A position's candidates by their ceiling, highest first: `order[j]` is a candidate and `lift[j]` its emission
 * bonus plus its word ceiling (see `Scorer.wordCeiling`), the most a step to it can score after a state's own ceiling.
 */
export interface Ceilings {
  order: Uint16Array;
  lift: Float64Array;
}

/**
 * The ceilings of a position's candidates, highest first (ties in candidate order), written into `into` if given.
 * @example ceilingsOf(scorer, { ids, emit }).order[0] // the candidate that can score most
 */
export function ceilingsOf(scorer: Scorer, pos: Position, into?: Ceilings): Ceilings {
  const { ids, emit } = pos;
  const k = ids.length;
  const { order, lift } = into ?? { order: new Uint16Array(k), lift: new Float64Array(k) };
  // Insertion sort: a position has a few dozen candidates at most.
  for (let c = 0; c < k; c++) {
    const value = (emit ? (emit[c] as number) : 0) + scorer.wordCeiling(ids[c] as number);
    let j = c;
    for (; j > 0 && (lift[j - 1] as number) < value; j--) {
      lift[j] = lift[j - 1] as number;
      order[j] = order[j - 1] as number;
    }
    lift[j] = value;
    order[j] = c;
  }
  return { order, lift };
}

/** One position per word of a sentence. */
export type Lattice = readonly Position[];

/**
 * Typed arrays a decoder fills, kept between sentences (and calls) so each sentence does not allocate its
 * own; they grow when a sentence needs more. One decoding at a time: never share them between two that overlap.
 */
export class DecodeBuffers {
  state = new Int32Array(0);
  score = new Float64Array(0);
  prev = new Int32Array(0);
  choice = new Uint16Array(0);
  slot = new Int32Array(0);
  order = new Float64Array(0);
  /** The current position's ceilings, when it brings none: see {@link ceilingsOf}. */
  ceilings: Ceilings = { order: new Uint16Array(0), lift: new Float64Array(0) };

  /** Make room for `capacity` hypotheses, `widest` of them at one position. */
  ensure(capacity: number, widest: number): this {
    if (this.state.length < capacity) {
      const size = Math.max(capacity, this.state.length * 2);
      this.state = new Int32Array(size);
      this.score = new Float64Array(size);
      this.prev = new Int32Array(size);
      this.choice = new Uint16Array(size);
    }
    if (this.slot.length < widest) {
      const size = Math.max(widest, this.slot.length * 2);
      this.slot = new Int32Array(size);
      this.order = new Float64Array(size);
      this.ceilings = { order: new Uint16Array(size), lift: new Float64Array(size) };
    }
    return this;
  }
}

/** Move the hypotheses of `[from, end)` scoring `floor` or more, at most `most` of them, to the front; the new end. */
function keep(buffers: DecodeBuffers, from: number, end: number, floor: number, most: number): number {
  const { state, score, prev, choice } = buffers;
  let kept = from;
  for (let h = from; h < end && kept - from < most; h++) {
    if ((score[h] as number) < floor) continue;
    if (kept !== h) {
      state[kept] = state[h] as number;
      score[kept] = score[h] as number;
      prev[kept] = prev[h] as number;
      choice[kept] = choice[h] as number;
    }
    kept++;
  }
  return kept;
}

/**
 * Best path through a lattice: Viterbi with a beam. Two hypotheses that end in the same two words
 * reach the same scorer state and are merged, keeping the better. Returns, per position, the index
 * of the chosen candidate. All hypotheses of a sentence live in one set of flat typed arrays
 * (`buffers`, reused from sentence to sentence), each position's in a slice after the previous one's.
 * @example decode(createScorer(model), lattice, { scoreBeam: PLAIN_SCORE_BEAM, skipSteps: false })
 */
export function decode(scorer: Scorer, lattice: Lattice, options: DecodeOptions = {}, buffers = new DecodeBuffers()): number[] {
  const { beam = DEFAULT_BEAM, scoreBeam = SCORE_BEAM, skipSteps = true, deferStates = true } = options;
  const n = lattice.length;
  let capacity = 1;
  let widest = 1;
  for (let p = 0, live = 1, before = 1; p < n; p++) {
    const k = (lattice[p] as Position).ids.length;
    // A position makes a hypothesis per live one and candidate, merged by their last two words: at most one per
    // candidate before × candidate here (so a beam wider than that costs nothing more).
    const made = Math.min(live, before) * k;
    capacity += made;
    // A position's hypotheses and its slot table (every candidate before × every candidate here).
    widest = Math.max(widest, made, before * k);
    live = Math.min(made, beam);
    before = k;
  }
  const { state, score, prev, choice, slot, order, ceilings: scratch } = buffers.ensure(capacity, widest);
  const out = { state: 0 };
  state[0] = scorer.begin();
  let from = 0;
  let to = 1;
  let prevK = 1;
  for (let p = 0; p < n; p++) {
    const pos = lattice[p] as Position;
    const { ids, emit } = pos;
    const k = ids.length;
    let end = to;
    const { order: rank, lift } = !skipSteps ? scratch : (pos.ceilings ?? ceilingsOf(scorer, pos, scratch));
    // slot[choice at p-1 × candidate at p] → hypothesis (same last two words ⇒ same state).
    // A loop for a few dozen slots (plain mode), cheaper than a call to fill; fill for hundreds (OCR mode).
    const slots = prevK * k;
    if (slots > 64) slot.fill(-1, 0, slots);
    else for (let i = slots - 1; i >= 0; i--) slot[i] = -1;
    let top = Number.NEGATIVE_INFINITY;
    // The best hypothesis first, so that `top` is high from the start and more steps are skipped.
    let first = from;
    for (let h = from + 1; h < to; h++) if ((score[h] as number) > (score[first] as number)) first = h;
    for (let i = from - 1; i < to; i++) {
      const h = i < from ? first : i;
      if (i === first) continue;
      const base = score[h] as number;
      const st = state[h] as number;
      const row = (choice[h] as number) * k;
      const stateCeiling = skipSteps ? scorer.stateCeiling(st) : 0;
      for (let j = 0; j < k; j++) {
        // A step that cannot come within the beam of the best so far would be dropped below: skip it, and the
        // rest, whose ceilings are lower still.
        if (skipSteps && base + (lift[j] as number) + stateCeiling < top - scoreBeam) break;
        const c = skipSteps ? (rank[j] as number) : j;
        const bonus = emit ? (emit[c] as number) : 0;
        const at = slot[row + c] as number;
        const word = ids[c] as number;
        // A step to a pair no table holds is scored without its next state, made below only if the beam keeps it
        // (UNMADE till then). Else hypotheses with the same last word share their next states: an earlier one may
        // have made it.
        const quick = deferStates ? scorer.unseen(st, word) : Number.NaN;
        let next = UNMADE;
        let s: number;
        if (!Number.isNaN(quick)) s = base + quick + bonus;
        else {
          next = at < 0 ? scorer.next(st, word) : (state[at] as number);
          if (next === UNMADE) state[at] = next = scorer.next(st, word);
          s = base + scorer.step(st, next) + bonus;
        }
        if (s > top) top = s;
        if (at < 0) {
          slot[row + c] = end;
          state[end] = next;
          score[end] = s;
          prev[end] = h;
          choice[end] = c;
          end++;
        } else if (s > (score[at] as number)) {
          score[at] = s;
          prev[at] = h;
        }
      }
    }
    // Keep the hypotheses within the beam of the best, compacted to the front of this position's slice in the order
    // they were made; then, if more than `beam` are left, the best `beam` of them (ties: the first made).
    end = keep(buffers, to, end, top - scoreBeam, Number.POSITIVE_INFINITY);
    if (end - to > beam) {
      const m = end - to;
      for (let i = 0; i < m; i++) order[i] = score[to + i] as number;
      end = keep(buffers, to, end, nthSmallest(order, m, m - beam), beam);
    }
    if (deferStates) {
      for (let h = to; h < end; h++) {
        if (state[h] === UNMADE) state[h] = scorer.next(state[prev[h] as number] as number, ids[choice[h] as number] as number);
      }
    }
    from = to;
    to = end;
    prevK = k;
  }
  let best = from;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let h = from; h < to; h++) {
    const s = (score[h] as number) + scorer.score(state[h] as number, EOS, out);
    if (s > bestScore) (bestScore = s), (best = h);
  }
  const path = new Array<number>(n); // (a plain array: cheaper to make than a typed one, and a sentence needs a new one)
  for (let p = n - 1, h = best; p >= 0; p--) {
    path[p] = choice[h] as number;
    h = prev[h] as number;
  }
  return path;
}
