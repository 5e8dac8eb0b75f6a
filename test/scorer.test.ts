import { describe, expect, it } from 'vitest';
import { ceilingsOf, decode, PLAIN_SCORE_BEAM, type Position, SCORE_BEAM } from '../src/decode/index.js';
import { nthSmallest } from '../src/decode/select.js';
import { train } from '../src/index.js';
import { mayHold, pairFilter } from '../src/model/filter.js';
import { createModel, loadModel, serializeModel } from '../src/model/index.js';
import type { LanguageModel, NgramTables } from '../src/model/lm.js';
import { createScorer } from '../src/model/scorer.js';
import { hasTwins, twinsOf, UNKNOWN } from '../src/model/twins.js';
import { BOS, EOS, NUM } from '../src/normalize/index.js';
import { sameNgrams } from '../src/train/twins.js';

const CORPUS = [
  'Tình hình kinh tế - xã hội năm 2023 tiếp tục ổn định và phát triển.',
  'Kế hoạch phát triển kinh tế - xã hội năm 2024 của tỉnh.',
  'Tỉnh tiếp tục thực hiện kế hoạch năm 2024, kinh tế tăng trưởng khá.',
  'Năm 2024 tỉnh tiếp tục thực hiện các nhiệm vụ phát triển kinh tế.',
];

/** Back-off probabilities read straight from the tables by linear search: the reference. */
function naive(t: NgramTables) {
  const bigram = (a: number, b: number) => {
    for (let i = 0; i < t.biPrev.length; i++) if (t.biPrev[i] === a && t.biNext[i] === b) return i;
    return -1;
  };
  const bi = (a: number, b: number) => {
    const i = bigram(a, b);
    return i >= 0 ? (t.biLogProb[i] as number) : (t.uniBackoff[a] as number) + (t.uniLogProb[b] as number);
  };
  const tri = (a: number | undefined, b: number, c: number) => {
    if (a === undefined || t.order === 2) return bi(b, c);
    const ctx = bigram(a, b);
    if (ctx < 0) return bi(b, c);
    for (let i = 0; i < t.triNext.length; i++) if (t.triContext[i] === ctx && t.triNext[i] === c) return t.triLogProb[i] as number;
    return (t.biBackoff[ctx] as number) + bi(b, c);
  };
  return { bi, tri };
}

/** A small seeded random number generator, so the tests see the same numbers every run. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

const swap = (x: number) => (x === EOS ? BOS : x === BOS ? EOS : x);

/** Score of a whole sentence (ids without BOS/EOS), summed the way the scorer's steps add up. */
function reference(fw: NgramTables, bw: NgramTables | undefined, words: number[]): number {
  const f = naive(fw);
  const seq = [BOS, ...words, EOS];
  let s = 0;
  for (let i = 1; i < seq.length; i++) s += f.tri(seq[i - 2], seq[i - 1] as number, seq[i] as number);
  if (!bw) return s;
  const b = naive(bw);
  const rev = seq.map(swap).reverse(); // BOS, last word, ..., first word, EOS in the backward model
  for (let i = 1; i < rev.length; i++) s += b.tri(rev[i - 2], rev[i - 1] as number, rev[i] as number);
  return s;
}

/** A corpus line's word ids (numbers as NUM, unknown words as 0). */
function ids(model: ReturnType<typeof train>, line: string): number[] {
  return line
    .toLowerCase()
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean)
    .map((w) => (/^\d+$/.test(w) ? NUM : (model.lm.ids.get(w) ?? 0)));
}

