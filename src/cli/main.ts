import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { backgroundCounts, loadModel, type Model, serializeModel, train, wordCounts } from 'vi-restore';
import { type CliOptions, HELP, parseArgs, UsageError } from './args.js';
import { PARALLEL_BYTES, runBatch } from './batch.js';
import { HOLDOUT_EVERY, heldOutAccuracy } from './evaluate.js';
import { expandInputs, type Input } from './files.js';
import { reason, removeTempsOnSignal, writeAtomic } from './io.js';
import type { Job, JobResult } from './job.js';
import { createProgress, PROGRESS_MIN_BYTES } from './progress.js';
import { InputError, readText } from './stream.js';

const VERSION = '0.1.0';

function fail(what: string, why: string): void {
  process.stderr.write(`vi-restore: ${what}: ${why}\n`);
}

/** The texts of the inputs, read one at a time as training consumes them; a bad input is named and skipped. */
function* inputTexts(paths: string[], status: { failed: boolean; read: number }, report = true): Generator<string> {
  for (const input of expandInputs(paths)) {
    let text: string;
    try {
      if (input.error) throw new InputError(input.error);
      text = readText(input.path);
    } catch (err) {
      if (report) fail(input.path, err instanceof InputError ? err.message : reason(err));
      status.failed = true;
      continue;
    }
    status.read++;
    yield text;
  }
}

function runTrain(o: CliOptions): number {
  const status = { failed: false, read: 0 };
  // A background of the user's own: its files' counts added to the built-in ones, read first (a bad one is named,
  // and the exit is 1).
  const own = { failed: false, read: 0 };
  const background = o.backgroundFrom.length > 0 ? wordCounts(inputTexts(o.backgroundFrom, own), backgroundCounts()) : o.background;
  status.failed = own.failed;
  const options = { order: o.order, background };
  const model = train(inputTexts(o.inputs, status), options);
  if (status.read === 0) {
    process.stderr.write('vi-restore: nothing to train on\n');
    return 1;
  }
  const bytes = serializeModel(model);
  writeAtomic(o.out, bytes);
  const { lm } = model;
  process.stdout.write(
    `trained on ${status.read} file(s), ${model.info.tokens} tokens${model.info.bareSentences ? ` (${model.info.bareSentences} sentence(s) without marks left out)` : ''}: ${model.info.trainedWords} distinct words seen${model.info.backgroundWords ? ` (and ${model.info.backgroundWords} common word(s) of the background)` : ''}, ` +
      `${lm.vocab.length} in the vocabulary, ${lm.biNext.length} bigrams, ${lm.triNext.length} trigrams (order ${lm.order}, ` +
      `with backward model, ${background === false ? 'no background' : background === true ? 'the built-in background' : `the built-in background plus the counts of ${own.read} file(s)`}), tone marks ${model.toneStyle === 'new' ? 'hoà (new style)' : 'hòa (old style)'}` +
      `${model.toneExceptions ? ` but ${model.toneExceptions.size} word(s) the other way` : ''}; ` +
      `${(bytes.length / 1024).toFixed(0)} KiB written to ${o.out}\n`,
  );
  if (o.evaluate) {
    // A second reading of the inputs, quiet: the first named any that failed.
    const check = heldOutAccuracy(inputTexts(o.inputs, { failed: false, read: 0 }, false), options);
    process.stdout.write(
      check
        ? `held-out check: ${((100 * check.right) / check.words).toFixed(2)} % of ${check.words} words restored right ` +
            `(every ${HOLDOUT_EVERY}th line held out, restored by a model trained on the rest)\n`
        : 'held-out check: no line to hold out (too little text)\n',
    );
  }
  return status.failed ? 1 : 0;
}

/** One FILE or stdin, written to stdout or --output; anything else is a batch. */
function isSingle(o: CliOptions): boolean {
  const [first] = o.inputs;
  if (o.inputs.length !== 1 || first === undefined || o.outDir || o.inPlace) return false;
  return first === '-' || !statSync(first, { throwIfNoEntry: false })?.isDirectory();
}

function jobsFor(o: CliOptions, inputs: Input[]): Job[] {
  const base = { ocr: o.ocr, toneStyle: o.toneStyle, json: o.json, detailed: o.report !== undefined };
  if (isSingle(o)) return inputs.map((input) => ({ ...base, input: input.path, ...(o.output ? { output: o.output } : {}) }));
  return inputs.map((input) => ({
    ...base,
    input: input.path,
    output: o.inPlace ? input.path : join(o.outDir as string, o.json ? `${input.rel}.jsonl` : input.rel),
    backup: o.backup,
  }));
}

/**
 * How many threads restore the inputs, and after how many characters of one input its workers start: as asked
 * (`--jobs N`), else one per core when the inputs hold {@link PARALLEL_BYTES} or more (standard input, of unknown
 * size: once that much of it is read), else this thread alone.
 */
