import { readFileSync } from 'node:fs';
import { loadModel, type Model, restore, serializeModel, train } from 'vi-restore';
import { writeAtomic } from './io.js';

const USAGE = `usage: vi-restore [--ocr] [--model PATH] [--output PATH] [FILE]
       vi-restore train --out PATH [--order 2|3] FILE...`;

class UsageError extends Error {}

interface Parsed {
  flags: Map<string, string | true>;
  files: string[];
}

const VALUED = new Set(['--model', '--out', '--output', '--order']);

function parse(args: string[]): Parsed {
  const flags = new Map<string, string | true>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-' || !a.startsWith('-')) files.push(a);
    else if (VALUED.has(a)) {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      flags.set(a, v);
    } else if (a === '--ocr' || a === '--help') flags.set(a, true);
    else throw new UsageError(`unknown option ${a}`);
  }
  return { flags, files };
}

function readText(path: string): string {
  return readFileSync(path === '-' ? 0 : path, 'utf8');
}

function runTrain({ flags, files }: Parsed): number {
  const out = flags.get('--out');
  if (typeof out !== 'string') throw new UsageError('train needs --out PATH');
  if (files.length === 0) throw new UsageError('train needs at least one FILE');
  const order = flags.get('--order') === '2' ? 2 : 3;
  const model = train(files.map(readText), { order });
  const bytes = serializeModel(model);
  writeAtomic(out, bytes);
  const { lm } = model;
  process.stderr.write(
    `vi-restore: trained on ${model.info.tokens} tokens: ${lm.vocab.length} words, ${lm.biNext.length} bigrams, ${lm.triNext.length} trigrams, ${(bytes.length / 1024).toFixed(0)} KiB → ${out}\n`,
  );
  return 0;
}

function runRestore({ flags, files }: Parsed): number {
  if (files.length > 1) throw new UsageError('give one FILE, or none for standard input');
  const modelPath = flags.get('--model');
  const model: Model | undefined = typeof modelPath === 'string' ? loadModel(readFileSync(modelPath)) : undefined;
  const text = readText(files[0] ?? '-');
  const result = restore(text, { ocr: flags.has('--ocr'), ...(model ? { model } : {}) });
  const output = flags.get('--output');
  if (typeof output === 'string') {
    writeAtomic(output, result);
    process.stderr.write(`vi-restore: wrote ${output}\n`);
  } else process.stdout.write(result);
  return 0;
}

export function main(argv: string[]): number {
  try {
    const [first, ...rest] = argv;
    const parsed = parse(first === 'train' ? rest : argv);
    if (parsed.flags.has('--help')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    return first === 'train' ? runTrain(parsed) : runRestore(parsed);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`vi-restore: ${message}\n`);
    if (err instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = main(process.argv.slice(2));
