// npm run bench: accuracy on held-out text, leave-one-document-out, and the baselines beside them.
// Writes bench/results.json, bench/out/*.txt (for ../shared/tools/vi-score.py) and the README's table.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { restore, stripDiacritics, train, wordCounts } from '../dist/index.js';
import { generalTexts } from '../scripts/general.mjs';
import { mostFrequentForm } from './baseline.mjs';
import { comparePython } from './compare-python.mjs';
import { CLEAN, readData } from './docs.mjs';
import { largeInput, largeTraining } from './large.mjs';
import { markedSection } from './marked.mjs';
import { ocrSection } from './ocr.mjs';
import { scoreTexts } from './score.mjs';
import { speedSection } from './speed.mjs';

const out = (p) => new URL(`./out/${p}`, import.meta.url);
mkdirSync(out(''), { recursive: true });
const pct = (x) => `${(100 * x).toFixed(2)} %`;
const names = Object.keys(CLEAN);
const results = { date: new Date().toISOString(), node: process.version };

function evaluate(heldOut) {
  const trainNames = names.filter((n) => n !== heldOut);
  const texts = trainNames.map((n) => readData(CLEAN[n]));
  const gold = readData(CLEAN[heldOut]);
  const input = stripDiacritics(gold);
  // The built-in background is counted from 001-003 and the general text of data/background/; each fold counts its
  // own training documents and that text instead, so that no fold's test document is in its background (for 000's
  // fold the two are the same).
  const model = train(texts, { background: wordCounts(generalTexts(), wordCounts(texts)) });
  const t0 = performance.now();
  const hyp = restore(input, { model });
  const ms = performance.now() - t0;
  const baseline = mostFrequentForm(texts)(input);
  return {
    model,
    gold,
    trainNames,
    input,
    hyp,
    ms,
    ours: scoreTexts(gold, hyp),
    baseline: scoreTexts(gold, baseline),
    baselineText: baseline,
  };
}

// 1. The held-out benchmark: seed 000, model trained on 001-003 only.
const held = names[0];
const main = evaluate(held);
writeFileSync(out('resolution-88.input.txt'), main.input);
writeFileSync(out('resolution-88.restored.txt'), main.hyp);
writeFileSync(out('resolution-88.baseline.txt'), main.baselineText);
results.heldOut = {
  document: CLEAN[held],
  trainedOn: main.trainNames.map((n) => CLEAN[n]),
  syllables: main.ours.insensitive.syllables,
  accuracy: main.ours.insensitive.accuracy,
  accuracyCaseSensitive: main.ours.sensitive.accuracy,
  baselineAccuracy: main.baseline.insensitive.accuracy,
  baselineAccuracyCaseSensitive: main.baseline.sensitive.accuracy,
  topErrors: main.ours.insensitive.topErrors,
};
console.log(`Held-out resolution (${CLEAN[held]}), model trained on 001-003 only, ${main.ours.insensitive.syllables} syllables`);
console.log(
  `  vi-restore            ${pct(main.ours.insensitive.accuracy)} case-insensitive, ${pct(main.ours.sensitive.accuracy)} case-sensitive`,
);
console.log(
  `  most frequent form    ${pct(main.baseline.insensitive.accuracy)} case-insensitive, ${pct(main.baseline.sensitive.accuracy)} case-sensitive`,
);
console.log(`  most frequent errors  ${main.ours.insensitive.topErrors.map(([e, c]) => `${e} ×${c}`).join(', ')}`);

// 2. Leave one document out over the four clean documents.
results.leaveOneOut = [];
console.log('\nLeave one document out (train on the other three):');
for (const n of names) {
  const r = n === held ? main : evaluate(n);
  results.leaveOneOut.push({
    document: n,
    syllables: r.ours.insensitive.syllables,
    accuracy: r.ours.insensitive.accuracy,
    baselineAccuracy: r.baseline.insensitive.accuracy,
  });
  console.log(`  ${n.padEnd(32)} ${pct(r.ours.insensitive.accuracy).padStart(9)}   baseline ${pct(r.baseline.insensitive.accuracy)}`);
}

