import { describe, expect, it } from 'vitest';
import { markTrust } from '../src/candidates/weigh.js';
import {
  endsInStop,
  hasTone,
  isMarked,
  MAX_RATE,
  markingRate,
  PARTLY_MAX,
  PARTLY_MIN,
  partialRate,
  WRITTEN_SCALE,
  writtenBonus,
} from '../src/candidates/written.js';
import { restore, stripDiacritics, train } from '../src/index.js';
import { analyse } from '../src/restore.js';
import { tokenize } from '../src/tokenize/index.js';

describe('word tests', () => {
  it.each([
    ['đang', true, false, false],
    ['dang', false, false, false],
    ['học', true, true, true],
    ['hoc', false, true, false],
    ['thưc', true, true, false],
    ['sách', true, true, true],
    ['sach', false, true, false],
    ['ĐẸP', true, true, true],
    ['hôm', true, false, false],
    ['tiếng', true, false, true],
    ['hoà', true, false, true],
  ])('%s: marked %s, ends in a stop %s, has a tone %s', (word, marked, stop, toned) => {
    expect(isMarked(word)).toBe(marked);
    expect(endsInStop(word)).toBe(stop);
    expect(hasTone(word)).toBe(toned);
  });

  it('reads a decomposed word', () => {
    expect(hasTone('học'.normalize('NFD'))).toBe(true);
    expect(isMarked('học'.normalize('NFD'))).toBe(true);
  });
});

describe('markingRate', () => {
  it.each([
    [0, [0.9, 0.8], 0, 0, 0], // a bare text
    [0, [], 0, 0, 0],
    [10, [], 0, 0, MAX_RATE], // every word marked
    [5, [1, 1, 1, 1, 1], 0, 0, 0.5], // half the words left bare that could not be bare by nature
  ])('marked %i, bare chances %j, prior %d × %d → %d', (marked, chances, prior, weight, rate) => {
    expect(markingRate(marked, chances, prior, weight)).toBeCloseTo(rate, 6);
  });

  it('takes a bare word that may well be bare by nature for one', () => {
    expect(markingRate(10, [0.5])).toBeCloseTo(MAX_RATE, 6);
    expect(markingRate(10, [0.5])).toBeGreaterThan(markingRate(10, [1]));
  });

  it('pulls a sentence toward its text', () => {
    const alone = markingRate(1, [1, 1, 1]);
    const pulled = markingRate(1, [1, 1, 1], 0.9, 10);
    expect(alone).toBeCloseTo(0.25, 6);
    expect(pulled).toBeGreaterThan(0.6);
    expect(markingRate(0, [0.9, 0.9], 0.9, 10)).toBeGreaterThan(0);
  });
});

describe('partialRate', () => {
  it.each([
    [0, 40, PARTLY_MIN],
    [0, 0, PARTLY_MIN],
    [40, 40, PARTLY_MAX],
    [10, 38, 0.25],
  ])('%i toneless of %i ending in a stop → %d', (toneless, stops, rate) => {
    expect(partialRate(toneless, stops)).toBeCloseTo(rate, 6);
  });
});

