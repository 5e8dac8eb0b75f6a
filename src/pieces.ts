import type { Model } from './model/index.js';
import { firstSentenceCut } from './normalize/cut.js';
import { styleFrom, toneBalance } from './render/index.js';
import { type Analysis, analyse, type OutputStyle, type RestoreOptions } from './restore.js';
import { tokenize } from './tokenize/index.js';

/**
 * A long text is analysed in pieces of about this many characters, each cut where a line begins a sentence
 * (see `firstSentenceCut`): the answer is the same, and a piece's tokens and plans are dropped before the
 * next is read, so less is held at once and the garbage collector has less to move.
 */
export const PIECE_CHARS = 1 << 13;

const LETTER = /[\p{L}\p{M}]/u;

/**
 * Does `text` hold a letter or mark beyond ASCII (so that a word of it may show a tone convention)? Typographic
 * quotes, dashes and superscripts in unmarked text do not count.
 */
function marked(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0x7f && LETTER.test(text[i] as string)) return true;
  return false;
}

/** Where a long text is cut into pieces (see {@link PIECE_CHARS}): each piece's start and end. */
function pieces(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < text.length; ) {
    const fits = text.length - start < 2 * PIECE_CHARS;
    const cut = fits ? -1 : firstSentenceCut(text, start + PIECE_CHARS);
    const end = cut > start ? cut : text.length;
    out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * Analyse a text piece by piece (see {@link PIECE_CHARS}), handing each piece's analysis to `use` in order.
 * With the style `auto`, every piece takes the tone style of the whole text (a text that shows none: the
 * model's).
 * @example eachPiece(model, text, {}, (a) => (out += renderText(model, a)))
 */
export function eachPiece(model: Model, text: string, options: RestoreOptions, use: (a: Analysis) => void): void {
  if (text.length < 2 * PIECE_CHARS) {
    use(analyse(model, text, options));
    return;
  }
  const parts = pieces(text);
  let detected: OutputStyle | undefined;
  if ((!options.toneStyle || options.toneStyle === 'auto') && !options.ocr) {
    // Only pieces with marked letters can vote: an unmarked text is not tokenized twice.
    let balance = 0;
    for (const [start, end] of parts) if (marked(text, start, end)) balance += toneBalance(tokenize(text.slice(start, end)));
    detected = styleFrom(balance, 'model' as const);
  }
  for (const [start, end] of parts) use(analyse(model, text.slice(start, end), options, detected));
}
