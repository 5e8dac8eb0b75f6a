import { setToneStyle } from '../orthography/syllable.js';
import type { Token } from '../tokenize/index.js';

/** Reserved vocabulary entries, the same ids in every model. */
export const UNK = 0;
export const BOS = 1;
export const EOS = 2;
export const NUM = 3;
export const SPECIAL = ['<unk>', '<s>', '</s>', '<num>'] as const;

const SENTENCE_END = new Set(['.', '!', '?', '…']);

/**
 * Brackets and quotation marks stay in a sentence as words of the language model (other punctuation inside a
 * sentence is left out, as white space is): what follows one seldom hangs on the word before it. Development
 * sets: Debian message catalogs 4,787 → 4,660 errors, LibreOffice help (10 % of its lines for training)
 * 22,392 → 22,051; government leave-one-out 1,594 → 1,596 and OCR lines 1–400 240 → 240. Commas and dashes
 * were tried too and left out: they cost the government documents 3 % and 1 %. A slash between words (`đồng/ha`,
 * `tạ/ha`, `và/hoặc`) is one too: what follows it is most often a unit (`đồng/ha` had read `đồng/hà`); folds
 * 001–003 793 → 792 errors, OCR dev 174 → 171, the LibreOffice help, maintainers' guide and Debian catalogs unchanged.
 */
const BOUNDS = new Set(['(', ')', '[', ']', '“', '”', '"', '‘', '’', "'", '/']);

/**
 * The form a word takes inside the language model: NFC, lower case, tone in the old style.
 * @example normalizeWord('HOÀ') // 'hòa'
 */
export function normalizeWord(word: string): string {
  return setToneStyle(word.normalize('NFC').toLowerCase(), 'old');
}

/**
 * The language-model key of a token: a normalized word, `<num>` for numbers, codes and links,
 * the character for punctuation, `undefined` for tokens the model skips (spaces, footnote marks).
 */
export function tokenKey(token: Token): string | undefined {
  switch (token.kind) {
    case 'word':
    case 'path':
      return normalizeWord(token.text);
    case 'number':
    case 'code':
    case 'link':
      return SPECIAL[NUM];
    case 'punct':
      return token.text;
    default:
      return undefined;
  }
}

/** Does a line that begins with this token begin a new sentence? Only a lower-case word continues one. */
function startsSentence(next: Token | undefined): boolean {
  return next?.kind !== 'word' || next.text[0] !== next.text[0]?.toLowerCase();
}

/**
 * Group token indices into sentences for the language model. A sentence ends at `.`, `!`, `?`,
 * at a blank line, and at a line break followed by a capital, a number or a symbol; a line break
 * followed by a lower-case word (a wrapped line) does not end it. Spaces, footnote marks and
 * punctuation inside a sentence are left out, but for brackets and quotation marks (see {@link BOUNDS}):
 * on held-out government documents the model does better without commas breaking up its contexts.
 */
export function sentences(tokens: readonly Token[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  const flush = () => {
    if (current.length > 0) out.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'space') {
      // A one-character space (nearly all of them) is no line break unless it is '\n'.
      if (t.text.length === 1 && t.text.charCodeAt(0) !== 0x0a) continue;
      let breaks = 0;
      for (let at = t.text.indexOf('\n'); at >= 0 && breaks < 2; at = t.text.indexOf('\n', at + 1)) breaks++;
      if (breaks >= 2 || (breaks === 1 && startsSentence(tokens[i + 1]))) flush();
      continue;
    }
    if (t.kind === 'footnote' || (t.kind === 'punct' && !SENTENCE_END.has(t.text) && !BOUNDS.has(t.text))) continue;
    current.push(i);
    if (t.kind === 'punct' && SENTENCE_END.has(t.text)) flush();
  }
  flush();
  return out;
}
