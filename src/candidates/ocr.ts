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

interface TrieNode {
  /** Child letters and nodes, in parallel arrays. */
  letters: string[];
  nodes: TrieNode[];
  /** Vocabulary id of the word that ends here, or -1. */
  id: number;
}

/** A prefix tree of the model's letter-only words, searched with the channel's edit costs. */
export interface ReadingIndex {
  root: TrieNode;
  channel: Channel;
  cache: Map<string, Reading[]>;
}

export interface Reading {
  id: number;
  /** Channel cost in nats; 0 for an exact unaccented match. */
  cost: number;
}

const LETTERS = /^\p{L}+$/u;

/** Build the index once per model and channel. */
export function buildReadingIndex(model: Model, channel: Channel): ReadingIndex {
  const root: TrieNode = { letters: [], nodes: [], id: -1 };
  for (const [id, word] of model.lm.vocab.entries()) {
    if (!LETTERS.test(word)) continue;
    let node = root;
    for (const ch of word) {
      const at = node.letters.indexOf(ch);
      if (at >= 0) node = node.nodes[at] as TrieNode;
      else {
        const next: TrieNode = { letters: [], nodes: [], id: -1 };
        node.letters.push(ch);
        node.nodes.push(next);
        node = next;
      }
    }
    node.id = id;
  }
  return { root, channel, cache: new Map() };
}

/** The costs of one intended letter against every position of one observed token. */
interface LetterCosts {
  del: number;
  /** sub[j]: producing observed[j-1]; split[j]: producing observed[j-2..j-1]. */
  sub: Float64Array;
  split: Float64Array;
}

class Search {
  out: Reading[] = [];
  private readonly letterCosts = new Map<string, LetterCosts>();
  /** One cost row per trie depth, reused: a depth's row is only needed until its subtree is done. */
  private readonly rows: Float64Array[] = [];
  readonly ins: Float64Array;

  constructor(
    readonly channel: Channel,
    readonly obs: string,
  ) {
    this.ins = Float64Array.from(obs, (o) => opCost(channel, '', o));
  }

  costs(c: string): LetterCosts {
    let lc = this.letterCosts.get(c);
    if (!lc) {
      const m = this.obs.length;
      const sub = new Float64Array(m + 1);
      const split = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY);
      for (let j = 1; j <= m; j++) sub[j] = opCost(this.channel, c, this.obs[j - 1] as string);
      for (let j = 2; j <= m; j++) split[j] = opCost(this.channel, c, this.obs.slice(j - 2, j));
      lc = { del: opCost(this.channel, c, ''), sub, split };
      this.letterCosts.set(c, lc);
    }
    return lc;
  }

  walk(node: TrieNode, row: Float64Array, bound: number, depth = 0): void {
    const m = this.obs.length;
    let next = this.rows[depth];
    if (!next) {
      next = new Float64Array(m + 1);
      this.rows[depth] = next;
    }
    for (let k = 0; k < node.letters.length; k++) {
      const { del, sub, split } = this.costs(node.letters[k] as string);
      let best = (row[0] as number) + del;
      next[0] = best;
      for (let j = 1; j <= m; j++) {
        let v = (row[j] as number) + del;
        const s = (row[j - 1] as number) + (sub[j] as number);
        if (s < v) v = s;
        if (j >= 2) {
          const t = (row[j - 2] as number) + (split[j] as number);
          if (t < v) v = t;
        }
        const i = (next[j - 1] as number) + (this.ins[j - 1] as number);
        if (i < v) v = i;
        next[j] = v;
        if (v < best) best = v;
      }
      if (best > bound) continue;
      const child = node.nodes[k] as TrieNode;
      if (child.id >= 0 && (next[m] as number) <= bound) this.out.push({ id: child.id, cost: next[m] as number });
      this.walk(child, next, bound, depth + 1);
    }
  }
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
  const search = new Search(index.channel, obs);
  const root = new Float64Array(obs.length + 1);
  for (let j = 1; j <= obs.length; j++) root[j] = (root[j - 1] as number) + (search.ins[j - 1] as number);
  for (const bound of COST_BOUNDS) {
    search.out = [];
    search.walk(index.root, root, bound);
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
