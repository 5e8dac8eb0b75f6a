import DEFAULT_MODEL from './default-model.json' with { type: 'json' };
import { details } from './details.js';
import { isModel, loadModel, type Model } from './model/index.js';
import { renderText } from './output.js';
import { eachPiece } from './pieces.js';
import type { RestoreOptions as CoreOptions, RestoredToken } from './restore.js';

export type { RestoredToken };

export interface RestoreOptions extends CoreOptions {
  /** The model to use (default: the built-in model). */
  model?: Model;
}

/** A restorer bound to one model. */
export interface Restorer {
  restore(text: string, options?: CoreOptions): string;
  restoreDetailed(text: string, options?: CoreOptions): RestoredToken[];
}

let cached: Model | undefined;

/**
 * The built-in model (trained on four clean Vietnamese government documents), decoded on first use.
 */
export function defaultModel(): Model {
  if (!cached) {
    const bin = atob(DEFAULT_MODEL.model);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    cached = loadModel(bytes);
  }
  return cached;
}

const STYLES = new Set(['old', 'new', 'auto']);

function checkArgs(fn: string, text: unknown, options: unknown): asserts text is string {
  if (typeof text !== 'string') throw new TypeError(`${fn}: text must be a string, got ${text === null ? 'null' : typeof text}`);
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null) throw new TypeError(`${fn}: options must be an object`);
  const o = options as Record<string, unknown>;
  if (o.toneStyle !== undefined && !STYLES.has(o.toneStyle as string)) {
    throw new TypeError(`${fn}: options.toneStyle must be 'old', 'new' or 'auto'`);
  }
  if (o.ocr !== undefined && typeof o.ocr !== 'boolean') throw new TypeError(`${fn}: options.ocr must be a boolean`);
  if (o.beam !== undefined && !(Number.isInteger(o.beam) && (o.beam as number) >= 1)) {
    throw new TypeError(`${fn}: options.beam must be a positive integer`);
  }
  if (o.model !== undefined && !isModel(o.model)) {
    throw new TypeError(`${fn}: options.model must be a model from loadModel() or train()`);
  }
}

/**
 * Put the diacritics back into Vietnamese text. Only letters change: spaces, line breaks, numbers
 * and punctuation stay as they are, and every word keeps its case pattern.
 * @example restore('Tinh hinh thuc hien ke hoach nam 2023') // 'Tình hình thực hiện kế hoạch năm 2023'
 */
export function restore(text: string, options?: RestoreOptions): string {
  checkArgs('restore', text, options);
  const model = options?.model ?? defaultModel();
  let out = '';
  eachPiece(model, text, options ?? {}, (a) => {
    out += renderText(model, a);
  });
  return out;
}

/**
 * Like {@link restore}, but returns every token with its chosen form, a confidence and alternatives.
 * @example restoreDetailed('nam 2023')[0] // { kind: 'word', input: 'nam', output: 'năm', confidence: 0.97, … }
 */
export function restoreDetailed(text: string, options?: RestoreOptions): RestoredToken[] {
  checkArgs('restoreDetailed', text, options);
  const model = options?.model ?? defaultModel();
  const tokens: RestoredToken[] = [];
  eachPiece(model, text, options ?? {}, (a) => {
    for (const t of details(model, a)) tokens.push(t);
  });
  return tokens;
}

/**
 * Bind a model once and restore many texts with it.
 * @example const { restore } = createRestorer({ model: loadModel(bytes) })
 */
export function createRestorer(init: { model?: Model } = {}): Restorer {
  if (typeof init !== 'object' || init === null) throw new TypeError('createRestorer: options must be an object');
  checkArgs('createRestorer', '', init);
  const model = init.model ?? defaultModel();
  return {
    restore: (text, options) => restore(text, { ...options, model }),
    restoreDetailed: (text, options) => restoreDetailed(text, { ...options, model }),
  };
}
