import type { Model } from '../model/index.js';
import { isValidSyllable } from '../orthography/syllable.js';
import { stripDiacritics } from '../strip.js';
import type { Token } from '../tokenize/index.js';
import { isCode } from './abbreviation.js';

/** Does token `t` belong to an identifier's run: a word, a number, or the `_` joining them? */
const inRun = (t: Token | undefined) =>
  t !== undefined && (t.kind === 'word' || t.kind === 'number' || (t.kind === 'punct' && t.text === '_'));

/**
 * Finds identifiers: words and numbers joined by `_` with no space (`bfd_mach_o_read`, `GTK_CAN_DEFAULT`,
 * `<ten_bfd>`), one of whose words is no syllable (`isSyllable` says which are). Such a name may be code,
 * though some of its parts look like syllables (`mach`, `CAN`), or a translated placeholder (`ten` for `tên`):
 * what training showed decides (see `isCode`). Words joined by `_` that are all syllables (`doi_tuong`,
 * `BIEU_THUC1`) are no identifier: they are restored as words. One per token list: it remembers the last run
 * it looked at, so a run's words, asked in turn, cost one look at the run, not one each.
 */
export class IdentifierRuns {
  private start = -1;
  private end = -1;
  private found = false;

  constructor(private readonly isSyllable: (word: string) => boolean) {}

  /** Is word `i` of `tokens` (the same list at every call) part of an identifier? */
  has(tokens: readonly Token[], i: number): boolean {
    // Most words stand between spaces or punctuation other than `_`: no run to look at.
    if (!inRun(tokens[i - 1]) && !inRun(tokens[i + 1])) return false;
    if (i >= this.start && i <= this.end) return this.found;
    let start = i;
    while (inRun(tokens[start - 1])) start--;
    let end = i;
    while (inRun(tokens[end + 1])) end++;
    let joined = false;
    let foreign = false;
    for (let j = start; j <= end; j++) {
      const t = tokens[j] as Token;
      if (t.kind === 'punct') joined = true;
      else if (!foreign && t.kind === 'word' && !this.isSyllable(t.text)) foreign = true;
    }
    this.start = start;
    this.end = end;
    this.found = joined && foreign;
    return this.found;
  }
}

/**
 * Is word `i` part of an identifier (see {@link IdentifierRuns})? For one question; ask an `IdentifierRuns`
 * about many words of one list.
 * @example inIdentifier(tokenize('goi bfd_mach_o_read'), 4, isValidSyllable) // true (`mach`)
 * @example inIdentifier(tokenize('doi_tuong'), 0, isValidSyllable) // false
 */
export function inIdentifier(tokens: readonly Token[], i: number, isSyllable: (word: string) => boolean): boolean {
  return new IdentifierRuns(isSyllable).has(tokens, i);
}

/** Can `word` be a syllable once marked: is one of the model's forms for its letters one? */
function syllableLetters(model: Model, word: string): boolean {
  const ids = model.lexicon.get(stripDiacritics(word.toLowerCase()));
  if (ids) for (const id of ids) if (isValidSyllable(model.lm.vocab[id] as string)) return true;
  return false;
}

/** The identifier finder of a model's restorer: syllables are letters some form of the model's is a syllable for. */
export function identifierRuns(model: Model): IdentifierRuns {
  return new IdentifierRuns((w) => syllableLetters(model, w));
}

/**
 * Is word `i` a syllable inside an identifier (`mach` in `bfd_mach_o`) to leave as code? As training showed
 * these letters inside identifiers, else as it showed most syllables there: code when it wrote them unmarked
 * (or showed no identifiers), words when marked (`<tên_tệp>`, as translations write placeholders).
 * `runs`: from {@link identifierRuns} of the model, for this token list.
 */
export function codeInIdentifier(model: Model, runs: IdentifierRuns, tokens: readonly Token[], i: number): boolean {
  if (!runs.has(tokens, i)) return false;
  const word = (tokens[i] as Token).text;
  return syllableLetters(model, word) && isCode(model.identifiers, stripDiacritics(word.toLowerCase()));
}
