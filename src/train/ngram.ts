import type { NgramTables } from '../model/lm.js';

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

function discountOf(d: [number, number, number], c: number): number {
  return c >= 3 ? d[2] : c === 2 ? d[1] : d[0];
}

function bump(map: Map<number, number>, key: number, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Interpolated lower-order estimates: sum of counts and discount mass per context. */
function contextTotals(counts: Map<number, number>, contextOf: (key: number) => number, d: [number, number, number]) {
  const total = new Map<number, number>();
  const mass = new Map<number, number>();
  for (const [key, c] of counts) {
    const ctx = contextOf(key);
    bump(total, ctx, c);
    bump(mass, ctx, discountOf(d, c));
  }
  return { total, mass };
}

/**
 * Estimate an interpolated modified Kneser–Ney model of order 2 or 3 from sentences of word ids
 * (each wrapped in `<s>` … `</s>` by the caller), written in back-off form.
 */
export function estimate(sentences: readonly Uint32Array[], vocab: readonly string[], order: 2 | 3): NgramTables {
  const v = vocab.length;
  const big = (a: number, b: number) => a * v + b;
  const raw2 = new Map<number, number>();
  const raw3 = new Map<number, number>();
  for (const s of sentences) {
    for (let i = 1; i < s.length; i++) {
      bump(raw2, big(s[i - 1] as number, s[i] as number));
      if (order === 3 && i >= 2) bump(raw3, big(s[i - 2] as number, s[i - 1] as number) * v + (s[i] as number));
    }
  }
  // Adjusted (continuation) counts for the lower orders.
  const adj2 = new Map<number, number>();
  if (order === 3) {
    for (const key of raw3.keys()) bump(adj2, key % (v * v));
    for (const [key, c] of raw2) if (Math.floor(key / v) === 1) adj2.set(key, c);
  } else {
    for (const [key, c] of raw2) adj2.set(key, c);
  }
  const adj1 = new Float64Array(v);
  for (const key of raw2.keys()) adj1[key % v] = (adj1[key % v] as number) + 1;

  const d1 = discounts(adj1);
  let total1 = 0;
  let mass1 = 0;
  for (const c of adj1) if (c > 0) (total1 += c), (mass1 += discountOf(d1, c));
  const uni = new Float64Array(v);
  for (let w = 0; w < v; w++) {
    const c = adj1[w] as number;
    uni[w] = (c > 0 ? (c - discountOf(d1, c)) / total1 : 0) + mass1 / total1 / v;
  }

  const d2 = discounts(adj2.values());
  const t2 = contextTotals(adj2, (k) => Math.floor(k / v), d2);
  const biKeys = [...adj2.keys()].sort((a, b) => a - b);
  const biIndex = new Map<number, number>();
  for (const [i, k] of biKeys.entries()) biIndex.set(k, i);
  const biProb = new Float64Array(biKeys.length);
  biKeys.forEach((k, i) => {
    const ctx = Math.floor(k / v);
    const c = adj2.get(k) as number;
    const tot = t2.total.get(ctx) as number;
    biProb[i] = (c - discountOf(d2, c)) / tot + ((t2.mass.get(ctx) as number) / tot) * (uni[k % v] as number);
  });

  const d3 = discounts(raw3.values());
  const t3 = contextTotals(raw3, (k) => Math.floor(k / v), d3);
  const triKeys = [...raw3.keys()].sort((a, b) => a - b);
  const triContext = new Uint32Array(triKeys.length);
  const triNext = new Uint32Array(triKeys.length);
  const triLogProb = new Float32Array(triKeys.length);
  triKeys.forEach((k, i) => {
    const ctx = Math.floor(k / v);
    const w = k % v;
    const c = raw3.get(k) as number;
    const tot = t3.total.get(ctx) as number;
    const lower = biProb[biIndex.get(big(ctx % v, w)) as number] as number;
    triContext[i] = biIndex.get(ctx) as number;
    triNext[i] = w;
    triLogProb[i] = Math.log((c - discountOf(d3, c)) / tot + ((t3.mass.get(ctx) as number) / tot) * lower);
  });

  const uniBackoff = new Float32Array(v);
  for (const [ctx, tot] of t2.total) uniBackoff[ctx] = Math.log((t2.mass.get(ctx) as number) / tot);
  const biBackoff = new Float32Array(biKeys.length);
  for (const [ctx, tot] of t3.total) biBackoff[biIndex.get(ctx) as number] = Math.log((t3.mass.get(ctx) as number) / tot);

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
