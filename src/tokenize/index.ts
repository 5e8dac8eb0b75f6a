import { markPaths } from './paths.js';

/**
 * What a token is; only `word` tokens are ever changed by the restorer. A `path` token is a word of a file path, file
 * name or command-line option (`doc` in `/usr/share/doc`, `to` in `--to`): kept as written, a word to the language model.
 */
export type TokenKind = 'word' | 'number' | 'code' | 'link' | 'path' | 'footnote' | 'space' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offset of the token's first UTF-16 unit in the input. */
  start: number;
}

/** Ordered alternatives: the first that matches at a position wins. Every character lands in one token. */
const PATTERNS: [TokenKind, RegExp][] = [
  ['link', /(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'"]/uy],
  ['link', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy],
  ['footnote', /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/uy],
  // A code is a run of digits and /- separated parts with a part that starts with a letter after a slash
  // (`88/NQ-HĐND`); matched as the run, then checked (see CODE_PART), so no backtracking.
  ['code', /\p{N}+(?:[/-][\p{L}\p{N}]+)*/uy],
  ['number', /\p{N}+(?:[.,/:]\p{N}+)*%?/uy],
  ['word', /[\p{L}\p{M}]+/uy],
  ['space', /\s+/uy],
  ['punct', /[\s\S]/uy],
];

/**
 * In OCR text a word may hold digits and symbols that stand for letters (`c6` có, `16n` lớn,
 * `nghi¢p` nghiệp, `&` ở): a run of letters, digits and such symbols with at least one letter or symbol in it.
 */
const OCR_WORD = /[\p{L}\p{M}0-9¢€&§¥©$]*[\p{L}¢€&§¥©$](?:[\p{L}\p{M}0-9¢€&§¥©$]|[’‘](?=\p{L}))*/uy;
/** What makes a run of digits and separated parts a code: a slash and a letter. */
const CODE_PART = /\/\p{L}/u;
const LETTER = /\p{L}/u;
const LAST_LETTER = /\p{L}$/u;

/**
 * Where a footnote number glued onto an OCR word starts (`thôn20` → 4): two or more digits ending the word
 * after a letter, with another letter before it; -1 if there is none. (A scan, not a backtracking regex, so a
 * long token costs linear time.)
 */
export function gluedNumberAt(word: string): number {
  let at = word.length;
  while (at > 0 && word.charCodeAt(at - 1) >= 0x30 && word.charCodeAt(at - 1) <= 0x39) at--;
  if (word.length - at < 2 || !LAST_LETTER.test(word.slice(Math.max(0, at - 2), at))) return -1;
  let letters = 0;
  for (const ch of word.slice(0, at)) if (LETTER.test(ch) && ++letters === 2) return at;
  return -1;
}

const OCR_PATTERNS: [TokenKind, RegExp][] = [...PATTERNS.slice(0, 3), ['word', OCR_WORD], ...PATTERNS.slice(3)];

type Pattern = [TokenKind, RegExp];
/** Patterns to try, by the class of the character at the position: see {@link classOf}. */
type PatternTable = Pattern[][];

enum CharClass {
  AsciiLetter = 0,
  Digit = 1,
  Space = 2,
  AsciiOther = 3,
  Other = 4,
}

/** What can start at a character, so most positions try one or two patterns, not all eight. */
function classOf(code: number): CharClass {
  if (code >= 0x80) return CharClass.Other;
  if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) return CharClass.AsciiLetter;
  if (code >= 0x30 && code <= 0x39) return CharClass.Digit;
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return CharClass.Space;
  return CharClass.AsciiOther;
}

/**
 * Kinds that cannot start at a character of each class: no footnote superscript, number or code is
 * ASCII-letter-led; a plain word never starts with an ASCII digit or symbol; white space is only space.
 * (The OCR word pattern, which may start with a digit, `&` or `$`, is listed as `ocr`, and is never dropped
 * except at white space.)
 */
const CANNOT_START: Record<CharClass, ReadonlySet<TokenKind | 'ocr'>> = {
  [CharClass.AsciiLetter]: new Set(['footnote', 'code', 'number', 'space']),
  [CharClass.Digit]: new Set(['footnote', 'word', 'space']),
  [CharClass.Space]: new Set(['link', 'footnote', 'code', 'number', 'word', 'ocr', 'punct']),
  [CharClass.AsciiOther]: new Set(['footnote', 'code', 'number', 'word', 'space']),
  [CharClass.Other]: new Set(),
};

function table(patterns: readonly Pattern[]): PatternTable {
  const kindOf = ([kind, re]: Pattern) => (re === OCR_WORD ? 'ocr' : kind);
  return [CharClass.AsciiLetter, CharClass.Digit, CharClass.Space, CharClass.AsciiOther, CharClass.Other].map((c) =>
    patterns.filter((p) => !CANNOT_START[c].has(kindOf(p))),
  );
}

const TABLES: PatternTable[] = [
  table(PATTERNS.filter(([kind]) => kind !== 'link')),
  table(PATTERNS),
  table(OCR_PATTERNS.filter(([kind]) => kind !== 'link')),
  table(OCR_PATTERNS),
];

/** Per UTF-16 code unit past ASCII: 0 not looked at yet, 1 a letter or mark, 2 neither (surrogates: see {@link wordUnit}). */
const unitKinds = new Uint8Array(0x10000);
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

const surrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

/** Is this code unit past ASCII a letter or a mark on its own (never a surrogate)? Looked up once per unit. */
function letterOrMark(c: number): boolean {
  if (surrogate(c)) return false;
  let kind = unitKinds[c] as number;
  if (kind === 0) {
    kind = LETTER_OR_MARK.test(String.fromCharCode(c)) ? 1 : 2;
    unitKinds[c] = kind;
  }
  return kind === 1;
}

/** Does this code unit continue a word (an ASCII letter, or a letter or mark past ASCII)? */
function wordUnit(c: number): boolean {
  return c < 0x80 ? (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a : letterOrMark(c);
}

/** Most tokens the array is made to hold at once (see {@link tokenize}). */
const PRESIZE_LIMIT = 1 << 24;

/**
 * May the punctuation `code` at `pos` open a path, file name or option (see `markPaths`): a `/` or `.` before an ASCII
 * letter, or `--` before one?
 */
function opensPath(text: string, pos: number, code: number): boolean {
  const next = text.charCodeAt(pos + 1);
  if (code === 0x2f || code === 0x2e) return classOf(next) === CharClass.AsciiLetter;
  return code === 0x2d && next === 0x2d && classOf(text.charCodeAt(pos + 2)) === CharClass.AsciiLetter;
}

export interface TokenizeOptions {
  /** Read OCR text: words may contain digits and symbols misread for letters. */
  ocr?: boolean;
  /**
   * Mark the words of file paths, file names and options as `path` tokens (default true, but in OCR mode): see
   * `markPaths`. Training reads them as plain words, so that what they stand next to is learnt all the same.
   */
  paths?: boolean;
}

/**
 * Split text into tokens without losing a character: joining the tokens' text gives the input back.
 * Numbers (`8,16%`, `08/12/2023`), document codes (`88/NQ-HĐND`), links, e-mail addresses and (but in OCR mode) file
 * paths, names and options (`/usr/share/doc`, `configure.ac`, `--no-group`: see `markPaths`) keep their words as `path` tokens;
 * footnote superscripts glued to a word are tokens of their own.
 * @example tokenize('chậm⁴⁴, 8,16%').map((t) => t.text) // ['chậm', '⁴⁴', ',', ' ', '8,16%']
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  // Links cannot occur in a text without '@', 'http' or 'www.': skip their patterns there.
  const links = text.includes('@') || text.includes('http') || text.includes('www.');
  const table = TABLES[(options.ocr ? 2 : 0) + (links ? 1 : 0)] as PatternTable;
  // Plain text without links: a run of ASCII letters (or spaces) that ends in ASCII is a whole word
  // (or space) token, so the regular expressions are needed only where other characters are.
  const fast = !options.ocr && !links;
  // Sized up front for a token per two characters (a syllable and a space take four or more), as growing a
  // long array step by step costs more than its tokens; past that it grows. Capped well below the length
  // from which V8 makes a preallocated array a slow (dictionary) one.
  const tokens: Token[] = new Array(Math.min((text.length >> 1) + 16, PRESIZE_LIMIT));
  let n = 0;
  let pos = 0;
  // A run that is no code holds no code further on either: no need to scan it again from each of its digits.
  let noCodeBefore = 0;
  // A `/` or `.` before an ASCII letter, or `--` before one: there may be a path, file name or option (see `markPaths`).
  let pathy = false;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    const cls = classOf(code);
    // A word of letters and marks, accented ones too: where the word pattern would end (no other pattern can
    // match before it at a letter), unless a surrogate pair is in the way.
    if (fast && (cls === CharClass.AsciiLetter || (cls === CharClass.Other && letterOrMark(code)))) {
      let end = pos + 1;
      while (end < text.length && wordUnit(text.charCodeAt(end))) end++;
      if (end === text.length || !surrogate(text.charCodeAt(end))) {
        tokens[n++] = { kind: 'word', text: text.slice(pos, end), start: pos };
        pos = end;
        continue;
      }
    }
    if (fast && cls === CharClass.Space) {
      let end = pos + 1;
      while (end < text.length && classOf(text.charCodeAt(end)) === cls) end++;
      if (end === text.length || text.charCodeAt(end) < 0x80) {
        tokens[n++] = { kind: cls === CharClass.Space ? 'space' : 'word', text: text.slice(pos, end), start: pos };
        pos = end;
        continue;
      }
    }
    // Without links, punctuation is all an ASCII symbol can start: one character, no regular expression.
    if (fast && cls === CharClass.AsciiOther) {
      tokens[n++] = { kind: 'punct', text: text.charAt(pos), start: pos };
      if (opensPath(text, pos, code)) pathy = true;
      pos++;
      continue;
    }
    for (const [kind, re] of table[cls] as Pattern[]) {
      if (kind === 'code' && pos < noCodeBefore) continue;
      re.lastIndex = pos;
      // test, not exec: no match array is made, and a sticky match ends where lastIndex is left.
      if (!re.test(text)) continue;
      const match = text.slice(pos, re.lastIndex);
      if (kind === 'code' && !CODE_PART.test(match)) {
        noCodeBefore = pos + match.length;
        continue;
      }
      const glued = options.ocr && kind === 'word' ? gluedNumberAt(match) : -1;
      if (glued > 0) {
        tokens[n++] = { kind, text: match.slice(0, glued), start: pos };
        tokens[n++] = { kind: 'number', text: match.slice(glued), start: pos + glued };
      } else tokens[n++] = { kind, text: match, start: pos };
      if (kind === 'punct' && opensPath(text, pos, code)) pathy = true;
      pos += match.length;
      break;
    }
  }
  tokens.length = n;
  // OCR text keeps its slashes and dots for the channel: `/` and `.` may be misread letters there.
  return options.ocr || options.paths === false || !pathy ? tokens : markPaths(text, tokens);
}
