import { type Channel, opCost } from './channel.js';
import type { Trie } from './trie.js';

/** A word the observed token may have been. */
export interface Reading {
  id: number;
  /** Channel cost in nats; 0 for an exact unaccented match. */
  cost: number;
}

/**
 * A weighted edit-distance search of the trie for one observed token: one DP row per trie depth
 * (reused: a depth's row is only needed until its subtree is done), and each alphabet letter's costs
 * against the token's positions worked out on first use.
 */
export class Search {
  /** The words the last search found, in trie order: the first `count` of `ids`, with their `costs`. */
  private ids = new Int32Array(64);
  private costs = new Float64Array(64);
  private count = 0;
  /** The bound the walk cuts at: the search's own, narrowed as readings are found (see {@link Search.search}). */
  private limit = 0;
  /** Narrowing: the cheapest costs found so far of words not in `skip`, at most `want` of them, ascending. */
  private best = new Float64Array(0);
  private kept = 0;
  private want = 0;
  private skip: ReadonlySet<number> | undefined;
  private floor = 0;
  private readonly m: number;
  /** Per alphabet letter: 1 once its costs are known; deletion cost; rows of m + 1 substitution and split costs. */
  private readonly known: Uint8Array;
  private readonly del: Float64Array;
  private readonly sub: Float64Array;
  private readonly split: Float64Array;
  /** Per alphabet letter: the least any cell of a row gains by it (−∞ unless every cost is ≥ 0: no bound then). */
  private readonly low: Float64Array;
  private readonly rows: Float64Array;
  readonly ins: Float64Array;

  readonly trie: Trie;
  /** Per position j of the token: its character's costs (`at[j]`), and those of the pair ending there. */
  private readonly at: Float64Array[];
  private readonly pair: Float64Array[];
  private readonly none: Float64Array;

  /**
   * `costsOf(observed)`: what each alphabet letter costs to come out as `observed` (0–2 characters);
   * `nonNegative`: every cost of `channel` is ≥ 0, so a row's costs never fall below its parent's least.
   */
  constructor(
    trie: Trie,
    channel: Channel,
    obs: string,
    costsOf: (observed: string) => Float64Array,
    private readonly nonNegative: boolean,
  ) {
    const m = obs.length;
    const letters = trie.alphabet.length;
    this.trie = trie;
    this.m = m;
    this.ins = Float64Array.from(obs, (o) => opCost(channel, '', o));
    // By UTF-16 code unit, as the rows of the search are.
    this.at = Array.from({ length: m }, (_, j) => costsOf(obs[j] as string));
    this.pair = Array.from({ length: m }, (_, j) => (j >= 1 ? costsOf(obs.slice(j - 1, j + 1)) : this.ins));
    this.none = costsOf('');
    this.known = new Uint8Array(letters);
    this.del = new Float64Array(letters);
    this.sub = new Float64Array(letters * (m + 1));
    this.split = new Float64Array(letters * (m + 1));
    this.low = new Float64Array(letters);
    // Row d of `rows` holds the costs at trie depth d; the root's, of inserting the token's first j characters.
    this.rows = new Float64Array((trie.depth + 1) * (m + 1));
    for (let j = 1; j <= m; j++) this.rows[j] = (this.rows[j - 1] as number) + (this.ins[j - 1] as number);
  }

  /**
   * Find every word within `bound` (forgetting those found before). With `want` (and every cost ≥ 0), only the
   * `want` cheapest words not in `skip` are sought: once that many are found the bound narrows to the dearest of
   * them, never below `floor`, so the walk finds every word that costs no more than the `want`-th cheapest (ties
   * included) and every word within `floor`, and some dearer ones; `within` then serves bounds up to that.
   */
  search(bound: number, want = Number.POSITIVE_INFINITY, skip?: ReadonlySet<number>, floor = 0): void {
    const { rows, m } = this;
    const least = rows.subarray(0, m + 1).reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
    this.count = 0;
    this.limit = bound;
    const narrowing = this.nonNegative && Number.isFinite(want);
    this.want = narrowing ? Math.max(0, want) : 0;
    this.skip = skip;
    this.floor = floor;
    this.kept = 0;
    if (this.best.length < this.want) this.best = new Float64Array(this.want);
    if (narrowing && this.want === 0) this.limit = Math.min(bound, floor);
    this.walk(0, rows, 0, least);
  }

  /** Did the last search, narrowed, find as many words as it sought? */
  enough(): boolean {
    return this.kept >= this.want;
  }

  /**
   * The cost of the trie's word `word` against the token (∞ if the trie lacks it): what a search would find it at.
   * @example search.costOf('lớn') // the channel cost of reading `16n` as lớn
   */
  costOf(word: string): number {
    const { trie, m } = this;
    const rows = new Float64Array((word.length + 1) * (m + 1));
    rows.set(this.rows.subarray(0, m + 1));
    let node = 0;
    let row = 0;
    for (const ch of word) {
      let e = trie.first[node] as number;
      const end = trie.first[node + 1] as number;
      while (e < end && trie.alphabet[trie.letter[e] as number] !== ch) e++;
      if (e === end) return Number.POSITIVE_INFINITY;
      this.fill(trie.letter[e] as number, rows, row);
      row += m + 1;
      node = trie.child[e] as number;
    }
    return (trie.id[node] as number) >= 0 ? (rows[row + m] as number) : Number.POSITIVE_INFINITY;
  }

