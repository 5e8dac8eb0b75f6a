import { type AbbreviationFacts, addsOnlyDStroke, gluedToNumber, inAbbreviationPlace } from '../candidates/abbreviation.js';
import { namedCapital } from '../candidates/capitals.js';
import { IdentifierRuns } from '../candidates/identifier.js';
import { BOS, EOS, normalizeWord, SPECIAL, sentences, tokenKey } from '../normalize/index.js';
import { couldBeSyllable, isValidSyllable } from '../orthography/syllable.js';
import { styleOfWord } from '../render/index.js';
import { stripDiacritics } from '../strip.js';
import { type Token, tokenize } from '../tokenize/index.js';

const LETTERS = /\p{L}+/gu;
const BEYOND_ASCII = /\P{ASCII}/u;

/** Texts are tokenized in pieces of about this many characters, so a large corpus never holds all its tokens. */
const PIECE = 1 << 16;

/**
 * Where a piece of `text` from `start` may end, at or after `start + PIECE`: just after a sentence-ending
 * mark and a space (`. `), or after a line break that ends a sentence anyway (the next character is no white
 * space and no lower-case letter). Neither can be inside a token, so the pieces tokenize as the whole
 * would. The whole rest of the text when there is no such place.
 */
export function pieceEnd(text: string, start: number): number {
  const cut = /\n|[.!?…] /g;
  cut.lastIndex = start + PIECE;
  for (let m = cut.exec(text); m; m = cut.exec(text)) {
    const after = m.index + m[0].length;
    if (m[0] !== '\n') return after;
    const next = text[after];
    if (next === undefined) return text.length;
    if (/\S/u.test(next) && (!/[\p{L}\p{M}]/u.test(next) || next !== next.toLowerCase())) return after;
  }
  return text.length;
}

/** A sentence of at least this many words is judged by {@link isBareSentence}; a shorter one is always kept. */
export const BARE_MIN_WORDS = 3;
/** Below this share of its Vietnamese-looking words marked, a sentence is bare (fully marked text: about 0.88). */
export const BARE_MARKED_SHARE = 0.25;
/** At least this share of a sentence's words must look Vietnamese for it to be judged (an English one is kept). */
export const BARE_VIETNAMESE_SHARE = 0.8;

/**
 * Is a sentence (token indices `idx`) Vietnamese written without its marks (`Tinh hinh kinh te`)? Training leaves
 * such sentences out: they would teach that `tinh` follows nothing and `hinh` follows `tinh`, and bare forms beat
 * marked ones (on seed 003 restored by a model of 001–002, a tenth of the training lines bare took 970 errors to
 * 1,427). A sentence of English (`see the man page`: many words that could be no syllable) is kept, and so are short ones.
 * @example isBareSentence(tokens, idx) // true for 'Tinh hinh kinh te nam nay'
 */
export function isBareSentence(tokens: readonly Token[], idx: readonly number[]): boolean {
  let words = 0;
  let vietnamese = 0;
  let marked = 0;
  for (const i of idx) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') continue;
    words++;
    if (BEYOND_ASCII.test(t.text)) marked++, vietnamese++;
    else if (couldBeSyllable(t.text)) vietnamese++;
  }
  return vietnamese >= BARE_MIN_WORDS && vietnamese >= BARE_VIETNAMESE_SHARE * words && marked < BARE_MARKED_SHARE * vietnamese;
}

/**
 * Of the code parts a corpus showed, those written with a `đ` more often than without, by their plain
 * letters (`hdnd` → `hđnd`).
 */
export function codeForms(corpus: Corpus): Map<string, string> {
  const out = new Map<string, string>();
  for (const [plain, forms] of corpus.codeParts) {
    let best = plain;
    for (const [form, n] of forms) if (n > (forms.get(best) ?? 0)) best = form;
    if (best !== plain) out.set(plain, best);
  }
  return out;
}

/**
 * What the corpus showed in abbreviations' places (or inside identifiers): which letters were more often a
 * marked word there, which a code, and the share of marked words among all. `seen` maps letters to
 * [times as a code, times as a marked word].
 */
export function abbreviationFacts(seen: ReadonlyMap<string, [number, number]>): AbbreviationFacts {
  const facts: AbbreviationFacts = { words: new Set(), codes: new Set(), wordShare: 0 };
  let words = 0;
  let all = 0;
  for (const [letters, [code, word]] of seen) {
    (word > code ? facts.words : facts.codes).add(letters);
    words += word;
    all += code + word;
  }
  facts.wordShare = all > 0 ? words / all : 0;
  return facts;
}

/** Count a (lower-case) word by its letters: unmarked (first) or marked (second). */
function markedOrNot(seen: Map<string, [number, number]>, word: string): void {
  const letters = stripDiacritics(word);
  const counts = seen.get(letters) ?? [0, 0];
  counts[letters === word ? 0 : 1]++;
  seen.set(letters, counts);
}

function doubled(a: Float64Array): Float64Array {
  const grown = new Float64Array(a.length * 2);
  grown.set(a);
  return grown;
}

