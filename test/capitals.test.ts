import { describe, expect, it } from 'vitest';
import { loadModel, restore, serializeModel, train } from '../src/index.js';

describe('names: a capitalised word inside a sentence takes the forms names take', () => {
  // `đồng` is the commoner word, but capitalised inside a sentence these letters are `Đông`. (No background: in
  // so small a corpus it would decide the unseen `hoa`.)
  const corpus = ['Cánh đồng lúa. Một đồng tiền. Hội đồng tỉnh.', 'Huyện Đông Anh. Vùng Đông Nam.'];
  const model = train(corpus, { background: false });

  it.each([
    ['lua Dong Hoa', 'lúa Đông Hoa'],
    ['lua dong hoa', 'lúa đồng hoa'], // lower case: no name, the commoner word
  ])('%s → %s', (input, output) => {
    expect(restore(input, { model })).toBe(output);
  });

  it('keeps its counts through a save and load; a model without them still loads and restores', () => {
    const loaded = loadModel(serializeModel(model));
    expect(loaded.capitals?.capital).toEqual(model.capitals?.capital);
    expect(restore('lua Dong Hoa', { model: loaded })).toBe('lúa Đông Hoa');
    const { capitals: _, ...older } = model;
    const withoutCounts = loadModel(serializeModel(older));
    expect(withoutCounts.capitals).toBeUndefined();
    expect(restore('lua Dong Hoa', { model: withoutCounts })).toBe('lúa Đồng Hoa');
  });
});
