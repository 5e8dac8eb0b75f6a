import { describe, expect, it } from 'vitest';
import { LEARNT_CHANNEL } from '../src/candidates/channel.generated.js';
import { PRIOR_CHANNEL } from '../src/candidates/channel.js';
import { buildReadingIndex, readings } from '../src/candidates/ocr.js';
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
});