/**
 * Training text as one stream of word ids, each sentence as `<s> … </s>`: ids are handed out in order of
 * first appearance and counted, so the caller can renumber them (most frequent first) when done.
 */
export class Corpus {
  /** Words by provisional id; the first ids are the special tokens. */
  readonly words: string[] = [...SPECIAL];
  /** How often each provisional id occurs, and how often capitalised as a name is (see `namedCapital`). */
  counts: Float64Array = new Float64Array(1024);
  capitals: Float64Array = new Float64Array(1024);
  /** The id stream; only the first `length` entries are used. */
  ids = new Uint32Array(1 << 16);
  length = 0;
  /** Letter parts of codes that are no syllable (`hđnd` in `88/NQ-HĐND`), by their plain letters: forms and counts. */
  readonly codeParts = new Map<string, Map<string, number>>();
  /** Words in abbreviations' places (`VAT`, `SỐ`), by letters: how often a code, how often a marked word. */
  readonly abbreviations = new Map<string, [number, number]>();
  /** Syllables inside identifiers (`mach` in `bfd_mach_o`, `tên` in `<tên_bfd>`), by letters: how often unmarked, how often marked. */
  readonly identifierParts = new Map<string, [number, number]>();
  /** Syllables glued to numbers (`ha` in `5ha`, `số` in `SỐ1`), by letters: how often unmarked, how often marked. */
  readonly gluedParts = new Map<string, [number, number]>();
  /** Words that show a tone convention, by their model form (old style, lower case): how often written old, how often new. */
  readonly toneForms = new Map<string, [number, number]>();
  /** Sentences left out as written without marks (see {@link isBareSentence}). */
  bareSentences = 0;
  private readonly idOf = new Map<string, number>(SPECIAL.map((w, i) => [w, i]));

  /** Add a text (NFC-normalized here), sentence by sentence. */
  add(text: string): void {
    const nfc = text.normalize('NFC');
    for (let start = 0; start < nfc.length; ) {
      const end = pieceEnd(nfc, start);
      const tokens = tokenize(nfc.slice(start, end), { paths: false });
      this.toneWords(tokens);
      const runs = new IdentifierRuns(isValidSyllable);
      for (const s of sentences(tokens)) {
        if (isBareSentence(tokens, s)) this.bareSentences++;
        else this.sentence(tokens, s, runs);
      }
      start = end;
    }
  }

  private sentence(tokens: readonly Token[], indices: readonly number[], runs: IdentifierRuns): void {
    this.reserve(indices.length + 2);
    this.ids[this.length++] = BOS;
    for (const i of indices) {
      const t = tokens[i] as Token;
      if (t.kind === 'code') this.codeLetters(t.text);
      else if (t.kind === 'word' && inAbbreviationPlace(tokens, i)) this.abbreviation(t.text.toLowerCase());
      else if (t.kind === 'word' && runs.has(tokens, i) && isValidSyllable(t.text)) markedOrNot(this.identifierParts, t.text.toLowerCase());
      else if (t.kind === 'word' && gluedToNumber(tokens, i) && isValidSyllable(t.text)) markedOrNot(this.gluedParts, t.text.toLowerCase());
      const id = this.id(tokenKey(tokens[i] as Token) as string);
      if (namedCapital(tokens, i)) this.capitals[id] = (this.capitals[id] as number) + 1;
      this.ids[this.length++] = id;
    }
    this.ids[this.length++] = EOS;
  }

  private toneWords(tokens: readonly Token[]): void {
    for (const t of tokens) {
      if (t.kind !== 'word' || !BEYOND_ASCII.test(t.text)) continue;
      const style = styleOfWord(t.text);
      if (!style) continue;
      const form = normalizeWord(t.text);
      const counts = this.toneForms.get(form) ?? [0, 0];
      counts[style === 'old' ? 0 : 1]++;
      this.toneForms.set(form, counts);
    }
  }

  private codeLetters(code: string): void {
    for (const part of code.toLowerCase().match(LETTERS) ?? []) {
      const plain = part.replaceAll('đ', 'd');
      if (!addsOnlyDStroke(part) || isValidSyllable(plain)) continue;
      const forms = this.codeParts.get(plain) ?? new Map<string, number>();
      forms.set(part, (forms.get(part) ?? 0) + 1);
      this.codeParts.set(plain, forms);
    }
  }

  private abbreviation(word: string): void {
    const letters = stripDiacritics(word);
    const counts = this.abbreviations.get(letters) ?? [0, 0];
    counts[addsOnlyDStroke(word) ? 0 : 1]++;
    this.abbreviations.set(letters, counts);
  }

  private id(key: string): number {
    let id = this.idOf.get(key);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(key);
      this.idOf.set(key, id);
      if (id >= this.counts.length) {
        this.counts = doubled(this.counts);
        this.capitals = doubled(this.capitals);
      }
    }
    this.counts[id] = (this.counts[id] as number) + 1;
    return id;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.ids.length) return;
    const grown = new Uint32Array(Math.max(this.ids.length * 2, this.length + n));
    grown.set(this.ids.subarray(0, this.length));
    this.ids = grown;
  }
}
