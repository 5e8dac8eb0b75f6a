/**
 * The writer's weighing of `written.ts` applied to a text's lattices: each sentence's marking rate, pulled toward the
 * whole text's, and, in OCR mode, how far the text's marks can be trusted.
 */

import type { Position } from '../decode/index.js';
import { remembered } from '../memo.js';
import type { Model } from '../model/index.js';
import { normalizeWord } from '../normalize/index.js';
import { decomposeLetter } from '../orthography/letters.js';
import { isValidSyllable } from '../orthography/syllable.js';
import type { Token } from '../tokenize/index.js';
import { endsInStop, hasTone, isMarked, markingRate, PRIOR_WORDS, partialRate, writtenBonus } from './written.js';

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

/** Does any word of the tokens (of `text`) carry a mark? (Else {@link weighWritten} has nothing to do.) */
export function hasMarkedWord(text: string, tokens: readonly Token[]): boolean {
  // Most bare texts hold no character a marked Vietnamese letter can be (precomposed or combining): no token to scan.
  if (!MAYBE_MARKED.test(text)) return false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'word' && isMarked(t.text)) return true;
  }
  return false;
}

/** Every marked Vietnamese letter, precomposed (À–ỹ, Đ, đ) or as a combining mark (U+0300–U+0323), is in this range (with other characters). */
const MAYBE_MARKED = /[\u00c0-\u1ef9]/;

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
        ? addedTo(pos.emit, writtenBonus(ids.length, ids.indexOf(w.id), w.marked, rate, partly, trust, toneOnlyOf(model, ids, w)))
        : sharedBonus(model, ids, w, rate, partly, trust);
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
function sharedBonus(model: Model, ids: Uint32Array, w: Written, rate: number, partly: number, trust: number): Float64Array | undefined {
  const last = bonuses.get(ids);
  if (last && last.rate === rate && last.partly === partly && last.marked === w.marked && last.trust === trust) return last.bonus;
  const bonus = writtenBonus(ids.length, ids.indexOf(w.id), w.marked, rate, partly, trust, toneOnlyOf(model, ids, w));
  bonuses.set(ids, { rate, partly, marked: w.marked, trust, bonus });
  return bonus;
}

/** Per candidate list of a bare word, which forms differ from it by a tone alone (see {@link toneOnlyOf}). */
const toneOnly = new WeakMap<Uint32Array, Uint8Array>();

/**
 * For a bare word `w` and its candidates `ids`, which forms are it with a tone added and nothing else (`bản`, `bạn`,
 * `bàn` for `ban`; not `bân`): those a writer who leaves tones out writes bare too. Undefined for a marked word.
 */
function toneOnlyOf(model: Model, ids: Uint32Array, w: Written): Uint8Array | undefined {
  if (w.marked) return undefined;
  let flags = toneOnly.get(ids);
  if (!flags) {
    const bare = model.lm.vocab[w.id] as string;
    flags = Uint8Array.from(ids, (id) => (id !== w.id && withoutTone(model.lm.vocab[id] as string) === bare ? 1 : 0));
    toneOnly.set(ids, flags);
  }
  return flags;
}

/** A lower-case form without its tone mark (`bản` → `ban`, `hướng` → `hương`). */
function withoutTone(form: string): string {
  let out = '';
  for (const ch of form) out += decomposeLetter(ch).letter;
  return out;
}
