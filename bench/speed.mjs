// Speed section: syllables per second in plain and OCR mode beside the cost floor (tokenize +
// strip of the same text), model load time, import-plus-first-call latency, peak RSS, package size.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRestorer, defaultModel, loadModel, restore, serializeModel, stripDiacritics, tokenize, train } from '../dist/index.js';
import { readData } from './docs.mjs';

const RUNS = 15;
/** The long text is {@link LONG_COPIES} copies of the plain one, timed {@link LONG_RUNS} times (each run takes ~0.5 s). */
const LONG_COPIES = 40;
const LONG_RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function timeIt(fn) {
  return timeRounds([{ run: fn }])[0];
}

/**
 * Median milliseconds of each task's `run` over `runs` (default {@link RUNS}) rounds, every round running each task once in
 * turn; `setup`, if any, makes the argument of its run, off the clock.
 */
function timeRounds(tasks, runs = RUNS) {
  const times = tasks.map(() => []);
  for (let i = 0; i < runs; i++)
    tasks.forEach(({ setup, run }, k) => {
      const arg = setup?.();
      const t = performance.now();
      run(arg);
      times[k].push(performance.now() - t);
    });
  return times.map(median);
}

/**
 * Plain mode is timed twice: with a model that never saw the text (trained on seeds 001-003, restoring
 * seed 000, as in the accuracy benchmark) and with the built-in model, which was trained on it and so
 * decodes it faster than it would a new text. OCR mode is timed on a first call, when every token's
 * channel readings must be searched, and on later calls, when a long-running process has them cached.
 * Text that already has its marks (the resolution as written) is timed too: a user may run it on such text.
 */
export function speedSection() {
  const markedText = readData('resolution-88-hai-duong-2023.txt').repeat(4);
  const plainText = stripDiacritics(markedText);
  const ocrText = readData('ocr-report-hai-duong-2023.txt');
  const syllables = (t) => t.match(/\p{L}+/gu)?.length ?? 0;
  const model = defaultModel();
  const heldOutModel = train(
    ['resolution-412-hung-yen-2023.txt', 'action-programme-hai-duong-red-river-2023.txt', 'report-hai-duong-h1-2024.txt'].map(readData),
  );
  const heldOut = createRestorer({ model: heldOutModel });
  // One untimed call of each first, so that the timed ones see compiled code, as a long-running process would.
  restore(plainText);
  heldOut.restore(plainText);
  // A model's first call starts with an empty table of word pairs, and its first OCR call has no readings
  // cached: those runs each take a fresh copy of the model, made before the clock starts.
  const heldOutBytes = serializeModel(heldOutModel);
  const modelBytes = serializeModel(model);
  restore(ocrText, { ocr: true }); // warm the built-in model's reading cache
  // Round robin: each run times every task once, so that a slow spell of the machine falls on all of them
  // alike and the ratios between them (to the floor, first call to later calls) stay meaningful.
  const [floorMs, plainMs, firstPlainMs, seenMs, markedMs, coldOcrMs, ocrMs] = timeRounds([
    { run: () => tokenize(stripDiacritics(plainText)) },
    { run: () => heldOut.restore(plainText) },
    { setup: () => loadModel(heldOutBytes), run: (m) => restore(plainText, { model: m }) },
    { run: () => restore(plainText) },
    { run: () => heldOut.restore(markedText) },
    { setup: () => loadModel(modelBytes), run: (m) => restore(ocrText, { ocr: true, model: m }) },
    { run: () => restore(ocrText, { ocr: true }) },
  ]);
  // One long call (40 copies of the plain text, 160 of the resolution, 3.3 M characters): what the output and the
  // garbage collector cost at scale.
  const longText = plainText.repeat(LONG_COPIES);
  const [longMs] = timeRounds([{ run: () => heldOut.restore(longText) }], LONG_RUNS);
  const loadMs = timeIt(() => loadModel(modelBytes));
  const probe = `const t=performance.now();const m=await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});m.restore('Tinh hinh kinh te nam 2023');console.log(performance.now()-t)`;
  const firstCall = median(
    Array.from({ length: RUNS }, () =>
      Number(spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' }).stdout),
    ),
  );
  const pack = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  )[0];
  const per = (n, ms) => Math.round((n / ms) * 1000);
  return {
    machine: `${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, Node ${process.version}`,
    runs: RUNS,
    plainSyllablesPerSecond: per(syllables(plainText), plainMs),
    plainFirstCallSyllablesPerSecond: per(syllables(plainText), firstPlainMs),
    plainSeenTextSyllablesPerSecond: per(syllables(plainText), seenMs),
    plainLongTextSyllablesPerSecond: per(syllables(longText), longMs),
    longTextChars: longText.length,
    plainMarkedTextSyllablesPerSecond: per(syllables(markedText), markedMs),
    ocrSyllablesPerSecond: per(syllables(ocrText), ocrMs),
    ocrFirstCallSyllablesPerSecond: per(syllables(ocrText), coldOcrMs),
    floorSyllablesPerSecond: per(syllables(plainText), floorMs),
    modelLoadMs: Number(loadMs.toFixed(1)),
    importAndFirstCallMs: Number(firstCall.toFixed(1)),
    peakRssMiB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
    packedBytes: pack.size,
    unpackedBytes: pack.unpackedSize,
  };
}
