import { describe, expect, it } from 'vitest';
import { loadModel, restore, restoreDetailed, serializeModel, train, wordCounts } from '../src/index.js';
import { BACKGROUND_WEIGHT, backgroundCounts, backgroundOf } from '../src/train/background.js';

const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);

describe('backgroundOf: how a unigram spreads its reserved mass', () => {
  it.each([
    ['no word has a count: even', ['<s>', 'x', 'y', 'z'], new Map<string, number>(), [0.25, 0.25, 0.25, 0.25]],
    [
      'one word has a count: it takes the background share',
      ['a', 'b'],
      new Map([['a', 9]]),
      [(1 - BACKGROUND_WEIGHT) / 2 + BACKGROUND_WEIGHT, (1 - BACKGROUND_WEIGHT) / 2],
    ],
    [
      'counts weigh by their square root',
      ['a', 'b'],
      new Map([
        ['a', 9],
        ['b', 1],
      ]),
      [(1 - BACKGROUND_WEIGHT) / 2 + (BACKGROUND_WEIGHT * 3) / 4, (1 - BACKGROUND_WEIGHT) / 2 + BACKGROUND_WEIGHT / 4],
    ],
    [
      'words outside the vocabulary take nothing',
      ['a', 'b'],
      new Map([
        ['a', 1],
        ['zzz', 100],
      ]),
      [(1 - BACKGROUND_WEIGHT) / 2 + BACKGROUND_WEIGHT, (1 - BACKGROUND_WEIGHT) / 2],
    ],
  ])('%s', (_, vocab, counts, expected) => {
    const got = backgroundOf(vocab, counts);
    expect(got).toHaveLength(expected.length);
    for (const [i, p] of expected.entries()) expect(got[i]).toBeCloseTo(p, 12);
    expect(sum(got)).toBeCloseTo(1, 12);
  });

  it('the built-in counts are the government documents’ words, commonest first', () => {
    const counts = [...backgroundCounts()];
    expect(counts.length).toBeGreaterThan(1000);
    expect(counts.every(([w, c]) => /^\p{L}+$/u.test(w) && Number.isInteger(c) && c > 0)).toBe(true);
    expect(counts.map(([, c]) => c)).toEqual(counts.map(([, c]) => c).sort((x, y) => y - x));
    expect(backgroundCounts().get('của')).toBeGreaterThan(backgroundCounts().get('cua') ?? 0);
    expect(sum(backgroundOf(['của', 'các', 'và', 'xyz']))).toBeCloseTo(1, 12);
  });
});

describe('train: the background decides between forms the training text never showed', () => {
  const text = ['Con mèo nằm trên ghế.', 'Con chó chạy ngoài sân.'];
  it.each([
    ['cua', 'của'],
    ['duoc', 'được'],
    ['nhung', 'những'],
    ['tinh', 'tỉnh'],
  ])('%s → %s with the background, and not by chance without it', (input, output) => {
    expect(restore(input, { model: train(text) })).toBe(output);
    expect(restore(input, { model: train(text, { background: false }) })).not.toBe(output);
  });

  it('proposes no form only the background knows where the training text showed one, also after a save and load', () => {
    const model = train(['Bắt cua ngoài đồng.']);
    for (const m of [model, loadModel(serializeModel(model))]) {
      const [token] = restoreDetailed('cua', { model: m });
      expect(token?.output).toBe('cua');
      expect(token?.alternatives).toEqual([]);
    }
  });

  it('leaves what the training text shows to the training text', () => {
    const model = train(['Con cua bò ngang.', 'Con cua ở dưới nước.', 'Bắt cua ngoài đồng.']);
    expect(restore('con cua bo ngang', { model })).toBe('con cua bò ngang');
  });
});

describe('wordCounts and a background of your own', () => {
  it.each([
    [
      'words in lower case, NFC',
      ['Của dân, do dân.', 'CỦA'],
      [
        ['của', 2],
        ['dân', 2],
        ['do', 1],
      ],
    ],
    [
      'numbers, codes and punctuation are no words',
      ['Năm 2023: 88/NQ-HĐND (tỉnh).'],
      [
        ['năm', 1],
        ['tỉnh', 1],
      ],
    ],
    ['decomposed input counts as composed', ['cu\u0309a'], [['của', 1]]],
    ['nothing', [], []],
  ])('%s', (_, texts, expected) => {
    expect([...wordCounts(texts as string[])].sort()).toEqual([...(expected as [string, number][])].sort());
  });

  it('train takes it in place of the built-in counts', () => {
    const text = ['Con mèo nằm trên ghế.'];
    expect(restore('cua', { model: train(text, { background: wordCounts(['Con cua bò ngang.']) }) })).toBe('cua');
    expect(restore('cua', { model: train(text) })).toBe('của');
  });

  it.each([
    ['a string', 'of'],
    ['an array', [['của', 1]]],
    ['a map with a negative count', new Map([['của', -1]])],
    ['a map with a count that is no number', new Map([['của', '1']])],
  ])('train rejects a background that is %s with a TypeError naming it', (_, background) => {
    expect(() => train(['a'], { background: background as never })).toThrow(/options\.background/);
  });

  it('wordCounts rejects what is no list of strings', () => {
    expect(() => wordCounts('text' as never)).toThrow(TypeError);
    expect(() => wordCounts([1] as never)).toThrow(/texts must be strings/);
  });
});
