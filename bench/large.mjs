// A large input through the CLI: `node dist/cli.js BIG > /dev/null` in plain mode, where BIG is the
// de-accented held-out resolution repeated to `mb` MiB. Measures the child's wall time and peak RSS (by
// GNU time's %M; 'not measured' without /usr/bin/time). Chunked reading keeps the peak RSS flat as `mb`
// grows. Default 20 MiB; BENCH_LARGE_MB=200 npm run bench for the full size.
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

export async function largeInput({ mb = Number(process.env.BENCH_LARGE_MB ?? 20) } = {}) {
  const file = join(tmpdir(), `vi-restore-large-${process.pid}.txt`);
  const copy = Buffer.from(`${stripDiacritics(readData('resolution-88-hai-duong-2023.txt'))}\n`);
  const copies = Math.ceil((mb * 2 ** 20) / copy.length);
  try {
    const out = createWriteStream(file);
    for (let i = 0; i < copies; i++) if (!out.write(copy)) await once(out, 'drain');
    await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
    const timed = existsSync(TIME);
    const [cmd, args] = timed ? [TIME, ['-f', 'peak-rss-kib %M', process.execPath, CLI, file]] : [process.execPath, [CLI, file]];
    const t = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] }); // stdout to /dev/null
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const [code] = await once(child, 'close');
    const seconds = (performance.now() - t) / 1000;
    if (code !== 0) throw new Error(`node dist/cli.js on ${mb} MiB failed (${code}): ${stderr}`);
    const kib = Number(stderr.match(/peak-rss-kib (\d+)/)?.[1]);
    const mib = (copies * copy.length) / 2 ** 20;
    const syllables = copies * (copy.toString().match(/\p{L}+/gu)?.length ?? 0);
    return {
      command: `node dist/cli.js BIG > /dev/null (BIG: ${mib.toFixed(1)} MiB, de-accented resolution ×${copies})`,
      mib: Number(mib.toFixed(1)),
      seconds: Number(seconds.toFixed(1)),
      mibPerSecond: Number((mib / seconds).toFixed(2)),
      syllablesPerSecond: Math.round(syllables / seconds),
      peakRssMiB: kib ? Number((kib / 1024).toFixed(1)) : 'not measured (no /usr/bin/time)',
    };
  } finally {
    rmSync(file, { force: true });
  }
}
