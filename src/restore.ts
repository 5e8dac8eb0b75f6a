import { addsOnlyDStroke, gluedToNumber, inApostropheWord, isAbbreviation, isCode } from './candidates/abbreviation.js';
import { capitalBonus, namedCapital } from './candidates/capitals.js';
import { type Channel, PRIOR_CHANNEL } from './candidates/channel.js';
import { codeInIdentifier, identifierRuns } from './candidates/identifier.js';
import { candidates } from './candidates/index.js';
import { buildReadingIndex, type OcrPosition, positionsOf, type ReadingIndex, readings } from './candidates/ocr.js';
import { hasMarkedWord, markTrust, weighWritten } from './candidates/weigh.js';
import { ceilingsOf, DEFAULT_BEAM, DecodeBuffers, decode, PLAIN_SCORE_BEAM, type Position, SCORE_BEAM } from './decode/index.js';
import type { Model } from './model/index.js';
import { createScorer, type Scorer } from './model/scorer.js';
import { NUM, normalizeWord, sentences, tokenKey, UNK } from './normalize/index.js';
import type { ToneStyle } from './orthography/syllable.js';
import { styleFrom, toneBalance } from './render/index.js';
import { stripDiacritics } from './strip.js';
import { type Token, tokenize } from './tokenize/index.js';

export interface RestoreOptions {
  /**
   * Tone placement of the output: `old` (hòa), `new` (hoà), every word so, marked ones too; or `auto` (the
   * default): as most of the input's marked words, which are left as written, or, where they show none (and in
   * OCR mode), each word as the model's training text wrote it (`model.toneStyle`, `model.toneExceptions`; the
   * built-in model: old throughout).
   */
  toneStyle?: ToneStyle | 'auto';
  /** Hypotheses kept per word by the decoder (default 24). */
  beam?: number;
  /** Repair OCR text: read digits and symbols as letters, fix misread letters, restore case. */
  ocr?: boolean;
}

/** One token of {@link restoreDetailed}'s answer. */
export interface RestoredToken {
  kind: Token['kind'];
  /** The input text of the token. */
  input: string;
  /** What the token became. */
  output: string;
  /** How sure the model is of `output` against its alternatives, 0–1 (1 for tokens with no choice). */
  confidence: number;
  /** Other forms, best first, with their share of the probability. */
  alternatives: { text: string; confidence: number }[];
}

/** A sentence to decode: its token indices, lattice, and per position whether the first id is "keep the input". */
export interface Planned {
  idx: number[];
  lattice: Position[];
  choosable: boolean[];
  keepFirst: boolean[];
  path: number[];
}

/**
 * The tone convention to write: one for every word, or `model`: each word as the model's training text wrote it
 * (see `Model.toneStyle`), where the input shows none.
 */
export type OutputStyle = ToneStyle | 'model';

export interface Analysis {
  tokens: Token[];
  plan: Planned[];
  style: OutputStyle;
  /** Was the style asked for (not `auto`)? Then marked words the model keeps are written in it too. */
  convert: boolean;
  scorer: Scorer;
  ocr: boolean;
}

const indexes = new WeakMap<Model, ReadingIndex>();
/**
 * What a model keeps between calls, made on first use: one scorer per mode (its table of word pairs holds
 * facts of the model alone, so later calls start with the pairs earlier ones looked up, and no output
 * depends on them; in OCR mode most pairs are new, a token having up to 20 readings, so that scorer keeps
 * none), and the decoder's scratch arrays (calls never overlap: `restore` runs start to end).
 */
interface Kept {
  plain?: Scorer;
  ocr?: Scorer;
  buffers: DecodeBuffers;
}

const kept = new WeakMap<Model, Kept>();

/**
 * Weight of the backward model in OCR mode (plain mode: `BACKWARD_WEIGHT`, 1). OCR dev lines 1–400, errors of 4,774
 * syllables by weight: 0.5 163, 0.6 160, 0.7 161, 0.8 160, 0.9 162, 1 166; the de-accented held-out resolution read in
 * OCR mode (model of 001–003) 99.00 % at 0.8 and at 1 (0.7: 98.98 %). In plain mode 0.8 helped nothing (folds 001–003
 * 734 → 736 errors, the Debian catalogs 7,045 → 7,061).
 */
const OCR_BACKWARD_WEIGHT = 0.8;

/** Scratch arrays grown past this many hypotheses (an unusually long sentence) are not kept. */
const KEPT_HYPOTHESES = 1 << 16;

