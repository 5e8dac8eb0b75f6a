import { setToneStyle, stripDiacritics, tokenize } from '../dist/index.js';

/**
 * The most-frequent-form baseline: every unaccented word becomes the accented form seen most often
 * in the training texts (no context at all); unknown words stay as they are.
 */
export function mostFrequentForm(trainingTexts) {
  const counts = new Map();
  for (const text of trainingTexts)
    for (const t of tokenize(text.normalize('NFC'))) {
      if (t.kind !== 'word') continue;
      const form = setToneStyle(t.text.toLowerCase(), 'old');
      const key = stripDiacritics(form);
      const forms = counts.get(key) ?? new Map();
      forms.set(form, (forms.get(form) ?? 0) + 1);
      counts.set(key, forms);
    }
  const best = new Map([...counts].map(([k, forms]) => [k, [...forms].sort((a, b) => b[1] - a[1])[0][0]]));
  return (text) =>
    tokenize(text)
      .map((t) => {
        if (t.kind !== 'word') return t.text;
        const form = best.get(stripDiacritics(t.text.toLowerCase()));
        if (!form) return t.text;
        return [...form].map((ch, i) => (t.text[i] !== t.text[i].toLowerCase() ? ch.toUpperCase() : ch)).join('');
      })
      .join('');
}
