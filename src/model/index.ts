import type { AbbreviationFacts } from '../candidates/abbreviation.js';
import type { CapitalCounts } from '../candidates/capitals.js';
import type { Channel } from '../candidates/channel.js';
import { SPECIAL } from '../normalize/index.js';
import type { ToneStyle } from '../orthography/syllable.js';
import { stripDiacritics } from '../strip.js';
import { type ArraySpec, type ModelParts, readParts, writeParts } from './format.js';
import { indexTables, type LanguageModel, type NgramTables } from './lm.js';
import { declareTwins, hasTwins } from './twins.js';

/** A loaded model: the language model and the lexicon that maps unaccented keys to word ids. */
export interface Model {
  /** The forward (left-to-right) language model. */
  lm: LanguageModel;
  /** A right-to-left model over the same vocabulary, when the model was trained with one. */
  backward?: LanguageModel;
  /** Unaccented lower-case form → ids of every vocabulary word that strips to it. */
  lexicon: Map<string, Uint32Array>;
  /** Free-form facts saved with the model (what it was trained on, counts). */
  info: Record<string, unknown>;
  /** The OCR noisy channel, for `{ ocr: true }`. */
  channel?: Channel;
  /** How often each word occurred, and capitalised as a name (models from before have none). */
  capitals?: CapitalCounts;
  /** Letter parts of codes that training wrote with a `đ`, by their plain letters (`hdnd` → `hđnd`). */
  codeParts?: Map<string, string>;
  /** What training showed in abbreviations' places (models from before have none: all codes). */
  abbreviations?: AbbreviationFacts;
  /** What training showed of syllables inside identifiers (models from before have none: identifiers are code). */
  identifiers?: AbbreviationFacts;
  /** What training showed of syllables glued to numbers (`5ha`, `SỐ1`; models from before have none: restored as words). */
  glued?: AbbreviationFacts;
  /** The tone convention most of the training text's words showed (hòa: old, hoà: new), which `auto` writes
   * when the input shows none (models from before have none: the old one). */
  toneStyle?: ToneStyle;
  /** Forms (old-style, lower case) the training text wrote the other way from `toneStyle` more often (`xoá` in a
   * text of `tùy`), each written so by `auto` where the input shows no convention. */
  toneExceptions?: Set<string>;
}

const LETTERS = /^\p{L}+$/u;

const TABLE_SPECS: ArraySpec[] = [
  { name: 'uniLogProb', kind: 'logprob' },
  { name: 'uniBackoff', kind: 'logprob' },
  { name: 'biPrev', kind: 'ids' },
  { name: 'biNext', kind: 'ids' },
  { name: 'biLogProb', kind: 'logprob' },
  { name: 'biBackoff', kind: 'logprob' },
  { name: 'triContext', kind: 'ids' },
  { name: 'triNext', kind: 'ids' },
  { name: 'triLogProb', kind: 'logprob' },
];

/** Optional arrays of word counts (a model without them restores without the capitals' bonus). */
const CAPITAL_ARRAYS = { count: 'case.count', capital: 'case.capital' } as const;

const TABLE_NAMES = TABLE_SPECS.map((s) => s.name) as (keyof NgramTables)[];

/** Does `x` look like a model from loadModel() or train() (enough to tell a mistake from a model)? */
export function isModel(x: unknown): x is Model {
  return typeof x === 'object' && x !== null && 'lm' in x && (x as { lexicon?: unknown }).lexicon instanceof Map;
}

/**
 * Which ids are proposed as candidates: the first `trainedWords` after the special tokens (the words the
 * training text showed) and `backgroundWords` more (common words of its background), else those above the floor.
 */
function seenTest(tables: NgramTables, trainedWords: unknown, backgroundWords: unknown): (id: number) => boolean {
  if (isCount(trainedWords)) {
    const end = SPECIAL.length + trainedWords + (isCount(backgroundWords) ? backgroundWords : 0);
    return (id) => id < end;
  }
  let floor = Number.POSITIVE_INFINITY;
  for (const p of tables.uniLogProb) floor = Math.min(floor, p);
  return (id) => (tables.uniLogProb[id] as number) > floor + 1e-6;
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}

/** Wrap n-gram tables into a ready-to-use model. */
export function createModel(
  tables: NgramTables,
  info: Record<string, unknown> = {},
  backward?: NgramTables,
  capitals?: CapitalCounts,
): Model {
  const lm = indexTables(tables);
  const groups = new Map<string, number[]>();
  tables.vocab.forEach((word, id) => {
    if (!LETTERS.test(word)) return;
    const key = stripDiacritics(word);
    const list = groups.get(key);
    if (list) list.push(id);
    else groups.set(key, [id]);
  });
  // A form neither the training text nor its background's common words showed is only worth proposing for
  // letters no such form has. `train` numbers those words first; without that count (tables made otherwise),
  // an unseen form is one at the unigram floor.
  const seen = seenTest(tables, info.trainedWords, info.backgroundWords);
  const lexicon = new Map<string, Uint32Array>();
  for (const [key, ids] of groups) {
    const known = ids.filter(seen);
    lexicon.set(key, Uint32Array.from(known.length > 0 ? known : ids));
  }
  const model: Model = { lm, lexicon, info };
  if (backward) model.backward = indexTables(backward);
  if (capitals) model.capitals = capitals;
  return model;
}

