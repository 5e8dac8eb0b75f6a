import type { Position } from '../decode/index.js';
import type { Model } from '../model/index.js';
import { stripDiacritics } from '../strip.js';
import { type Channel, opCost } from './channel.js';

/**
 * Channel-cost bounds (nats) tried in turn until enough readings are found, and how many to keep
 * (dev 2-fold CV by MAX_READINGS: 12 → 93.6 %, 16 → 94.3 %, 20 → 94.4 %, 32 → 94.6 %, each step slower).
 */
export const COST_BOUNDS = [6, 10, 14];
export const MAX_READINGS = 20;
/** Distinct tokens whose readings are remembered per model. */
const CACHE_SIZE = 50_000;
/** Observed strings whose letter costs are remembered per model (each a row of the alphabet's size). */
const COSTS_SIZE = 10_000;

/**
 * A prefix tree of the model's letter-only words in flat typed arrays: node n's children are the
 * edges `first[n]` to `first[n + 1] - 1`, edge e spells `alphabet[letter[e]]` and leads to node `child[e]`.
 */
interface Trie {
  alphabet: string[];
  first: Int32Array;
  letter: Int32Array;
  child: Int32Array;
  /** Vocabulary id of the word that ends at each node, or -1. */
  id: Int32Array;
  /** Letters in the longest word. */
  depth: number;
}

/** An OCR token's lattice position, and whether its first id is "keep the token as it is". */
export interface OcrPosition {
  pos: Position;
  keepFirst: boolean;
}

/** A prefix tree of the model's letter-only words, searched with the channel's edit costs. */
export interface ReadingIndex {
  trie: Trie;
  channel: Channel;
  cache: Map<string, Reading[]>;
  /** Per observed string (one or two characters, or none): the cost of each alphabet letter producing it. */
  costs: Map<string, Float64Array>;
  /** Positions made, per token text as written (words, and lone numbers apart), and the weights they were made with. */
  words: Map<string, OcrPosition>;
  numbers: Map<string, OcrPosition>;
  weights: Channel['weights'];
}

/**
 * The index's positions for `kind` tokens under the channel weights `weights`: a change of weights
 * forgets every position made (the readings stay: they do not depend on the weights).
 */
export function positionsOf(index: ReadingIndex, kind: string, weights: Channel['weights']): Map<string, OcrPosition> {
  const w = index.weights;
  if (w.scale !== weights.scale || w.inexact !== weights.inexact || w.keepUnknown !== weights.keepUnknown) {
    index.words.clear();
    index.numbers.clear();
    index.weights = { ...weights };
  }
  const positions = kind === 'number' ? index.numbers : index.words;
  if (positions.size >= CACHE_SIZE) positions.clear();
  return positions;
}

/**
 * What each letter of the trie's alphabet costs to come out as `observed`, from the index's table (worked
 * out once per observed string and model, not once per token).
 */
function costsOf(index: ReadingIndex, observed: string): Float64Array {
  let row = index.costs.get(observed);
  if (!row) {
    row = Float64Array.from(index.trie.alphabet, (c) => opCost(index.channel, c, observed));
    if (index.costs.size >= COSTS_SIZE) index.costs.clear();
    index.costs.set(observed, row);
  }
  return row;
}

export interface Reading {
  id: number;
  /** Channel cost in nats; 0 for an exact unaccented match. */
  cost: number;
}

const LETTERS = /^\p{L}+$/u;

interface BuildNode {
  letters: string[];
  nodes: BuildNode[];
  id: number;
}

/** Number the nodes breadth first, so each node's children are consecutive, in the order they were added. */
function flatten(root: BuildNode): Trie {
  const alphabet: string[] = [];
  const letterIndex = new Map<string, number>();
  const order: BuildNode[] = [root];
  const depths = [0];
  for (let i = 0; i < order.length; i++) {
    for (const node of (order[i] as BuildNode).nodes) {
      order.push(node);
      depths.push((depths[i] as number) + 1);
    }
  }
  const first = new Int32Array(order.length + 1);
  const letter = new Int32Array(order.length - 1);
  const child = new Int32Array(order.length - 1);
  const id = new Int32Array(order.length);
  let edge = 0;
  let next = 1;
  order.forEach((node, n) => {
    first[n] = edge;
    id[n] = node.id;
    node.letters.forEach((ch) => {
      let a = letterIndex.get(ch);
      if (a === undefined) {
        a = alphabet.length;
        alphabet.push(ch);
        letterIndex.set(ch, a);
      }
      letter[edge] = a;
      child[edge++] = next++;
    });
  });
  first[order.length] = edge;
  let depth = 0;
  for (const d of depths) depth = Math.max(depth, d);
  return { alphabet, first, letter, child, id, depth };
}

/** Build the index once per model and channel. */
export function buildReadingIndex(model: Model, channel: Channel): ReadingIndex {
  const root: BuildNode = { letters: [], nodes: [], id: -1 };
  for (const [id, word] of model.lm.vocab.entries()) {
    if (!LETTERS.test(word)) continue;
    let node = root;
    for (const ch of word) {
      const at = node.letters.indexOf(ch);
      if (at >= 0) node = node.nodes[at] as BuildNode;
      else {
        const next: BuildNode = { letters: [], nodes: [], id: -1 };
        node.letters.push(ch);
        node.nodes.push(next);
        node = next;
      }
    }
    node.id = id;
  }
  const weights = { ...channel.weights };
  return { trie: flatten(root), channel, cache: new Map(), costs: new Map(), words: new Map(), numbers: new Map(), weights };
}

