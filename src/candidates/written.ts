/**
 * How a writer's marks weigh on a word's forms. A text may come fully marked, bare, or mixed (some lines or words
 * marked, others not). Each word is taken to be written with all its marks (at the text's marking rate `r`), bare
 * (`sau` for sâu), or, now and then, with some of them (`kê` for kế):
 * - a bare word is its bare form with probability 1 (either way it is written so), a marked form with 1 − r;
 * - a marked word is its form as written with probability r, a form with more marks with (1 − r) · PARTLY.
 * At r = 0 (a bare text) every form weighs the same; in a marked text a word stays as written unless the language
 * model is sure (`nói` stays `nói`, not `nối`; `tôi` stays `tôi`, not `tội`).
 */

import type { Position } from '../decode/index.js';
import { remembered } from '../memo.js';
import type { Model } from '../model/index.js';
import { normalizeWord } from '../normalize/index.js';
import { decomposeLetter } from '../orthography/letters.js';
import { isValidSyllable } from '../orthography/syllable.js';
import type { Token } from '../tokenize/index.js';

/** The highest marking rate a text is taken to have: even a careful writer may leave a word bare. */
export const MAX_RATE = 0.999;

/** The least and most share of its marked words a text is taken to have written in part (see {@link partialRate}). */
export const PARTLY_MIN = 0.003;
export const PARTLY_MAX = 0.5;
/** Pseudo-words that show their tone, so that a text with a few words ending in a stop is not judged by them alone. */
export const PARTLY_PRIOR = 2;

/** How many words of the whole text a sentence's own estimate is pulled toward (a short sentence says little). */
export const PRIOR_WORDS = 10;

/**
 * What the writer's odds are multiplied by before they join the language model's scores, which count each word
 * twice (forward and backward, `BACKWARD_WEIGHT` 1): without, a marked word of out-of-domain text gives way too easily.
 */
export const WRITTEN_SCALE = 2;

/** Rounds of the estimate's fixed-point iteration (it settles within a few). */
const ROUNDS = 12;
/** A change of the estimate smaller than this ends the iteration. */
const SETTLED = 1e-6;

/**
 * Does a word carry a mark (any letter outside ASCII: a tone, a vowel mark or `đ`)?
 * @example isMarked('đang') // true; isMarked('dang') // false
 */