function keptFor(model: Model): Kept {
  let k = kept.get(model);
  if (!k) {
    k = { buffers: new DecodeBuffers() };
    kept.set(model, k);
  }
  return k;
}

function scorerOf(k: Kept, model: Model, ocr: boolean): Scorer {
  if (ocr) k.ocr ??= createScorer(model, { remember: false, backwardWeight: OCR_BACKWARD_WEIGHT });
  else k.plain ??= createScorer(model);
  return (ocr ? k.ocr : k.plain) as Scorer;
}

/** Might a word start with a capital: anything but a lower-case ASCII letter (most words do not: checked before a call)? */
function mayBeCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 0x61 || c > 0x7a;
}

/** The one id a token the restorer does not choose for takes, as a position's id list (shared per id). */
function fixedIds(model: Model, token: Token, shared: Map<number, Uint32Array>): Uint32Array {
  const key = tokenKey(token);
  const id = key === undefined ? UNK : (model.lm.ids.get(key) ?? UNK);
  const known = shared.get(id);
  if (known) return known;
  const ids = Uint32Array.of(id);
  shared.set(id, ids);
  return ids;
}

/** The reading index of a model's current channel, built on first use and rebuilt if the channel changes. */
function readingIndex(model: Model): ReadingIndex {
  const channel = model.channel ?? PRIOR_CHANNEL;
  let index = indexes.get(model);
  if (!index || index.channel.ops !== channel.ops) {
    index = buildReadingIndex(model, channel);
    indexes.set(model, index);
  }
  return index;
}

/** Readings this many nats less likely than the best reading of their token are not proposed (dev lines
 * 1-400: no change in accuracy down to 8; OCR mode ~15 % faster). */
const READING_BEAM = 9;

/** A letter of another script than Latin (`中文`, `Москва`): no OCR misreading of Vietnamese, so such a word is kept. */
const OTHER_SCRIPT = /(?=\p{L})\P{Script=Latin}/u;

/** Extra cost (nats) of reading a lone number as a word (`6` → ô, `13` → là) instead of keeping it. */
const DIGITS_AS_WORD = 3;
const LONE_DIGITS = /^\d{1,2}$/;

/** A one- or two-digit number with words on both sides, which OCR may have made of a word. */
function loneDigits(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.kind !== 'number' || !LONE_DIGITS.test(t.text)) return false;
  const side = (j: number) => tokens[j]?.kind === 'space' && tokens[j]?.text === ' ' && tokens[j + (j < i ? -1 : 1)]?.kind === 'word';
  return side(i - 1) && side(i + 1);
}

/**
 * Is word `i`, glued to a number (`CO2`, `H2O`, `5ha`), part of a code, formula or unit, which gains at most a `đ`?
 * As the model's training text wrote such words: unmarked in government prose (`110kV`, `5ha`), marked in a
 * program's help text (`SỐ1`). Not in OCR mode, where digits in a word stand for misread letters (`c6` có), nor
 * with a model from before these facts were kept.
 */
function gluedCode(model: Model, tokens: readonly Token[], i: number, ocr: boolean): boolean {
  if (ocr || !model.glued || !gluedToNumber(tokens, i)) return false;
  return isCode(model.glued, stripDiacritics((tokens[i] as Token).text.toLowerCase()));
}

/**
 * An OCR token's position: its channel readings, plus "keep it as it is" first when it is no known
 * word (as an unknown word, or as a number for lone digits). Made once per token text and model, then
 * shared: the decoder and renderer only read positions.
 */
function ocrPosition(model: Model, index: ReadingIndex, token: Token, scorer: Scorer): OcrPosition {
  const { weights } = model.channel ?? PRIOR_CHANNEL;
  const positions = positionsOf(index, token.kind, weights);
  let made = positions.get(token.text);
  if (!made) {
    made = makePosition(model, index, token, weights, scorer);
    positions.set(token.text, made);
  }
  return made;
}