// 2a. Personal names: 150 sentences of general prose with names (data/names/, a development set), same model.
{
  const gold = readFileSync(new URL('../data/names/sentences-with-names.txt', import.meta.url), 'utf8');
  const s = scoreTexts(gold, restore(stripDiacritics(gold), { model: main.model })).insensitive;
  results.names = { syllables: s.syllables, accuracy: s.accuracy };
  console.log(`\nSentences with personal names (data/names/, ${s.syllables} syllables), model trained on 001-003: ${pct(s.accuracy)}`);
}

// 2b. Marked and mixed input: the held-out resolution with its marks, in whole or in part, same model.
results.marked = markedSection(main.gold, main.model);
console.log('\nMarked and mixed input (the held-out resolution, same model):');
for (const r of results.marked)
  console.log(`  ${r.name.padEnd(24)} ${pct(r.accuracy).padStart(9)} (${r.errors} errors)   input as given ${pct(r.inputAccuracy)}`);

// 3. OCR repair on the report's development lines.
const ocr = ocrSection(out);
results.ocr = ocr;
console.log(`\nOCR report, development lines ${ocr.lines} (${ocr.syllables} syllables), built-in model:`);
console.log(`  raw OCR               ${pct(ocr.rawAccuracy)}   character error rate ${pct(ocr.rawCharErrorRate)}`);
console.log(`  plain mode            ${pct(ocr.plainModeAccuracy)}`);
console.log(
  `  --ocr                 ${pct(ocr.ocrModeAccuracy)}   character error rate ${pct(ocr.ocrModeCharErrorRate)}   (case-sensitive ${pct(ocr.ocrModeAccuracyCaseSensitive)})`,
);
if (ocr.crossValidatedAccuracy !== null)
  console.log(`  --ocr, channel not trained on the scored half (2-fold CV): ${pct(ocr.crossValidatedAccuracy)}`);
console.log(`  most frequent errors  ${ocr.topErrors.map(([e, c]) => `${e} ×${c}`).join(', ')}`);
console.log(`  --ocr on the de-accented clean resolution (model trained on 001-003): ${pct(ocr.cleanResolutionInOcrMode)}`);
console.log(`  --ocr on the clean resolution as written, marks and all (same model): ${pct(ocr.markedResolutionInOcrMode)}`);

// 4. Speed.
const speed = speedSection();
results.speed = speed;
console.log(`\nSpeed (median of ${speed.runs} runs; ${speed.machine}):`);
console.log(`  plain mode, unseen text (model trained on 001-003)  ${speed.plainSyllablesPerSecond.toLocaleString('en')} syllables/s`);
console.log(
  `  plain mode, the same, one ${(speed.longTextChars / 1e6).toFixed(1)} M-character call   ${speed.plainLongTextSyllablesPerSecond.toLocaleString('en')} syllables/s`,
);
console.log(
  `  plain mode, unseen text, a fresh model's first call  ${speed.plainFirstCallSyllablesPerSecond.toLocaleString('en')} syllables/s`,
);
console.log(
  `  plain mode, built-in model on text it was trained on ${speed.plainSeenTextSyllablesPerSecond.toLocaleString('en')} syllables/s`,
);
console.log(
  `  plain mode, text already marked (000 as written)     ${speed.plainMarkedTextSyllablesPerSecond.toLocaleString('en')} syllables/s`,
);
console.log(
  `  OCR mode, first call (readings searched)             ${speed.ocrFirstCallSyllablesPerSecond.toLocaleString('en')} syllables/s`,
);
console.log(`  OCR mode, readings cached (long-running process)     ${speed.ocrSyllablesPerSecond.toLocaleString('en')} syllables/s`);
console.log(`  floor: tokenize + strip the same text                ${speed.floorSyllablesPerSecond.toLocaleString('en')} syllables/s`);
console.log(
  `  model load ${speed.modelLoadMs} ms, import + first restore() ${speed.importAndFirstCallMs} ms, peak RSS ${speed.peakRssMiB} MiB, package ${(speed.packedBytes / 1024).toFixed(0)} KiB packed / ${(speed.unpackedBytes / 1024).toFixed(0)} KiB unpacked`,
);

