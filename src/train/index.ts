import type { CapitalCounts } from '../candidates/capitals.js';
import { LEARNT_CHANNEL } from '../candidates/channel.generated.js';
import type { Channel } from '../candidates/channel.js';
import { createModel, type Model } from '../model/index.js';
import { declareTwins } from '../model/twins.js';
import { BOS, EOS, SPECIAL, UNK } from '../normalize/index.js';
import { plainLetters } from '../orthography/letters.js';
import { isValidSyllable } from '../orthography/syllable.js';
import { BACKGROUND_CANDIDATE, BACKGROUND_SHARE, backgroundCounts, backgroundOf, capitalKey, isCapitalKey, pairsOf } from './background.js';
import { abbreviationFacts, Corpus, codeForms } from './corpus.js';
import { estimate, MAX_VOCABULARY } from './ngram.js';
import { SYLLABLES } from './syllables.generated.js';
import { sameNgrams } from './twins.js';

export interface TrainOptions {
  /** N-gram order, 2 or 3 (default 3). */
  order?: 2 | 3;
  /** Also train a right-to-left model and decode with both directions (default true). */
  backward?: boolean;
  /** The OCR channel the model carries for `{ ocr: true }` (default: the built-in learnt channel). */
  channel?: Channel;
  /** Add the built-in inventory of Vietnamese syllables to the vocabulary (default true). */
  inventory?: boolean;
  /**
   * Give the words and word pairs the training text seldom or never shows a share of probability by how common
   * they are in other text: `true` (the default), the built-in counts, from the three government documents the
   * benchmark trains on and the general text of `data/background/` (`background.generated.json`); your own, made by {@link wordCounts}; or `false`, none (every
   * word an even share, the unigram alone after a word). Helps most when the training text is small.
   */
  background?: boolean | ReadonlyMap<string, number>;
}

const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * The stream read right to left: sentences in reverse order, each still opening with BOS and closing
 * with EOS.
 */
function reversed(ids: Uint32Array): Uint32Array {
  const r = ids.slice().reverse();
  for (let i = 0; i < r.length; i++) r[i] = r[i] === BOS ? EOS : r[i] === EOS ? BOS : (r[i] as number);
  return r;
}

/**
 * Build a model from clean, accented texts: an interpolated modified Kneser–Ney n-gram model over
 * lower-cased syllables, sentence boundaries and number/punctuation context. `texts` may be any iterable,
 * such as a generator that reads one file at a time, so a corpus need never be in memory all at once.
 * @example const model = train([readFileSync('corpus.txt', 'utf8')], { order: 3 })
 */
export function train(texts: Iterable<string>, options: TrainOptions = {}): Model {
  if (typeof texts === 'string' || typeof (texts as Partial<Iterable<string>>)?.[Symbol.iterator] !== 'function') {
    throw new TypeError('train: texts must be an array (or other iterable) of strings');
  }
  checkOptions(options);
  const order = options.order ?? 3;
  if (order !== 2 && order !== 3) throw new TypeError(`train: options.order must be 2 or 3, got ${String(order)}`);
  const { background = true } = options;
  checkBackground(background);
  const corpus = new Corpus();
  for (const text of texts) {
    if (typeof text !== 'string') throw new TypeError(`train: texts must be strings, got ${typeof text}`);
    corpus.add(text);
  }
  const counts = background === false ? undefined : background === true ? backgroundCounts() : background;
  const { vocab, renumber, trainedWords, backgroundWords } = numberWords(corpus, options.inventory ?? true, counts);
  const capitals = { count: new Uint32Array(vocab.length), capital: new Uint32Array(vocab.length) };
  for (let id = SPECIAL.length; id < corpus.words.length; id++) {
    const to = renumber[id] as number;
    if (to === UNK) continue;
    capitals.count[to] = corpus.counts[id] as number;
    capitals.capital[to] = corpus.capitals[id] as number;
  }
  if (counts) addBackgroundCapitals(capitals, vocab, counts);
  const stream = corpus.ids.subarray(0, corpus.length).map((id) => renumber[id] as number);
  const base = counts && backgroundOf(vocab, counts);
  const tables = estimate(stream, vocab, order, base, counts && pairsOf(vocab, counts));
  const backward =
    (options.backward ?? true) ? estimate(reversed(stream), vocab, order, base, counts && pairsOf(vocab, counts, true)) : undefined;
  let tokens = 0;
  for (const c of corpus.counts) tokens += c;
  const info = {
    order,
    tokens,
    trainedWords,
    ...(backgroundWords > 0 && { backgroundWords }),
    vocabulary: vocab.length,
    ...(corpus.bareSentences > 0 && { bareSentences: corpus.bareSentences }),
  };
  const model = createModel(tables, info, backward, capitals);
  if (model.backward && sameNgrams(model.lm, model.backward)) declareTwins(model.backward);
  toneConventions(model, corpus.toneForms);
  model.channel = options.channel ?? LEARNT_CHANNEL;
  model.codeParts = codeForms(corpus);
  model.abbreviations = abbreviationFacts(corpus.abbreviations);
  model.identifiers = abbreviationFacts(corpus.identifierParts);
  model.glued = abbreviationFacts(corpus.gluedParts);
  return model;
}

/**
 * Add the background's counts of each word, in all and capitalised as a name (see `capitalKey`), to the
 * training text's: the capitals' bonus then knows names general text shows (`Nguyễn`, `Võ`), which government
 * documents seldom name.
 */
