import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restore, stripDiacritics } from '../src/index.js';
import { firstSentenceCut, lastSentenceCut, lastSentenceEnd, lastTokenStart } from '../src/normalize/cut.js';

describe('lastSentenceCut', () => {
  it.each([
    ['nam 2023\nKe hoach', 0, 9], // a capital begins a sentence
    ['nam 2023\nke hoach', 0, -1], // a wrapped line: no cut
    ['nam 2023\n\nke hoach', 0, 10], // a blank line ends a paragraph
    ['nam 2023\n  - ke hoach', 0, 11], // after the line's indentation, at a symbol
    ['a\nB\nc\nD', 0, 6], // the last place
    ['a\nB\nc\nD', 7, -1], // none at or after `from`
    ['nam 2023\n', 0, -1], // nothing after the break: what follows is unknown
    ['nam 2023\r\n2024', 0, 10], // CRLF, a number begins a sentence
    ['Viet\nĐông', 0, 5], // a marked capital
  ])('%j from %i → %i', (text, from, expected) => {
    expect(lastSentenceCut(text, from)).toBe(expected);
  });

  it.each([
    ['a\nB\nc\nD', 0, 2],
    ['a\nB\nc\nD', 3, 6], // the next place
    ['a\nB\nc\nD', 2, 2], // `from` itself
    ['nam 2023\nke hoach\n', 0, -1],
    ['a\n\n  b', 0, 5], // after the blank line's white space
  ])('firstSentenceCut %j from %i → %i', (text, from, expected) => {
    expect(firstSentenceCut(text, from)).toBe(expected);
  });

  it('looks at a long run of white space once, not once per line break in it', () => {
    // Quadratic before: 30 k line breaks at the end of a text took 14 s to restore; this would not finish.
    const text = `và\n${'\n'.repeat(200_000)}`;
    expect(firstSentenceCut(text, 10)).toBe(-1);
    expect(lastSentenceCut(text, 0)).toBe(-1);
    expect(restore(text)).toBe(text);
  });

  it.each([
    ['mot. Hai ba', 0, 5],
    ['mot. Hai! Ba bon', 0, 10], // the last
    ['mot. Hai ba', 6, -1],
    ['mot hai ba', 0, -1], // no sentence end
    ['mot.  \n Hai', 0, 8], // after all the white space
    ['mot. ', 0, -1], // nothing after it
  ])('lastSentenceEnd %j from %i → %i', (text, from, expected) => {
    expect(lastSentenceEnd(text, from)).toBe(expected);
  });

  it.each([
    ['mot hai ba', 0, 8],
    ['mot hai ba ', 0, 8], // a token must follow
    ['mothaiba', 0, -1],
  ])('lastTokenStart %j from %i → %i', (text, from, expected) => {
    expect(lastTokenStart(text, from)).toBe(expected);
  });

  // The held-out resolution, de-accented and wrapped at nine words a line: most lines continue a sentence.
  const words = stripDiacritics(readFileSync(new URL('../data/resolution-88-hai-duong-2023.txt', import.meta.url), 'utf8'))
    .split(/\s+/)
    .filter(Boolean);
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += 9) lines.push(words.slice(i, i + 9).join(' '));
  const text = `${lines.join('\n')}\n`;
  const whole = restore(text);
  const pieces = (cut: number) => restore(text.slice(0, cut)) + restore(text.slice(cut));

  it('cuts where the two pieces restore as the whole text does', () => {
    let checked = 0;
    for (let from = 0; from < text.length; from += Math.floor(text.length / 12)) {
      const cut = lastSentenceCut(text.slice(0, from + 4000), from);
      if (cut > 0) expect(pieces(cut)).toBe(whole), checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('a cut at a wrapped line instead may change a word (why chunks end where a sentence begins)', () => {
    const afterLine41 = lines.slice(0, 41).join('\n').length + 1; // `… cac nganh, cong` | `dong doanh nghiep …`
    expect(pieces(afterLine41)).not.toBe(whole);
  });
});
