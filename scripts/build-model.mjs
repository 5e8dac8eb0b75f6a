#!/usr/bin/env node
// Trains the built-in model on the four clean documents (seeds 000-003) and writes it as
// data/model/default.bin and, base64-encoded, as src/default-model.json (copied to dist/ by `npm run build`).
// Run after `npm run build`: `npm run model`, then build again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { serializeModel, train, wordCounts } from '../dist/index.js';
import { generalTexts } from './general.mjs';

const SOURCES = [
  'resolution-88-hai-duong-2023.txt',
  'resolution-412-hung-yen-2023.txt',
  'action-programme-hai-duong-red-river-2023.txt',
  'report-hai-duong-h1-2024.txt',
];
const texts = SOURCES.map((f) => readFileSync(new URL(`../data/${f}`, import.meta.url), 'utf8'));
// The background: the general text of data/background/ alone (its words, and its commonest pairs). The built-in counts also hold three of these same
// documents, which would only repeat what the model learns from them (with those counts alone as background:
// LibreOffice help 108,259 -> 108,336 errors, Debian catalogs 67,890 -> 67,899, OCR lines 1-400 240 -> 244).
// Of its word pairs, the commonest DEFAULT_PAIRS only: each is an entry the decoder looks up, and OCR lattices look up
// many (OCR dev lines 1-400, and the whole report with readings cached, in one process each: all 44 k pairs 96.50 %,
// 263-270 k syllables/s; 15 k 96.27 %, 293-296 k; no general text 95.06 %, 285-291 k). With the general text grown
// to 173 k words (fourth session of 2026-11-24): 15 k 173 errors (96.38 %), 25 k 172, for 145 KB more; grown to 233 k
// words: 15 k 179 errors, 20 k 174, 25 k 175. With the pairs weighing 25 % (PAIR_WEIGHT, fifth session): 20 k 170
// errors, 25 k 172, 30 k 166, 35 k 165, 40 k 166; on the sentences with names (data/names/) 413, 396, 393, 387, 378
// errors. 30 k: 150 KB more model, a first call ~3 ms slower, plain mode 2-5 % slower, OCR mode alike.
const DEFAULT_PAIRS = 30_000;
const general = [...wordCounts(generalTexts())];
const pairs = general.filter(([k]) => k.includes(' ')).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const background = new Map([...general.filter(([k]) => !k.includes(' ')), ...pairs.slice(0, DEFAULT_PAIRS)]);
const model = train(texts, { background });
model.info.trainedOn = SOURCES;
const bytes = serializeModel(model);
mkdirSync(new URL('../data/model/', import.meta.url), { recursive: true });
writeFileSync(new URL('../data/model/default.bin', import.meta.url), bytes);
const b64 = Buffer.from(bytes).toString('base64');
// One JSON module that both builds load (dist/index.js imports it with { type: 'json' }, dist/index.cjs requires it), so
// the package carries the model once, and a browser loads the ESM build with no bundler.
writeFileSync(
  new URL('../src/default-model.json', import.meta.url),
  `${JSON.stringify({
    generatedBy: `scripts/build-model.mjs from data/${SOURCES.join(', data/')} and the general text of data/background/; do not edit`,
    format: 'the built-in model (format of src/model/format.ts), base64',
    model: b64,
  })}\n`,
);
console.log(`default model: ${model.lm.vocab.length} words, ${bytes.length} bytes (${b64.length} base64)`);
