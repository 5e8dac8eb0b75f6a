import { describe, expect, it } from 'vitest';
import { restore, serializeModel, stripDiacritics, train, wordCounts } from '../src/index.js';
import { sentences } from '../src/normalize/index.js';
import { tokenize } from '../src/tokenize/index.js';
import { isBareSentence } from '../src/train/corpus.js';

const bare = (text: string) => {
  const tokens = tokenize(text);
  return sentences(tokens).map((idx) => isBareSentence(tokens, idx));
};

describe('isBareSentence', () => {
  it.each([
    ['Tinh hinh kinh te nam nay.', true],
    ['Tình hình kinh tế năm nay.', false],
    ['Tình hinh kinh te nam nay.', true], // one word in six marked: less than a quarter
    ['Tình hình kinh te nam nay.', false],
    ['Tinh hinh.', false], // too short to judge
    ['See the man page for the bit flags.', false], // English: many words that could be no syllable
    ['Xem trang man để biết cờ bit.', false],
  ])('%s → %s', (text, expected) => {
    expect(bare(text)).toEqual([expected]);
  });
});

describe('training leaves out sentences written without marks', () => {
  const clean = 'Tình hình kinh tế năm nay có nhiều chuyển biến tích cực.\nKế hoạch phát triển kinh tế được thực hiện tốt.\n';
  const withBare = `${clean}${stripDiacritics(clean)}Tinh hinh kinh te nam nay con kho khan.\n`;

  it('gives the same model with the bare lines as without them, and says how many it left out', () => {
    const model = train([withBare]);
    expect(model.info.bareSentences).toBe(3);
    delete model.info.bareSentences;
    expect(serializeModel(model)).toEqual(serializeModel(train([clean])));
    expect(train([clean]).info.bareSentences).toBeUndefined();
  });

  it('counts nothing of them in a background', () => {
    expect(wordCounts([withBare])).toEqual(wordCounts([clean]));
  });

  it('restores with such a model as with a clean one', () => {
    const input = 'tinh hinh kinh te nam nay';
    expect(restore(input, { model: train([withBare]) })).toBe('tình hình kinh tế năm nay');
  });
});
