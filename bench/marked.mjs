// Marked and mixed input: text that already has its marks, in whole or in part, restored with a model trained on
// 001-003. The inputs are made from the held-out resolution with a fixed seed, so every run measures the same text.
import { restore, setToneStyle, stripDiacritics } from '../dist/index.js';
import { scoreTexts } from './score.mjs';

/** A fixed pseudo-random sequence in [0, 1) (a linear congruential generator), the same in every run. */
function sequence(seed) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const withoutTone = (w) => setToneStyle(w, 'old').normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
const eachWord = (text, f) => text.replace(/\S+/g, f);

/** The inputs, each from the marked text `gold`: name, how it was made, and the text. */
export function markedInputs(gold) {
  const r = sequence(12345);
  return [
    ['as written', 'the marked text itself', gold],
    [
      'half its lines bare',
      'each line stripped with chance 1/2',
      gold
        .split('\n')
        .map((l) => (r() < 0.5 ? stripDiacritics(l) : l))
        .join('\n'),
    ],
    ['half its words bare', 'each word stripped with chance 1/2', eachWord(gold, (w) => (r() < 0.5 ? stripDiacritics(w) : w))],
    ['a word in ten bare', 'each word stripped with chance 1/10', eachWord(gold, (w) => (r() < 0.1 ? stripDiacritics(w) : w))],
    ['nine words in ten bare', 'each word stripped with chance 9/10', eachWord(gold, (w) => (r() < 0.9 ? stripDiacritics(w) : w))],
    [
      'tones left out',
      'each word stripped with chance 1/2, its tone mark alone taken off with chance 1/5',
      eachWord(gold, (w) => {
        const x = r();
        return x < 0.5 ? stripDiacritics(w) : x < 0.7 ? withoutTone(w) : w;
      }),
    ],
  ];
}

/** Accuracy on each input, beside the input's own (how much of it was right before restoring). */
export function markedSection(gold, model) {
  return markedInputs(gold).map(([name, made, input]) => {
    const ours = scoreTexts(gold, restore(input, { model })).insensitive;
    const before = scoreTexts(gold, input).insensitive;
    const errors = Math.round(ours.syllables * (1 - ours.accuracy));
    return { name, made, syllables: ours.syllables, accuracy: ours.accuracy, errors, inputAccuracy: before.accuracy };
  });
}
