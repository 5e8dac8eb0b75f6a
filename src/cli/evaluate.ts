import { restore, setToneStyle, stripDiacritics, type TrainOptions, tokenize, train, wordCounts } from 'vi-restore';

/** `train --evaluate` holds out every this many-th line of each file… */
export const HOLDOUT_EVERY = 10;
/** …while the held-out lines are under this many characters in all. */
export const HOLDOUT_CHARS = 200_000;

/** The texts with their held-out lines left blank (so no sentence joins across them); those lines go to `held`. */
function* withoutHeldOut(texts: Iterable<string>, held: string[]): Generator<string> {
  let chars = 0;
  for (const text of texts) {
    const lines = text.split('\n');
    for (let i = HOLDOUT_EVERY - 1; i < lines.length && chars < HOLDOUT_CHARS; i += HOLDOUT_EVERY) {
      const line = lines[i] as string;
      // A line of Vietnamese without its marks is no gold to score against (and training leaves it out too).
      if (!/\p{L}/u.test(line) || wordCounts([line]).size === 0) continue;
      held.push(line);
      chars += line.length;
      lines[i] = '';
    }
    yield lines.join('\n');
  }
}

/** A text's words in lower case with the tone placed the old way: tone placement is no error. */
function words(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind === 'word')
    .map((t) => setToneStyle(t.text.normalize('NFC').toLowerCase(), 'old'));
}

/**
 * How well a model trained on these texts restores text like them: every 10th line (up to 200 k characters)
 * is held out, a model is trained on the rest, and the held-out lines, their marks stripped, are restored and
 * compared word by word. `undefined` when no line could be held out.
 * @example heldOutAccuracy([corpus], { order: 3 }) // { words: 9812, right: 9351 }
 */
export function heldOutAccuracy(texts: Iterable<string>, options: TrainOptions): { words: number; right: number } | undefined {
  const held: string[] = [];
  const model = train(withoutHeldOut(texts, held), options);
  if (held.length === 0) return undefined;
  const gold = held.join('\n');
  const expected = words(gold);
  const got = words(restore(stripDiacritics(gold), { model }));
  let right = 0;
  for (let i = 0; i < expected.length; i++) if (expected[i] === got[i]) right++;
  return { words: expected.length, right };
}