/**
 * A weighted edit-distance search of the trie for one observed token: one DP row per trie depth
 * (reused: a depth's row is only needed until its subtree is done), and each alphabet letter's costs
 * against the token's positions worked out on first use.
 */
class Search {
  out: Reading[] = [];
  private readonly m: number;
  /** Per alphabet letter: 1 once its costs are known; deletion cost; rows of m + 1 substitution and split costs. */
  private readonly known: Uint8Array;
  private readonly del: Float64Array;
  private readonly sub: Float64Array;
  private readonly split: Float64Array;
  readonly ins: Float64Array;

  readonly trie: Trie;
  /** Per position j of the token: its character's costs (`at[j]`), and those of the pair ending there. */
  private readonly at: Float64Array[];
  private readonly pair: Float64Array[];
  private readonly none: Float64Array;

  constructor(
    index: ReadingIndex,
    readonly obs: string,
  ) {
    const { trie, channel } = index;
    const m = obs.length;
    const letters = trie.alphabet.length;
    this.trie = trie;
    this.m = m;
    this.ins = Float64Array.from(obs, (o) => opCost(channel, '', o));
    // By UTF-16 code unit, as the rows of the search are.
    this.at = Array.from({ length: m }, (_, j) => costsOf(index, obs[j] as string));
    this.pair = Array.from({ length: m }, (_, j) => (j >= 1 ? costsOf(index, obs.slice(j - 1, j + 1)) : this.ins));
    this.none = costsOf(index, '');
    this.known = new Uint8Array(letters);
    this.del = new Float64Array(letters);
    this.sub = new Float64Array(letters * (m + 1));
    this.split = new Float64Array(letters * (m + 1));
  }

  private learn(a: number): void {
    const { m } = this;
    const at = a * (m + 1);
    this.split[at] = Number.POSITIVE_INFINITY;
    this.split[at + 1] = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= m; j++) this.sub[at + j] = (this.at[j - 1] as Float64Array)[a] as number;
    for (let j = 2; j <= m; j++) this.split[at + j] = (this.pair[j - 1] as Float64Array)[a] as number;
    this.del[a] = this.none[a] as number;
    this.known[a] = 1;
  }

  /** Collect every word below `node` whose cost stays within `bound`; `row` holds the costs at `node`. */
  walk(node: number, rows: Float64Array, row: number, bound: number): void {
    const { m, trie, sub, split, del, ins, known } = this;
    const next = row + m + 1;
    for (let e = trie.first[node] as number, end = trie.first[node + 1] as number; e < end; e++) {
      const a = trie.letter[e] as number;
      if (known[a] === 0) this.learn(a);
      const d = del[a] as number;
      const at = a * (m + 1);
      let best = (rows[row] as number) + d;
      rows[next] = best;
      for (let j = 1; j <= m; j++) {
        let v = (rows[row + j] as number) + d;
        const s = (rows[row + j - 1] as number) + (sub[at + j] as number);
        if (s < v) v = s;
        if (j >= 2) {
          const t = (rows[row + j - 2] as number) + (split[at + j] as number);
          if (t < v) v = t;
        }
        const i = (rows[next + j - 1] as number) + (ins[j - 1] as number);
        if (i < v) v = i;
        rows[next + j] = v;
        if (v < best) best = v;
      }
      if (best > bound) continue;
      const child = trie.child[e] as number;
      const id = trie.id[child] as number;
      if (id >= 0 && (rows[next + m] as number) <= bound) this.out.push({ id, cost: rows[next + m] as number });
      this.walk(child, rows, next, bound);
    }
  }
}

/**
 * The least cost of inserting `n` of the token's characters (`ins`: each one's insertion cost): a word of
 * the trie reads at most two characters per letter, so a token longer than twice the deepest word must
 * have that many inserted. Lets a long token (a code, a run of letters) skip a search that could find nothing.
 */
function leastInsertions(ins: Float64Array, n: number): number {
  if (n <= 0) return 0;
  return ins
    .slice()
    .sort()
    .subarray(0, n)
    .reduce((a, b) => a + b, 0);
}

/**
 * Every vocabulary word the observed OCR token could have been, cheapest first: exact unaccented
 * matches at cost 0, then channel readings, searched within growing cost bounds until enough are found.
 */
export function readings(index: ReadingIndex, model: Model, token: string): Reading[] {
  const obs = token.normalize('NFC').toLowerCase();
  const cached = index.cache.get(obs);
  if (cached) return cached;
  const exact = new Set(model.lexicon.get(stripDiacritics(obs)) ?? []);
  let found: Reading[] = [];
  const search = new Search(index, obs);
  // Row d of `rows` holds the costs at trie depth d.
  const rows = new Float64Array((index.trie.depth + 1) * (obs.length + 1));
  for (let j = 1; j <= obs.length; j++) rows[j] = (rows[j - 1] as number) + (search.ins[j - 1] as number);
  const bounds = COST_BOUNDS.filter((b) => leastInsertions(search.ins, obs.length - 2 * index.trie.depth) <= b);
  for (const bound of bounds) {
    search.out = [];
    search.walk(0, rows, 0, bound);
    found = search.out;
    if (found.filter((r) => !exact.has(r.id)).length + exact.size >= MAX_READINGS) break;
  }
  for (const r of found) if (exact.has(r.id)) r.cost = 0;
  for (const id of exact) if (!found.some((r) => r.id === id)) found.push({ id, cost: 0 });
  found.sort((a, b) => a.cost - b.cost);
  const kept = found.slice(0, Math.max(MAX_READINGS, exact.size));
  if (index.cache.size >= CACHE_SIZE) index.cache.clear();
  index.cache.set(obs, kept);
  return kept;
}
