import { BACKGROUND_TEXT } from '../background-text.js';
import { namedCapital } from '../candidates/capitals.js';
import { normalizeWord, sentences } from '../normalize/index.js';
import { type Token, tokenize } from '../tokenize/index.js';
import { isBareSentence, pieceEnd } from './corpus.js';

/** Share of the unigram's reserved mass spread by the background counts; the rest goes evenly to every word. */
export const BACKGROUND_WEIGHT = 0.35;
/**
 * A word the background shows at least this many times is proposed as a candidate as the training text's words
 * are, also where training showed another form of its letters (`lãi` beside `lại` for a spreadsheet's help).
 * Development sets, against proposing none: LibreOffice help with 3/10 % of its lines 90.45 → 90.96, 93.89 →
 * 94.04 %, Debian catalogs with 15/100 % 93.12 → 93.16, 96.09 → 96.11 % (with 1: 90.98, 94.06, 93.17, 96.02 %).
 */
export const BACKGROUND_CANDIDATE = 2;

/**
 * A background word is proposed (see {@link BACKGROUND_CANDIDATE}) only if the background shows it at least this
 * share as often as the commonest form of its letters: rarer forms seldom win and each costs the decoder steps.
 * Leave-one-out on seeds 001-003 with the general background (errors; plain-mode speed of the 001-003 model):
 * every form 791 (534 k syllables/s), 0.05: 813 (845 k), 0.1: 853 (~910 k), 0.2: 904 (~1,000 k), none 1,063 (1,042 k).
 */
export const BACKGROUND_SHARE = 0.2;

/** Background counts are raised to this power first, so that a handful of very frequent words do not take it all. */
export const BACKGROUND_EXPONENT = 0.5;

/**
 * The distribution a model's unigram spreads its reserved (discounted) mass by: part even over the vocabulary,
 * part by how often each word occurs in the background text (see `background.generated.json`), so that of two
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

/**
 * The built-in background: how often each word and pair of words ("a b") occurs in seeds 001–003 (parsed from
 * their generated text on first use; do not change the map). `train` uses it by default; add your own to it
 * with `wordCounts(texts, backgroundCounts())`.
 * @example backgroundCounts().get('hội đồng') // 16
 */
export function backgroundCounts(): ReadonlyMap<string, number> {
  if (!parsed) {
    parsed = new Map();
    const words: string[] = [];
    for (const entry of BACKGROUND_TEXT.words.split(',')) {
      const at = entry.lastIndexOf(':');
      words.push(entry.slice(0, at));
      parsed.set(entry.slice(0, at), Number(entry.slice(at + 1)));
    }
    for (const group of BACKGROUND_TEXT.pairs.split(',')) {
      const [first, seconds] = group.split('=') as [string, string];
      const a = words[Number.parseInt(first, 36)] as string;
      for (const item of seconds.split('.')) {
        const [second, count = '1'] = item.split(':') as [string, string?];
        parsed.set(`${a} ${words[Number.parseInt(second, 36)] as string}`, Number(count));
      }
    }
  }
  return parsed;
}

const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * The key under which counts keep how often a word was written capitalised as a name is (`Nguyễn` in `ông Nguyễn
 * Văn An`, `Nguyễn Văn An là`; see `namedCapital`): the word with its first letter in upper case. Every other key
 * is lower case.
 * @example capitalKey('nguyễn') // 'Nguyễn'
 */
export function capitalKey(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Is this key of background counts a word's capitalised count (see {@link capitalKey})? */
export function isCapitalKey(key: string): boolean {
  const first = key.charAt(0);
  return first !== first.toLowerCase();
}

/** Per token, is it a word of a sentence written without its marks (see `isBareSentence`), which counts nothing? */
function bareTokens(tokens: readonly Token[]): boolean[] {
  const bare = new Array<boolean>(tokens.length).fill(false);
  for (const idx of sentences(tokens)) if (isBareSentence(tokens, idx)) for (const i of idx) bare[i] = true;
  return bare;
}

/**
 * How often each word (lower case, as `train` counts them; letters only), each pair of words (`"do dân"`: two
 * words with only a space between them) and each word capitalised as a name (under its {@link capitalKey},
 * `"Nguyễn"`: names, for the capitals' bonus) occurs in some texts, added to the counts of `start` if given (it is not
 * changed): a background of your own for `train(texts, { background: wordCounts(generalTexts, backgroundCounts()) })`
 * (the built-in counts and yours; without `start`, yours alone). Sentences written without marks count nothing (see
 * `isBareSentence`). Only the counts are kept, and a text is read a
 * piece at a time, so a large general corpus (a generator over its files) is never held whole (memory grows with its
 * distinct words and pairs).
 * @example wordCounts(['Của dân, do dân.']) // Map { 'của' => 1, 'dân' => 2, 'của dân' => 1, 'do' => 1, 'do dân' => 1 }
 * @example wordCounts(['ông Lê']) // Map { 'ông' => 1, 'lê' => 1, 'Lê' => 1, 'ông lê' => 1 }
 * @example wordCounts(['do dân'], new Map([['dân', 5]])) // Map { 'dân' => 6, 'do' => 1, 'do dân' => 1 }
 */
export function wordCounts(texts: Iterable<string>, start?: ReadonlyMap<string, number>): Map<string, number> {
  if (typeof texts === 'string' || typeof (texts as Partial<Iterable<string>>)?.[Symbol.iterator] !== 'function') {
    throw new TypeError('wordCounts: texts must be an array (or other iterable) of strings');
  }
  if (start !== undefined && !(start instanceof Map))
    throw new TypeError('wordCounts: start must be a Map of counts (see backgroundCounts)');
  const out = new Map<string, number>(start);
  for (const text of texts) {
    if (typeof text !== 'string') throw new TypeError(`wordCounts: texts must be strings, got ${typeof text}`);
    const nfc = text.normalize('NFC');
    for (let start = 0; start < nfc.length; ) {
      const end = pieceEnd(nfc, start);
      let last = ''; // the word just before, while only a space within a line separates it
      const tokens = tokenize(nfc.slice(start, end), { paths: false });
      const bare = bareTokens(tokens);
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as Token;
        if (t.kind === 'space' && !t.text.includes('\n')) continue;
        if (bare[i]) {
          last = '';
          continue;
        }
        const word = t.kind === 'word' ? normalizeWord(t.text) : '';
        if (word === '' || !LETTERS_ONLY.test(word)) {
          last = '';
          continue;
        }
        out.set(word, (out.get(word) ?? 0) + 1);
        if (namedCapital(tokens, i)) out.set(capitalKey(word), (out.get(capitalKey(word)) ?? 0) + 1);
        if (last !== '') out.set(`${last} ${word}`, (out.get(`${last} ${word}`) ?? 0) + 1);
        last = word;
      }
      start = end;
    }
  }
  return out;
}

