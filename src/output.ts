import { codeWithDStroke } from './candidates/abbreviation.js';
import type { Position } from './decode/index.js';
import type { Model } from './model/index.js';
import type { ToneStyle } from './orthography/syllable.js';
import { copyCasePattern, renderWord } from './render/index.js';
import type { Analysis, Planned } from './restore.js';
import type { Token } from './tokenize/index.js';

/** The convention the model's training text wrote `form` in most (see `Model.toneStyle`). */
function modelStyle(model: Model, form: string): ToneStyle {
  const style = model.toneStyle ?? 'old';
  if (!model.toneExceptions?.has(form)) return style;
  return style === 'old' ? 'new' : 'old';
}

/** The text of candidate `choice` at position p of a plan, written with the input's case and the chosen tone style. */
export function formText(model: Model, a: Analysis, plan: Planned, p: number, choice: number, input: string): string {
  if (plan.keepFirst[p] && choice === 0) return input;
  const form = model.lm.vocab[(plan.lattice[p] as Position).ids[choice] as number] as string;
  const style = a.style === 'model' ? modelStyle(model, form) : a.style;
  return a.ocr ? copyCasePattern(input, form, style) : renderWord(input, form, style, a.convert);
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
 * (plans hold non-empty, increasing, disjoint token indices, as `sentences` makes them). The outputs are
 * gathered and joined once: a string grown by `+=` token by token is a tree of a node per token that lives
 * as long as the text does, and moving it made garbage collection a quarter of a long text's time.
 */
export function renderText(model: Model, a: Analysis): string {
  const parts = new Array<string>(a.tokens.length);
  let s = 0;
  let p = 0;
  for (let i = 0; i < a.tokens.length; i++) {
    const plan = a.plan[s];
    if (plan?.idx[p] !== i) {
      parts[i] = output(model, a, i, undefined, 0);
      continue;
    }
    parts[i] = output(model, a, i, plan, p);
    if (++p === plan.idx.length) s++, (p = 0);
  }
  return parts.join('');
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
