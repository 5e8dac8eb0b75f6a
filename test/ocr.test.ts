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