function tableArrays(t: NgramTables, prefix: string): ModelParts['arrays'] {
  const out: ModelParts['arrays'] = {};
  for (const name of TABLE_NAMES) out[prefix + name] = t[name] as Uint32Array | Float32Array;
  return out;
}

function tablesFrom(arrays: ModelParts['arrays'], prefix: string, vocab: string[], order: 2 | 3): NgramTables {
  const t: Record<string, unknown> = { order, vocab };
  for (const name of TABLE_NAMES) {
    const a = arrays[prefix + name];
    if (!a) throw new Error(`not a vi-restore model: table ${prefix + name} is missing`);
    t[name] = a;
  }
  if ((t.uniLogProb as Float32Array).length !== vocab.length)
    throw new Error('not a vi-restore model: vocabulary and unigram table disagree');
  return t as unknown as NgramTables;
}

/**
 * Write a model as bytes (the versioned binary format of `format.ts`).
 * @example writeFileSync('m.bin', serializeModel(train([text])))
 */
export function serializeModel(model: Model): Uint8Array {
  if (!isModel(model)) {
    throw new TypeError('serializeModel: model must be a model from loadModel() or train()');
  }
  const { lm, backward } = model;
  const arrays: ModelParts['arrays'] = { ...tableArrays(lm, 'fw.'), ...(backward ? tableArrays(backward, 'bw.') : {}) };
  const specs = TABLE_SPECS.map((s) => ({ ...s, name: `fw.${s.name}` }));
  if (backward) specs.push(...TABLE_SPECS.map((s) => ({ ...s, name: `bw.${s.name}` })));
  if (model.capitals) {
    arrays[CAPITAL_ARRAYS.count] = model.capitals.count;
    arrays[CAPITAL_ARRAYS.capital] = model.capitals.capital;
    specs.push({ name: CAPITAL_ARRAYS.count, kind: 'counts' }, { name: CAPITAL_ARRAYS.capital, kind: 'counts' });
  }
  const codeParts = model.codeParts ? Object.fromEntries(model.codeParts) : undefined;
  const facts = (a: AbbreviationFacts | undefined) =>
    a ? { words: [...a.words], codes: [...a.codes], wordShare: a.wordShare } : undefined;
  const header = {
    order: lm.order,
    backward: !!backward,
    // Both directions hold the same n-grams (see twins.ts): the scorer may look each up once.
    twins: backward ? hasTwins(backward) : false,
    vocab: lm.vocab,
    info: model.info,
    channel: model.channel,
    codeParts,
    abbreviations: facts(model.abbreviations),
    identifiers: facts(model.identifiers),
    glued: facts(model.glued),
    toneStyle: model.toneStyle,
    toneExceptions: model.toneExceptions ? [...model.toneExceptions] : undefined,
  };
  return writeParts({ header, arrays }, specs);
}

/**
 * Read a model from bytes; a corrupt or foreign file is rejected by its header with a clear error.
 * @example const model = loadModel(readFileSync('m.bin'))
 */
export function loadModel(bytes: Uint8Array): Model {
  const { header, arrays } = readParts(bytes);
  const vocab = header.vocab as string[];
  if (!Array.isArray(vocab) || vocab.some((w) => typeof w !== 'string')) throw new Error('not a vi-restore model: bad vocabulary');
  const order = header.order === 2 ? 2 : 3;
  const info = (header.info as Record<string, unknown>) ?? {};
  const backward = header.backward ? tablesFrom(arrays, 'bw.', vocab, order) : undefined;
  const count = arrays[CAPITAL_ARRAYS.count];
  const capital = arrays[CAPITAL_ARRAYS.capital];
  const capitals =
    count instanceof Uint32Array && capital instanceof Uint32Array && count.length === vocab.length && capital.length === vocab.length
      ? { count, capital }
      : undefined;
  const model = createModel(tablesFrom(arrays, 'fw.', vocab, order), info, backward, capitals);
  if (header.twins === true && model.backward) declareTwins(model.backward);
  if (header.channel) model.channel = header.channel as Channel;
  const parts = header.codeParts as Record<string, unknown> | undefined;
  if (parts && typeof parts === 'object') {
    model.codeParts = new Map(Object.entries(parts).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
  const abbreviations = readFacts(header.abbreviations);
  if (abbreviations) model.abbreviations = abbreviations;
  if (header.toneStyle === 'old' || header.toneStyle === 'new') model.toneStyle = header.toneStyle;
  const exceptions = header.toneExceptions;
  if (Array.isArray(exceptions) && exceptions.every((w) => typeof w === 'string')) model.toneExceptions = new Set(exceptions);
  const identifiers = readFacts(header.identifiers);
  if (identifiers) model.identifiers = identifiers;
  const glued = readFacts(header.glued);
  if (glued) model.glued = glued;
  return model;
}

/** Abbreviation or identifier facts of a model file's header, if it has (well-formed) ones. */
function readFacts(x: unknown): AbbreviationFacts | undefined {
  const a = x as { words?: unknown; codes?: unknown; wordShare?: unknown } | undefined;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((w) => typeof w === 'string');
  if (!a || !strings(a.words) || !strings(a.codes) || typeof a.wordShare !== 'number') return undefined;
  return { words: new Set(a.words), codes: new Set(a.codes), wordShare: a.wordShare };
}