describe('writtenBonus', () => {
  it('weighs all forms alike for a bare word in a bare text', () => {
    expect(writtenBonus(3, 0, false, 0, PARTLY_MIN)).toBeUndefined();
  });

  it('favours the form as written, a bare one by the marking rate', () => {
    const bonus = writtenBonus(3, 1, false, 0.9, PARTLY_MIN) as Float64Array;
    expect([...bonus].map((b) => +b.toFixed(6))).toEqual(
      [WRITTEN_SCALE * Math.log(0.1), 0, WRITTEN_SCALE * Math.log(0.1)].map((b) => +b.toFixed(6)),
    );
  });

  it("costs a bare word's forms that add a tone alone less where the text leaves tones out", () => {
    const bonus = writtenBonus(3, 0, false, 0.9, PARTLY_MAX, 1, Uint8Array.of(0, 1, 0)) as Float64Array;
    expect(bonus[1]).toBeCloseTo(WRITTEN_SCALE * Math.log(0.1 + 0.9 * (PARTLY_MAX - PARTLY_MIN)), 6);
    expect(bonus[2]).toBeCloseTo(WRITTEN_SCALE * Math.log(0.1), 6);
    // A fully marked text (the share at its floor): as any other form.
    expect((writtenBonus(3, 0, false, 0.9, PARTLY_MIN, 1, Uint8Array.of(0, 1, 0)) as Float64Array)[1]).toBeCloseTo(
      WRITTEN_SCALE * Math.log(0.1),
      6,
    );
  });

  it('favours a marked form as written by the share of words written in part, whatever the rate', () => {
    const strong = writtenBonus(2, 0, true, 0.1, PARTLY_MIN) as Float64Array;
    expect(strong[1]).toBeCloseTo(WRITTEN_SCALE * Math.log(PARTLY_MIN / (1 - PARTLY_MIN)), 6);
    expect((writtenBonus(2, 0, true, 0.1, PARTLY_MAX) as Float64Array)[1]).toBe(0);
  });
});

describe('restore on marked and mixed text', () => {
  it.each([
    'Ông ấy nói rằng chúng tôi sẽ cố gắng hơn nữa. Tôi đi học về nhà, mẹ tôi đang nấu cơm.',
    'Trời hôm nay đẹp quá, chúng ta đi chơi nhé!',
    'Sau đó, Hội đồng nhân dân tỉnh ban hành Nghị quyết số 88/NQ-HĐND về kế hoạch năm 2024.',
  ])('leaves a fully marked text as it is: %s', (text) => {
    expect(restore(text)).toBe(text);
  });

  it('restores the bare words of a partly marked text and keeps the marked ones', () => {
    expect(restore('Tình hình thực hiện ke hoach phat trien kinh tế - xã hội')).toBe(
      'Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội',
    );
    expect(restore('Tình hình kinh tế - xã hội năm 2023.\nke hoach phat trien kinh te')).toBe(
      'Tình hình kinh tế - xã hội năm 2023.\nkế hoạch phát triển kinh tế',
    );
  });

  it('weighs every form of a bare text alike, as before', () => {
    const model = train(['Tôi đi học. Tối nay tôi đi chơi. Tội phạm bị bắt.']);
    const bare = 'toi di hoc. toi nay toi di choi.';
    expect(analyse(model, bare, {}).plan.every((p) => p.lattice.every((pos) => pos.emit === undefined))).toBe(true);
    expect(stripDiacritics(restore(bare, { model }))).toBe(bare);
    // One marked word makes it a (partly) marked text.
    expect(analyse(model, `${bare} Tội`, {}).plan.some((p) => p.lattice.some((pos) => pos.emit !== undefined))).toBe(true);
  });
});

describe('markTrust: how far an OCR text marks can be trusted', () => {
  const trust = (text: string) => markTrust(tokenize(text, { ocr: true }));
  it.each([
    ['Tình hình thực hiện kế hoạch năm 2023', 1],
    ['Tinh hinh thye hién ké hoach nim 2023', 0], // one marked word in two valid: an engine that garbles marks
    ['Tinh hinh thuc hien ke hoach', 0], // no marks to judge
  ])('%s → %d', (text, expected) => {
    expect(trust(text)).toBeCloseTo(expected, 6);
  });

  it('leaves a clean text as it is in OCR mode, and still repairs a garbled one', () => {
    const clean = 'Ông ấy nói rằng chúng tôi sẽ cố gắng hơn nữa. Tôi đi học về nhà, mẹ tôi đang nấu cơm.';
    expect(restore(clean, { ocr: true })).toBe(clean);
    expect(restore('Tinh hinh thye hién ké hoach nim 2023', { ocr: true })).toBe('Tình hình thực hiện kế hoạch năm 2023');
  });
});