function threadsFor(o: CliOptions, bytes: number | undefined): { threads: number; startAfter: number } {
  if (o.jobs !== undefined) return { threads: o.jobs, startAfter: 0 };
  const cores = availableParallelism();
  if (bytes === undefined) return { threads: cores, startAfter: PARALLEL_BYTES };
  return { threads: bytes >= PARALLEL_BYTES ? cores : 1, startAfter: 0 };
}

/** The inputs' bytes in all; undefined for standard input, whose size is not known. */
function inputBytes(inputs: Input[]): number | undefined {
  if (inputs.some((i) => i.path === '-')) return undefined;
  return inputs.reduce((sum, i) => sum + (statSync(i.path, { throwIfNoEntry: false })?.size ?? 0), 0);
}

/**
 * Draw a progress bar? On a terminal's stderr, unless `--quiet`: for several inputs, or for one of
 * {@link PROGRESS_MIN_BYTES} or more whose output does not go to that terminal too.
 */
function showProgress(o: CliOptions, jobs: Job[], bytes: number | undefined): boolean {
  if (o.quiet || process.stderr.isTTY !== true) return false;
  if (jobs.length > 1) return true;
  const toTerminal = jobs[0]?.output === undefined && process.stdout.isTTY === true;
  return bytes !== undefined && bytes >= PROGRESS_MIN_BYTES && !toTerminal;
}

async function runRestore(o: CliOptions): Promise<number> {
  if (o.inputs.length === 0) o.inputs.push('-');
  if (!isSingle(o)) {
    if (o.output) throw new UsageError('--output takes one input; use --out-dir DIR for several');
    if (!o.outDir && !o.inPlace) throw new UsageError('several inputs or a directory need --out-dir DIR or --in-place');
  }
  const inputs = expandInputs(o.inputs);
  let failed = false;
  for (const bad of inputs.filter((i) => i.error)) {
    fail(bad.path, bad.error as string);
    failed = true;
  }
  const good = inputs.filter((i) => !i.error);
  if (good.length === 0) return failed ? 1 : 0;
  const jobs: Job[] = [];
  // Two inputs bound for one output (`a/x.txt b/x.txt` under --out-dir, `-` twice, a file twice in place): the
  // first is written, the others named and skipped, so that no result silently replaces another.
  const firstFor = new Map<string, Job>();
  for (const job of jobsFor(o, good)) {
    const key = job.output === undefined ? undefined : resolve(job.output);
    const first = key === undefined ? undefined : firstFor.get(key);
    if (first) {
      const twice = job.input === '-' ? first.input === '-' : resolve(job.input) === resolve(first.input);
      fail(job.input, twice ? 'skipped: given twice' : `skipped: its output ${job.output} is ${first.input}'s too`);
      failed = true;
      continue;
    }
    if (key !== undefined) firstFor.set(key, job);
    jobs.push(job);
  }
  let model: Model | undefined;
  if (o.model) {
    try {
      model = loadModel(readFileSync(o.model));
    } catch (err) {
      fail(`--model ${o.model}`, reason(err));
      return 1;
    }
  }
  const bytes = inputBytes(good);
  const progress = createProgress({ files: jobs.length, ...(bytes !== undefined ? { bytes } : {}) }, showProgress(o, jobs, bytes));
  const results: JobResult[] = [];
  const { threads, startAfter } = threadsFor(o, bytes);
  // Interrupted, the run leaves no temporary file behind (the outputs are written whole, or not at all).
  const written = jobs.flatMap((j) => (j.output ? [j.output] : []));
  if (o.report) written.push(o.report);
  if (written.length > 0) removeTempsOnSignal(written);
  await runBatch(
    jobs,
    threads,
    model,
    o.model,
    {
      progress: (n, b) => progress.chunk(n, b),
      done: (r) => {
        results.push(r);
        if (r.error) {
          progress.pause(); // the message on a line of its own; the bar goes on below it
          fail(r.file, r.error);
          failed = true;
        }
        progress.file();
      },
    },
    startAfter,
  );
  progress.finish();
  if (o.output && results[0] && !results[0].error) process.stderr.write(`vi-restore: wrote ${o.output}\n`);
  if (o.report) {
    const order = new Map(jobs.map((j, k) => [j.input, k]));
    results.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
    writeAtomic(o.report, `${JSON.stringify({ files: results }, null, 2)}\n`);
  }
  return failed ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const o = parseArgs(argv);
    if (o.command === 'help' || o.command === 'version') {
      process.stdout.write(`${o.command === 'help' ? HELP : VERSION}\n`);
      return 0;
    }
    return o.command === 'train' ? runTrain(o) : await runRestore(o);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`vi-restore: ${err.message}\nTry 'vi-restore --help'.\n`);
      return 2;
    }
    process.stderr.write(`vi-restore: ${(err as Error).message}\n`);
    return 1;
  }
}

// A reader that stops early (`vi-restore big.txt | head`) closes the pipe: that is no error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`vi-restore: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
