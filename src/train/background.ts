import { normalizeWord } from '../normalize/index.js';
import { tokenize } from '../tokenize/index.js';
import { BACKGROUND } from './background.generated.js';
import { pieceEnd } from './corpus.js';

/** Share of the unigram's reserved mass spread by the background counts; the rest goes evenly to every word. */
export const BACKGROUND_WEIGHT = 0.35;
/** Background counts are raised to this power first, so that a handful of very frequent words do not take it all. */
export const BACKGROUND_EXPONENT = 0.5;

/**
 * The distribution a model's unigram spreads its reserved (discounted) mass by: part even over the vocabulary,
 * part by how often each word occurs in the background text (see `background.generated.ts`), so that of two
 * forms the training text never showed the commoner Vietnamese word is the likelier. Sums to 1 over `vocab`.
 * @example backgroundOf(['<s>', 'của', 'cua']) // Float64Array [0.216…, 0.566…, 0.216…]
 */
export function backgroundOf(vocab: readonly string[], counts: ReadonlyMap<string, number> = backgroundCounts()): Float64Array {
  const v = vocab.length;
  const weight = new Float64Array(v);
  let total = 0;
  for (let w = 0; w < v; w++) {
    const c = counts.get(vocab[w] as string);
    if (c) total += weight[w] = c ** BACKGROUND_EXPONENT;
  }
  const out = new Float64Array(v).fill(total > 0 ? (1 - BACKGROUND_WEIGHT) / v : 1 / v);
  if (total > 0) for (let w = 0; w < v; w++) out[w] = (out[w] as number) + (BACKGROUND_WEIGHT * (weight[w] as number)) / total;
  return out;
}

let parsed: Map<string, number> | undefined;

/** The background counts, word → times seen, parsed from their generated text on first use. */
export function backgroundCounts(): ReadonlyMap<string, number> {
  if (!parsed) {
    parsed = new Map();
    for (const entry of BACKGROUND.split(' ')) {
      const at = entry.lastIndexOf(':');
      parsed.set(entry.slice(0, at), Number(entry.slice(at + 1)));
    }
  }
  return parsed;
}

const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * How often each word (lower case, as `train` counts them; letters only) occurs in some texts: a background
 * of your own for `train(texts, { background: wordCounts(generalTexts) })`. Only the counts are kept, and a
 * text is read a piece at a time, so a large general corpus (a generator over its files) takes little memory.
 * @example wordCounts(['Của dân, do dân.']) // Map { 'của' => 1, 'dân' => 2, 'do' => 1 }
 */
export function wordCounts(texts: Iterable<string>): Map<string, number> {
  if (typeof texts === 'string' || typeof (texts as Partial<Iterable<string>>)?.[Symbol.iterator] !== 'function') {
    throw new TypeError('wordCounts: texts must be an array (or other iterable) of strings');
  }
  const out = new Map<string, number>();
  for (const text of texts) {
    if (typeof text !== 'string') throw new TypeError(`wordCounts: texts must be strings, got ${typeof text}`);
    const nfc = text.normalize('NFC');
    for (let start = 0; start < nfc.length; ) {
      const end = pieceEnd(nfc, start);
      for (const t of tokenize(nfc.slice(start, end))) {
        if (t.kind !== 'word') continue;
        const word = normalizeWord(t.text);
        if (LETTERS_ONLY.test(word)) out.set(word, (out.get(word) ?? 0) + 1);
      }
      start = end;
    }
  }
  return out;
}
