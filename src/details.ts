import type { Position } from './decode/index.js';
import type { Model } from './model/index.js';
import type { Scorer } from './model/scorer.js';
import { EOS } from './normalize/index.js';
import { formText, render } from './output.js';
import type { Analysis, Planned, RestoredToken } from './restore.js';
import type { Token } from './tokenize/index.js';

/** Alternatives listed per token. */
const MAX_ALTERNATIVES = 4;

/** Scorer states along the best path: `states[q]` is the state before position q (q = n: before EOS). */
function pathStates(scorer: Scorer, plan: Planned): number[] {
  const out = { state: scorer.begin() };
  const states = [out.state];
  plan.lattice.forEach((pos, q) => {
    scorer.score(out.state, pos.ids[plan.path[q] as number] as number, out);
    states.push(out.state);
  });
  return states;
}

/**
 * Log-score of the sentence with candidate `c` at position p and the best path everywhere else, less
 * what every candidate at p shares: a word only reaches the scores of the next two steps (a state is
 * the last two words), so only steps p to p + 2 and, near the end, the sentence end are summed.
 */
function windowScore(scorer: Scorer, plan: Planned, states: readonly number[], p: number, c: number): number {
  const n = plan.lattice.length;
  const out = { state: states[p] as number };
  let s = 0;
  for (let q = p; q < Math.min(p + 3, n); q++) {
    const { ids, emit } = plan.lattice[q] as Position;
    const k = q === p ? c : (plan.path[q] as number);
    s += scorer.score(out.state, ids[k] as number, out) + (emit ? (emit[k] as number) : 0);
  }
  return p + 3 >= n ? s + scorer.score(out.state, EOS, out) : s;
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
  for (const plan of a.plan) {
    const states = pathStates(a.scorer, plan);
    plan.idx.forEach((i, p) => {
      const n = (plan.lattice[p] as Position).ids.length;
      if (!plan.choosable[p] || n < 2) return;
      const input = (a.tokens[i] as Token).text;
      const scored = Array.from({ length: n }, (_, c) => ({ c, s: windowScore(a.scorer, plan, states, p, c) })).sort((x, y) => y.s - x.s);
      const top = (scored[0] as { s: number }).s;
      const total = scored.reduce((sum, x) => sum + Math.exp(x.s - top), 0);
      const share = (s: number) => Math.exp(s - top) / total;
      const chosen = plan.path[p] as number;
      const rec = records[i] as RestoredToken;
      rec.confidence = share(scored.find((x) => x.c === chosen)?.s ?? top);
      rec.alternatives = scored
        .filter((x) => x.c !== chosen)
        .slice(0, MAX_ALTERNATIVES)
        .map((x) => ({ text: formText(model, a, plan, p, x.c, input), confidence: share(x.s) }));
    });
  }
  return records;
}