// 5. A large input through the CLI: wall time and the child's peak RSS (BENCH_LARGE_MB, default 20).
const large = await largeInput();
speed.large = large;
console.log(`\nLarge input: ${large.command}`);
console.log(
  `  ${large.seconds} s, ${large.mibPerSecond} MiB/s, ${large.syllablesPerSecond.toLocaleString('en')} syllables/s, peak RSS ${large.peakRssMiB} MiB`,
);

// 5b. Training on a large synthetic corpus through the CLI (same size): wall time and peak RSS.
const training = await largeTraining();
speed.largeTraining = training;
console.log(`\nLarge training corpus: ${training.command}`);
console.log(`  ${training.seconds} s, peak RSS ${training.peakRssMiB} MiB; ${training.learnt}`);

// 6. Whole-process CLI against a pure-Python bigram Viterbi on ~1M words (minutes: only with BENCH_PYTHON=1).
if (process.env.BENCH_PYTHON === '1') {
  const py = comparePython();
  speed.python = py;
  if (py.skipped) console.log(`\nPython comparison skipped: ${py.skipped}`);
  else {
    console.log(`\nWhole process on ${py.input.words.toLocaleString('en')} words (${py.input.sizedBy}), median of ${py.runs}:`);
    for (const r of py.results)
      console.log(
        `  ${r.name.padEnd(50)} ${r.seconds.toFixed(2).padStart(7)} s  ${pct(r.accuracy)}${r.speedup ? `  ×${r.speedup} vs Python` : ''}`,
      );
    console.log(
      `  Python output on one copy, by ../shared/tools/vi-score.py: ${typeof py.pythonOneCopyViScoreAccuracy === 'number' ? pct(py.pythonOneCopyViScoreAccuracy) : py.pythonOneCopyViScoreAccuracy}`,
    );
  }
} else {
  // Keep the last measured comparison (with its date) so the README table does not lose it.
  const previous = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8'));
  if (previous.speed?.python) speed.python = { ...previous.speed.python, measuredOn: previous.speed.python.measuredOn ?? previous.date };
  console.log('\nPython comparison not run (takes about 2 minutes): BENCH_PYTHON=1 npm run bench; the README keeps the last one');
}

writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

