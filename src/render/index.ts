import { remembered } from '../memo.js';
import { normalizeWord } from '../normalize/index.js';
import { matchCase, setToneStyle, type ToneStyle, toneStyleOf } from '../orthography/syllable.js';
import type { Token } from '../tokenize/index.js';

/** Does a word hold a character past ASCII? (A word of ASCII letters carries no mark and shows no tone style.) */
function beyondAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 0x80) return true;
  return false;
}

/**
 * Copy the case of `template` onto `word`, letter by letter (same length): lower, Capitalised,
 * ALL CAPS and mixed patterns all survive.
 * @example copyCase('HAI', 'hải') // 'HẢI'
 */
export function copyCase(template: string, word: string): string {
  if (template.length !== word.length || template === template.toLowerCase()) return word;
  return matchCase(template, word);
}

/** A model form (old style) written in the new style; remembered, as a text repeats its words. */
const inNewStyle = remembered((form) => setToneStyle(form, 'new'));

/**
 * The tone convention a word shows, if any (only a marked word can); remembered, as a text repeats its words.
 * @example styleOfWord('Hoà') // 'new'
 */
export const styleOfWord = remembered((word) => toneStyleOf(word.normalize('NFC')));

/**
 * How many more of the words show the new tone convention (hoà, thuỷ) than the old (hòa, thủy): the
 * balance of parts of a text add up to the whole's.
 */
export function toneBalance(tokens: readonly Token[]): number {
  let balance = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || !beyondAscii(t.text)) continue;
    const style = styleOfWord(t.text);
    if (style) balance += style === 'new' ? 1 : -1;
  }
  return balance;
}

/**
 * The tone convention a text's balance (see {@link toneBalance}) points to; `fallback` when it points to neither.
 * @example styleFrom(0, 'model') // 'model'
 */
export function styleFrom<T>(balance: number, fallback: T): ToneStyle | T {
  return balance > 0 ? 'new' : balance < 0 ? 'old' : fallback;
}

/**
 * Write the chosen model form in place of the input word: the input's case, the requested tone
 * convention. A word the model would leave as it is comes back byte for byte, unless `convert` (the style
 * was asked for) and its marks are placed the other way (`Hoà` with the old style: `Hòa`).
 * @example renderWord('Hoa', 'hòa', 'new') // 'Hoà'
 * @example renderWord('Hoà', 'hòa', 'old', true) // 'Hòa'
 */
export function renderWord(input: string, form: string, style: ToneStyle, convert = false): string {
  const plain = plainCase(input, form);
  if (plain === SAME) return input;
  if (plain === NOT_PLAIN) return (MARKED_RENDERERS[style === 'old' ? 0 : 1][convert ? 1 : 0] as Renderer)(`${form}\t${input}`);
  // As copyCase would: a lower-case word takes the form as it is.
  const word = style === 'old' ? form : inNewStyle(form);
  return plain === UPPER && input.length === word.length ? matchCase(input, word) : word;
}

type Renderer = (key: string) => string;

/** {@link renderWord} for a word that is not plain ASCII letters, given `form\tinput`. */
function renderMarked(style: ToneStyle, convert: boolean): Renderer {
  return remembered((key) => {
    const tab = key.indexOf('\t');
    const form = key.slice(0, tab);
    const input = key.slice(tab + 1);
    const nfc = input.normalize('NFC');
    if (normalizeWord(nfc) === form && !(convert && toneStyleOf(nfc.toLowerCase()) === (style === 'old' ? 'new' : 'old'))) return input;
    return copyCase(nfc, style === 'old' ? form : inNewStyle(form));
  });
}

/** Per style (old, new) and `convert` (no, yes): marked words' renderings, remembered (a text repeats its words). */
const MARKED_RENDERERS = [
  [renderMarked('old', false), renderMarked('old', true)],
  [renderMarked('new', false), renderMarked('new', true)],
] as const;

/** What {@link plainCase} found. */
const SAME = 0;
const LOWER_CASE = 1;
const UPPER = 2;
const NOT_PLAIN = 3;

/**
 * For a word of ASCII letters: is it `form` in some case (SAME), else is it all lower case (LOWER_CASE) or
 * not (UPPER)? NOT_PLAIN for any other word. One pass over the characters, no string made.
 */
function plainCase(input: string, form: string): number {
  let same = input.length === form.length;
  let upper = false;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const lower = c | 0x20;
    if (lower < 0x61 || lower > 0x7a) return NOT_PLAIN;
    if (c !== lower) upper = true;
    if (same && form.charCodeAt(i) !== lower) same = false;
  }
  return same ? SAME : upper ? UPPER : LOWER_CASE;
}

/** What {@link caseShape} finds: the token is ALL CAPS, Capitalised, or neither. */
const ALL_CAPS = 1;
const CAPITALISED = 2;
const AS_IS = 3;
const LEADING_LETTER = /^\p{L}/u;

/**
 * The case pattern of an OCR token, counting only cased letters (digits and symbols misread for letters have
 * no case): ALL CAPS with two or more, all upper case; Capitalised when the first is upper case and the token
 * starts with a letter. One pass; a character is looked at as a string only past ASCII.
 */
function caseShape(token: string): number {
  let letters = 0;
  let upper = 0;
  let firstUpper = false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    let cased: boolean;
    let isUpper: boolean;
    if (c < 0x80) {
      cased = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
      isUpper = c < 0x61;
    } else {
      const ch = String.fromCodePoint(token.codePointAt(i) as number);
      i += ch.length - 1;
      cased = ch.toLowerCase() !== ch.toUpperCase();
      isUpper = ch === ch.toUpperCase();
    }
    if (!cased) continue;
    if (letters === 0) firstUpper = isUpper;
    letters++;
    if (isUpper) upper++;
  }
  if (letters >= 2 && upper === letters) return ALL_CAPS;
  return firstUpper && LEADING_LETTER.test(token) ? CAPITALISED : AS_IS;
}

/**
 * Write a model form (lower case, old tone style, as every model stores its words) with the case pattern
 * of an OCR token whose letters may differ from it: ALL CAPS when the token has two or more letters, all
 * upper case; Capitalised when its first letter is; else lower.
 * @example copyCasePattern('PHAN', 'phần', 'old') // 'PHẦN'
 */
export function copyCasePattern(token: string, form: string, style: ToneStyle): string {
  const word = style === 'old' ? form : inNewStyle(form);
  const shape = caseShape(token);
  if (shape === ALL_CAPS) return word.toUpperCase();
  if (shape === CAPITALISED) return word[0]?.toUpperCase() + word.slice(1);
  return word;
}
