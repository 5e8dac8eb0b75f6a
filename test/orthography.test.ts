import { describe, expect, it } from 'vitest';
import { baseLetter, composeLetter, decomposeLetter, MARKED_LETTERS } from '../src/orthography/letters.js';
import { addTone, couldBeSyllable, isValidSyllable, parseSyllable, setToneStyle, toneStyleOf } from '../src/orthography/syllable.js';
import { stripDiacritics } from '../src/strip.js';

const ROWS: [string, string][] = [
  ['a', 'aàáảãạ'],
  ['ă', 'ăằắẳẵặ'],
  ['â', 'âầấẩẫậ'],
  ['e', 'eèéẻẽẹ'],
  ['ê', 'êềếểễệ'],
  ['i', 'iìíỉĩị'],
  ['o', 'oòóỏõọ'],
  ['ô', 'ôồốổỗộ'],
  ['ơ', 'ơờớởỡợ'],
  ['u', 'uùúủũụ'],
  ['ư', 'ưừứửữự'],
  ['y', 'yỳýỷỹỵ'],
];
const PLAIN: Record<string, string> = { ă: 'a', â: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u' };

describe('letter table', () => {
  const cases = ROWS.flatMap(([letter, row]) =>
    [...row].flatMap((ch, tone) => [
      { ch, letter, tone },
      { ch: ch.toUpperCase(), letter: letter.toUpperCase(), tone },
    ]),
  );
  it.each(cases)('$ch = $letter + tone $tone', ({ ch, letter, tone }) => {
    expect(decomposeLetter(ch)).toEqual({ letter, tone });
    expect(composeLetter(letter, tone as 0)).toBe(ch);
    const plain = PLAIN[letter.toLowerCase()] ?? letter.toLowerCase();
    expect(baseLetter(ch)).toBe(ch === ch.toUpperCase() ? plain.toUpperCase() : plain);
    expect(stripDiacritics(ch)).toBe(baseLetter(ch));
    expect(stripDiacritics(ch.normalize('NFD'))).toBe(baseLetter(ch));
  });
  it('covers 134 marked letters: 120 toned vowels, 12 toneless ă â ê ô ơ ư, đ Đ', () => {
    expect(MARKED_LETTERS.length).toBe(12 * 5 * 2 + 6 * 2 + 2);
    expect(stripDiacritics('Đường đi')).toBe('Duong di');
  });
  it('leaves everything else alone', () => {
    const s = 'Số 88/NQ-HĐND, 8,16% — ñ ç 中文 😀 \u0000\n';
    expect(stripDiacritics(s)).toBe('So 88/NQ-HDND, 8,16% — ñ ç 中文 😀 \u0000\n');
  });
  it('rejects non-strings', () => {
    expect(() => stripDiacritics(42 as unknown as string)).toThrow(TypeError);
  });
});

describe('syllables', () => {
  it.each([
    ['quyết', 'qu', 'yêt', 2],
    ['giường', 'gi', 'ương', 1],
    ['gì', 'g', 'i', 1],
    ['nghiệp', 'ngh', 'iêp', 5],
    ['hoạch', 'h', 'oach', 5],
    ['khuỷu', 'kh', 'uyu', 3],
    ['yêu', '', 'yêu', 0],
    ['ước', '', 'ươc', 2],
    ['kỹ', 'k', 'y', 4],
    ['thuở', 'th', 'uơ', 3],
    ['giêng', 'g', 'iêng', 0],
    ['đồng', 'đ', 'ông', 1],
  ])('%s → %s + %s, tone %i', (word, onset, rhyme, tone) => {
    expect(parseSyllable(word)).toEqual({ onset, rhyme, tone });
  });
  it.each(['ka', 'ci', 'gha', 'ngi', 'quu', 'hoạck', 'tàp', 'hỏc', 'bcd', 'xyz', 'ăn' + 'g'.repeat(2), 'iên'])(
    '%s is not a syllable',
    (word) => expect(isValidSyllable(word)).toBe(false),
  );
  it.each(['Kinh', 'TẾ', 'xã', 'hội', 'năm', 'tăng', 'trưởng', 'Dương', 'ĐẦU', 'tư', 'quý', 'lý', 'oản', 'khuya'])(
    '%s is a syllable',
    (word) => expect(isValidSyllable(word)).toBe(true),
  );
  it.each([
    ['duong', true],
    ['doc', true],
    ['NGUOI', true],
    ['khuya', true],
    ['usr', false],
    ['share', false],
    ['quilt', false],
    ['configure', false],
    ['bit', true],
  ])('bare %s could be a syllable once marked: %s', (letters, could) => expect(couldBeSyllable(letters)).toBe(could));
});

describe('tone placement', () => {
  it.each([
    ['hòa', 'hoà'],
    ['khỏe', 'khoẻ'],
    ['thủy', 'thuỷ'],
    ['Hòa', 'Hoà'],
    ['THỦY', 'THUỶ'],
    ['tòa', 'toà'],
  ])('%s (old) ↔ %s (new)', (oldForm, newForm) => {
    expect(setToneStyle(newForm, 'old')).toBe(oldForm);
    expect(setToneStyle(oldForm, 'new')).toBe(newForm);
    expect(toneStyleOf(oldForm)).toBe('old');
    expect(toneStyleOf(newForm)).toBe('new');
  });
  it.each(['hoàn', 'quý', 'giá', 'ngoài', 'thuyền', 'mùa', 'tài', 'người', 'hoạch'])('%s is the same in both', (w) => {
    expect(setToneStyle(w, 'new')).toBe(w);
    expect(setToneStyle(w, 'old')).toBe(w);
    expect(toneStyleOf(w)).toBeUndefined();
  });
  it.each([
    ['hoa', 1, 'old', 'hòa'],
    ['hoa', 1, 'new', 'hoà'],
    ['nghiêp', 5, 'old', 'nghiệp'],
    ['quy', 2, 'old', 'quý'],
    ['gi', 1, 'old', 'gì'],
    ['gia', 2, 'old', 'giá'],
    ['ngoai', 1, 'new', 'ngoài'],
    ['Viêt', 5, 'old', 'Việt'],
  ] as const)('addTone(%s, %i, %s) = %s', (toneless, tone, style, out) => {
    expect(addTone(toneless, tone, style)).toBe(out);
  });
  it('refuses a tone the rhyme cannot take', () => {
    expect(addTone('hoc', 3, 'old')).toBeUndefined();
  });
});