export function isMarked(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * Does a word carry a tone mark (`á`, `ọ`; not only a vowel mark, `â`, or `đ`)?
 * @example hasTone('tiếng') // true; hasTone('tiêng') // false
 */
export function hasTone(word: string): boolean {
  for (const ch of word.normalize('NFC')) if (ch.charCodeAt(0) > 0x7f && decomposeLetter(ch.toLowerCase()).tone) return true;
  return false;
}

/**
 * The marking rate of some words: `marked` of them carry a mark, and each bare one's letters belong to a marked
 * form with the chance `chances[i]` (by the language model's unigram). A bare word is one a writer left bare
 * with chance (1 − r)·m / ((1 − r)·m + 1 − m); r is the share of the words that could carry a mark that do,
 * found by iterating that to its fixed point, and pulled toward `prior` by `weight` words. At most {@link MAX_RATE}.
 * @example markingRate(10, [0.5]) // 0.999: the bare word is likely bare by nature
 * @example markingRate(5, [1, 1, 1, 1, 1]) // 0.5
 * @example markingRate(0, [0.9, 0.8]) // 0
 */
export function markingRate(marked: number, chances: readonly number[], prior = 0, weight = 0): number {
  if (marked === 0 && prior === 0) return 0;
  let rate = 0.5;
  for (let round = 0; round < ROUNDS; round++) {
    let left = 0; // words left bare that a writer marking all would have marked
    for (const m of chances) left += m >= 1 ? 1 : ((1 - rate) * m) / ((1 - rate) * m + 1 - m);
    const next = (marked + weight * prior) / (marked + left + weight);
    if (Math.abs(next - rate) < SETTLED) return Math.min(next, MAX_RATE);
    rate = next;
  }
  return Math.min(rate, MAX_RATE);
}

/**
 * The share of a text's marked words written with some of their marks left out. A syllable that ends in `c`, `ch`,
 * `p` or `t` always carries a tone mark (sắc or nặng), so the share of the marked ones (`stops`) that show none
 * (`toneless`) tells how often the writer left the tone out (`kê hoach`, `thưc hiên`), whatever the text's register.
 * Between {@link PARTLY_MIN} and {@link PARTLY_MAX}; with {@link PARTLY_PRIOR} pseudo-words showing their tone.
 * @example partialRate(0, 40) // 0.003 (a fully marked text)
 * @example partialRate(40, 40) // 0.5 (hats without tones)
 */
export function partialRate(toneless: number, stops: number): number {
  return Math.min(Math.max(toneless / (stops + PARTLY_PRIOR), PARTLY_MIN), PARTLY_MAX);
}

/**
 * Does a word end as a syllable that must carry a tone mark does: in `c`, `ch`, `p` or `t`?
 * @example endsInStop('học') // true; endsInStop('hoc') // true; endsInStop('hôm') // false
 */
export function endsInStop(word: string): boolean {
  const last = word.charCodeAt(word.length - 1) | 0x20;
  return last === 0x63 || last === 0x70 || last === 0x74 || (last === 0x68 && (word.charCodeAt(word.length - 2) | 0x20) === 0x63);
}

/**
 * Log-score bonuses for a word's candidate forms: 0 for the form as written (index `written`), less for the others
 * (see the module's note): for a bare word by the marking rate `rate`, for a marked one by the share `partly` of
 * marked words written in part. Undefined when they all weigh the same (a bare word at rate 0).
 * @example writtenBonus(3, 0, false, 0.9, 0.003) // Float64Array [0, -2.30…, -2.30…]
 */
export function writtenBonus(
  count: number,
  written: number,
  marked: boolean,
  rate: number,
  partly: number,
  trust = 1,
): Float64Array | undefined {
  if (!marked && !(rate > 0)) return undefined;
  const other = marked ? Math.log(partly / (1 - partly)) : Math.log(1 - rate);
  const bonus = new Float64Array(count).fill(trust * WRITTEN_SCALE * Math.min(other, 0));
  bonus[written] = 0;
  return bonus;
}

/** A sentence's lattice, and which of its positions (token indices `idx`) are words with forms to choose from. */
interface Draft {
  idx: number[];
  lattice: Position[];
  choosable: boolean[];
}

/** What weighing needs of a word as written: its form's id (-1: no word), and whether it is marked, ends in a stop, has a tone. */
interface Written {
  id: number;
  marked: boolean;
  stop: boolean;
  toned: boolean;
}

/** Per model, {@link Written} of each word text, remembered (a text repeats its words). */
const writtenWords = new WeakMap<Model, (text: string) => Written>();

function writtenOf(model: Model, text: string): Written {
  let of = writtenWords.get(model);
  if (!of) {
    of = remembered((t) => {
      const marked = isMarked(t);
      return { id: model.lm.ids.get(normalizeWord(t)) ?? -1, marked, stop: marked && endsInStop(t), toned: marked && hasTone(t) };
    });
    writtenWords.set(model, of);
  }
  return of(text);
}

/** Per candidate list, the chance its bare form (a bare word's form as written) is not the word meant; see {@link markedChance}. */
const chances = new WeakMap<Uint32Array, number>();

/**
 * The chance that a bare word's letters belong to a marked form, by the unigram over its candidates `ids` and its
 * bare form `bare` (1 when the bare form is no word). Remembered per candidate list: a bare word's list is the
 * model's own for its letters, and its bare form is a function of them.
 */
function markedChance(model: Model, ids: Uint32Array, bare: number): number {
  if (bare < 0) return 1;
  const known = chances.get(ids);
  if (known !== undefined) return known;
  const uni = model.lm.uniLogProb;
  let all = ids.includes(bare) ? 0 : Math.exp(uni[bare] as number);
  for (const id of ids) all += Math.exp(uni[id] as number);
  const chance = 1 - Math.exp(uni[bare] as number) / all;
  chances.set(ids, chance);
  return chance;
}

/** Per candidate list without the form as written, the list with it added at the end (the form is a function of the list). */
const widened = new WeakMap<Uint32Array, Uint32Array>();

/** `ids` with `id` among them (added at the end if missing: a valid syllable training never showed, `tôi`). */
function withForm(ids: Uint32Array, id: number): Uint32Array {
  if (ids.includes(id)) return ids;
  let wide = widened.get(ids);
  if (!wide || wide[wide.length - 1] !== id) {
    wide = new Uint32Array(ids.length + 1);
    wide.set(ids);
    wide[ids.length] = id;
    widened.set(ids, wide);
  }
  return wide;
}

/** Below this share of its marked words valid syllables, an OCR text's marks are not trusted at all (see {@link markTrust}). */
export const TRUST_FROM = 0.5;
/** From this share on, an OCR text's marks are trusted as a writer's are. */
export const TRUST_FULL = 0.95;

/**
 * How far an OCR text's marks can be trusted, 0–1, by the share of its marked words that are valid syllables as
 * read: a clean text or a good scan 0.998 (the held-out resolution; the maintainers' guide, out of domain, too),
 * OCR by an engine that garbles marks 0.32 (the report's development lines) and 0.41 (tesseract's English model on
 * seeds 001–003). From {@link TRUST_FROM} (0) to {@link TRUST_FULL} (1), a straight line between.
 * @example markTrust(tokenize('Tình hình kinh tế', { ocr: true })) // 1
 */
export function markTrust(tokens: readonly Token[]): number {
  let marked = 0;
  let valid = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || !isMarked(t.text)) continue;
    marked++;
    if (isValidSyllable(t.text.normalize('NFC'))) valid++;
  }
  if (marked === 0) return 0;
  return Math.min(Math.max((valid / marked - TRUST_FROM) / (TRUST_FULL - TRUST_FROM), 0), 1);
}

