// Whole-process time, side by side: the CLI (`node dist/cli.js`) against a plain pure-Python bigram Viterbi
// (bench/python-bigram.py) on about one million words: the de-accented held-out resolution repeated.
// Each command is a fresh process that reads the input file and writes the restored text to a file; the
// time includes start-up, model loading or training, and output. Accuracy is scored on the first copy.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripDiacritics, tokenize } from '../dist/index.js';
import { readData } from './docs.mjs';
import { scoreTexts } from './score.mjs';

const RUNS = 3;
const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'dist/cli.js');
const PY = join(root, 'bench/python-bigram.py');
const VI_SCORE = join(root, '../shared/tools/vi-score.py');
const TRAIN = ['resolution-412-hung-yen-2023.txt', 'action-programme-hai-duong-red-river-2023.txt', 'report-hai-duong-h1-2024.txt'].map(
  (f) => join(root, 'data', f),
);
const GOLD = 'resolution-88-hai-duong-2023.txt';
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Run one process (stdin from `input` if given, stdout to `output`); its wall time in seconds. */
function run(cmd, args, input, output) {
  const stdin = input ? openSync(input, 'r') : 'ignore';
  const stdout = openSync(output, 'w');
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: [stdin, stdout, 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - t) / 1000;
  if (typeof stdin === 'number') closeSync(stdin);
  closeSync(stdout);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return seconds;
}

/** Median seconds and first-copy accuracy of each contender; `speedup` is Python's time over the CLI's. */
export function comparePython({ words = 1_000_000 } = {}) {
  if (spawnSync('python3', ['--version']).status !== 0) return { skipped: 'python3 not found' };
  const dir = mkdtempSync(join(tmpdir(), 'vi-restore-vs-python-'));
  try {
    const gold = readData(GOLD);
    const copy = `${stripDiacritics(gold)}\n`;
    const copies = Math.ceil(words / copy.split(/\s+/).filter(Boolean).length);
    const text = copy.repeat(copies);
    const input = join(dir, 'input.txt');
    writeFileSync(input, text);
    const model = join(dir, 'model.bin');
    run(process.execPath, [CLI, 'train', '--out', model, ...TRAIN], null, join(dir, 'train.log'));
    const contenders = [
      { name: 'vi-restore --model M (trained on 001-003)', cmd: process.execPath, args: [CLI, '--model', model, input] },
      { name: 'vi-restore --model M --jobs 1', cmd: process.execPath, args: [CLI, '--model', model, '--jobs', '1', input] },
      { name: 'vi-restore, built-in model (trained on 000-003)', cmd: process.execPath, args: [CLI, input] },
      { name: 'python3 bench/python-bigram.py --train 001-003', cmd: 'python3', args: [PY, '--train', ...TRAIN], stdin: input },
    ];
    const times = contenders.map(() => []);
    for (let i = 0; i < RUNS; i++)
      contenders.forEach((c, k) => {
        times[k].push(run(c.cmd, c.args, c.stdin, join(dir, `out${k}.txt`)));
      });
    const goldLines = gold.split('\n').length;
    const firstCopy = (k) =>
      readFileSync(join(dir, `out${k}.txt`), 'utf8')
        .split('\n', goldLines)
        .join('\n');
    const results = contenders.map((c, k) => ({
      name: c.name,
      seconds: Number(median(times[k]).toFixed(2)),
      accuracy: scoreTexts(gold, firstCopy(k)).insensitive.accuracy,
    }));
    const python = results.at(-1);
    for (const r of results.slice(0, -1)) r.speedup = Number((python.seconds / r.seconds).toFixed(2));
    // Independent check of the Python output: one copy through python-bigram.py, scored by vi-score.py.
    let viScore = 'not run (../shared/tools/vi-score.py missing)';
    if (existsSync(VI_SCORE)) {
      writeFileSync(join(dir, 'one.txt'), stripDiacritics(gold));
      run('python3', [PY, '--train', ...TRAIN], join(dir, 'one.txt'), join(dir, 'one.py.txt'));
      const r = spawnSync('python3', [VI_SCORE, '--json', join(root, 'data', GOLD), join(dir, 'one.py.txt')], { encoding: 'utf8' });
      viScore = r.status === 0 ? JSON.parse(r.stdout).ci.accuracy : `failed: ${r.stderr}`;
    }
    return {
      input: {
        copies,
        bytes: Buffer.byteLength(text),
        words: text.split(/\s+/).filter(Boolean).length,
        tokens: tokenize(text).length,
        syllables: text.match(/\p{L}+/gu)?.length ?? 0,
        sizedBy: 'whitespace-separated words (tokens counts every tokenize() token, spaces and punctuation included)',
      },
      runs: RUNS,
      results,
      pythonOneCopyViScoreAccuracy: viScore,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
