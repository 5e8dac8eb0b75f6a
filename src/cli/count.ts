const LETTER = /^\p{L}$/u;

/** Per UTF-16 code unit: 0 not yet known, 1 a letter, 2 not a letter (a surrogate is tested as its pair). */
const kinds = new Uint8Array(0x10000);

function isLetter(text: string, i: number, c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return LETTER.test(String.fromCodePoint(text.codePointAt(i) as number));
  let k = kinds[c] as number;
  if (k === 0) {
    k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    kinds[c] = k;
  }
  return k === 1;
}

/**
 * How many runs of letters (`\p{L}+`) a text holds, without building them: the syllables a progress bar
 * and a report count.
 * @example countWords('Tỉnh Hải Dương, 2023') // 3
 */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = c < 0x80 ? (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a : isLetter(text, i, c);
    if (letter && !inWord) n++;
    inWord = letter;
    if (c >= 0xd800 && c <= 0xdbff && (text.codePointAt(i) as number) > 0xffff) i++; // the pair's low half
  }
  return n;
}