function addBackgroundCapitals(capitals: CapitalCounts, vocab: readonly string[], counts: ReadonlyMap<string, number>): void {
  for (let id = SPECIAL.length; id < vocab.length; id++) {
    const word = vocab[id] as string;
    capitals.count[id] = (capitals.count[id] as number) + (counts.get(word) ?? 0);
    capitals.capital[id] = (capitals.capital[id] as number) + (counts.get(capitalKey(word)) ?? 0);
  }
}

/** Throws a TypeError naming the option unless `options` is an object whose flags, if given, are booleans and whose channel is one. */
function checkOptions(options: TrainOptions): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('train: options must be an object');
  for (const flag of ['backward', 'inventory'] as const) {
    const v = options[flag];
    if (v !== undefined && typeof v !== 'boolean') throw new TypeError(`train: options.${flag} must be a boolean, got ${typeof v}`);
  }
  const { channel } = options;
  if (
    channel !== undefined &&
    (typeof channel !== 'object' || channel === null || typeof channel.ops !== 'object' || typeof channel.weights !== 'object')
  ) {
    throw new TypeError('train: options.channel must be a channel (ops, fallback, weights), such as LEARNT_CHANNEL');
  }
}

/** Throws a TypeError unless `background` is a boolean or a map of words to counts (finite, not negative). */
function checkBackground(background: unknown): void {
  if (typeof background === 'boolean') return;
  const fine =
    background instanceof Map &&
    [...background].every(([w, c]) => typeof w === 'string' && typeof c === 'number' && Number.isFinite(c) && c >= 0);
  if (!fine) throw new TypeError('train: options.background must be true, false or a Map of words to counts (see wordCounts)');
}

/**
 * The tone convention most of the training text's words showed, and the forms it wrote the other way more often
 * (`form` → [times old, times new]), for `auto` to write where the input shows none.
 */
function toneConventions(model: Model, forms: ReadonlyMap<string, [number, number]>): void {
  let balance = 0;
  for (const [old, fresh] of forms.values()) balance += fresh - old;
  const style = balance > 0 ? 'new' : 'old';
  const exceptions = new Set<string>();
  for (const [form, [old, fresh]] of forms) if (style === 'old' ? fresh > old : old > fresh) exceptions.add(form);
  model.toneStyle = style;
  if (exceptions.size > 0) model.toneExceptions = exceptions;
}

/**
 * The vocabulary and the final id of every word of the corpus: the special tokens, then the words
 * seen, most frequent first (ties by spelling), then the background's words seen at least
 * {@link BACKGROUND_CANDIDATE} times that training did not show (`backgroundWords` of them; with the inventory, only
 * syllables its spelling rules accept, `Huế` too, which the inventory lacks), then the inventory's syllables not seen. Candidates are the first two groups' words.
 */
function numberWords(corpus: Corpus, inventory: boolean, background?: ReadonlyMap<string, number>) {
  const { words, counts } = corpus;
  const byFrequency = words
    .map((_, id) => id)
    .slice(SPECIAL.length)
    .sort((a, b) => (counts[b] as number) - (counts[a] as number) || ((words[a] as string) < (words[b] as string) ? -1 : 1));
  // Past the vocabulary's limit the rarest words (typos, foreign names, once each) become <unk>.
  const syllables = inventory ? SYLLABLES.split(' ') : [];
  const kept = byFrequency.slice(0, MAX_VOCABULARY - SPECIAL.length - syllables.length);
  const renumber = new Uint32Array(words.length); // UNK unless kept
  for (let i = 0; i < SPECIAL.length; i++) renumber[i] = i;
  for (const [i, id] of kept.entries()) renumber[id] = SPECIAL.length + i;
  const vocab: string[] = [...SPECIAL, ...kept.map((id) => words[id] as string)];
  const known = new Set(vocab);
  const room = MAX_VOCABULARY - vocab.length - syllables.length;
  // The commonest count of each word's letters in the background, so that a form far rarer than another is left out;
  // the same of its count capitalised as a name, so that a name is proposed where it is the commonest name of
  // its letters (`Bùi` beside the commoner `bụi`).
  const top = new Map<string, number>();
  const topCapital = new Map<string, number>();
  for (const [w, c] of background ?? []) {
    if (!LETTERS_ONLY.test(w)) continue;
    const tops = isCapitalKey(w) ? topCapital : top;
    const letters = plainLetters(w.toLowerCase());
    if (c > (tops.get(letters) ?? 0)) tops.set(letters, c);
  }
  const common = [...(background ?? [])]
    .filter(([w, c]) => {
      if (!LETTERS_ONLY.test(w) || isCapitalKey(w) || known.has(w) || (inventory && !isValidSyllable(w))) return false;
      const letters = plainLetters(w);
      const capital = background?.get(capitalKey(w)) ?? 0;
      const often = (n: number, most: number | undefined) => n >= BACKGROUND_CANDIDATE && n >= BACKGROUND_SHARE * (most as number);
      return often(c, top.get(letters)) || often(capital, topCapital.get(letters));
    })
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, Math.max(room, 0))
    .map(([w]) => w);
  for (const w of common) vocab.push(w), known.add(w);
  for (const s of syllables) if (!known.has(s)) vocab.push(s);
  return { vocab, renumber, trainedWords: kept.length, backgroundWords: common.length };
}
