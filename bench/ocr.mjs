// OCR section: the report's development lines (1-400) repaired by the built-in model and scored
// against the hand-corrected gold. Lines 401- are blind and never scored here.
import { writeFileSync } from 'node:fs';
import { LEARNT_CHANNEL, restore, stripDiacritics, train } from '../dist/index.js';
import { CLEAN, readData } from './docs.mjs';
import { scoreTexts } from './score.mjs';

const DEV_LINES = 400;

function charErrorRate(gold, hyp) {
  const g = gold.split('\n');
  const h = hyp.split('\n');
  let edits = 0;
  let chars = 0;
  for (let k = 0; k < g.length; k++) {
    const a = [...(g[k] ?? '')];
    const b = [...(h[k] ?? '')];
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row;
    }
    edits += prev[b.length];
    chars += a.length;
  }
  return edits / Math.max(chars, 1);
}

export function ocrSection(out) {
  const input = readData('ocr-report-hai-duong-2023.txt').split('\n').slice(0, DEV_LINES).join('\n');
  const gold = readData('gold/ocr-report-dev-lines-1-400.txt').split('\n').slice(0, DEV_LINES).join('\n');
  const plain = restore(input);
  const repaired = restore(input, { ocr: true });
  writeFileSync(out('ocr-dev-lines-1-400.input.txt'), `${input}\n`);
  writeFileSync(out('ocr-dev-lines-1-400.repaired.txt'), `${repaired}\n`);
  const raw = scoreTexts(gold, input);
  const plainScore = scoreTexts(gold, plain);
  const ocrScore = scoreTexts(gold, repaired);
  // OCR mode must not hurt clean text: the de-accented resolution, model trained on 001-003 only.
  const names = Object.keys(CLEAN);
  const cleanModel = train(names.slice(1).map((n) => readData(CLEAN[n])));
  const heldGold = readData(CLEAN[names[0]]);
  const cleanOcr = scoreTexts(heldGold, restore(stripDiacritics(heldGold), { model: cleanModel, ocr: true }));
  // Nor a good scan: the resolution as written, marks and all (its marks are trusted: see candidates/written.ts).
  const markedOcr = scoreTexts(heldGold, restore(heldGold, { model: cleanModel, ocr: true }));
  return {
    lines: `1-${DEV_LINES}`,
    syllables: raw.insensitive.syllables,
    rawAccuracy: raw.insensitive.accuracy,
    plainModeAccuracy: plainScore.insensitive.accuracy,
    ocrModeAccuracy: ocrScore.insensitive.accuracy,
    ocrModeAccuracyCaseSensitive: ocrScore.sensitive.accuracy,
    crossValidatedAccuracy: LEARNT_CHANNEL.crossValidated ?? null,
    rawCharErrorRate: charErrorRate(gold, input),
    ocrModeCharErrorRate: charErrorRate(gold, repaired),
    topErrors: ocrScore.insensitive.topErrors,
    cleanResolutionInOcrMode: cleanOcr.insensitive.accuracy,
    markedResolutionInOcrMode: markedOcr.insensitive.accuracy,
  };
}