// 7. The README's tables, between their markers.
const table = [
  '| held-out text | syllables | vi-restore | most-frequent-form baseline |',
  '|---|---:|---:|---:|',
  ...results.leaveOneOut.map((r) => `| ${r.document} | ${r.syllables} | ${pct(r.accuracy)} | ${pct(r.baselineAccuracy)} |`),
].join('\n');
const markedTable = [
  '| input (the held-out resolution) | made by | input as given | vi-restore | errors |',
  '|---|---|---:|---:|---:|',
  ...results.marked.map((r) => `| ${r.name} | ${r.made} | ${pct(r.inputAccuracy)} | ${pct(r.accuracy)} | ${r.errors} |`),
].join('\n');
const ocrTable = [
  '| development lines 1–400 of the OCR report | alpha-syllable accuracy | character error rate |',
  '|---|---:|---:|',
  `| raw OCR | ${pct(ocr.rawAccuracy)} | ${pct(ocr.rawCharErrorRate)} |`,
  `| plain mode (marks only) | ${pct(ocr.plainModeAccuracy)} | |`,
  `| \`--ocr\` | ${pct(ocr.ocrModeAccuracy)} | ${pct(ocr.ocrModeCharErrorRate)} |`,
  ...(ocr.crossValidatedAccuracy !== null
    ? [`| \`--ocr\`, channel learnt without the scored half (2-fold) | ${pct(ocr.crossValidatedAccuracy)} | |`]
    : []),
  `| \`--ocr\` on clean text: the held-out resolution de-accented, model of 001–003 | ${pct(ocr.cleanResolutionInOcrMode)} | |`,
  `| \`--ocr\` on clean text: the held-out resolution as written (a good scan), same model | ${pct(ocr.markedResolutionInOcrMode)} | |`,
].join('\n');
const speedTable = [
  '| measure | value |',
  '|---|---:|',
  `| plain mode, text the model never saw (trained on 001–003, restoring 000) | ${speed.plainSyllablesPerSecond.toLocaleString('en')} syllables/s |`,
  `| plain mode, the same, one call on ${(speed.longTextChars / 1e6).toFixed(1)} M characters (160 copies) | ${speed.plainLongTextSyllablesPerSecond.toLocaleString('en')} syllables/s |`,
  `| plain mode, the same, a fresh model's first call (no word pairs looked up yet) | ${speed.plainFirstCallSyllablesPerSecond.toLocaleString('en')} syllables/s |`,
  `| plain mode, built-in model on text it was trained on (000) | ${speed.plainSeenTextSyllablesPerSecond.toLocaleString('en')} syllables/s |`,
  `| plain mode, text already marked (000 as written, model trained on 001–003) | ${speed.plainMarkedTextSyllablesPerSecond.toLocaleString('en')} syllables/s |`,
  `| OCR mode, first call (every token's readings searched) | ${speed.ocrFirstCallSyllablesPerSecond.toLocaleString('en')} syllables/s |`,
  `| OCR mode, readings cached (a long-running process) | ${speed.ocrSyllablesPerSecond.toLocaleString('en')} syllables/s |`,
  `| cost floor: tokenize + strip the same text | ${speed.floorSyllablesPerSecond.toLocaleString('en')} syllables/s |`,
  `| model load | ${speed.modelLoadMs} ms |`,
  `| import + first \`restore()\` | ${speed.importAndFirstCallMs} ms |`,
  `| peak RSS of the benchmark | ${speed.peakRssMiB} MiB |`,
  `| package (packed / unpacked) | ${(speed.packedBytes / 1024).toFixed(0)} / ${(speed.unpackedBytes / 1024).toFixed(0)} KiB |`,
  `| CLI on ${large.mib} MiB, \`node dist/cli.js BIG > /dev/null\` | ${large.seconds} s, ${large.mibPerSecond} MiB/s, peak RSS ${large.peakRssMiB} MiB |`,
  `| CLI \`train\` on ${training.mib} MiB of synthetic text (random syllables: nearly every trigram new) | ${training.seconds} s, peak RSS ${training.peakRssMiB} MiB |`,
  ...(speed.python?.results ?? []).map(
    (r) =>
      `| whole process, ${(speed.python.input.words / 1e6).toFixed(2)}M words${speed.python.measuredOn ? ` (run of ${speed.python.measuredOn.slice(0, 10)})` : ''}: ${r.name} | ${r.seconds} s${r.speedup ? ` (×${r.speedup} vs Python)` : ''}, accuracy ${pct(r.accuracy)} |`,
  ),
].join('\n');
const readmeUrl = new URL('../README.md', import.meta.url);
let readme = readFileSync(readmeUrl, 'utf8');
for (const [name, body] of [
  ['accuracy', table],
  ['marked', markedTable],
  ['ocr', ocrTable],
  [
    'speed',
    `${speedTable}\n\nIn-process rows: median of ${speed.runs} runs; whole-process rows: median of ${speed.python?.runs ?? '?'}. On ${speed.machine}.`,
  ],
]) {
  const marked = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  readme = readme.replace(marked, `<!-- bench:${name} -->\n${body}\n<!-- /bench:${name} -->`);
}
writeFileSync(readmeUrl, readme);
console.log(
  '\nwrote bench/results.json and bench/out/; check with: python3 ../shared/tools/vi-score.py data/resolution-88-hai-duong-2023.txt bench/out/resolution-88.restored.txt',
);
