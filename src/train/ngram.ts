import type { NgramTables } from '../model/lm.js';
import { BOS, EOS } from '../normalize/index.js';
import type { PairBackground } from './background.js';

/** Modified Kneser–Ney discounts D1, D2, D3+ for one order, from its counts of counts. */
export function discounts(counts: Iterable<number>): [number, number, number] {
  const n = [0, 0, 0, 0, 0];
  for (const c of counts) if (c <= 4) n[c] = (n[c] as number) + 1;
  const [, n1, n2, n3, n4] = n as [number, number, number, number, number];
  if (!n1 || !n2 || !n3 || !n4) return [0.5, 1, 1.5];
  const y = n1 / (n1 + 2 * n2);
  const d = [1 - (2 * y * n2) / n1, 2 - (3 * y * n3) / n2, 3 - (4 * y * n4) / n3];
  return d.map((x, i) => Math.min(Math.max(x, 0.05), i + 1)) as [number, number, number];
}

/** Words a vocabulary may hold: v³ must stay below 2⁵³ for trigram keys to be exact doubles. */
export const MAX_VOCABULARY = 200_000;

function discountOf(d: [number, number, number], c: number): number {
  return c >= 3 ? d[2] : c === 2 ? d[1] : d[0];
}

/** Sorted distinct keys and how often each occurs, from a list of keys (sorted in place). */
function tally(keys: Float64Array): { keys: Float64Array; counts: Float64Array } {
  keys.sort();
  const out = new Float64Array(keys.length);
  const counts = new Float64Array(keys.length);
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    if (n > 0 && keys[i] === out[n - 1]) counts[n - 1] = (counts[n - 1] as number) + 1;
    else (out[n] = keys[i] as number), (counts[n++] = 1);
  }
  return { keys: out.slice(0, n), counts: counts.slice(0, n) };
}

/** Index of `key` in the sorted `keys`, or -1. */
function find(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid] as number;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Two sorted tallies with no key in common, merged. */
function merge(a: ReturnType<typeof tally>, b: ReturnType<typeof tally>): ReturnType<typeof tally> {
  const keys = new Float64Array(a.keys.length + b.keys.length);
  const counts = new Float64Array(keys.length);
  for (let i = 0, j = 0, n = 0; n < keys.length; n++) {
    const fromA = j >= b.keys.length || (i < a.keys.length && (a.keys[i] as number) < (b.keys[j] as number));
    keys[n] = fromA ? (a.keys[i] as number) : (b.keys[j] as number);
    counts[n] = fromA ? (a.counts[i++] as number) : (b.counts[j++] as number);
  }
  return { keys, counts };
}

/** The keys of a tally and some more (sorted), with their counts (0 for the more) and where each is in `more` (-1: not). */
function union(t: ReturnType<typeof tally>, more: Float64Array) {
  const keys: number[] = [];
  const counts: number[] = [];
  const from: number[] = [];
  let i = 0;
  let j = 0;
  while (i < t.keys.length || j < more.length) {
    const a = i < t.keys.length ? (t.keys[i] as number) : Number.POSITIVE_INFINITY;
    const b = j < more.length ? (more[j] as number) : Number.POSITIVE_INFINITY;
    keys.push(Math.min(a, b));
    counts.push(a <= b ? (t.counts[i] as number) : 0);
    from.push(b <= a ? j : -1);
    if (a <= b) i++;
    if (b <= a) j++;
  }
  return { keys: Float64Array.from(keys), counts: Float64Array.from(counts), from: Int32Array.from(from) };
}

/** The n-grams of a stream of sentences as keys (a·v + b, (a·v + b)·v + c); none spans two sentences. */
function ngramKeys(stream: Uint32Array, v: number, order: 2 | 3) {
  const bi = new Float64Array(stream.length);
  const tri = new Float64Array(order === 3 ? stream.length : 0);
  let nb = 0;
  let nt = 0;
  for (let i = 1; i < stream.length; i++) {
    const prev = stream[i - 1] as number;
    if (prev === EOS) continue;
    bi[nb++] = prev * v + (stream[i] as number);
    if (order === 3 && i >= 2 && prev !== BOS) tri[nt++] = ((stream[i - 2] as number) * v + prev) * v + (stream[i] as number);
  }
  return { bi: tally(bi.subarray(0, nb)), tri: tally(tri.subarray(0, nt)) };
}

/**
 * Per context (a word, or a bigram's index), the sum of its continuations' counts and the probability
 * mass their discounts free, from keys sorted by context.
 */
function contextTotals(t: ReturnType<typeof tally>, size: number, contextAt: (i: number) => number, d: [number, number, number]) {
  const total = new Float64Array(size);
  const mass = new Float64Array(size);
  for (let i = 0; i < t.keys.length; i++) {
    const ctx = contextAt(i);
    const c = t.counts[i] as number;
    total[ctx] = (total[ctx] as number) + c;
    mass[ctx] = (mass[ctx] as number) + discountOf(d, c);
  }
  return { total, mass };
}

