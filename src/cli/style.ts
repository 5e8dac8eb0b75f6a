import { tokenize, toneStyleOf } from 'vi-restore';
import { remembered } from '../memo.js';

/** How a text's words show the tone conventions: how many show one, and how many more the new (hoà) than the old (hòa). */
export interface StyleVotes {
  shown: number;
  balance: number;
}

/** A letter or mark past ASCII: a text without one has no word that shows a convention (quotes and dashes aside). */
const MARKED = /(?!\p{ASCII})[\p{L}\p{M}]/u;
const BEYOND_ASCII = /\P{ASCII}/u;

/** The convention a word shows, if any; remembered, as a text repeats its words. */
const styleOfWord = remembered((word) => toneStyleOf(word.normalize('NFC')));

/**
 * Count a text's words that show a tone convention, as `restore` does when its style is `auto` (a word that
 * shows none, or a text of plain letters, casts no vote). Votes of parts add up to the whole's.
 * @example styleVotes('Hoà bình, khoẻ') // { shown: 2, balance: 2 }
 */
export function styleVotes(text: string): StyleVotes {
  const votes = { shown: 0, balance: 0 };
  if (!MARKED.test(text)) return votes;
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
