import { tokenize, toneStyleOf } from 'vi-restore';
import { remembered } from '../memo.js';

/** How a text's words show the tone conventions: how many show one, and how many more the new (hoà) than the old (hòa). */
export interface StyleVotes {
  shown: number;
  balance: number;
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const BEYOND_ASCII = /\P{ASCII}/u;

/**
 * Does the text hold a letter or mark past ASCII? A text without one has no word that shows a convention. One pass
 * over the code units, looking at a character as a string only past ASCII (a Unicode regular expression run over
 * a whole chunk of plain text cost 2 % of the CLI's time).
 */
function hasMarkedLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    const ch = String.fromCodePoint(text.codePointAt(i) as number);
    if (LETTER_OR_MARK.test(ch)) return true;
    i += ch.length - 1;
  }
  return false;
}

/** The convention a word shows, if any; remembered, as a text repeats its words. */
const styleOfWord = remembered((word) => toneStyleOf(word.normalize('NFC')));

/**
 * Count a text's words that show a tone convention, as `restore` does when its style is `auto` (a word that
 * shows none, or a text of plain letters, casts no vote). Votes of parts add up to the whole's.
 * @example styleVotes('Hoà bình, khoẻ') // { shown: 2, balance: 2 }
 */
export function styleVotes(text: string): StyleVotes {
  const votes = { shown: 0, balance: 0 };
  if (!hasMarkedLetter(text)) return votes;
  for (const t of tokenize(text)) {
    if (t.kind !== 'word' || !BEYOND_ASCII.test(t.text)) continue;
    const style = styleOfWord(t.text);
    if (!style) continue;
    votes.shown++;
    votes.balance += style === 'new' ? 1 : -1;
  }
  return votes;
}

/**
 * The style to restore one chunk of a file with, so that it comes out as the whole file would with `auto`
 * (`file`: the whole file's votes). A chunk whose words show no convention takes the file's by name (asking
 * for a style only changes words that show one); a chunk that agrees with the file keeps `auto`; one whose
 * words lean the other way also keeps `auto`, and then follows its own words.
 */
export function chunkStyle(file: StyleVotes, chunk: string): 'old' | 'new' | 'auto' {
  // A file that shows no convention, or both alike, is written in the model's: `auto` for each chunk.
  if (file.balance === 0) return 'auto';
  const style = file.balance > 0 ? 'new' : 'old';
  const own = styleVotes(chunk);
  return own.shown === 0 ? style : 'auto';
}
