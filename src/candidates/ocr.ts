import type { Position } from '../decode/index.js';
import type { Model } from '../model/index.js';
import { stripDiacritics } from '../strip.js';
import { type Channel, opCost } from './channel.js';
import { type Reading, Search } from './search.js';
import { buildTrie, type Trie } from './trie.js';

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
  /** Is every cost of the channel ≥ 0? */
  nonNegative: boolean;
  /** Per alphabet letter: the costs the channel lists for it by observed string (read faster than the channel's objects). */
  listed: (Map<string, number> | undefined)[];
  /** The channel without its table: what it costs an operation it does not list. */
  unlisted: Channel;
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
    const { alphabet } = index.trie;
    row = new Float64Array(alphabet.length);
    for (let a = 0; a < alphabet.length; a++) {
      const listed = index.listed[a]?.get(observed);
      row[a] = listed !== undefined ? listed : opCost(index.unlisted, alphabet[a] as string, observed);
    }
    if (index.costs.size >= COSTS_SIZE) index.costs.clear();
    index.costs.set(observed, row);
  }
  return row;
}

/** Build the index once per model and channel. */
export function buildReadingIndex(model: Model, channel: Channel): ReadingIndex {
  const weights = { ...channel.weights };
  const costs = [...Object.values(channel.ops).flatMap((row) => Object.values(row)), ...Object.values(channel.fallback)];
  const nonNegative = costs.every((c) => c >= 0);
  const trie = buildTrie(model);
  const listed = trie.alphabet.map((c) => {
    const ops = channel.ops[c];
    return ops ? new Map(Object.entries(ops)) : undefined;
  });
  return {
    trie,
    channel,
    cache: new Map(),
    costs: new Map(),
    words: new Map(),
    numbers: new Map(),
    weights,
    nonNegative,
    listed,
    unlisted: { ...channel, ops: {} },
  };
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
 * Which of the cost bounds to search first for a token of `length` characters with `exact` exact matches
 * (a speed guess only: a search serves every lower bound too). OCR report and synthetic pairs: tokens of
 * three or more characters seldom find enough readings within 6 nats, those of six or more (five, with no
 * exact match) within 10; starting there searches ~13–23 % fewer cells.
 */
function firstBound(length: number, exact: number): number {
  if (length >= 6 || (length === 5 && exact === 0)) return COST_BOUNDS[2] as number;
  return (length >= 3 ? COST_BOUNDS[1] : COST_BOUNDS[0]) as number;
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
  const search = new Search(index.trie, index.channel, obs, (observed) => costsOf(index, observed), index.nonNegative);
  const bounds = COST_BOUNDS.filter((b) => leastInsertions(search.ins, obs.length - 2 * index.trie.depth) <= b);
  let searched = Number.NEGATIVE_INFINITY;
  if (index.nonNegative) {
    // Every cost ≥ 0: a search within a bound, narrowed to the MAX_READINGS cheapest words (the exact matches apart,
    // each found at its own cost, `floor`), finds every word that a search within that bound or a lower one would
    // keep below. It starts where the readings likely suffice and widens till they do.
    const start = firstBound(obs.length, exact.size);
    const floor = [...exact].reduce((most, id) => Math.max(most, search.costOf(model.lm.vocab[id] as string)), 0);
    for (const [k, bound] of bounds.entries()) {
      if (bound < start && k < bounds.length - 1) continue;
      search.search(bound, MAX_READINGS - exact.size, exact, floor);
      searched = bound;
      if (search.enough()) break;
    }
  }
  for (const bound of bounds) {
    if (bound > searched) {
      searched = bound;
      search.search(bound);
    }
    found = search.within(bound);
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
