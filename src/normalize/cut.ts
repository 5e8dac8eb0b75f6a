const SPACE = /\s/u;

/** Does a line that begins with character `c` begin a sentence (as `sentences` decides: all but a lower-case word)? */
function startsSentence(c: string): boolean {
  return c.toLowerCase() !== c || !/\p{L}/u.test(c);
}

/**
 * The last place at or after `from` where `text` can be cut into two pieces that restore as the whole does:
 * the start of a line that begins a sentence (after a blank line, or with no lower-case word), so that
 * no sentence, no token and no word's context spans the cut; -1 if there is none. What follows the text is
 * unknown, so a place needs a character after it.
 * @example lastSentenceCut('nam 2023\nKe hoach', 0) // 9
 * @example lastSentenceCut('nam 2023\nke hoach', 0) // -1 (a wrapped line)
 */
export function lastSentenceCut(text: string, from: number): number {
  for (let nl = text.lastIndexOf('\n'); nl >= from - 1 && nl >= 0; ) {
    let start = nl;
    while (start > 0 && SPACE.test(text[start - 1] as string)) start--;
    let end = nl + 1;
    while (end < text.length && SPACE.test(text[end] as string)) end++;
    if (end < text.length && end >= from) {
      let breaks = 0;
      for (let i = start; i < end && breaks < 2; i++) if (text[i] === '\n') breaks++;
      if (breaks >= 2 || startsSentence(text[end] as string)) return end;
    }
    nl = start > 0 ? text.lastIndexOf('\n', start - 1) : -1;
  }
  return -1;
}
