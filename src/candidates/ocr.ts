import type { Model } from '../model/index.js';
import { stripDiacritics } from '../strip.js';
import { type Channel, opCost } from './channel.js';

/** Largest channel cost (nats) of a reading worth proposing, and how many readings to keep. */
export const MAX_COST = 14;
export const MAX_READINGS = 12;

interface TrieNode {
  children: Map<string, TrieNode>;
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
  const root: TrieNode = { children: new Map(), id: -1 };
  for (const [id, word] of model.lm.vocab.entries()) {
    if (!LETTERS.test(word)) continue;
    let node = root;
    for (const ch of word) {
      let next = node.children.get(ch);
      if (!next) {
        next = { children: new Map(), id: -1 };
        node.children.set(ch, next);
      }
      node = next;
    }
    node.id = id;
  }
  return { root, channel, cache: new Map() };
}

function walk(index: ReadingIndex, node: TrieNode, row: Float64Array, obs: string, out: Reading[]): void {
  const m = obs.length;
  for (const [c, child] of node.children) {
    const next = new Float64Array(m + 1);
    const del = opCost(index.channel, c, '');
    next[0] = (row[0] as number) + del;
    let best = next[0] as number;
    for (let j = 1; j <= m; j++) {
      let v = (row[j] as number) + del;
      v = Math.min(v, (row[j - 1] as number) + opCost(index.channel, c, obs[j - 1] as string));
      if (j >= 2) v = Math.min(v, (row[j - 2] as number) + opCost(index.channel, c, obs.slice(j - 2, j)));
      v = Math.min(v, (next[j - 1] as number) + opCost(index.channel, '', obs[j - 1] as string));
      next[j] = v;
      if (v < best) best = v;
    }
    if (best > MAX_COST) continue;
    if (child.id >= 0 && (next[m] as number) <= MAX_COST) out.push({ id: child.id, cost: next[m] as number });
    walk(index, child, next, obs, out);
  }
}

/**
 * Every vocabulary word the observed OCR token could have been, cheapest first: exact unaccented
 * matches at cost 0, then channel readings within {@link MAX_COST}.
 * @example readings(index, 'c6') // [{ id: <có>, cost: 1.2 }, …]
 */
export function readings(index: ReadingIndex, model: Model, token: string): Reading[] {
  const obs = token.normalize('NFC').toLowerCase();
  const cached = index.cache.get(obs);
  if (cached) return cached;
  const out: Reading[] = [];
  const root = new Float64Array(obs.length + 1);
  for (let j = 1; j <= obs.length; j++) root[j] = (root[j - 1] as number) + opCost(index.channel, '', obs[j - 1] as string);
  walk(index, index.root, root, obs, out);
  const exact = new Set(model.lexicon.get(stripDiacritics(obs)) ?? []);
  for (const r of out) if (exact.has(r.id)) r.cost = 0;
  for (const id of exact) if (!out.some((r) => r.id === id)) out.push({ id, cost: 0 });
  out.sort((a, b) => a.cost - b.cost);
  const kept = out.slice(0, Math.max(MAX_READINGS, exact.size));
  index.cache.set(obs, kept);
  return kept;
}