/** Does any word of the tokens carry a mark? (Else {@link weighWritten} has nothing to do.) */
export function hasMarkedWord(tokens: readonly Token[]): boolean {
  for (const t of tokens) if (t.kind === 'word' && isMarked(t.text)) return true;
  return false;
}

/**
 * Weigh the forms of a text's words by how its writer marks words (see the note above), in place: each sentence's
 * marking rate, pulled toward the whole text's, gives each word's form as written (a candidate now, if a valid
 * syllable training never showed: `tôi`) a bonus over the others. A text with no marked word to choose for is left
 * as it is.
 */
export function weighWritten(model: Model, tokens: readonly Token[], plan: readonly Draft[], trust = 1): void {
  const words = plan.map(({ idx, choosable }) =>
    idx.map((i, p) => (choosable[p] ? writtenOf(model, (tokens[i] as Token).text) : undefined)),
  );
  const marked = new Array<number>(plan.length).fill(0);
  const bare: number[][] = plan.map(() => []);
  let stops = 0;
  let toneless = 0;
  plan.forEach(({ lattice }, s) => {
    (words[s] as (Written | undefined)[]).forEach((w, p) => {
      if (!w) return;
      if (!w.marked) (bare[s] as number[]).push(markedChance(model, (lattice[p] as Position).ids, w.id));
      else {
        marked[s] = (marked[s] as number) + 1;
        if (w.stop) stops++, w.toned || toneless++;
      }
    });
  });
  const whole = markingRate(
    marked.reduce((a, b) => a + b, 0),
    bare.flat(),
  );
  const partly = partialRate(toneless, stops);
  plan.forEach(({ lattice }, s) => {
    const rate = markingRate(marked[s] as number, bare[s] as number[], whole, PRIOR_WORDS);
    (words[s] as (Written | undefined)[]).forEach((w, p) => {
      if (!w || w.id < 0) return;
      const pos = lattice[p] as Position;
      const ids = withForm(pos.ids, w.id);
      const emit = pos.emit
        ? addedTo(pos.emit, writtenBonus(ids.length, ids.indexOf(w.id), w.marked, rate, partly, trust))
        : sharedBonus(ids, w, rate, partly, trust);
      if (emit) lattice[p] = { ids, emit, ceilings: undefined };
    });
  });
}

/** `bonus` with `emit` added to its first entries (`emit` may be shorter: the form as written added after). */
function addedTo(emit: Float64Array, bonus: Float64Array | undefined): Float64Array | undefined {
  if (!bonus) return undefined;
  for (let c = 0; c < emit.length; c++) bonus[c] = (bonus[c] as number) + (emit[c] as number);
  return bonus;
}

/** The last bonuses made per candidate list, with what they were made for: most words of a marked text share them. */
const bonuses = new WeakMap<
  Uint32Array,
  { rate: number; partly: number; marked: boolean; trust: number; bonus: Float64Array | undefined }
>();

/** {@link writtenBonus} for a word's candidates `ids`, the same array for the same list, rate and share (the decoder only reads it). */
function sharedBonus(ids: Uint32Array, w: Written, rate: number, partly: number, trust: number): Float64Array | undefined {
  const last = bonuses.get(ids);
  if (last && last.rate === rate && last.partly === partly && last.marked === w.marked && last.trust === trust) return last.bonus;
  const bonus = writtenBonus(ids.length, ids.indexOf(w.id), w.marked, rate, partly, trust);
  bonuses.set(ids, { rate, partly, marked: w.marked, trust, bonus });
  return bonus;
}