/** See {@link ocrPosition}; its candidates' ceilings are made here too, once (`scorer`: the model's, OCR mode). */
function makePosition(model: Model, index: ReadingIndex, token: Token, weights: Channel['weights'], scorer: Scorer): OcrPosition {
  const found = readings(index, model, token.text);
  const { scale, inexact, keepUnknown } = weights;
  const digits = token.kind === 'number';
  const known = digits ? undefined : model.lm.ids.get(normalizeWord(token.text));
  const ids: number[] = [];
  const emit: number[] = [];
  const keepFirst = known === undefined;
  if (digits) ids.push(NUM), emit.push(0);
  else if (keepFirst) ids.push(UNK), emit.push(-keepUnknown);
  const extra = digits ? DIGITS_AS_WORD : 0;
  let best = Number.NEGATIVE_INFINITY;
  for (const r of found) {
    const e = r.cost === 0 ? -extra : -(scale * r.cost + inexact + extra);
    if (e < best - READING_BEAM) continue;
    best = Math.max(best, e);
    ids.push(r.id), emit.push(e);
  }
  const pos: Position = { ids: Uint32Array.from(ids), emit: Float64Array.from(emit), ceilings: undefined };
  pos.ceilings = ceilingsOf(scorer, pos);
  return { pos, keepFirst };
}

/**
 * Tokenize, plan and decode a text. `detected`: the tone style `auto` stands for, when the caller knows it
 * (a piece of a longer text takes the whole text's).
 */
export function analyse(model: Model, text: string, options: RestoreOptions, detected?: OutputStyle): Analysis {
  const ocr = options.ocr === true;
  const tokens = tokenize(text, { ocr });
  const saved = keptFor(model);
  const scorer = scorerOf(saved, model, ocr);
  const { buffers } = saved;
  const index = ocr ? readingIndex(model) : undefined;
  const shared = new Map<number, Uint32Array>();
  const runs = identifierRuns(model);
  const search = { beam: options.beam ?? DEFAULT_BEAM, scoreBeam: ocr ? SCORE_BEAM : PLAIN_SCORE_BEAM, skipSteps: ocr, deferStates: ocr };
  // The words of a text with marks are weighed by its writer's ways; in OCR mode as far as its marks can be trusted
  // (a good scan's), else they are left to the channel.
  const trust = ocr ? markTrust(tokens) : 1;
  const weigh = trust > 0 && hasMarkedWord(text, tokens);
  const plan = sentences(tokens).map((idx): Planned => {
    const n = idx.length;
    const choosable = new Array<boolean>(n);
    const keepFirst = new Array<boolean>(n);
    const lattice = new Array<Position>(n);
    for (let p = 0; p < n; p++) {
      const i = idx[p] as number;
      const t = tokens[i] as Token;
      if (index && ((t.kind === 'word' && !OTHER_SCRIPT.test(t.text)) || loneDigits(tokens, i))) {
        const { pos, keepFirst: keep } = ocrPosition(model, index, t, scorer);
        choosable[p] = true;
        keepFirst[p] = keep;
        lattice[p] = pos;
        continue;
      }
      let ids =
        t.kind === 'word' && !inApostropheWord(tokens, i) && !codeInIdentifier(model, runs, tokens, i)
          ? candidates(model, t.text)
          : undefined;
      if (ids && (gluedCode(model, tokens, i, ocr) || (isAbbreviation(tokens, i) && isCode(model.abbreviations, t.text.toLowerCase()))))
        ids = ids.filter((id) => addsOnlyDStroke(model.lm.vocab[id] as string));
      choosable[p] = ids !== undefined && ids.length > 0;
      keepFirst[p] = false;
      // Every position has the same shape (emit present, if undefined), so the decoder sees one kind of object.
      lattice[p] = !ids?.length
        ? { ids: fixedIds(model, t, shared), emit: undefined, ceilings: undefined }
        : {
            ids,
            emit: mayBeCapital(t.text) && namedCapital(tokens, i) ? capitalBonus(model, ids) : undefined,
            ceilings: undefined,
          };
    }
    // A bare text is decoded sentence by sentence as it is planned; a marked one once all its words are weighed.
    return { idx, lattice, choosable, keepFirst, path: weigh ? [] : decode(scorer, lattice, search, buffers) };
  });
  if (weigh) {
    weighWritten(model, tokens, plan, trust);
    for (const planned of plan) planned.path = decode(scorer, planned.lattice, search, buffers);
  }
  if (buffers.state.length > KEPT_HYPOTHESES) saved.buffers = new DecodeBuffers();
  // OCR marks are too garbled to show a tone convention: OCR mode writes the model's (its training text's) unless told.
  const auto = !options.toneStyle || options.toneStyle === 'auto';
  const style: OutputStyle = auto
    ? ocr
      ? 'model'
      : (detected ?? styleFrom(toneBalance(tokens), 'model'))
    : (options.toneStyle as ToneStyle);
  return { tokens, plan, style, convert: !auto, scorer, ocr };
}
