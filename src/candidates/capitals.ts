import type { Model } from '../model/index.js';
import type { Token } from '../tokenize/index.js';

/**
 * How often each vocabulary word occurred in training and its background, in all and capitalised as a name is
 * (see {@link namedCapital}: `Đông Bắc`, `Sở Kế hoạch`, `Lê Văn`).
 */
export interface CapitalCounts {
  count: Uint32Array;
  capital: Uint32Array;
}

/** Pseudo-count of every form in the two distributions below (add-k smoothing). */
const SMOOTHING = 0.5;

/** Punctuation after which a capital is still inside the sentence. */
const INSIDE = /^[,;(–-]$/;

/**
 * Is word `i` capitalised (`Đông`, not `ĐÔNG`) after a word or a comma on the same line, so that the
 * capital says it is a name rather than the start of a sentence?
 * @example isMidSentenceCapital(tokenize('vùng Dong Bac'), 2) // true
 */
export function isMidSentenceCapital(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const code = t.text.charCodeAt(0);
  if (code >= 0x61 && code <= 0x7a) return false; // lower-case ASCII: no capital, no string made
  const first = t.text[0] as string;
  if (t.kind !== 'word' || first === first.toLowerCase() || t.text === t.text.toUpperCase()) return false;
  for (let j = i - 1; j >= 0; j--) {
    const u = tokens[j] as Token;
    if (u.kind === 'space') {
      if (u.text.includes('\n')) return false;
      continue;
    }
    return u.kind === 'word' || (u.kind === 'punct' && INSIDE.test(u.text));
  }
  return false;
}

/** Is this a word written Capitalised (`Nguyen`; not `NGUYEN`, not `nguyen`)? */
function capitalised(t: Token | undefined): boolean {
  if (t?.kind !== 'word') return false;
  const first = t.text[0] as string;
  return first !== first.toLowerCase() && t.text !== t.text.toUpperCase();
}

/**
 * Does a Capitalised word that is no {@link isMidSentenceCapital} (it starts a sentence or line) open a run of them,
 * a space and another Capitalised word following (`Nguyen Van An la`)? Then it is most likely the run's first name
 * too, and takes the capitals' bonus as the rest of the run does.
 * @example opensCapitalRun(tokenize('Nguyen Van An la'), 0) // true
 */
export function opensCapitalRun(tokens: readonly Token[], i: number): boolean {
  return capitalised(tokens[i]) && tokens[i + 1]?.text === ' ' && capitalised(tokens[i + 2]);
}

/**
 * Is word `i` capitalised as a name is: inside a sentence ({@link isMidSentenceCapital}), or opening a run of
 * capitalised words ({@link opensCapitalRun})? Such words are counted in training and take the capitals' bonus.
 * @example namedCapital(tokenize('Nguyen Van An la'), 0) // true
 */
export function namedCapital(tokens: readonly Token[], i: number): boolean {
  return isMidSentenceCapital(tokens, i) || opensCapitalRun(tokens, i);
}

/**
 * Log-score bonuses for the forms `ids` of a word capitalised as a name is (see {@link namedCapital}): log P(form | letters,
 * capitalised) − log P(form | letters), so that a name takes the forms names take (`Dong` → `Đông` as in
 * Đông Bắc, where the language model alone prefers the commoner `đồng`). `undefined` when the training
 * text never showed these letters capitalised, or the model has no such counts.
 * @example capitalBonus(model, ids) // Float64Array [0.9, -1.4]
 */
export function capitalBonus(model: Model, ids: Uint32Array): Float64Array | undefined {
  const counts = model.capitals;
  if (!counts || ids.length < 2) return undefined;
  let capitals = 0;
  let all = 0;
  for (const id of ids) {
    capitals += counts.capital[id] as number;
    all += counts.count[id] as number;
  }
  if (capitals === 0) return undefined;
  const k = SMOOTHING * ids.length;
  const bonus = new Float64Array(ids.length);
  for (let c = 0; c < ids.length; c++) {
    const id = ids[c] as number;
    bonus[c] = Math.log(
      (((counts.capital[id] as number) + SMOOTHING) / (capitals + k)) * ((all + k) / ((counts.count[id] as number) + SMOOTHING)),
    );
  }
  return bonus;
}
