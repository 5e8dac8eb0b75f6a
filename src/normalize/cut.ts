const SPACE = /\s/u;

/** Does a line that begins with character `c` begin a sentence (as `sentences` decides: all but a lower-case word)? */
function startsSentence(c: string): boolean {
  return c.toLowerCase() !== c || !/\p{L}/u.test(c);
}

/**
 * The white space around the line break at `nl`: where it starts and ends (where the next line's text
 * begins), and that end again as `cut` if the break ends a sentence (a blank line, or a line that begins
 * one), else -1.
 */
function around(text: string, nl: number): { start: number; end: number; cut: number } {
  let start = nl;
  while (start > 0 && SPACE.test(text[start - 1] as string)) start--;
  let end = nl + 1;
  while (end < text.length && SPACE.test(text[end] as string)) end++;
  if (end === text.length) return { start, end, cut: -1 }; // what follows is unknown
  let breaks = 0;
  for (let i = start; i < end && breaks < 2; i++) if (text[i] === '\n') breaks++;
  return { start, end, cut: breaks >= 2 || startsSentence(text[end] as string) ? end : -1 };
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
  for (let nl = text.lastIndexOf('\n'); nl >= 0 && nl >= from - 1; ) {
    const { start, cut } = around(text, nl);
    if (cut >= from) return cut;
    nl = start > 0 ? text.lastIndexOf('\n', start - 1) : -1;
  }
  return -1;
}

/**
 * The first such place at or after `from` (see {@link lastSentenceCut}), or -1.
 * @example firstSentenceCut('a\nB\nc\nD', 1) // 2
 */
export function firstSentenceCut(text: string, from: number): number {
  for (let nl = text.indexOf('\n', Math.max(0, from - 1)); nl >= 0; ) {
    const { end, cut } = around(text, nl);
    if (cut >= from) return cut;
    nl = text.indexOf('\n', end); // past the white space: each of its breaks would find the same
  }
  return -1;
}

const SENTENCE_END = /[.!?…]/u;

/**
 * The last place at or after `from` just after a sentence's end inside a line (`.`, `!`, `?` or `…`, then white
 * space), where the next text begins; -1 if there is none. A cut there splits no sentence and no token, but a
 * word's context may reach across it (an abbreviation's nearest word on its line): for a line too long to wait for.
 * @example lastSentenceEnd('mot. Hai ba', 0) // 5
 */
export function lastSentenceEnd(text: string, from: number): number {
  for (let i = text.length - 1; i > from; i--) {
    if (!SPACE.test(text[i - 1] as string) || SPACE.test(text[i] as string)) continue;
    let start = i - 1;
    while (start > 0 && SPACE.test(text[start - 1] as string)) start--;
    if (start > 0 && SENTENCE_END.test(text[start - 1] as string)) return i;
    i = start; // past the white space
  }
  return -1;
}

/** The last place at or after `from` where a token begins after white space; -1 if there is none. */
export function lastTokenStart(text: string, from: number): number {
  for (let i = text.length - 1; i > from; i--) if (SPACE.test(text[i - 1] as string) && !SPACE.test(text[i] as string)) return i;
  return -1;
}
