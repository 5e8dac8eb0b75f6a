#!/usr/bin/env node
// Accuracy on a domain of your own: leave-one-file-out over a folder of clean accented *.txt files. Each
// test file is de-accented and restored by a model trained (as `vi-restore train` does) on all the other
// files, and scored like ../shared/tools/vi-score.py; with --python the plain Witten-Bell bigram of
// bench/python-bigram.py is trained on the same files and scored beside it. Not part of `npm run bench`:
// it needs a corpus, which the project does not ship.
//   npm run build && node bench/domain.mjs DIR [--tests N] [--share P] [--background BGDIR [--alone]] [--python]
// --tests N: test on the N largest files only (default 5); every other file is used for training.
// --share P: train on the first P % of each training file's lines only (default 100), for a learning curve.
// --background BGDIR: the word and pair counts of BGDIR's *.txt files added to the built-in background (as
// `vi-restore train --background BGDIR` does); with --alone, in its place.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backgroundCounts, restore, stripDiacritics, train, wordCounts } from '../dist/index.js';
import { scoreTexts } from './score.mjs';

const PY = fileURLToPath(new URL('python-bigram.py', import.meta.url));

function usage(message) {
  console.error(
    `bench/domain.mjs: ${message}\nusage: node bench/domain.mjs DIR [--tests N] [--share P] [--background BGDIR [--alone]] [--python]`,
  );
  process.exit(2);
}

/** Errors and syllables of one restored text against its gold (case-insensitive). */
function tally(gold, hyp) {
  const s = scoreTexts(gold, hyp).insensitive;
  return { errors: Math.round(s.syllables * (1 - s.accuracy)), syllables: s.syllables };
}

function python(trainFiles, input) {
  const r = spawnSync('python3', [PY, '--train', ...trainFiles], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`python-bigram.py failed: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && !['--tests', '--share', '--background'].includes(args[i - 1] ?? ''));
if (!dir) usage('no DIR given');
const testsAt = args.indexOf('--tests');
const count = testsAt >= 0 ? Number(args[testsAt + 1]) : 5;
if (!(Number.isInteger(count) && count >= 1)) usage('--tests needs a whole number');
const shareAt = args.indexOf('--share');
const share = shareAt >= 0 ? Number(args[shareAt + 1]) : 100;
if (!(share > 0 && share <= 100)) usage('--share needs a percentage above 0, at most 100');
const withPython = args.includes('--python');
const backgroundAt = args.indexOf('--background');
let background = true;
if (backgroundAt >= 0) {
  const bgDir = args[backgroundAt + 1];
  let files;
  try {
    files = readdirSync(bgDir ?? '').filter((f) => f.endsWith('.txt'));
  } catch (e) {
    usage(`cannot read ${bgDir}: ${e.code ?? e.message}`);
  }
  const read = (function* () {
    for (const f of files) yield readFileSync(join(bgDir, f), 'utf8');
  })();
  background = wordCounts(read, args.includes('--alone') ? undefined : backgroundCounts());
}

let names;
try {
  names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
} catch (e) {
  usage(`cannot read ${dir}: ${e.code ?? e.message}`);
}
if (names.length < 2) usage(`${dir} needs at least two *.txt files`);
const texts = new Map(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
/** A training file as used: its first `share` % of lines. */
const part = (text) => {
  const lines = text.split('\n');
  return lines.slice(0, Math.ceil((lines.length * share) / 100)).join('\n');
};
const parts = new Map([...texts].map(([n, t]) => [n, part(t)]));
// The Python baseline reads files: the training parts go to a temporary folder.
const partDir = mkdtempSync(join(tmpdir(), 'vi-restore-domain-'));
for (const [n, t] of parts) writeFileSync(join(partDir, n), t);
process.on('exit', () => rmSync(partDir, { recursive: true, force: true }));
const tests = [...names].sort((a, b) => texts.get(b).length - texts.get(a).length).slice(0, count);

const sum = { ours: { errors: 0, syllables: 0 }, python: { errors: 0, syllables: 0 } };
const pct = (t) => `${(100 * (1 - t.errors / t.syllables)).toFixed(2)} %`;
if (share < 100) console.log(`Training on the first ${share} % of each file's lines.\n`);
console.log(`| left out | syllables | vi-restore |${withPython ? ' Witten-Bell bigram (Python) |' : ''}`);
console.log(`|---|---:|---:|${withPython ? '---:|' : ''}`);
for (const test of tests) {
  const others = names.filter((n) => n !== test);
  const gold = texts.get(test);
  const input = stripDiacritics(gold);
  const ours = tally(
    gold,
    restore(input, {
      model: train(
        others.map((n) => parts.get(n)),
        { background },
      ),
    }),
  );
  sum.ours.errors += ours.errors;
  sum.ours.syllables += ours.syllables;
  let row = `| ${test} | ${ours.syllables} | ${pct(ours)} |`;
  if (withPython) {
    const py = tally(
      gold,
      python(
        others.map((n) => join(partDir, n)),
        input,
      ),
    );
    sum.python.errors += py.errors;
    sum.python.syllables += py.syllables;
    row += ` ${pct(py)} |`;
  }
  console.log(row);
}
console.log(`| all ${tests.length} | ${sum.ours.syllables} | ${pct(sum.ours)} |${withPython ? ` ${pct(sum.python)} |` : ''}`);
if (withPython) {
  const fewer = 1 - sum.ours.errors / sum.python.errors;
  console.log(
    `\nvi-restore makes ${(100 * fewer).toFixed(0)} % fewer errors than the bigram (${sum.ours.errors} against ${sum.python.errors}).`,
  );
}
