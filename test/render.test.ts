import { describe, expect, it } from 'vitest';
import type { ToneStyle } from '../src/orthography/syllable.js';
import { copyCasePattern } from '../src/render/index.js';

/** Token, model form, tone style, output; `|` between cases. */
const CASES = [
  'PHAN phần old PHẦN|HOA hòa new HOÀ|DÂN dân old DÂN',
  'Phan phần old Phần|Hoa hòa old Hòa|A á old Á|Đây đây old Đây',
  'phan phần old phần|hoa hòa new hoà|1A lá old lá|1a là old là|c6 có old có',
]
  .flatMap((line) => line.split('|'))
  .map((c) => c.split(' ') as [string, string, ToneStyle, string]);

describe('copyCasePattern', () => {
  it.each(CASES)('%s + %s (%s) → %s, the same when asked again', (token, form, style, output) => {
    expect(copyCasePattern(token, form, style)).toBe(output);
    expect(copyCasePattern(token, form, style)).toBe(output);
  });
});

/** The first, plainer version: the reference the one-pass scan must agree with. */
function reference(token: string, word: string): string {
  const letters = [...token].filter((ch) => ch.toLowerCase() !== ch.toUpperCase());
  const upper = letters.filter((ch) => ch === ch.toUpperCase()).length;
  if (letters.length >= 2 && upper === letters.length) return word.toUpperCase();
  const first = letters[0];
  if (first !== undefined && first === first.toUpperCase() && token.search(/\p{L}/u) === 0) return word[0]?.toUpperCase() + word.slice(1);
  return word;
}

describe('copyCasePattern on random tokens', () => {
  it('agrees with the plain version', () => {
    const alphabet = [...'aAzZ16&¢€$-ơƠđĐẦầßǅ𝐀ªº'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 3000; n++) {
      const token = Array.from({ length: 1 + Math.floor(random() * 5) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(copyCasePattern(token, 'phần', 'old')).toBe(reference(token, 'phần'));
    }
  });
});
