import { remembered } from '../memo.js';
import type { Model } from '../model/index.js';
import { decomposeLetter } from '../orthography/letters.js';
import { stripDiacritics } from '../strip.js';

const NO_IDS = new Uint32Array(0);

/** True when `form` keeps every mark the (lower-case, NFC) input already has. */
export function keepsMarks(input: string, form: string): boolean {
  if (input.length !== form.length) return false;
  let inputTone = 0;
  let formTone = 0;
  for (let i = 0; i < input.length; i++) {
    const a = decomposeLetter(input[i] as string);
    const b = decomposeLetter(form[i] as string);
    if (a.tone) inputTone = a.tone;
    if (b.tone) formTone = b.tone;
    if (a.letter !== stripDiacritics(a.letter) && a.letter !== b.letter) return false;
  }
  return inputTone === 0 || inputTone === formTone;
}

/** A word of ASCII letters in lower case (itself if it is), else `undefined`; one pass, no regular expression. */
function plainKey(word: string): string | undefined {
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const lower = c | 0x20;
    if (lower < 0x61 || lower > 0x7a) return undefined;
    if (c !== lower) upper = true;
  }
  return upper ? word.toLowerCase() : word;
}

/**
 * Vocabulary ids of every accented form the word could be: all forms that strip to the same letters
 * and keep the marks the word already has. Empty when the model knows no such form.
 * @example candidates(model, 'Tinh').map((id) => model.lm.vocab[id]) // ['tình', 'tính', 'tinh', 'tỉnh', …]
 */
export function candidates(model: Model, word: string): Uint32Array {
  // Unaccented input (the usual case) is its own key: no normalizing, no stripping.
  const plain = plainKey(word);
  if (plain !== undefined) return model.lexicon.get(plain) ?? NO_IDS;
  let marked = markedCandidates.get(model);
  if (!marked) {
    marked = remembered((w) => candidatesOfMarked(model, w));
    markedCandidates.set(model, marked);
  }
  return marked(word);
}

/** Per model, {@link candidatesOfMarked} remembered: a text repeats its marked words. */
const markedCandidates = new WeakMap<Model, (word: string) => Uint32Array>();

function candidatesOfMarked(model: Model, word: string): Uint32Array {
  const lower = word.normalize('NFC').toLowerCase();
  const key = stripDiacritics(lower);
  const ids = model.lexicon.get(key);
  if (!ids) return NO_IDS;
  if (key === lower) return ids;
  return ids.filter((id) => keepsMarks(lower, model.lm.vocab[id] as string));
}
