import { candidates } from './candidates/index.js';
import { DEFAULT_BEAM, decode } from './decode/index.js';
import type { Model } from './model/index.js';
import { type ScoreOut, score, wordState } from './model/lm.js';
import { BOS, sentences, tokenKey, UNK } from './normalize/index.js';
import type { ToneStyle } from './orthography/syllable.js';
import { detectToneStyle, renderWord } from './render/index.js';
import { type Token, tokenize } from './tokenize/index.js';

export interface RestoreOptions {
  /** Tone placement of the output: `old` (hòa), `new` (hoà) or `auto` (as the input; the default). */
  toneStyle?: ToneStyle | 'auto';
  /** Hypotheses kept per word by the decoder (default 24). */
  beam?: number;
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

interface Analysis {
  tokens: Token[];
  /** Per sentence: token indices and their candidate ids. */
  plan: { idx: number[]; lattice: ArrayLike<number>[]; choosable: boolean[]; path: Uint16Array }[];
  style: ToneStyle;
}

const MAX_ALTERNATIVES = 4;

function fixedId(model: Model, token: Token): number {
  const key = tokenKey(token);
  return key === undefined ? UNK : (model.lm.ids.get(key) ?? UNK);
}

export function analyse(model: Model, text: string, options: RestoreOptions): Analysis {
  const tokens = tokenize(text);
  const plan = sentences(tokens).map((idx) => {
    const choosable: boolean[] = [];
    const lattice = idx.map((i) => {
      const t = tokens[i] as Token;
      const ids = t.kind === 'word' ? candidates(model, t.text) : undefined;
      choosable.push(ids !== undefined && ids.length > 0);
      return ids?.length ? ids : [fixedId(model, t)];
    });
    return { idx, lattice, choosable, path: decode(model.lm, lattice, options.beam ?? DEFAULT_BEAM) };
  });
  const style = !options.toneStyle || options.toneStyle === 'auto' ? detectToneStyle(tokens) : options.toneStyle;
  return { tokens, plan, style };
}

/** Texts of all tokens after restoration. */
export function render(model: Model, a: Analysis): string[] {
  const out = a.tokens.map((t) => t.text);
  for (const { idx, lattice, choosable, path } of a.plan) {
    idx.forEach((i, p) => {
      if (!choosable[p]) return;
      const form = model.lm.vocab[(lattice[p] as ArrayLike<number>)[path[p] as number] as number] as string;
      out[i] = renderWord((a.tokens[i] as Token).text, form, a.style);
    });
  }
  return out;
}

/** Local log-score of putting `id` at position p, with the best path around it. */
function localScore(model: Model, ids: number[], p: number, id: number, before: number, out: ScoreOut): number {
  let s = score(model.lm, before, id, out);
  for (let q = p + 1; q < Math.min(ids.length, p + model.lm.order); q++) s += score(model.lm, out.state, ids[q] as number, out);
  return s;
}

/** Per-token records with confidence and alternatives. */
export function details(model: Model, a: Analysis): RestoredToken[] {
  const texts = render(model, a);
  const records: RestoredToken[] = a.tokens.map((t, i) => ({
    kind: t.kind,
    input: t.text,
    output: texts[i] as string,
    confidence: 1,
    alternatives: [],
  }));
  const out: ScoreOut = { state: 0 };
  for (const { idx, lattice, path } of a.plan) {
    const ids = lattice.map((c, p) => c[path[p] as number] as number);
    let before = wordState(BOS);
    idx.forEach((i, p) => {
      const cands = lattice[p] as ArrayLike<number>;
      const t = a.tokens[i] as Token;
      if (cands.length > 1) {
        const scored = Array.from(cands, (id) => ({ id, s: localScore(model, ids, p, id, before, out) }));
        const top = Math.max(...scored.map((x) => x.s));
        const total = scored.reduce((sum, x) => sum + Math.exp(x.s - top), 0);
        const chosen = ids[p] as number;
        scored.sort((x, y) => y.s - x.s);
        const rec = records[i] as RestoredToken;
        rec.confidence = Math.exp((scored.find((x) => x.id === chosen)?.s ?? top) - top) / total;
        rec.alternatives = scored
          .filter((x) => x.id !== chosen)
          .slice(0, MAX_ALTERNATIVES)
          .map((x) => ({ text: renderWord(t.text, model.lm.vocab[x.id] as string, a.style), confidence: Math.exp(x.s - top) / total }));
      }
      score(model.lm, before, ids[p] as number, out);
      before = out.state;
    });
  }
  return records;
}