describe('scorer', () => {
  const setups = [
    ['trigram, both directions', {}],
    ['trigram, forward only', { backward: false }],
    ['bigram, both directions', { order: 2 }],
  ] as const;

  it.each(setups)('%s: step scores add up to the back-off probability of the sentence', (_, options) => {
    const model = train(CORPUS, { inventory: false, ...options });
    const scorer = createScorer(model);
    const v = model.lm.vocab.length;
    const random = lcg(7);
    // Many sentences, so the scorer's pair table grows several times and restarts between sentences.
    for (let n = 0; n < 400; n++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 30) }, () => 3 + Math.floor(random() * (v - 3)));
      const out = { state: scorer.begin() };
      let s = 0;
      for (const w of [...words, EOS]) s += scorer.score(out.state, w, out);
      expect(s).toBeCloseTo(reference(model.lm, model.backward, words), 4);
    }
  });

  it.each(setups)('%s: a scorer that keeps no pairs scores as one that does', (_, options) => {
    const model = train(CORPUS, { inventory: false, ...options });
    const keeping = createScorer(model);
    const fresh = createScorer(model, { remember: false });
    const v = model.lm.vocab.length;
    const random = lcg(5);
    for (let n = 0; n < 200; n++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 30) }, () => 3 + Math.floor(random() * (v - 3)));
      const a = { state: keeping.begin() };
      const b = { state: fresh.begin() };
      for (const w of [...words, EOS]) expect(fresh.score(b.state, w, b)).toBe(keeping.score(a.state, w, a));
    }
  });

  it.each(setups)('%s: no step scores above its ceiling', (_, options) => {
    const model = train(CORPUS, options);
    const scorer = createScorer(model);
    const v = model.lm.vocab.length;
    const random = lcg(11);
    // Mostly words of the corpus (seen n-grams, back-off weights), some from the inventory.
    const word = () => 3 + Math.floor(random() < 0.8 ? random() * 60 : random() * (v - 3));
    for (let n = 0; n < 300; n++) {
      let state = scorer.begin();
      for (let i = 0; i < 20; i++) {
        const w = word();
        const next = scorer.next(state, w);
        expect(scorer.step(state, next)).toBeLessThanOrEqual(scorer.ceiling(state, w));
        state = next;
      }
    }
  });

  it.each(setups)('%s: both directions hold the same n-grams, and what the scorer keeps of one for the other is right', (_, options) => {
    const model = train(CORPUS, options);
    const { lm: fw, backward: bw } = model;
    if (!bw) return expect(options).toEqual({ backward: false });
    expect(sameNgrams(fw, bw)).toBe(true);
    expect(hasTwins(bw)).toBe(true);
    expect(hasTwins(loadModel(serializeModel(model)).backward as LanguageModel)).toBe(true);
    const scorer = createScorer(model);
    for (const line of CORPUS) {
      const out = { state: scorer.begin() };
      for (const w of [...ids(model, line), EOS]) scorer.score(out.state, w, out);
    }
    const twins = twinsOf(fw, bw);
    let known = 0;
    // (a, b) forward is (b, a) backward, (a, b, w) is (w, b, a), sentence ends swapped.
    twins?.bigrams.forEach((twin, i) => {
      if (twin === UNKNOWN) return;
      known++;
      expect([bw.biPrev[twin], bw.biNext[twin]].map((x) => swap(x as number))).toEqual([fw.biNext[i], fw.biPrev[i]]);
    });
    twins?.trigrams?.forEach((twin, t) => {
      if (twin === UNKNOWN) return;
      known++;
      const ctx = fw.triContext[t] as number;
      const back = bw.triContext[twin] as number;
      expect([bw.biPrev[back], bw.biNext[back], bw.triNext[twin]].map((x) => swap(x as number))).toEqual([
        fw.triNext[t],
        fw.biNext[ctx],
        fw.biPrev[ctx],
      ]);
    });
    expect(known).toBeGreaterThan(20);
  });

  it('scores the corpus sentences (seen trigrams) as the reference, with twins and without', () => {
    const model = train(CORPUS, { inventory: false });
    const bw = model.backward as NgramTables;
    // The same model with one backward trigram fewer: no twins, a lookup per direction.
    const keep = bw.triNext.length - 1;
    const cut = {
      ...bw,
      triContext: bw.triContext.slice(0, keep),
      triNext: bw.triNext.slice(0, keep),
      triLogProb: bw.triLogProb.slice(0, keep),
    };
    const other = createModel(model.lm, {}, cut);
    expect(sameNgrams(other.lm, other.backward as LanguageModel)).toBe(false);
    expect(hasTwins(other.backward as LanguageModel)).toBe(false);
    expect(hasTwins(loadModel(serializeModel(other)).backward as LanguageModel)).toBe(false);
    for (const m of [model, other]) {
      const scorer = createScorer(m);
      for (const line of CORPUS) {
        const words = ids(m, line);
        const out = { state: scorer.begin() };
        let s = 0;
        for (const w of [...words, EOS]) s += scorer.score(out.state, w, out);
        expect(s).toBeCloseTo(reference(m.lm, m.backward, words), 4);
      }
    }
  });

  it('gives the same state to the same last two words, and keeps states valid as its table grows', () => {
    const model = train(CORPUS, { inventory: false });
    const scorer = createScorer(model);
    const v = model.lm.vocab.length;
    const start = scorer.begin();
    const a = { state: 0 };
    scorer.score(start, 5, a);
    const first = scorer.score(a.state, 6, a);
    const b = { state: 0 };
    for (let x = 3; x < v; x++) {
      scorer.score(start, x, b);
      for (let y = 3; y < v; y++) scorer.score(b.state, y, { state: 0 });
    }
    scorer.score(start, 5, b);
    expect(scorer.score(b.state, 6, b)).toBe(first);
    expect(b.state).toBe(a.state);
  });

  it('scores the same after its table starts afresh between sentences', () => {
    const model = train(CORPUS);
    const scorer = createScorer(model);
    const v = model.lm.vocab.length;
    const sentence = [10, 11, 12, 13];
    const sum = () => {
      const out = { state: scorer.begin() };
      return [...sentence, EOS].reduce((s, w) => s + scorer.score(out.state, w, out), 0);
    };
    const before = sum();
    // Well over the table's limit of distinct pairs, in sentences of 50 words.
    for (let n = 0; n < 2000; n++) {
      const out = { state: scorer.begin() };
      for (let i = 0; i < 50; i++) scorer.score(out.state, 3 + (((n * 50 + i) * 7919) % (v - 3)), out);
    }
    expect(sum()).toBe(before);
    expect(before).toBeCloseTo(reference(model.lm, model.backward, sentence), 4);
  });
});

