import { describe, expect, it } from 'vitest';
import { LEARNT_CHANNEL } from '../src/candidates/channel.generated.js';
import { opCost, PRIOR_CHANNEL } from '../src/candidates/channel.js';
import { buildReadingIndex, COST_BOUNDS, readings } from '../src/candidates/ocr.js';
import { Search } from '../src/candidates/search.js';
import { buildTrie } from '../src/candidates/trie.js';
import { defaultModel } from '../src/index.js';

const TOKENS = ['thyc', 'hién', 'c6', '16n', 'nim', 'trudng', 'kinh', 'xa', 'hdi', 'PHAN', '1a', 'Ð@ng', 'nghiép', 'thuonghieu', 'o'];

describe('OCR readings', () => {
  it.each([
    ['learnt', LEARNT_CHANNEL],
    ['prior', PRIOR_CHANNEL],
  ])('are the same with the search cut by each letter’s least cost as without (%s channel)', (_, channel) => {
    const model = defaultModel();
    const cut = buildReadingIndex(model, channel);
    const full = { ...buildReadingIndex(model, channel), nonNegative: false };
    expect(cut.nonNegative).toBe(true);
    for (const token of TOKENS) expect(readings(cut, model, token)).toEqual(readings(full, model, token));
  });

  it('a narrowed search finds every word as cheap as the cheapest it seeks, and those within its floor', () => {
    const model = defaultModel();
    const trie = buildTrie(model);
    const costsOf = (o: string) => Float64Array.from(trie.alphabet, (c) => opCost(LEARNT_CHANNEL, c, o));
    const widest = COST_BOUNDS[COST_BOUNDS.length - 1] as number;
    for (const token of TOKENS) {
      const full = new Search(trie, LEARNT_CHANNEL, token.toLowerCase(), costsOf, true);
      full.search(widest);
      const all = full.within(widest);
      // Each word found is found at the cost `costOf` gives it.
      for (const r of all.slice(0, 5)) expect(full.costOf(model.lm.vocab[r.id] as string)).toBe(r.cost);
      const skip = new Set(all.slice(0, 2).map((r) => r.id));
      const floor = Math.max(0, ...all.slice(0, 2).map((r) => r.cost));
      for (const want of [0, 1, 5, 20]) {
        const narrow = new Search(trie, LEARNT_CHANNEL, token.toLowerCase(), costsOf, true);
        narrow.search(widest, want, skip, floor);
        const sought = all.filter((r) => !skip.has(r.id)).map((r) => r.cost);
        const cut = want === 0 ? floor : Math.max(floor, [...sought].sort((a, b) => a - b)[want - 1] ?? widest);
        expect(narrow.within(cut)).toEqual(full.within(cut));
        expect(narrow.enough()).toBe(sought.length >= want);
      }
    }
  });

  it('are not cut so when a cost is negative', () => {
    const channel = { ...PRIOR_CHANNEL, ops: { a: { '4': -1 } } };
    expect(buildReadingIndex(defaultModel(), channel).nonNegative).toBe(false);
  });

  it('found within a bound are those a walk within a wider bound reaches within it, in the same order', () => {
    const trie = buildTrie(defaultModel());
    const costsOf = (o: string) => Float64Array.from(trie.alphabet, (c) => opCost(LEARNT_CHANNEL, c, o));
    const widest = COST_BOUNDS[COST_BOUNDS.length - 1] as number;
    for (const token of TOKENS) {
      const wide = new Search(trie, LEARNT_CHANNEL, token.toLowerCase(), costsOf, true);
      wide.search(widest);
      for (const bound of COST_BOUNDS) {
        const narrow = new Search(trie, LEARNT_CHANNEL, token.toLowerCase(), costsOf, true);
        narrow.search(bound);
        expect(wide.within(bound)).toEqual(narrow.within(bound));
      }
    }
  });
});
