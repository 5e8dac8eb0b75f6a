#!/usr/bin/env node
// Builds src/background.generated.json: how often each word and each pair of words occurs in the three
// government documents the held-out benchmark trains on (seeds 001-003; never seed 000, the benchmark's test
// text) and in the general text of data/background/ (see data/README.md), which `train` uses as the background of
// every model (src/train/background.ts). Run after `npm run build`:
//   node scripts/build-background.mjs && npm run model
import { readFileSync, writeFileSync } from 'node:fs';
import { wordCounts } from '../dist/index.js';
import { GENERAL, generalTexts } from './general.mjs';

const SOURCES = ['resolution-412-hung-yen-2023.txt', 'action-programme-hai-duong-red-river-2023.txt', 'report-hai-duong-h1-2024.txt'];
const counts = wordCounts(generalTexts(), wordCounts(SOURCES.map((f) => readFileSync(new URL(`../data/${f}`, import.meta.url), 'utf8'))));
const byCount = (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
const words = [...counts].filter(([w]) => !w.includes(' ')).sort(byCount);
const index = new Map(words.map(([w], i) => [w, i]));
// Pairs by their first word: "first=second.second:count" (indices into the words, base 36; a count of 1 unwritten).
const groups = new Map();
for (const [key, c] of [...counts].filter(([w]) => w.includes(' ')).sort(byCount)) {
  const [a, b] = key.split(' ').map((w) => index.get(w));
  if (!groups.has(a)) groups.set(a, []);
  groups.get(a).push(`${b.toString(36)}${c > 1 ? `:${c}` : ''}`);
}
const pairs = [...groups].sort((x, y) => x[0] - y[0]).map(([a, list]) => `${a.toString(36)}=${list.join('.')}`);
// One JSON module that both builds load (dist/index.js imports it with { type: 'json' }, dist/index.cjs requires it), as
// the model is: the package carries these counts once, and a browser loads the ESM build with no bundler.
writeFileSync(
  new URL('../src/background.generated.json', import.meta.url),
  `${JSON.stringify({
    generatedBy: `scripts/build-background.mjs from data/${SOURCES.join(', data/')} and the ${GENERAL().length} files of data/background/; do not edit`,
    words: words.map(([w, c]) => `${w}:${c}`).join(','),
    pairs: pairs.join(','),
  })}\n`,
);
console.log(`background: ${words.length} words, ${counts.size - words.length} pairs`);
