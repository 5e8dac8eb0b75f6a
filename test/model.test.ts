import { describe, expect, it } from 'vitest';
import { loadModel, type Model, restore, serializeModel, train } from '../src/index.js';
import { MAGIC } from '../src/model/format.js';
import { MAX_VOCABULARY } from '../src/train/ngram.js';

const CORPUS = [
  'Tình hình kinh tế - xã hội năm 2023 tiếp tục ổn định và phát triển.',
  'Kế hoạch phát triển kinh tế - xã hội năm 2024 của tỉnh.',
  'Tỉnh tiếp tục thực hiện kế hoạch năm 2024.',
];

describe('train / serialize / load', () => {
  const model = train(CORPUS);
  const bytes = serializeModel(model);

  it('starts with the magic bytes and a format version', () => {
    expect([...bytes.subarray(0, 8)]).toEqual([...MAGIC]);
    expect(new DataView(bytes.buffer).getUint32(8, true)).toBe(1);
  });

  it('round-trips and restores the same way after loading', () => {
    const loaded = loadModel(bytes);
    expect(loaded.lm.vocab).toEqual(model.lm.vocab);
    const text = 'Tinh hinh kinh te - xa hoi nam 2023 tiep tuc on dinh';
    expect(restore(text, { model: loaded })).toBe(restore(text, { model }));
    expect(restore(text, { model: loaded })).toBe('Tình hình kinh tế - xã hội năm 2023 tiếp tục ổn định');
  });

  it.each([
    ['a foreign file', new TextEncoder().encode('PK\u0003\u0004 this is a zip file, not a model at all')],
    ['a truncated model', bytes.subarray(0, bytes.length - 100)],
    [
      'a model with a flipped byte',
      (() => {
        const b = bytes.slice();
        const mid = b.length >> 1;
        b[mid] = (b[mid] ?? 0) ^ 0xff;
        return b;
      })(),
    ],
    ['an empty file', new Uint8Array(0)],
  ])('rejects %s with a clear error', (_name, bad) => {
    expect(() => loadModel(bad)).toThrow(/^not a vi-restore model: /);
  });

  it('rejects a newer format version', () => {
    const b = bytes.slice();
    new DataView(b.buffer).setUint32(8, 99, true);
    expect(() => loadModel(b)).toThrow(/format version 99/);
  });

  it('trains a bigram model too', () => {
    const m2 = train(CORPUS, { order: 2, backward: false });
    expect(m2.lm.order).toBe(2);
    expect(m2.backward).toBeUndefined();
    expect(restore('ke hoach nam 2024', { model: loadModel(serializeModel(m2)) })).toBe('kế hoạch năm 2024');
  });

  it.each([[42], ['text'], [[1, 2]]])('train(%j) throws a TypeError', (bad) => {
    expect(() => train(bad as unknown as string[])).toThrow(TypeError);
  });

  it.each([
    [null, /train: options must be an object/],
    [{ order: 4 }, /options\.order must be 2 or 3/],
    [{ backward: 'yes' }, /options\.backward must be a boolean/],
    [{ inventory: 1 }, /options\.inventory must be a boolean/],
    [{ channel: 5 }, /options\.channel must be a channel/],
  ])('train(texts, %j) throws a TypeError that names the option', (options, message) => {
    expect(() => train(['Con mèo.'], options as never)).toThrow(TypeError);
    expect(() => train(['Con mèo.'], options as never)).toThrow(message);
  });

  it.each([[undefined], [5], [{}], [{ lm: {} }]])('serializeModel(%j) throws a TypeError that names it', (bad) => {
    expect(() => serializeModel(bad as unknown as Model)).toThrow(/^serializeModel: model must be/);
  });

  it('trains on a long text exactly as on its paragraphs one by one', () => {
    // Longer than the pieces the trainer tokenizes at a time, with sentences wrapped over line breaks.
    const paragraph = 'Tỉnh tiếp tục\nthực hiện kế hoạch năm 2024 và\nphát triển kinh tế.\nKế hoạch năm 2025 của tỉnh.';
    const paragraphs = Array.from({ length: 1500 }, (_, i) => `${paragraph} Lần ${i}.`);
    const whole = serializeModel(train([paragraphs.join('\n\n')]));
    expect(whole).toEqual(serializeModel(train(paragraphs)));
  });

  it('trains on one long line of sentences exactly as on its sentences one by one', () => {
    const sentences = Array.from({ length: 3000 }, (_, i) => `Tỉnh Hải Dương tiếp tục phát triển kinh tế lần ${i}.`);
    expect(serializeModel(train([sentences.join(' ')]))).toEqual(serializeModel(train(sentences)));
  });

  it('learns which code parts take a đ and keeps them through a save and load', () => {
    const m = train(['Theo Quyết định số 12/QĐ-UBND và Nghị định số 15/2020/NĐ-CP của Chính phủ.']);
    const loaded = loadModel(serializeModel(m));
    expect([...(loaded.codeParts ?? [])].sort()).toEqual([
      ['nd', 'nđ'],
      ['qd', 'qđ'],
    ]);
    expect(restore('Quyet dinh so 7/QD-TTg, Nghi dinh 9/ND-CP', { model: loaded })).toBe('Quyết định số 7/QĐ-TTg, Nghị định 9/NĐ-CP');
  });

  it('learns from training whether a lone word in capitals is a code or a word, and keeps it through a save and load', () => {
    // Help text: words in capitals stand for what the user types (SỐ, TÊN); a code (GUI) stays a code.
    const help = train([
      'dùng SỐ dòng đầu tiên',
      'in TÊN tệp ra',
      'đọc SỐ byte từ tệp',
      'giao diện GUI của chương trình',
      'số dòng và tên tệp',
    ]);
    const loaded = loadModel(serializeModel(help));
    expect(loaded.abbreviations?.wordShare).toBeCloseTo(3 / 4);
    expect([...(loaded.abbreviations?.codes ?? [])]).toEqual(['gui']);
    expect(restore('in SO dong dau tien cua TEN tep', { model: loaded })).toBe('in SỐ dòng đầu tiên của TÊN tệp');
    expect(restore('giao dien GUI cua tep', { model: loaded })).toBe('giao diện GUI của tệp');
    // Government text: such words are codes (thuế VAT), and so are those training never showed there.
    const gov = train(['nộp thuế VAT đúng hạn', 'nhà máy BOT của tỉnh', 'vốn ODA và thuế'], { background: false });
    expect(gov.abbreviations?.wordShare).toBe(0);
    expect(restore('von ODA, thue VAT va DAN', { model: gov })).toBe('vốn ODA, thuế VAT và DAN');
  });

  it('learns from training whether syllables inside identifiers are code or words, and keeps it through a save and load', () => {
    // Translated help text: placeholders are Vietnamese words (<tên_tệp>), names of code stay code (bfd_mach_o).
    const help = train([
      'dùng --target=<tên_bfd> để chọn',
      'đọc <tên_tệp> và <số_dòng>',
      'hàm bfd_mach_o_read bị lỗi',
      'tên tệp và số dòng',
    ]);
    const loaded = loadModel(serializeModel(help));
    expect([...(loaded.identifiers?.words ?? [])]).toEqual(['ten']); // <tên_tệp>, <số_dòng>: all syllables, no identifier
    expect([...(loaded.identifiers?.codes ?? [])].sort()).toEqual(['mach', 'o']);
    expect(restore('doc <ten_bfd>, ham bfd_mach_o_write bi loi', { model: loaded })).toBe('đọc <tên_bfd>, hàm bfd_mach_o_write bị lỗi');
    // Government text shows no identifiers: every one stays code, while words joined by `_` are restored.
    const gov = train(['vốn đầu tư của tỉnh', 'nhà máy của tỉnh']);
    expect(gov.identifiers?.wordShare).toBe(0);
    expect(restore('von dau_tu cua GTK_CAN_DEFAULT', { model: gov })).toBe('vốn đầu_tư của GTK_CAN_DEFAULT');
  });

  it('learns from training whether words glued to numbers are codes or words, and keeps it through a save and load', () => {
    // A program's help text: placeholders are marked words glued to numbers (SỐ1); government prose: units (5ha).
    const help = train(['expr SỐ1 + SỐ2', 'so sánh CHUỖI1 với CHUỖI2', 'số và chuỗi']);
    const loaded = loadModel(serializeModel(help));
    expect([...(loaded.glued?.words ?? [])].sort()).toEqual(['chuoi', 'so']);
    expect(restore('expr SO1 - SO2', { model: loaded })).toBe('expr SỐ1 - SỐ2');
    const gov = train(['diện tích 5ha đất', 'đường dây 110kV và khí thải', 'số liệu có khí thải']);
    expect(gov.glued?.wordShare).toBe(0);
    expect(restore('khi thai CO2 va so lieu', { model: gov })).toBe('khí thải CO2 và số liệu');
  });

  it('trains from any iterable of texts, such as a generator reading one file at a time', () => {
    function* texts() {
      yield* CORPUS;
    }
    expect(serializeModel(train(texts()))).toEqual(bytes);
  });

  it('keeps the vocabulary within its limit: the rarest words become unknown', () => {
    const rare = Array.from({ length: MAX_VOCABULARY }, (_, i) => `x${i.toString(36)}`.replace(/\d/g, (d) => 'abcdefghij'[+d] as string));
    const big = train([`${CORPUS.join('\n')}\n${rare.join(' ')}`]);
    expect(big.lm.vocab.length).toBeLessThanOrEqual(MAX_VOCABULARY);
    expect(big.lm.ids.has('kinh')).toBe(true);
    expect(restore('ke hoach nam 2024', { model: big })).toBe('kế hoạch năm 2024');
  });

  it('probabilities of a context sum to about one', () => {
    const { lm } = model;
    const ctx = lm.ids.get('kinh') as number;
    let total = 0;
    const v = lm.vocab.length;
    for (let w = 0; w < v; w++) {
      const bi = [...lm.biPrev.keys()].find((i) => lm.biPrev[i] === ctx && lm.biNext[i] === w);
      total += Math.exp(bi !== undefined ? (lm.biLogProb[bi] as number) : (lm.uniBackoff[ctx] as number) + (lm.uniLogProb[w] as number));
    }
    expect(total).toBeGreaterThan(0.98);
    expect(total).toBeLessThan(1.02);
  });
});
