import type { Model } from '../model/index.js';
import { isValidSyllable, matchCase } from '../orthography/syllable.js';
import { stripDiacritics } from '../strip.js';
import type { Token } from '../tokenize/index.js';

/**
 * Abbreviations are 2 to this many capitals. Longer ones are mostly no syllable at all (`UBND`, `THPT`)
 * and need no rule, while a longer word in capitals that is one (`CHUA`, `KHONG`) is a stressed word.
 */
export const MAX_ABBREVIATION = 3;

const CAPITALS = new RegExp(`^[A-Z]{2,${MAX_ABBREVIATION}}$`);
const LOWER_CASE = /\p{Ll}/u;

/** The nearest word to the left (`dir` -1) or right (+1) of token `i` on the same line, if any. */
function neighbour(tokens: readonly Token[], i: number, dir: -1 | 1): Token | undefined {
  for (let j = i + dir; j >= 0 && j < tokens.length; j += dir) {
    const t = tokens[j] as Token;
    if (t.kind === 'word') return t;
    if (t.kind === 'space' && t.text.includes('\n')) return undefined;
  }
  return undefined;
}

/**
 * Is word `i` in an abbreviation's place: two or three capitals (marks aside) in a line of lower-case
 * words, with no word in capitals beside it? A run of capitals (`THONG QUA`) or a line in capitals is a
 * heading, not such a place.
 * @example inAbbreviationPlace(tokenize('thue VAT 10%'), 2) // true
 */
export function inAbbreviationPlace(tokens: readonly Token[], i: number): boolean {
  if (!CAPITALS.test(stripDiacritics((tokens[i] as Token).text))) return false;
  const left = neighbour(tokens, i, -1);
  const right = neighbour(tokens, i, 1);
  if (!left && !right) return false;
  return (!left || LOWER_CASE.test(left.text)) && (!right || LOWER_CASE.test(right.text));
}

/**
 * Is word `i` an unmarked word (`VAT`, `BOT`, `HDT`) in an abbreviation's place? What it is then, a code
 * that may gain a `đ` and nothing else, or a word in capitals (`SO` for `SỐ` in a program's help text),
 * training decides: see {@link isCode}.
 * @example isAbbreviation(tokenize('thue VAT 10%'), 2) // true
 */
export function isAbbreviation(tokens: readonly Token[], i: number): boolean {
  const { text } = tokens[i] as Token;
  // Most words are too long or start in lower case: no regular expression for them.
  if (text.length < 2 || text.length > MAX_ABBREVIATION || text.charCodeAt(0) > 0x5a) return false;
  return CAPITALS.test(text) && inAbbreviationPlace(tokens, i);
}

/**
 * Is word `i` glued to a number, with no space between (`CO2`, `H2O`, `12A3`, `5ha`, `SỐ1`)? Such a word is part of
 * a formula, code or unit, or (in a program's help text) a placeholder: what training showed decides (see
 * `Model.glued` and {@link isCode}).
 * @example gluedToNumber(tokenize('khi CO2'), 2) // true
 */
export function gluedToNumber(tokens: readonly Token[], i: number): boolean {
  return tokens[i - 1]?.kind === 'number' || tokens[i + 1]?.kind === 'number';
}

/** What training showed in abbreviations' places, by letters (lower case, no marks). */
export interface AbbreviationFacts {
  /** Letters seen there more often as a marked word (`số`, `tên`): a word in capitals. */
  words: Set<string>;
  /** Letters seen there at least as often without a mark but `đ` (`vat`, `hđt`): a code. */
  codes: Set<string>;
  /** Of all the words in such places, the share that were marked words. */
  wordShare: number;
}

/**
 * Is the abbreviation with these letters (lower case, no marks) a code, to gain nothing but a `đ`?
 * Yes if training saw these letters there as one; no if it saw them as a word; else yes when most
 * words training saw there were codes, as in government documents (`VAT`, `GDP`, `HĐND`), and no
 * when most were words, as in a program's help text (`SỐ`, `TÊN`, `CỠ`). A model without such facts
 * takes every abbreviation for a code.
 * @example isCode(model.abbreviations, 'vat') // true
 */
