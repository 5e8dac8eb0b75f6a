import { plainLetters } from './orthography/letters.js';

/** Combining marks Vietnamese uses: grave, acute, circumflex, tilde, breve, hook, horn, dot below. */
const COMBINING_VI = /[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]/g;

/**
 * Remove every Vietnamese diacritic (tones, ă â ê ô ơ ư, đ) and nothing else.
 * Precomposed and decomposed input both work; every other character is kept as is.
 * @example stripDiacritics('Tình hình thực hiện') // 'Tinh hinh thuc hien'
 * @example stripDiacritics('ĐẦU TƯ 8,16%') // 'DAU TU 8,16%'
 */
export function stripDiacritics(text: string): string {
  if (typeof text !== 'string') throw new TypeError(`stripDiacritics: text must be a string, got ${typeof text}`);
  return plainLetters(text).replace(COMBINING_VI, '');
}
