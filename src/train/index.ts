import { LEARNT_CHANNEL } from '../candidates/channel.generated.js';
import type { Channel } from '../candidates/channel.js';
import { createModel, type Model } from '../model/index.js';
import { BOS, EOS, SPECIAL, sentences, tokenKey } from '../normalize/index.js';
import { tokenize } from '../tokenize/index.js';
import { estimate } from './ngram.js';
import { SYLLABLES } from './syllables.generated.js';

export interface TrainOptions {
  /** N-gram order, 2 or 3 (default 3). */
  order?: 2 | 3;
  /** Also train a right-to-left model and decode with both directions (default true). */
  backward?: boolean;
  /** The OCR channel the model carries for `{ ocr: true }` (default: the built-in learnt channel). */
  channel?: Channel;
  /** Add the built-in inventory of Vietnamese syllables to the vocabulary (default true). */
  inventory?: boolean;
}

function keySentences(text: string): string[][] {
  const tokens = tokenize(text.normalize('NFC'));
  return sentences(tokens).map((idx) => idx.map((i) => tokenKey(tokens[i] as (typeof tokens)[number]) as string));
}

/** A sentence read right to left, still opening with BOS and closing with EOS. */
function reversed(s: Uint32Array): Uint32Array {
  const r = s.slice().reverse();
  r[0] = BOS;
  r[r.length - 1] = EOS;
  return r;
}

/**
 * Build a model from clean, accented texts: an interpolated modified Kneser–Ney n-gram model over
 * lower-cased syllables, sentence boundaries and number/punctuation context.
 * @example const model = train([readFileSync('corpus.txt', 'utf8')], { order: 3 })
 */
export function train(texts: readonly string[], options: TrainOptions = {}): Model {
  if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) {
    throw new TypeError('train: texts must be an array of strings');
  }
  const order = options.order ?? 3;
  if (order !== 2 && order !== 3) throw new TypeError(`train: options.order must be 2 or 3, got ${String(order)}`);
  const corpus = texts.flatMap(keySentences);
  const freq = new Map<string, number>();
  for (const s of corpus) for (const k of s) freq.set(k, (freq.get(k) ?? 0) + 1);
  for (const s of SPECIAL) freq.delete(s);
  const vocab: string[] = [
    ...SPECIAL,
    ...[...freq.keys()].sort((a, b) => (freq.get(b) as number) - (freq.get(a) as number) || (a < b ? -1 : 1)),
  ];
  if (options.inventory ?? true) for (const s of SYLLABLES.split(' ')) if (!freq.has(s)) vocab.push(s);
  const ids = new Map(vocab.map((w, i) => [w, i]));
  const idSentences = corpus.map((s) => Uint32Array.from([BOS, ...s.map((k) => ids.get(k) as number), EOS]));
  const tables = estimate(idSentences, vocab, order);
  const backward = (options.backward ?? true) ? estimate(idSentences.map(reversed), vocab, order) : undefined;
  const tokens = corpus.reduce((n, s) => n + s.length, 0);
  const model = createModel(tables, { order, tokens, trainedWords: freq.size, vocabulary: vocab.length }, backward);
  model.channel = options.channel ?? LEARNT_CHANNEL;
  return model;
}