describe('nthSmallest', () => {
  it.each([
    [[5, 1, 4, 2], 1, 2],
    [[3], 0, 3],
    [[2, 2, 2, 1], 2, 2],
    [[-1, -5, -3, -5, 0], 0, -5],
    [[-1, -5, -3, -5, 0], 4, 0],
  ])('%j at %i is %d', (values, k, want) => {
    expect(nthSmallest(Float64Array.from(values), values.length, k)).toBe(want);
  });

  it('agrees with sorting on random arrays with ties', () => {
    const random = lcg(3);
    for (let t = 0; t < 500; t++) {
      const n = 1 + Math.floor(random() * 60);
      const values = Array.from({ length: n }, () => Math.floor(random() * 20) - 10);
      const k = Math.floor(random() * n);
      expect(nthSmallest(Float64Array.from(values), n, k)).toBe([...values].sort((a, b) => a - b)[k]);
    }
  });
});

/** A random lattice of 1 to 12 positions, each the candidates of a word, a share of them with emission bonuses. */
function randomLattice(words: readonly Uint32Array[], random: () => number, emitShare: number): Position[] {
  return Array.from({ length: 1 + Math.floor(random() * 12) }, () => {
    const ids = words[Math.floor(random() * words.length)] as Uint32Array;
    return { ids, emit: random() < emitShare ? Float64Array.from(ids, () => -20 * random()) : undefined };
  });
}

describe('decode: skipping steps by their ceiling', () => {
  // Skipping visits a position's candidates by their ceilings, highest first; without, in their order. Where two
  // hypotheses score exactly the same, which the beam keeps depends on that order: so the candidates here come
  // in ceiling order already, and the two must then agree exactly.
  it('finds the same path with and without, on random lattices of real words with emission bonuses', () => {
    const model = train(CORPUS);
    const scorer = createScorer(model);
    const words = [...model.lexicon.values()];
    const random = lcg(11);
    for (let t = 0; t < 200; t++) {
      const lattice = randomLattice(words, random, 0.5).map(({ ids, emit }) => {
        const { order } = ceilingsOf(scorer, { ids, emit });
        return { ids: Uint32Array.from(order, (c) => ids[c] as number), emit: emit && Float64Array.from(order, (c) => emit[c] as number) };
      });
      for (const beam of [2, 24]) {
        const skipping = decode(createScorer(model), lattice, { beam, skipSteps: true });
        expect(decode(createScorer(model), lattice, { beam, skipSteps: false })).toEqual(skipping);
      }
    }
  });
});

describe('decode: the threshold beam', () => {
  it('finds no better path than exact Viterbi, and with the beams of either mode rarely a worse one', () => {
    const model = train(CORPUS);
    const words = [...model.lexicon.values()];
    const random = lcg(7);
    const scoreOf = (lattice: { ids: Uint32Array }[], path: readonly number[]) => {
      const scorer = createScorer(model);
      const out = { state: scorer.begin() };
      const ids = lattice.map((p, i) => p.ids[path[i] as number] as number);
      return [...ids, EOS].reduce((s, w) => s + scorer.score(out.state, w, out), 0);
    };
    const lost = [0, 0];
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const lattice = randomLattice(words, random, 0);
      const [exact, ...narrow] = [Number.POSITIVE_INFINITY, PLAIN_SCORE_BEAM, SCORE_BEAM].map((scoreBeam) =>
        scoreOf(lattice, decode(createScorer(model), lattice, { scoreBeam, beam: 1000, skipSteps: false })),
      ) as [number, number, number];
      narrow.forEach((score, i) => {
        expect(score).toBeLessThanOrEqual(exact + 1e-9);
        if (score < exact - 1e-9) lost[i] = (lost[i] as number) + 1;
      });
    }
    expect(lost[0]).toBeLessThan(trials / 50);
    expect(lost[1]).toBeLessThanOrEqual(lost[0] as number);
  });
});

