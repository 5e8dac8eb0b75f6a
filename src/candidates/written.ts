/**
 * How a writer's marks weigh on a word's forms. A text may come fully marked, bare, or mixed (some lines or words
 * marked, others not). Each word is taken to be written with all its marks (at the text's marking rate `r`), bare
 * (`sau` for sâu), or, now and then, with some of them (`kê` for kế):
 * - a bare word is its bare form with probability 1 (either way it is written so), a marked form with 1 − r;
 * - a marked word is its form as written with odds (1 − p) : p against a form with more marks, p being the share of
 *   marked words the text writes in part (read from its syllables that end in a stop: see {@link partialRate}).
 * At r = 0 (a bare text) every form weighs the same; in a marked text a word stays as written unless the language
 * model is sure (`nói` stays `nói`, not `nối`; `tôi` stays `tôi`, not `tội`). `weigh.ts` applies this to a text.
 */

import { decomposeLetter } from '../orthography/letters.js';

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
 * marked words written in part, all times `trust` (OCR mode: how far the text's marks can be trusted). A bare word's
 * form that differs from it by a tone alone (`toneOnly[c]`) may also be one whose tone the writer left out: it
 * costs log(1 − r + r · (partly − PARTLY_MIN)). Undefined when they all weigh the same (a bare word at rate 0).
 * @example writtenBonus(3, 0, false, 0.9, 0.003) // Float64Array [0, -4.60…, -4.60…]
 */
export function writtenBonus(
  count: number,
  written: number,
  marked: boolean,
  rate: number,
  partly: number,
  trust = 1,
  toneOnly?: Uint8Array,
): Float64Array | undefined {
  if (!marked && !(rate > 0)) return undefined;
  const scale = trust * WRITTEN_SCALE;
  const other = scale * Math.min(marked ? Math.log(partly / (1 - partly)) : Math.log(1 - rate), 0);
  const bonus = new Float64Array(count).fill(other);
  if (toneOnly && !marked) {
    // (`partly` above its floor only: a fully marked text shows no tone left out, and its bare words stay as written.)
    const tone = scale * Math.min(Math.log(1 - rate + rate * (partly - PARTLY_MIN)), 0);
    for (let c = 0; c < count; c++) if (toneOnly[c]) bonus[c] = tone;
  }
  bonus[written] = 0;
  return bonus;
}