/**
 * Estimate an interpolated modified Kneser–Ney model of order 2 or 3 from a stream of word ids in which
 * every sentence is wrapped in `<s>` … `</s>`, written in back-off form. Counting sorts n-gram keys in
 * typed arrays, so memory is a few bytes per running word and per distinct n-gram. The vocabulary must
 * stay under {@link MAX_VOCABULARY} words for a trigram key to be an exact number. `base`: the distribution the
 * unigram's discounted mass is spread by (one probability per word, summing to 1; default uniform); `pairs`: word
 * pairs of a background text, which take part of each context's discounted mass (see `pairsOf`).
 */
export function estimate(
  stream: Uint32Array,
  vocab: readonly string[],
  order: 2 | 3,
  base?: Float64Array,
  pairs?: PairBackground,
): NgramTables {
  const v = vocab.length;
  if (v > MAX_VOCABULARY) throw new RangeError(`estimate: ${v} words is more than ${MAX_VOCABULARY}`);
  const { bi: raw2, tri: raw3 } = ngramKeys(stream, v, order);
  // Adjusted (continuation) counts for the lower orders: a bigram's count is the number of distinct words
  // seen before it, except after <s>, where nothing can be.
  let adj2 = raw2;
  if (order === 3) {
    const suffixes = tally(raw3.keys.map((k) => k % (v * v)));
    const atStart = raw2.keys.map((k) => (Math.floor(k / v) === BOS ? 1 : 0));
    const keep = (t: ReturnType<typeof tally>, mask: Float64Array) => ({
      keys: t.keys.filter((_, i) => mask[i] === 1),
      counts: t.counts.filter((_, i) => mask[i] === 1),
    });
    adj2 = merge(suffixes, keep(raw2, atStart));
  }
  const adj1 = new Float64Array(v);
  for (const key of raw2.keys) adj1[key % v] = (adj1[key % v] as number) + 1;

  const d1 = discounts(adj1);
  let total1 = 0;
  let mass1 = 0;
  for (const c of adj1) if (c > 0) (total1 += c), (mass1 += discountOf(d1, c));
  const uni = new Float64Array(v);
  for (let w = 0; w < v; w++) {
    const c = adj1[w] as number;
    uni[w] = (c > 0 ? (c - discountOf(d1, c)) / total1 : 0) + (mass1 / total1) * (base ? (base[w] as number) : 1 / v);
  }

  const d2 = discounts(adj2.counts);
  const t2 = contextTotals(adj2, v, (i) => Math.floor((adj2.keys[i] as number) / v), d2);
  // With background pairs, a context's reserved mass goes partly by them (entries of their own where training
  // showed no such pair): lower(w | a) = (1 - μa)·uni(w) + μa·Pbg(w | a).
  const both = pairs ? union(adj2, pairs.keys) : { keys: adj2.keys, counts: adj2.counts, from: undefined };
  const biKeys = both.keys;
  const biProb = new Float64Array(biKeys.length);
  for (let i = 0; i < biKeys.length; i++) {
    const k = biKeys[i] as number;
    const ctx = Math.floor(k / v);
    const c = both.counts[i] as number;
    const tot = t2.total[ctx] as number;
    const reserved = tot > 0 ? (t2.mass[ctx] as number) / tot : 1;
    const mu = pairs ? (pairs.weight[ctx] as number) : 0;
    const bg = both.from && (both.from[i] as number) >= 0 ? (pairs?.prob[both.from[i] as number] as number) : 0;
    biProb[i] = (c > 0 ? (c - discountOf(d2, c)) / tot : 0) + reserved * ((1 - mu) * (uni[k % v] as number) + mu * bg);
  }

  const d3 = discounts(raw3.counts);
  const triKeys = raw3.keys;
  const triContext = Uint32Array.from(triKeys, (k) => find(biKeys, Math.floor(k / v)));
  const t3 = contextTotals(raw3, biKeys.length, (i) => triContext[i] as number, d3);
  const triNext = new Uint32Array(triKeys.length);
  const triLogProb = new Float32Array(triKeys.length);
  for (let i = 0; i < triKeys.length; i++) {
    const k = triKeys[i] as number;
    const w = k % v;
    const ctx = triContext[i] as number;
    const c = raw3.counts[i] as number;
    const tot = t3.total[ctx] as number;
    const lower = biProb[find(biKeys, (Math.floor(k / v) % v) * v + w)] as number;
    triNext[i] = w;
    triLogProb[i] = Math.log((c - discountOf(d3, c)) / tot + ((t3.mass[ctx] as number) / tot) * lower);
  }

  const uniBackoff = new Float32Array(v);
  for (let w = 0; w < v; w++) {
    const tot = t2.total[w] as number;
    uniBackoff[w] = Math.log((tot > 0 ? (t2.mass[w] as number) / tot : 1) * (1 - (pairs ? (pairs.weight[w] as number) : 0)));
  }
  const biBackoff = new Float32Array(biKeys.length);
  for (let b = 0; b < biKeys.length; b++)
    if ((t3.total[b] as number) > 0) biBackoff[b] = Math.log((t3.mass[b] as number) / (t3.total[b] as number));

  return {
    order,
    vocab,
    uniLogProb: Float32Array.from(uni, Math.log),
    uniBackoff,
    biPrev: Uint32Array.from(biKeys, (k) => Math.floor(k / v)),
    biNext: Uint32Array.from(biKeys, (k) => k % v),
    biLogProb: Float32Array.from(biProb, Math.log),
    biBackoff,
    triContext,
    triNext,
    triLogProb,
  };
}