  /**
   * The words the last search found within `bound`, in trie order: all of them for its own bound, and for
   * a narrower one those a search within it would have found, when every cost is ≥ 0: then no row on a
   * word's path has a least cost above the word's own, so no bound that lets the word in cuts its path.
   */
  within(bound: number): Reading[] {
    const out: Reading[] = [];
    for (let w = 0; w < this.count; w++) {
      const cost = this.costs[w] as number;
      if (cost <= bound) out.push({ id: this.ids[w] as number, cost });
    }
    return out;
  }

  /** Note a word found (kept in typed arrays: the search itself makes no objects). */
  private found(id: number, cost: number): void {
    if (this.count === this.ids.length) {
      const ids = new Int32Array(this.count * 2);
      const costs = new Float64Array(this.count * 2);
      ids.set(this.ids);
      costs.set(this.costs);
      this.ids = ids;
      this.costs = costs;
    }
    this.ids[this.count] = id;
    this.costs[this.count++] = cost;
    if (this.want > 0 && !this.skip?.has(id)) this.narrow(cost);
  }

  /** Note a sought word's cost among the cheapest; with `want` of them, cut the walk at the dearest (or `floor`). */
  private narrow(cost: number): void {
    const { best, want } = this;
    if (this.kept === want && cost >= (best[want - 1] as number)) return;
    let j = this.kept < want ? this.kept++ : want - 1;
    for (; j > 0 && (best[j - 1] as number) > cost; j--) best[j] = best[j - 1] as number;
    best[j] = cost;
    if (this.kept === want) this.limit = Math.min(this.limit, Math.max(this.floor, best[want - 1] as number));
  }

  private learn(a: number): void {
    const { m } = this;
    const at = a * (m + 1);
    this.split[at] = Number.POSITIVE_INFINITY;
    this.split[at + 1] = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= m; j++) this.sub[at + j] = (this.at[j - 1] as Float64Array)[a] as number;
    for (let j = 2; j <= m; j++) this.split[at + j] = (this.pair[j - 1] as Float64Array)[a] as number;
    this.del[a] = this.none[a] as number;
    let low = this.nonNegative ? (this.del[a] as number) : Number.NEGATIVE_INFINITY;
    for (let j = 1; j <= m; j++) low = Math.min(low, this.sub[at + j] as number, this.split[at + j] as number);
    this.low[a] = low;
    this.known[a] = 1;
  }

  /**
   * Work out the row of the child by letter `a` of the node whose row starts at `row` (the next row of `rows`);
   * returns the row's least cost.
   */
  private fill(a: number, rows: Float64Array, row: number): number {
    const { m, sub, split, del, ins, known } = this;
    if (known[a] === 0) this.learn(a);
    const next = row + m + 1;
    const d = del[a] as number;
    const at = a * (m + 1);
    // The row above (`up`), one and two columns back (`diag`, `far`: none for j = 1), and this row's previous cell.
    let diag = rows[row] as number;
    let far = Number.POSITIVE_INFINITY;
    let left = diag + d;
    let best = left;
    rows[next] = left;
    for (let j = 1; j <= m; j++) {
      const up = rows[row + j] as number;
      let v = up + d;
      const s = diag + (sub[at + j] as number);
      if (s < v) v = s;
      const t = far + (split[at + j] as number);
      if (t < v) v = t;
      const i = left + (ins[j - 1] as number);
      if (i < v) v = i;
      rows[next + j] = v;
      if (v < best) best = v;
      far = diag;
      diag = up;
      left = v;
    }
    return best;
  }

  /**
   * Collect every word below `node` whose cost stays within the bound (`limit`); `row` holds the costs at `node`,
   * the least of them `least`. A child whose every cost must exceed the bound (`least` plus the least its letter
   * adds to any cell) is passed over without working out its row: the row would have cut it all the same.
   */
  private walk(node: number, rows: Float64Array, row: number, least: number): void {
    const { m, trie, known, low } = this;
    const { first, letter, child, id } = trie;
    const next = row + m + 1;
    for (let e = first[node] as number, end = first[node + 1] as number; e < end; e++) {
      const a = letter[e] as number;
      if (known[a] === 0) this.learn(a);
      if (least + (low[a] as number) > this.limit) continue;
      const best = this.fill(a, rows, row);
      if (best > this.limit) continue;
      const to = child[e] as number;
      const word = id[to] as number;
      const cost = rows[next + m] as number;
      if (word >= 0 && cost <= this.limit) this.found(word, cost);
      this.walk(to, rows, next, best);
    }
  }
}
