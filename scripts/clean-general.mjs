#!/usr/bin/env node
// Cleans the general background text (data/background/*.txt, see data/README.md) in place: NFC, every syllable's
// tone in the old style (hòa, thủy); a word-list entry (a file named words-*.txt: one word a line) with a syllable
// outside data/syllables.txt is left out, as is a repeated one. Prose keeps its lines; the words of it outside the
// inventory (foreign words, mostly) are printed for a look.
// Run after `npm run build`: node scripts/clean-general.mjs && node scripts/build-background.mjs && npm run model
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setToneStyle } from '../dist/index.js';

const dir = new URL('../data/background/', import.meta.url);
const inventory = new Set(
  readFileSync(new URL('../data/syllables.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#')),
);
const WORD = /\p{L}+/gu;
const oldStyle = (line) => line.normalize('NFC').replace(WORD, (w) => setToneStyle(w, 'old'));
const known = (line) => (line.match(WORD) ?? []).every((w) => inventory.has(w.toLowerCase()));

for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
  const lines = readFileSync(new URL(file, dir), 'utf8').split('\n').map(oldStyle);
  const list = file.startsWith('words-');
  const seen = new Set();
  const kept = [];
  const dropped = [];
  for (const raw of lines) {
    const line = list ? raw.trim().toLowerCase().replace(/\s+/g, ' ') : raw.trimEnd();
    if (list && (!line || seen.has(line))) continue;
    if (list && !known(line)) {
      dropped.push(line);
      continue;
    }
    seen.add(line);
    kept.push(line);
  }
  while (kept.length && kept.at(-1) === '') kept.pop();
  writeFileSync(new URL(file, dir), `${kept.join('\n')}\n`);
  const odd = (list ? dropped : kept).flatMap((l) => (l.match(WORD) ?? []).filter((w) => !inventory.has(w.toLowerCase())));
  console.log(
    `${file}: ${kept.length} lines kept, ${dropped.length} left out; outside the inventory: ${[...new Set(odd)].slice(0, 20).join(' ')}`,
  );
}
