import { codeWithDStroke } from './candidates/abbreviation.js';
import type { Position } from './decode/index.js';
import type { Model } from './model/index.js';
import { firstSentenceCut } from './normalize/cut.js';
import type { ToneStyle } from './orthography/syllable.js';
import { copyCasePattern, renderWord, toneBalance } from './render/index.js';
import { type Analysis, analyse, type Planned, type RestoreOptions } from './restore.js';
import { type Token, tokenize } from './tokenize/index.js';

/** The text of candidate `choice` at position p of a plan, written with the input's case and the chosen tone style. */
export function formText(model: Model, a: Analysis, plan: Planned, p: number, choice: number, input: string): string {
  if (plan.keepFirst[p] && choice === 0) return input;
  const form = model.lm.vocab[(plan.lattice[p] as Position).ids[choice] as number] as string;
  return a.ocr ? copyCasePattern(input, form, a.style) : renderWord(input, form, a.style, a.convert);
}

/** What token `i` becomes: its chosen form, a code with its `đ`, or its text. */
function output(model: Model, a: Analysis, i: number, plan: Planned | undefined, p: number): string {
  const t = a.tokens[i] as Token;
  if (plan?.choosable[p]) return formText(model, a, plan, p, plan.path[p] as number, t.text);
  // A code's letter parts may regain a đ (88/NQ-HDND → 88/NQ-HĐND); everything else not chosen stays.
  return t.kind === 'code' ? codeWithDStroke(model, t.text) : t.text;
}

/**
 * The restored text: every token's output, joined, walking the tokens and the sentence plans together
 * (plans hold non-empty, increasing, disjoint token indices, as `sentences` makes them).
 */
export function renderText(model: Model, a: Analysis): string {
  let out = '';
  let s = 0;
  let p = 0;
  for (let i = 0; i < a.tokens.length; i++) {
    const plan = a.plan[s];
    if (plan?.idx[p] !== i) {
      out += output(model, a, i, undefined, 0);
      continue;
    }
    out += output(model, a, i, plan, p);
    if (++p === plan.idx.length) s++, (p = 0);
  }
  return out;
}

/** Texts of all tokens after restoration. */
export function render(model: Model, a: Analysis): string[] {
  const out = a.tokens.map((_, i) => output(model, a, i, undefined, 0));
  for (const plan of a.plan) {
    plan.idx.forEach((i, p) => {
      if (plan.choosable[p]) out[i] = output(model, a, i, plan, p);
    });
  }
  return out;
}

/**
 * A long text is restored in pieces of about this many characters, each cut where a line begins a sentence
 * (see `firstSentenceCut`): the output is the same, and a piece's tokens and plans are dropped before the
 * next is read, so less is held at once and the garbage collector has less to move.
 */
export const PIECE_CHARS = 1 << 13;

/** Is every character of `text` ASCII? */
function ascii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Where a long text is cut into pieces (see {@link PIECE_CHARS}): each piece's start and end. */
function pieces(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < text.length; ) {
    const fits = text.length - start < 2 * PIECE_CHARS;
    const cut = fits ? -1 : firstSentenceCut(text, start + PIECE_CHARS);
    const end = cut > start ? cut : text.length;
    out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * The restored text, piece by piece (see {@link PIECE_CHARS}). With the style `auto`, every piece takes the
 * tone style of the whole text (an unmarked text shows none: the old style).
 * @example restoreText(model, longText, {}) === renderText(model, analyse(model, longText, {})) // true
 */
export function restoreText(model: Model, text: string, options: RestoreOptions): string {
  if (text.length < 2 * PIECE_CHARS) return renderText(model, analyse(model, text, options));
  const parts = pieces(text);
  let detected: ToneStyle | undefined;
  if ((!options.toneStyle || options.toneStyle === 'auto') && !options.ocr && !ascii(text)) {
    let balance = 0;
    for (const [start, end] of parts) balance += toneBalance(tokenize(text.slice(start, end)));
    detected = balance > 0 ? 'new' : 'old';
  }
  let out = '';
  for (const [start, end] of parts) out += renderText(model, analyse(model, text.slice(start, end), options, detected));
  return out;
}
