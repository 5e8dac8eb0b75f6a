// A large input through the CLI: `node dist/cli.js BIG > /dev/null` in plain mode, where BIG is the
// de-accented held-out resolution repeated to `mb` MiB. Measures the child's wall time and peak RSS (by
// GNU time's %M; 'not measured' without /usr/bin/time). Chunked reading keeps the peak RSS flat as `mb`
// grows. Default 20 MiB; BENCH_LARGE_MB=200 npm run bench for the full size. `largeTraining` does the same
// for `node dist/cli.js train` on synthetic text (see below).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripDiacritics } from '../dist/index.js';
import { readData } from './docs.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const TIME = '/usr/bin/time';

/** Run the CLI with `args` under GNU time if there is one: wall time, peak RSS (KiB or NaN), and stdout
 * if asked for (else it goes to /dev/null). */
async function timedCli(args, { keepStdout = false } = {}) {
  const timed = existsSync(TIME);
  const [cmd, argv] = timed ? [TIME, ['-f', 'peak-rss-kib %M', process.execPath, CLI, ...args]] : [process.execPath, [CLI, ...args]];
  const t = performance.now();
  const child = spawn(cmd, argv, { stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const [code] = await once(child, 'close');
  const seconds = (performance.now() - t) / 1000;
  if (code !== 0) throw new Error(`node dist/cli.js ${args.join(' ')} failed (${code}): ${stderr}`);
  return { seconds, kib: Number(stderr.match(/peak-rss-kib (\d+)/)?.[1]), stdout };
}

const rss = (kib) => (kib ? Number((kib / 1024).toFixed(1)) : 'not measured (no /usr/bin/time)');

async function writeCopies(file, copy, copies) {
  const out = createWriteStream(file);
  for (let i = 0; i < copies; i++) if (!out.write(copy)) await once(out, 'drain');
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
}

export async function largeInput({ mb = Number(process.env.BENCH_LARGE_MB ?? 20) } = {}) {
  const file = join(tmpdir(), `vi-restore-large-${process.pid}.txt`);
  const copy = Buffer.from(`${stripDiacritics(readData('resolution-88-hai-duong-2023.txt'))}\n`);
  const copies = Math.ceil((mb * 2 ** 20) / copy.length);
  try {
    await writeCopies(file, copy, copies);
    const { seconds, kib } = await timedCli([file]);
    const mib = (copies * copy.length) / 2 ** 20;
    const syllables = copies * (copy.toString().match(/\p{L}+/gu)?.length ?? 0);
    return {
      command: `node dist/cli.js BIG > /dev/null (BIG: ${mib.toFixed(1)} MiB, de-accented resolution ×${copies})`,
      mib: Number(mib.toFixed(1)),
      seconds: Number(seconds.toFixed(1)),
      mibPerSecond: Number((mib / seconds).toFixed(2)),
      syllablesPerSecond: Math.round(syllables / seconds),
      peakRssMiB: rss(kib),
    };
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * `node dist/cli.js train` on `mb` MiB of synthetic text: sentences of 8-30 syllables drawn from the
 * inventory with Zipf weights by a seeded generator, so that nearly every trigram is new, the worst case
 * for the trainer's memory (real text of the same size has far fewer distinct n-grams).
 */
export async function largeTraining({ mb = Number(process.env.BENCH_LARGE_MB ?? 20) } = {}) {
  const dir = join(tmpdir(), `vi-restore-train-${process.pid}`);
  const file = `${dir}.txt`;
  const syllables = readData('syllables.txt')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  const cumulative = [];
  let sum = 0;
  for (let r = 1; r <= syllables.length; r++) {
    sum += 1 / r;
    cumulative.push(sum);
  }
  let seed = 1;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const pick = () => {
    const x = random() * sum;
    let lo = 0;
    for (let hi = cumulative.length - 1; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return syllables[lo];
  };
  try {
    const out = createWriteStream(file);
    let bytes = 0;
    while (bytes < mb * 2 ** 20) {
      const words = Array.from({ length: 8 + Math.floor(random() * 23) }, pick);
      const line = `${words.join(' ')}.\n`;
      bytes += Buffer.byteLength(line);
      if (!out.write(line)) await once(out, 'drain');
    }
    await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
    const { seconds, kib, stdout } = await timedCli(['train', '--out', `${dir}.bin`, file], { keepStdout: true });
    return {
      command: `node dist/cli.js train --out M SYNTHETIC (${(bytes / 2 ** 20).toFixed(1)} MiB)`,
      mib: Number((bytes / 2 ** 20).toFixed(1)),
      seconds: Number(seconds.toFixed(1)),
      peakRssMiB: rss(kib),
      learnt: stdout.trim().replace(/ written to .*/, ''),
    };
  } finally {
    rmSync(file, { force: true });
    rmSync(`${dir}.bin`, { force: true });
  }
}