describe('pairFilter', () => {
  it.each([0, 1, 100, 10_000])('holds every one of %i pairs and turns away most others', (n) => {
    const random = lcg(n + 1);
    const first = Uint32Array.from({ length: n }, () => Math.floor(random() * 5000));
    const second = Uint32Array.from({ length: n }, () => Math.floor(random() * 5000));
    const filter = pairFilter(first, second);
    for (let i = 0; i < n; i++) expect(mayHold(filter, first[i] as number, second[i] as number)).toBe(true);
    const held = new Set(Array.from(first, (a, i) => `${a} ${second[i]}`));
    let others = 0;
    let passed = 0;
    for (let t = 0; t < 20_000; t++) {
      const a = Math.floor(random() * 5000);
      const b = Math.floor(random() * 5000);
      if (held.has(`${a} ${b}`)) continue;
      others++;
      if (mayHold(filter, a, b)) passed++;
    }
    expect(passed / others).toBeLessThan(0.15);
  });

  it('grows with the pairs it holds: about 8 bits each, at least 1,024', () => {
    expect(pairFilter(new Uint32Array(0), new Uint32Array(0)).mask + 1).toBe(1024);
    expect(pairFilter(new Uint32Array(1000), new Uint32Array(1000)).mask + 1).toBe(8192);
  });
});

describe('ceilingsOf', () => {
  it('orders candidates by emission bonus plus word ceiling, highest first, ties in candidate order', () => {
    const model = train(CORPUS);
    const scorer = createScorer(model);
    const ids = [...model.lexicon.values()].find((list) => list.length >= 4) as Uint32Array;
    for (const emit of [undefined, Float64Array.from(ids, (_, c) => -c), Float64Array.from(ids, () => 0)]) {
      const { order, lift } = ceilingsOf(scorer, { ids, emit });
      const want = Array.from(ids, (id, c) => ({ c, value: (emit?.[c] ?? 0) + scorer.wordCeiling(id) })).sort(
        (x, y) => y.value - x.value || x.c - y.c,
      );
      expect([...order]).toEqual(want.map((x) => x.c));
      expect([...lift]).toEqual(want.map((x) => x.value));
    }
  });
});

describe('Scorer.unseen', () => {
  // A bigram model's steps all take the general way (`stepEach`), and so do its unseen ones: all declined.
  it.each([
    ['trigram, both directions', { order: 3 as const }, 2000],
    ['bigram, both directions', { order: 2 as const }, -1],
  ])('%s: is the step score to the last bit where no table holds the pair, NaN where one may', (_, options, least) => {
    const model = train(CORPUS, options);
    const scorer = createScorer(model);
    const v = model.lm.vocab.length;
    const random = lcg(5);
    let scored = 0;
    let declined = 0;
    for (let t = 0; t < 3000; t++) {
      const out = { state: scorer.begin() };
      for (let i = 0; i < 1 + Math.floor(random() * 3); i++) scorer.score(out.state, 3 + Math.floor(random() * (v - 3)), out);
      const word = 3 + Math.floor(random() * (v - 3));
      const quick = scorer.unseen(out.state, word);
      if (Number.isNaN(quick)) declined++;
      else {
        scored++;
        expect(quick).toBe(scorer.step(out.state, scorer.next(out.state, word)));
      }
    }
    expect(scored).toBeGreaterThan(least); // random pairs: nearly all unseen
    expect(declined).toBeGreaterThan(0); // a sentence's first step, and the pairs the filter cannot rule out
    for (let i = 0; i < model.lm.biPrev.length; i += 7) {
      const out = { state: scorer.begin() };
      scorer.score(out.state, model.lm.biPrev[i] as number, out);
      scorer.score(out.state, model.lm.biPrev[i] as number, out);
      expect(scorer.unseen(out.state, model.lm.biNext[i] as number)).toBeNaN();
    }
  });

  it('declines every step of a forward-only model (no twins to vouch for the backward direction)', () => {
    const model = train(CORPUS, { backward: false });
    const scorer = createScorer(model);
    const out = { state: scorer.begin() };
    scorer.score(out.state, 10, out);
    for (let w = 3; w < Math.min(model.lm.vocab.length, 200); w++) expect(scorer.unseen(out.state, w)).toBeNaN();
  });
});

describe('decode: deferring next states', () => {
  it('finds the same path with and without, on random lattices (OCR-style: skipping, emission bonuses)', () => {
    const model = train(CORPUS);
    const words = [...model.lexicon.values()];
    const random = lcg(13);
    for (let t = 0; t < 200; t++) {
      const lattice = randomLattice(words, random, 1);
      for (const beam of [2, 24]) {
        const deferring = decode(createScorer(model, { remember: false }), lattice, { beam, deferStates: true });
        expect(decode(createScorer(model, { remember: false }), lattice, { beam, deferStates: false })).toEqual(deferring);
      }
    }
  });
});
