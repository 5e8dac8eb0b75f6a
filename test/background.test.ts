import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel, restore, restoreDetailed, serializeModel, train, wordCounts } from '../src/index.js';
import type { LanguageModel } from '../src/model/lm.js';
import { find } from '../src/model/ranges.js';
import { BACKGROUND_WEIGHT, backgroundCounts, backgroundOf, PAIR_WEIGHT, pairsOf } from '../src/train/background.js';

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

  it('the built-in counts are the words and word pairs of the government documents and the general text, commonest first', () => {
    const counts = [...backgroundCounts()];
    expect(counts.filter(([w]) => !w.includes(' ')).length).toBeGreaterThan(1000);
    expect(counts.filter(([w]) => w.includes(' ')).length).toBeGreaterThan(5000);
    expect(counts.every(([w, c]) => /^\p{L}+( \p{L}+)?$/u.test(w) && Number.isInteger(c) && c > 0)).toBe(true);
    expect(backgroundCounts().get('hội đồng')).toBeGreaterThan(10);
    // The generated text is exactly wordCounts of its three documents (never seed 000) and of data/background/.
    const docs = ['resolution-412-hung-yen-2023.txt', 'action-programme-hai-duong-red-river-2023.txt', 'report-hai-duong-h1-2024.txt'];
    const general = readdirSync(new URL('../data/background/', import.meta.url))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => `background/${f}`);
    const read = (d: string) => readFileSync(new URL(`../data/${d}`, import.meta.url), 'utf8');
    const counted = wordCounts(general.map(read), wordCounts(docs.map(read)));
    expect(new Map([...backgroundCounts()].sort())).toEqual(new Map([...counted].sort()));
    const words = counts.filter(([w]) => !w.includes(' ')).map(([, c]) => c);
    expect(words).toEqual([...words].sort((x, y) => y - x));
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

  it('proposes the background’s common words beside the training text’s, not its rare ones, also after a save and load', () => {
    const background = new Map([
      ['của', 5],
      ['cùa', 1],
    ]);
    const model = train(['Bắt cua ngoài đồng.'], { background });
    expect(model.info.backgroundWords).toBe(1);
    for (const m of [model, loadModel(serializeModel(model))]) {
      const [token] = restoreDetailed('cua', { model: m });
      const forms = [token?.output, ...(token?.alternatives ?? []).map((a) => a.text)].sort();
      expect(forms).toEqual(['cua', 'của']);
    }
    const none = train(['Bắt cua ngoài đồng.'], { background: false });
    expect(restoreDetailed('cua', { model: none })[0]?.alternatives).toEqual([]);
  });

  it.each([
    ['a syllable the inventory lacks but the spelling rules accept', 'huế', 1],
    ['no syllable by the rules', 'ubnd', 0],
  ])('proposes a common background word that is %s (%s): %i', (_, word, words) => {
    const model = train(['Con mèo nằm trên ghế.'], { background: new Map([[word, 8]]) });
    expect(model.info.backgroundWords ?? 0).toBe(words);
    expect(model.lm.ids.has(word)).toBe(words === 1);
  });

  it.each([
    ['Chu tich UBND tinh Nguyen Van Binh phat bieu', 'Chủ tịch UBND tỉnh Nguyễn Văn Bình phát biểu'],
    ['ba Tran Thi Lan va ong Le Van Hung', 'bà Trần Thị Lan và ông Lê Văn Hùng'],
  ])('the built-in model restores common names (the general names list): %s', (input, output) => {
    expect(restore(input)).toBe(output);
  });

  it('the built-in model proposes Huế, which the inventory lacks and the general text shows', () => {
    const [token] = restoreDetailed('Hue');
    const forms = [token?.output, ...(token?.alternatives ?? []).map((a) => a.text)];
    expect(forms).toContain('Huế');
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
        ['của dân', 1],
        ['do', 1],
        ['do dân', 1],
      ],
    ],
    [
      'a pair is two words with only a space between them on one line',
      ['Nhân  dân\nhọp, bàn (việc) làm'],
      [
        ['nhân', 1],
        ['dân', 1],
        ['nhân dân', 1],
        ['họp', 1],
        ['bàn', 1],
        ['việc', 1],
        ['làm', 1],
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
    [
      'a word capitalised inside a sentence is counted under its capitalised key too (not at a sentence start)',
      ['ông Lê Văn. Lê'],
      [
        ['ông', 1],
        ['lê', 2],
        ['Lê', 1],
        ['văn', 1],
        ['Văn', 1],
        ['ông lê', 1],
        ['lê văn', 1],
      ],
    ],
    ['nothing', [], []],
  ])('%s', (_, texts, expected) => {
    expect([...wordCounts(texts as string[])].sort()).toEqual([...(expected as [string, number][])].sort());
  });

  it('a name the background shows capitalised is proposed where its letters are commoner as another word', () => {
    const text = ['Con mèo nằm trên ghế.'];
    const dust = 'bụi bụi bụi bụi bụi bụi bụi bụi bụi bụi bụi.';
    // Bùi is 2 of 13 words `bui` in both; capitalised in one, so that there it is the commonest name of its letters.
    const named = train(text, { background: wordCounts(['ông Bùi An nói. ông Bùi Bình nói.', dust]) });
    const unnamed = train(text, { background: wordCounts(['ông bùi an nói. ông bùi bình nói.', dust]) });
    expect(restore('ông Bui An, bui', { model: named })).toBe('ông Bùi An, bụi');
    expect(restore('ông Bui An, bui', { model: unnamed })).toBe('ông Bụi An, bụi');
    // A line that opens with a run of capitalised words takes the names' forms too.
    expect(restore('Bui An noi', { model: named })).toBe('Bùi An nói');
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

  it('wordCounts rejects what is no list of strings, and a start that is no map', () => {
    expect(() => wordCounts('text' as never)).toThrow(TypeError);
    expect(() => wordCounts([1] as never)).toThrow(/texts must be strings/);
    expect(() => wordCounts(['a'], [['a', 1]] as never)).toThrow(/start must be a Map/);
  });

  it('wordCounts adds to the counts it starts from, leaving them as they were', () => {
    const start = new Map([
      ['dân', 5],
      ['của dân', 2],
    ]);
    const counts = wordCounts(['Của dân'], start);
    expect(counts).toEqual(
      new Map([
        ['của', 1],
        ['của dân', 3],
        ['dân', 6],
      ]),
    );
    expect([...start]).toEqual([
      ['dân', 5],
      ['của dân', 2],
    ]);
    expect(wordCounts(['ngoẻo'], backgroundCounts()).size).toBe(backgroundCounts().size + 1);
  });
});

describe('train: the background pairs decide what follows a word the training text showed', () => {
  // Training shows `cho` but no form of `ban`; two backgrounds count the same words, and differ in one pair.
  const text = ['Con mèo cho ăn.', 'Ông phát biểu.'];
  const words: [string, number][] = [
    ['cho', 6],
    ['bàn', 5],
    ['bạn', 5],
    ['làm', 5],
  ];
  it.each([
    ['cho bạn', 'cho ban', 'cho bạn'],
    ['cho bàn', 'cho ban', 'cho bàn'],
    ['bàn làm', 'ban lam', 'bàn làm'],
    ['bạn làm', 'ban lam', 'bạn làm'],
  ])('with the pair %s: %s → %s', (pair, input, output) => {
    const model = train(text, { background: new Map([...words, [pair, 5]]) });
    expect(restore(input, { model })).toBe(output);
    expect(restore(input, { model: loadModel(serializeModel(model)) })).toBe(output);
  });

  it.each([
    [
      'keeps the pairs of words in the vocabulary, read either way',
      ['<s>', 'của', 'dân', 'do'],
      { 'của dân': 3, 'của do': 1, 'dân xyz': 5, dân: 9 },
      undefined,
      { forward: [1 * 4 + 2, 1 * 4 + 3], backward: [2 * 4 + 1, 3 * 4 + 1], prob: [0.75, 0.25] },
    ],
    [
      // a·4+b = 6, a·4+c = 7, then of the two seen once the lower key: b·4+c = 11 (c·4+a = 13 left out)
      'keeps only the commonest pairs past its limit, the same ones read either way',
      ['<s>', 'a', 'b', 'c'],
      { 'a b': 5, 'b c': 1, 'c a': 1, 'a c': 3 },
      3,
      { forward: [6, 7, 11], backward: [9, 13, 14], prob: [5 / 8, 3 / 8, 1] },
    ],
  ])('pairsOf %s', (_, vocab, counts, limit, expected) => {
    const map = new Map(Object.entries(counts));
    const forward = pairsOf(vocab, map, false, limit);
    expect([...(forward?.keys ?? [])]).toEqual(expected.forward);
    expect([...(forward?.prob ?? [])]).toEqual(expected.prob);
    expect([...(pairsOf(vocab, map, true, limit)?.keys ?? [])]).toEqual(expected.backward);
  });

  it('pairsOf weighs the words with pairs after them, and finds none in words alone', () => {
    const forward = pairsOf(['<s>', 'của', 'dân'], new Map([['của dân', 2]]));
    expect([...(forward?.weight ?? [])]).toEqual([0, PAIR_WEIGHT, 0]);
    expect(pairsOf(['<s>', 'dân'], new Map([['dân', 2]]))).toBeUndefined();
  });
});

describe('with or without a background, every context gives a distribution that sums to 1', () => {
  const text = ['Hội đồng nhân dân tỉnh họp. Hội đồng quyết nghị.', 'Nhân dân tỉnh đồng tình. Tỉnh họp hội đồng.'];
  /** P(w | a, b) for every word w, by the model's back-off formula. */
  const next = (lm: LanguageModel, a: number, b: number) =>
    lm.vocab.map((_, w) => {
      const bi = find(lm.bigrams, b, w);
      const lower = bi >= 0 ? (lm.biLogProb[bi] as number) : (lm.uniBackoff[b] as number) + (lm.uniLogProb[w] as number);
      const ctx = find(lm.bigrams, a, b);
      if (ctx < 0) return Math.exp(lower);
      const tri = find(lm.trigrams, ctx, w);
      return Math.exp(tri >= 0 ? (lm.triLogProb[tri] as number) : (lm.biBackoff[ctx] as number) + lower);
    });
  it.each([
    ['the built-in background', {}],
    ['no background', { background: false }],
    ['a background of its own', { background: wordCounts(['Nhân dân họp bàn.']) }],
  ])('%s', (_, options) => {
    const { lm, backward } = train(text, options);
    for (const model of [lm, backward as LanguageModel]) {
      expect(model.uniLogProb.reduce((s, p) => s + Math.exp(p), 0)).toBeCloseTo(1, 4);
      const id = (w: string) => model.ids.get(w) as number;
      for (const [a, b] of [
        ['hội', 'đồng'],
        ['nhân', 'dân'],
        ['tỉnh', 'họp'],
        ['dân', 'xyz'],
      ]) {
        const total = next(model, id(a as string), model.ids.get(b as string) ?? id('tỉnh')).reduce((s, p) => s + p, 0);
        expect(total).toBeCloseTo(1, 4);
      }
    }
  });
});
