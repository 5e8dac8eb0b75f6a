// Restore a few lines with the built ESM entry and show what the restorer thought about one word.
// Run from the repository root after `npm run build`:  node examples/node.mjs
// (In your own project, import from 'vi-restore' instead of '../dist/index.js'.)
import { restore, restoreDetailed, stripDiacritics } from '../dist/index.js';

const lines = [
  'Tinh hinh thuc hien ke hoach nam 2023',
  'HOI DONG NHAN DAN TINH HAI DUONG',
  'tang truong kinh te dat 8,16%',
  'Uy ban nhan dan tinh',
  stripDiacritics('Tình hình kinh tế - xã hội năm 2024 có nhiều chuyển biến tích cực.'),
];

for (const line of lines) console.log(`${line}\n  → ${restore(line)}`);

// Text that already has marks, in whole or in part: marked words stay as written, bare ones are restored.
const mixed = 'Ông ấy nói rằng ke hoach nam 2024 đã hoàn thành vuot muc.';
console.log(`\n${mixed}\n  → ${restore(mixed)}`);

// With { ocr: true } digits and symbols misread for letters are repaired too.
const ocrLine = 'Ke hoach phat tri€n kinh t€ nam 2024';
console.log(`\n${ocrLine}\n  → ${restore(ocrLine, { ocr: true })}  (ocr: true)`);

// restoreDetailed gives every token with a confidence and the alternatives the model weighed:
// here, the word it was least sure of.
const sentence = 'Cac chi tieu chu yeu deu dat va vuot ke hoach';
const words = restoreDetailed(sentence).filter((t) => t.kind === 'word');
const word = words.reduce((a, b) => (b.confidence < a.confidence ? b : a));
console.log(`\nrestoreDetailed('${sentence}'), least sure word:`);
console.log(`  ${word.input} → ${word.output} (confidence ${word.confidence.toFixed(3)})`);
for (const alt of word.alternatives) console.log(`  or ${alt.text} (${alt.confidence.toFixed(3)})`);
