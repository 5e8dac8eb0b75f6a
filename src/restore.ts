import { candidates } from './candidates/index.js';
import { DEFAULT_BEAM, decode } from './decode/index.js';
import type { Model } from './model/index.js';
import { createScorer, type Scorer } from './model/scorer.js';
import { EOS, sentences, tokenKey, UNK } from './normalize/index.js';
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
  scorer: Scorer;
}

const MAX_ALTERNATIVES = 4;

function fixedId(model: Model, token: Token): number {
  const key = tokenKey(token);
  return key === undefined ? UNK : (model.lm.ids.get(key) ?? UNK);
}

export function analyse(model: Model, text: string, options: RestoreOptions): Analysis {
  const tokens = tokenize(text);
  const scorer = createScorer(model);
  const plan = sentences(tokens).map((idx) => {
    const choosable: boolean[] = [];
    const lattice = idx.map((i) => {
      const t = tokens[i] as Token;
      const ids = t.kind === 'word' ? candidates(model, t.text) : undefined;
      choosable.push(ids !== undefined && ids.length > 0);
      return ids?.length ? ids : [fixedId(model, t)];
    });
    return { idx, lattice, choosable, path: decode(scorer, lattice, options.beam ?? DEFAULT_BEAM) };
  });
  const style = !options.toneStyle || options.toneStyle === 'auto' ? detectToneStyle(tokens) : options.toneStyle;
  return { tokens, plan, style, scorer };
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

/** Log-score of the whole sentence with `id` at position p and the best path everywhere else. */
function pathScore(scorer: Scorer, ids: ArrayLike<number>, p: number, id: number): number {
  const out = { state: scorer.start };
  let s = 0;
  for (let q = 0; q < ids.length; q++) s += scorer.score(out.state, q === p ? id : (ids[q] as number), out);
  return s + scorer.score(out.state, EOS, out);
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
  for (const { idx, lattice, choosable, path } of a.plan) {
    const ids = lattice.map((c, p) => c[path[p] as number] as number);
    idx.forEach((i, p) => {
      const cands = lattice[p] as ArrayLike<number>;
      if (!choosable[p] || cands.length < 2) return;
      const scored = Array.from(cands, (id) => ({ id, s: pathScore(a.scorer, ids, p, id) })).sort((x, y) => y.s - x.s);
      const top = (scored[0] as { s: number }).s;
      const total = scored.reduce((sum, x) => sum + Math.exp(x.s - top), 0);
      const share = (s: number) => Math.exp(s - top) / total;
      const rec = records[i] as RestoredToken;
      rec.confidence = share(scored.find((x) => x.id === ids[p])?.s ?? top);
      rec.alternatives = scored
        .filter((x) => x.id !== ids[p])
        .slice(0, MAX_ALTERNATIVES)
        .map((x) => ({ text: renderWord((a.tokens[i] as Token).text, model.lm.vocab[x.id] as string, a.style), confidence: share(x.s) }));
    });
  }
  return records;
}
