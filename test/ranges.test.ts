import { describe, expect, it } from 'vitest';
import { train } from '../src/index.js';
import { indexTables, type NgramTables } from '../src/model/lm.js';
import { find } from '../src/model/ranges.js';

const CORPUS = ['Tình hình kinh tế - xã hội năm 2023 tiếp tục ổn định và phát triển.', 'Kế hoạch phát triển kinh tế năm 2024 của tỉnh.'];

/** The tables with bigrams and trigrams in reverse order (trigram contexts following their bigrams). */
function reversed(t: NgramTables): NgramTables {
  const nb = t.biNext.length;
  const rev = <T extends Uint32Array | Float32Array>(a: T) => a.slice().reverse() as T;
  return {
    ...t,
    biPrev: rev(t.biPrev),
    biNext: rev(t.biNext),
    biLogProb: rev(t.biLogProb),
    biBackoff: rev(t.biBackoff),
    triContext: rev(t.triContext.map((c) => nb - 1 - c)),
    triNext: rev(t.triNext),
    triLogProb: rev(t.triLogProb),
  };
}

describe('ranges', () => {
  it('finds every bigram and trigram, and nothing else, from tables in any order', () => {
    const lm = train(CORPUS).lm;
    const shuffled = indexTables(reversed(lm));
    for (let i = 0; i < lm.biNext.length; i++) {
      const at = find(shuffled.bigrams, lm.biPrev[i] as number, lm.biNext[i] as number);
      expect(shuffled.biLogProb[at]).toBe(lm.biLogProb[i]);
      expect(find(lm.bigrams, lm.biPrev[i] as number, lm.biNext[i] as number)).toBe(i);
    }
    for (let i = 0; i < lm.triNext.length; i++) {
      const ctx = lm.triContext[i] as number;
      const moved = find(shuffled.bigrams, lm.biPrev[ctx] as number, lm.biNext[ctx] as number);
      expect(shuffled.triLogProb[find(shuffled.trigrams, moved, lm.triNext[i] as number)]).toBe(lm.triLogProb[i]);
      expect(find(lm.trigrams, ctx, lm.triNext[i] as number)).toBe(i);
    }
    expect(find(lm.bigrams, 1, lm.vocab.length + 5)).toBe(-1);
    expect(find(lm.bigrams, lm.vocab.length, 3)).toBe(-1);
    expect(find(lm.trigrams, -1, 3)).toBe(-1);
  });
});
