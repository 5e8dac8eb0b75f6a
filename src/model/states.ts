import { slotOf } from './hash.js';

/** What a scorer keeps about a word pair (a, b): see `createScorer`. */
export interface PairFacts {
  fwContext: number;
  fwLogProb: number;
  bwContext: number;
  bwLogProb: number;
}

/** Rows kept at most between two sentences; past this the table starts afresh at the next sentence. */
const MAX_ROWS = 1 << 16;
const FIRST_ROWS = 1 << 10;

/**
 * A growing table of word pairs, each a row of typed-array columns, found by an open-addressing
 * hash. A row's number is a scorer state. `fill` computes a new pair's facts once.
 * Without `remember`, there is no hash: every `get` makes a row, and `reset` starts afresh each
 * sentence (for lattices so wide that most pairs are new, as in OCR mode, where a probe would mostly miss).
 */
export class PairStates {
  first = new Int32Array(FIRST_ROWS);
  second = new Int32Array(FIRST_ROWS);
  fwContext = new Int32Array(FIRST_ROWS);
  fwLogProb = new Float64Array(FIRST_ROWS);
  bwContext = new Int32Array(FIRST_ROWS);
  bwLogProb = new Float64Array(FIRST_ROWS);
  private rows = 0;
  private slots = new Int32Array(FIRST_ROWS * 2).fill(-1);
  private readonly facts: PairFacts = { fwContext: -1, fwLogProb: 0, bwContext: -1, bwLogProb: 0 };

  constructor(
    private readonly fill: (a: number, b: number, facts: PairFacts) => void,
    private readonly remember = true,
  ) {}

  /** Forget every row if there are many, then return the row of (a, b). */
  reset(a: number, b: number): number {
    if (!this.remember) this.rows = 0;
    else if (this.rows > MAX_ROWS) {
      this.rows = 0;
      this.slots.fill(-1);
    }
    return this.get(a, b);
  }

  /** The row of (a, b), made on first sight. */
  get(a: number, b: number): number {
    if (!this.remember) return this.add(a, b, -1);
    const { slots, first, second } = this;
    const mask = slots.length - 1;
    let s = slotOf(a, b, mask);
    for (;;) {
      const row = slots[s] as number;
      if (row < 0) break;
      if (first[row] === a && second[row] === b) return row;
      s = (s + 1) & mask;
    }
    return this.add(a, b, s);
  }

  private add(a: number, b: number, slot: number): number {
    const row = this.rows++;
    if (row === this.first.length) {
      this.grow();
      return this.get(a, b);
    }
    if (slot >= 0) this.slots[slot] = row;
    const f = this.facts;
    f.fwContext = -1;
    f.fwLogProb = 0;
    f.bwContext = -1;
    f.bwLogProb = 0;
    this.fill(a, b, f);
    this.first[row] = a;
    this.second[row] = b;
    this.fwContext[row] = f.fwContext;
    this.fwLogProb[row] = f.fwLogProb;
    this.bwContext[row] = f.bwContext;
    this.bwLogProb[row] = f.bwLogProb;
    return row;
  }

  /** Double every column and rehash. */
  private grow(): void {
    this.rows--;
    const size = this.first.length * 2;
    const widen = <T extends Int32Array | Float64Array>(old: T): T => {
      const next = new (old.constructor as new (n: number) => T)(size);
      next.set(old);
      return next;
    };
    this.first = widen(this.first);
    this.second = widen(this.second);
    this.fwContext = widen(this.fwContext);
    this.fwLogProb = widen(this.fwLogProb);
    this.bwContext = widen(this.bwContext);
    this.bwLogProb = widen(this.bwLogProb);
    if (!this.remember) return;
    this.slots = new Int32Array(size * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let row = 0; row < this.rows; row++) {
      let s = slotOf(this.first[row] as number, this.second[row] as number, mask);
      while ((this.slots[s] as number) >= 0) s = (s + 1) & mask;
      this.slots[s] = row;
    }
  }
}