/**
 * Share of a context's reserved mass spread by the background's word pairs, for a word the background shows
 * pairs after (the rest goes by the unigram). Development sets: LibreOffice help with 10 % of its lines 93.34 →
 * 93.89 %, Debian catalogs with 15 % 92.90 → 93.12 % (0.1–0.3 about alike, 0.5 and above worse), with 53 k words of
 * general text. Re-weighed with 233 k (errors; folds 001–003, LibreOffice help at 10 %, maintainers' guide at 60 %,
 * Debian catalogs at 15 %): 0.15 770, 16,314, 611, 7,031; 0.2 755, 16,239, 607, 7,055; 0.25 734, 16,314, 604, 7,045;
 * 0.3 731, 16,346, 609, 7,007; 0.35 726, 16,491, 611, 7,068; 0.5 724, 16,550, 629, 7,300. The government folds gain
 * most; past 0.3 the other domains lose.
 */
export const PAIR_WEIGHT = 0.25;

/**
 * At most this many of a background's word pairs are used, the commonest: each becomes an entry of the model where
 * training did not show it (the built-in background has 7,754; a large general corpus of your own may have millions).
 */
export const PAIR_LIMIT = 100_000;

/** Background word pairs for `estimate`: sorted keys `a·v + b`, P(b | a) in the background, and each a's weight. */
export interface PairBackground {
  keys: Float64Array;
  prob: Float64Array;
  weight: Float64Array;
}

/**
 * The word pairs ("a b" keys) of background counts, as ids of `vocab` (pairs with a word outside it are
 * dropped), at most `limit` of them; `reverse`: read right to left (b before a), for a backward model. Undefined
 * when there are none.
 * @example pairsOf(['<s>', 'của', 'dân'], new Map([['của dân', 2]])) // { keys: [5], prob: [1], weight: [0, 0.15, 0] }
 */
export function pairsOf(
  vocab: readonly string[],
  counts: ReadonlyMap<string, number>,
  reverse = false,
  limit = PAIR_LIMIT,
): PairBackground | undefined {
  const v = vocab.length;
  const ids = new Map<string, number>();
  for (let i = 0; i < v; i++) ids.set(vocab[i] as string, i);
  let found: [number, number][] = []; // [a·v + b as read left to right, count]
  for (const [key, c] of counts) {
    const space = key.indexOf(' ');
    if (space < 0 || !(c > 0)) continue;
    const a = ids.get(key.slice(0, space));
    const b = ids.get(key.slice(space + 1));
    if (a !== undefined && b !== undefined) found.push([a * v + b, c]);
  }
  if (found.length === 0) return undefined;
  // The commonest pairs only, the same ones either way read (ties by their left-to-right key).
  if (found.length > limit) found = found.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, limit);
  if (reverse) found = found.map(([k, c]) => [(k % v) * v + Math.floor(k / v), c]);
  found.sort((x, y) => x[0] - y[0]);
  const total = new Float64Array(v);
  for (const [k, c] of found) total[Math.floor(k / v)] = (total[Math.floor(k / v)] as number) + c;
  const keys = Float64Array.from(found, (f) => f[0]);
  const prob = Float64Array.from(found, ([k, c]) => c / (total[Math.floor(k / v)] as number));
  const weight = new Float64Array(v);
  for (let a = 0; a < v; a++) if ((total[a] as number) > 0) weight[a] = PAIR_WEIGHT;
  return { keys, prob, weight };
}