export function isCode(facts: AbbreviationFacts | undefined, letters: string): boolean {
  if (!facts || facts.codes.has(letters)) return true;
  if (facts.words.has(letters)) return false;
  return facts.wordShare < 0.5;
}

/** Is this text one apostrophe: `'`, `’` or `ʼ`? (Char codes, not a set of strings: no hashing.) */
function isApostrophe(text: string): boolean {
  if (text.length !== 1) return false;
  const c = text.charCodeAt(0);
  return c === 0x27 || c === 0x2019 || c === 0x2bc;
}

/** Is token `j` an apostrophe with a word right behind it (`dir` -1) or after it (+1)? */
function apostropheWith(tokens: readonly Token[], j: number, dir: -1 | 1): boolean {
  const t = tokens[j];
  return t !== undefined && isApostrophe(t.text) && tokens[j + dir]?.kind === 'word';
}

/**
 * Is word `i` part of a word spelt with an apostrophe (`don't`, `O'Brien`, `l'Oréal`)? Vietnamese never
 * writes one inside a word, so such a word is foreign and is left as it is.
 * @example inApostropheWord(tokenize("don't"), 0) // true
 */
export function inApostropheWord(tokens: readonly Token[], i: number): boolean {
  return apostropheWith(tokens, i - 1, -1) || apostropheWith(tokens, i + 1, 1);
}

/**
 * Does a (lower-case) form carry no mark but `đ`, the only one an abbreviation can gain?
 * @example addsOnlyDStroke('hđnd') // true; addsOnlyDStroke('vật') // false
 */
export function addsOnlyDStroke(form: string): boolean {
  for (let k = 0; k < form.length; k++) {
    const c = form.charCodeAt(k);
    if (c >= 0x80 && c !== 0x111) return false;
  }
  return true;
}

/** A code's letter parts: runs of letters, marked ones included, so that `HĐND` is one part, not `H` and `ND`. */
const LETTER_PART = /\p{L}+/gu;
const MARKED = /[^\0-\x7f]/;

/**
 * A code (`88/NQ-HDND`) with the `đ` put back into each unmarked letter part that is no syllable and that
 * the model knows better with one (`HĐND`, `NĐ`, `QĐ`): as codes in the training text wrote it, else, of the
 * part's forms as a word that add nothing but `đ`, the most frequent, if it is more frequent than the part as
 * written. A part that already has a mark (`HĐND`) stays as written. Digits, separators and case stay as they are.
 * @example codeWithDStroke(model, '88/NQ-HDND') // '88/NQ-HĐND'
 * @example codeWithDStroke(model, '88/NQ-HĐND') // '88/NQ-HĐND' (not `HĐNĐ`)
 */
export function codeWithDStroke(model: Model, code: string): string {
  const { lexicon, lm, codeParts } = model;
  return code.replace(LETTER_PART, (part) => {
    if (MARKED.test(part)) return part;
    const lower = part.toLowerCase();
    const learnt = codeParts?.get(lower);
    if (learnt) return matchCase(part, learnt);
    const ids = lexicon.get(lower);
    // A part that is a syllable (`DA`, `TU`) may be a word's initials or a word: its word forms say nothing.
    if (!ids || isValidSyllable(lower)) return part;
    let best = -1;
    let asWritten = Number.NEGATIVE_INFINITY;
    for (const id of ids) {
      const form = lm.vocab[id] as string;
      if (form === lower) asWritten = lm.uniLogProb[id] as number;
      else if (addsOnlyDStroke(form) && (best < 0 || (lm.uniLogProb[id] as number) > (lm.uniLogProb[best] as number))) best = id;
    }
    if (best < 0 || (lm.uniLogProb[best] as number) <= asWritten) return part;
    return matchCase(part, lm.vocab[best] as string);
  });
}
