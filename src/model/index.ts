import { stripDiacritics } from '../strip.js';
import { type ArraySpec, type ModelParts, readParts, writeParts } from './format.js';
import { indexTables, type LanguageModel, type NgramTables } from './lm.js';

/** A loaded model: the language model and the lexicon that maps unaccented keys to word ids. */
export interface Model {
  lm: LanguageModel;
  /** Unaccented lower-case form → ids of every vocabulary word that strips to it. */
  lexicon: Map<string, Uint32Array>;
  /** Free-form facts saved with the model (what it was trained on, counts). */
  info: Record<string, unknown>;
}

const LETTERS = /^\p{L}+$/u;

const SPECS: ArraySpec[] = [
  { name: 'uniLogProb', kind: 'logprob' },
  { name: 'uniBackoff', kind: 'logprob' },
  { name: 'biPrev', kind: 'ids' },
  { name: 'biNext', kind: 'ids' },
  { name: 'biLogProb', kind: 'logprob' },
  { name: 'biBackoff', kind: 'logprob' },
  { name: 'triContext', kind: 'u32' },
  { name: 'triNext', kind: 'ids' },
  { name: 'triLogProb', kind: 'logprob' },
];

/** Wrap n-gram tables into a ready-to-use model. */
export function createModel(tables: NgramTables, info: Record<string, unknown> = {}): Model {
  const lm = indexTables(tables);
  const groups = new Map<string, number[]>();
  tables.vocab.forEach((word, id) => {
    if (!LETTERS.test(word)) return;
    const key = stripDiacritics(word);
    const list = groups.get(key);
    if (list) list.push(id);
    else groups.set(key, [id]);
  });
  const lexicon = new Map<string, Uint32Array>();
  for (const [key, ids] of groups) lexicon.set(key, Uint32Array.from(ids));
  return { lm, lexicon, info };
}

/**
 * Write a model as bytes (the versioned binary format of `format.ts`).
 * @example writeFileSync('m.bin', serializeModel(train([text])))
 */
export function serializeModel(model: Model): Uint8Array {
  const { lm } = model;
  const parts: ModelParts = {
    header: { order: lm.order, vocab: lm.vocab, info: model.info },
    arrays: {
      uniLogProb: lm.uniLogProb,
      uniBackoff: lm.uniBackoff,
      biPrev: lm.biPrev,
      biNext: lm.biNext,
      biLogProb: lm.biLogProb,
      biBackoff: lm.biBackoff,
      triContext: lm.triContext,
      triNext: lm.triNext,
      triLogProb: lm.triLogProb,
    },
  };
  return writeParts(parts, SPECS);
}

/**
 * Read a model from bytes; a corrupt or foreign file is rejected by its header with a clear error.
 * @example const model = loadModel(readFileSync('m.bin'))
 */
export function loadModel(bytes: Uint8Array): Model {
  const { header, arrays } = readParts(bytes);
  const a = (name: string) => arrays[name] as Uint32Array;
  const f = (name: string) => arrays[name] as Float32Array;
  const vocab = header.vocab as string[];
  if (!Array.isArray(vocab) || vocab.some((w) => typeof w !== 'string')) throw new Error('not a vi-restore model: bad vocabulary');
  const order = header.order === 2 ? 2 : 3;
  if (f('uniLogProb').length !== vocab.length) throw new Error('not a vi-restore model: vocabulary and unigram table disagree');
  const tables: NgramTables = {
    order,
    vocab,
    uniLogProb: f('uniLogProb'),
    uniBackoff: f('uniBackoff'),
    biPrev: a('biPrev'),
    biNext: a('biNext'),
    biLogProb: f('biLogProb'),
    biBackoff: f('biBackoff'),
    triContext: a('triContext'),
    triNext: a('triNext'),
    triLogProb: f('triLogProb'),
  };
  return createModel(tables, (header.info as Record<string, unknown>) ?? {});
}
