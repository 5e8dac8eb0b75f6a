/** A mistake in the command line: exit code 2. */
export class UsageError extends Error {}

export interface CliOptions {
  command: 'restore' | 'train' | 'help' | 'version';
  inputs: string[];
  ocr: boolean;
  model?: string;
  outDir?: string;
  output?: string;
  inPlace: boolean;
  backup: boolean;
  json: boolean;
  report?: string;
  quiet: boolean;
  /** Worker threads asked for; undefined: as many as the cores when the input is large enough to gain (see `threadsFor`). */
  jobs?: number;
  out: string;
  order: 2 | 3;
  background: boolean;
  backgroundFrom: string[];
  toneStyle: 'old' | 'new' | 'auto';
  evaluate: boolean;
}

interface Flag {
  name: string;
  value?: string;
  help: string;
  set: (o: CliOptions, v: string) => void;
}

type BoolKey = 'ocr' | 'inPlace' | 'backup' | 'json' | 'quiet' | 'evaluate';
type TextKey = 'model' | 'output' | 'outDir' | 'report' | 'out';
const yes =
  (key: BoolKey) =>
  (o: CliOptions): void => {
    o[key] = true;
  };
const text =
  (key: TextKey) =>
  (o: CliOptions, v: string): void => {
    o[key] = v;
  };
const command =
  (c: CliOptions['command']) =>
  (o: CliOptions): void => {
    o.command = c;
  };

/** Every option, in the order `--help` lists them. */
export const FLAGS: Flag[] = [
  { name: '--ocr', help: 'repair OCR text: digits and symbols read as letters (c6 → có)', set: yes('ocr') },
  { name: '--model', value: 'PATH', help: 'use this model instead of the built-in one', set: text('model') },
  {
    name: '--tone-style',
    value: 'old|new|auto',
    help: 'tone placement: old hòa thủy, new hoà thuỷ, auto as the input, else as the model learnt (default)',
    set: (o, v) => {
      o.toneStyle = toneStyle(v);
    },
  },
  {
    name: '--output',
    value: 'FILE',
    help: 'write the one result to FILE (atomically) instead of stdout',
    set: text('output'),
  },
  { name: '--out-dir', value: 'DIR', help: 'write results under DIR, mirroring input names', set: text('outDir') },
  { name: '--in-place', help: 'replace each input file (temporary file, then rename)', set: yes('inPlace') },
  { name: '--backup', help: 'with --in-place: keep the original as FILE.bak', set: yes('backup') },
  { name: '--json', help: 'one JSON line per token: input, output, confidence, alternatives', set: yes('json') },
  {
    name: '--report',
    value: 'FILE',
    help: 'write a per-file summary (tokens changed, low-confidence tokens, time) as JSON',
    set: text('report'),
  },
  {
    name: '--jobs',
    value: 'N',
    help: 'worker threads (default: one per core for inputs of 3 MiB or more, else none: starting them costs more)',
    set: (o, v) => {
      o.jobs = positive('--jobs', v);
    },
  },
  { name: '--quiet', help: 'no progress bar', set: yes('quiet') },
  { name: '--out', value: 'PATH', help: 'train: where to write the model (default vi-restore-model.bin)', set: text('out') },
  {
    name: '--order',
    value: '2|3',
    help: 'train: n-gram order (default 3)',
    set: (o, v) => {
      o.order = order(v);
    },
  },
  {
    name: '--background',
    value: 'PATH',
    help: 'train: also count common words and word pairs in these files (FILE or DIR, repeatable), added to the built-in background',
    set: (o, v) => {
      o.backgroundFrom.push(v);
    },
  },
  {
    name: '--no-background',
    help: 'train: without the built-in background counts of common words and pairs (they help small corpora most)',
    set: (o) => {
      o.background = false;
    },
  },
  {
    name: '--evaluate',
    help: 'train: also report the words restored right in every 10th line, held out from a model trained on the rest',
    set: yes('evaluate'),
  },
  { name: '--help', help: 'show this help', set: command('help') },
  { name: '--version', help: 'show the version', set: command('version') },
];

function positive(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} takes a positive whole number, got ${v}`);
  return n;
}

function toneStyle(v: string): CliOptions['toneStyle'] {
  if (v !== 'old' && v !== 'new' && v !== 'auto') throw new UsageError(`--tone-style takes old, new or auto, got ${v}`);
  return v;
}

function order(v: string): 2 | 3 {
  if (v !== '2' && v !== '3') throw new UsageError(`--order takes 2 or 3, got ${v}`);
  return v === '2' ? 2 : 3;
}

export const HELP = `vi-restore: put the diacritics back into Vietnamese text

usage:
  vi-restore [options] [FILE|DIR ...]     restore; no input or - reads stdin, one file writes stdout
  vi-restore train [--out PATH] [--order 2|3] [--background PATH | --no-background] [--evaluate] FILE|DIR ...

options:
${FLAGS.map((f) => `  ${`${f.name}${f.value ? ` ${f.value}` : ''}`.padEnd(26)} ${f.help}`).join('\n')}

examples:
  echo "Tinh hinh kinh te nam 2023" | vi-restore
  vi-restore --ocr scan.txt > fixed.txt
  vi-restore --ocr --out-dir fixed/ scans/          # every *.txt under scans/, mirrored into fixed/
  vi-restore --in-place --backup a.txt b.txt
  vi-restore --tone-style new doc.txt               # hoà, thuỷ, khoẻ
  vi-restore --json --report report.json doc.txt
  vi-restore train --out law.bin corpus/ && vi-restore --model law.bin input.txt
  vi-restore train --evaluate --out law.bin corpus/ # how well it will do on text like corpus/

exit status: 0 all done, 1 some input failed (each named on stderr), 2 usage error`;

/** Parse the command line; throws {@link UsageError} on a mistake. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = {
    command: 'restore',
    inputs: [],
    ocr: false,
    inPlace: false,
    backup: false,
    json: false,
    quiet: false,
    out: 'vi-restore-model.bin',
    order: 3,
    background: true,
    backgroundFrom: [],
    toneStyle: 'auto',
    evaluate: false,
  };
  const args = [...argv];
  if (args[0] === 'train') {
    o.command = 'train';
    args.shift();
  }
  const byName = new Map(FLAGS.map((f) => [f.name, f]));
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-' || !a.startsWith('-')) {
      o.inputs.push(a);
      continue;
    }
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const flag = byName.get(name);
    if (!flag) throw new UsageError(`unknown option ${name}`);
    if (!flag.value) {
      flag.set(o, '');
      continue;
    }
    const v = inline ?? args[++i];
    if (v === undefined) throw new UsageError(`${name} needs a value (${flag.value})`);
    flag.set(o, v);
  }
  if (o.command === 'train' && o.inputs.length === 0) throw new UsageError('train needs at least one FILE or DIR');
  if (o.inPlace && o.outDir) throw new UsageError('--in-place and --out-dir do not go together');
  if (!o.background && o.backgroundFrom.length > 0) throw new UsageError('--background and --no-background do not go together');
  if (o.backup && !o.inPlace) throw new UsageError('--backup goes with --in-place');
  if (o.inPlace && (o.inputs.length === 0 || o.inputs.includes('-'))) {
    throw new UsageError('--in-place rewrites files: give FILE or DIR, not standard input');
  }
  return o;
}
