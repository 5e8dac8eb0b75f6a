import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restore, stripDiacritics } from '../src/index.js';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const run = (args: string[], input?: string, cwd?: string) => spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd });
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vi-restore-'));
  mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'in', 'a.txt'), 'Tinh hinh kinh te nam 2023\n');
  writeFileSync(join(dir, 'in', 'sub', 'b.txt'), 'ke hoach nam 2024\n');
  writeFileSync(join(dir, 'in', 'skip.md'), 'not a txt file');
  return dir;
}

describe('vi-restore CLI: single input', () => {
  it('restores standard input to standard output', () => {
    const r = run([], 'ke hoach nam 2024\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('kế hoạch năm 2024\n');
  });

  it('restores one file to standard output, and - means stdin', () => {
    const dir = tree();
    expect(run([join(dir, 'in', 'a.txt')]).stdout).toBe('Tình hình kinh tế năm 2023\n');
    expect(run(['-'], 'nam').stdout).toBe('năm');
  });

  it('restores a large input in chunks exactly as the library restores it whole, wrapped lines included', () => {
    // Lines wrapped inside sentences, no blank line: a chunk must end where a line begins a sentence.
    const words = stripDiacritics(readFileSync(new URL('../data/resolution-88-hai-duong-2023.txt', import.meta.url), 'utf8'))
      .split(/\s+/)
      .filter(Boolean);
    const lines: string[] = [];
    for (let i = 0; i < words.length; i += 9) lines.push(words.slice(i, i + 9).join(' '));
    const text = `${lines.join('\n')}\n`.repeat(6); // ~250 k characters: several chunks
    const r = run([], text);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(restore(text));
  });

  it('restores one long line in chunks as the library restores it whole: chunks end after a sentence, never in a token', () => {
    const words = stripDiacritics(readFileSync(new URL('../data/resolution-88-hai-duong-2023.txt', import.meta.url), 'utf8'))
      .split(/\s+/)
      .filter(Boolean)
      .join(' ');
    const text = `${words} `.repeat(8); // ~230 k characters, no line break
    const r = run([], text);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(restore(text));
  });

  it('repairs OCR text with --ocr, keeping the line count', () => {
    const r = run(['--ocr'], 'PHAN THU NHAT\nTinh hinh thyc hién ké hoach nim 2023\nc6 13/15 chi tiéu\n');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').length).toBe(4);
    expect(r.stdout.split('\n')[0]).toBe('PHẦN THỨ NHẤT');
    expect(r.stdout).toContain('13/15');
  });

  it('keeps a byte-order mark and CRLF line ends byte for byte, in both modes', () => {
    const dir = tree();
    const file = join(dir, 'bom.txt');
    writeFileSync(file, '\ufeffTinh hinh\r\nkinh te\r\n');
    for (const mode of [[], ['--ocr']]) {
      const r = spawnSync(process.execPath, [CLI, ...mode, file]);
      expect(r.status).toBe(0);
      expect(r.stdout.toString('utf8')).toBe('\ufeffTình hình\r\nkinh tế\r\n');
    }
    expect(run(['--in-place', file, join(dir, 'in', 'a.txt')]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('\ufeffTình hình\r\nkinh tế\r\n');
  });

  it('writes the tone style asked for, in one thread and in chunks on the workers', () => {
    expect(run(['--tone-style', 'new'], 'Hoa binh va suc khoe, thuy loi\n').stdout).toBe('Hoà bình và sức khoẻ, thuỷ lợi\n');
    expect(run(['--tone-style=old'], 'Hoa binh, thuy loi\n').stdout).toBe('Hòa bình, thủy lợi\n');
    expect(run(['--tone-style=old'], 'Hoà bình\n').stdout).toBe('Hòa bình\n'); // marked words too
    expect(run([], 'Hoà bình\n').stdout).toBe('Hoà bình\n'); // auto: as the input
    const big = 'Hoa binh va suc khoe.\n'.repeat(20000); // several chunks
    const r = run(['--tone-style', 'new', '--jobs', '2'], big);
    expect(r.stdout).toBe('Hoà bình và sức khoẻ.\n'.repeat(20000));
  });

  it('with the style auto, writes every chunk of a file in the style the whole file shows, as the library does', () => {
    // Marked words in the new style only at the start, then many chunks of unmarked text.
    const text = `Hoà bình, khoẻ mạnh, thuỷ lợi.\n${'Hoa binh va suc khoe, thuy loi.\n'.repeat(8000)}`;
    const dir = mkdtempSync(join(tmpdir(), 'vi-restore-'));
    const file = join(dir, 'new-style.txt');
    writeFileSync(file, text);
    const whole = restore(text);
    expect(whole.endsWith('Hoà bình và sức khoẻ, thuỷ lợi.\n')).toBe(true);
    expect(run([file, '--jobs', '1']).stdout).toBe(whole);
    expect(run([file, '--jobs', '2']).stdout).toBe(whole);
    // From standard input the file cannot be read twice: each chunk follows its own words (the old style here).
    expect(run(['--jobs', '1'], text).stdout.endsWith('Hòa bình và sức khỏe, thủy lợi.\n')).toBe(true);
  });

  it('writes --json lines, one per token', () => {
    const lines = run(['--json'], 'nam 2024')
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.input).join('')).toBe('nam 2024');
    expect(lines[0]).toMatchObject({ kind: 'word', input: 'nam', output: 'năm' });
    expect(lines[0].confidence).toBeGreaterThan(0);
    expect(Array.isArray(lines[0].alternatives)).toBe(true);
  });

  it('writes --output atomically', () => {
    const dir = tree();
    const out = join(dir, 'deep', 'x.txt');
    expect(run(['--output', out], 'nam 2024').status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('năm 2024');
    expect(readdirSync(join(dir, 'deep'))).toEqual(['x.txt']);
  });

  it('restores a large input in chunks on worker threads, in order, as one thread would', () => {
    const dir = tree();
    const lines = Array.from({ length: 12000 }, (_, i) => `${i}: tinh hinh kinh te nam ${2000 + (i % 30)} tang truong`);
    const big = join(dir, 'big.txt');
    writeFileSync(big, `${lines.join('\n')}\n`); // about 700 KB: three chunks
    const one = run(['--jobs', '1', big]);
    const two = run(['--jobs', '2', big]);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout.split('\n')[11999]).toBe('11999: tình hình kinh tế năm 2029 tăng trưởng');
    const ocr = run(['--jobs', '2', '--ocr', '--output', join(dir, 'big.out'), big]);
    expect(ocr.status).toBe(0);
    expect(readFileSync(join(dir, 'big.out'), 'utf8').split('\n').length).toBe(12001);
  });
});

describe('vi-restore CLI: many threads asked for', () => {
  it('restores with --jobs far above the cores, without a warning on stderr', () => {
    // Four chunks: no more workers start than that (with 64, Node warned of a listener leak on stderr, and took seconds).
    const dir = tree();
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'Tinh hinh kinh te nam 2023 tang truong kha.\n'.repeat(4500));
    const one = run(['--jobs', '1', big]);
    const many = run(['--jobs', '64', big]);
    expect(many.status).toBe(0);
    expect(many.stderr).toBe('');
    expect(many.stdout).toBe(one.stdout);
  });
});

describe('vi-restore CLI: threads by input size', () => {
  it('reads a large standard input ahead and restores it on the workers as one thread does', () => {
    // Over PARALLEL_BYTES (3 MiB): read that far ahead, then every chunk goes to the workers.
    const big = 'Tinh hinh kinh te nam 2023 tang truong kha.\n'.repeat(80000);
    expect(big.length).toBeGreaterThan(3 << 20);
    const spawn = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { input: big, encoding: 'utf8', maxBuffer: 1 << 26 });
    const auto = spawn([]);
    const one = spawn(['--jobs', '1']);
    expect(auto.status).toBe(0);
    expect(auto.stdout.length).toBe(one.stdout.length);
    expect(auto.stdout === one.stdout).toBe(true); // (not toBe: a diff of two 3 MiB texts takes minutes)
    expect(one.stdout.slice(0, 44)).toBe('Tình hình kinh tế năm 2023 tăng trưởng khả.\n');
  });
});

describe('vi-restore CLI: batches', () => {
  it('names and skips an input whose output another input already has, and exits 1', () => {
    const dir = tree();
    mkdirSync(join(dir, 'two'));
    writeFileSync(join(dir, 'two', 'a.txt'), 'nam hai\n');
    const r = run(['--out-dir', 'out', join('in', 'a.txt'), join('two', 'a.txt')], undefined, dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `vi-restore: ${join('two', 'a.txt')}: skipped: its output ${join('out', 'a.txt')} is ${join('in', 'a.txt')}'s too\n`,
    );
    expect(readFileSync(join(dir, 'out', 'a.txt'), 'utf8')).toBe('Tình hình kinh tế năm 2023\n');
    const twice = run(['--out-dir', join(dir, 'out2'), '-', '-'], 'nam 2024\n');
    expect(twice.status).toBe(1);
    expect(twice.stderr).toBe('vi-restore: -: skipped: given twice\n');
    expect(readFileSync(join(dir, 'out2', 'stdin'), 'utf8')).toBe('năm 2024\n');
  });

  it('reads standard input in its own thread when - is one of several inputs on workers', () => {
    const dir = tree();
    const r = run(['--jobs', '2', '--out-dir', join(dir, 'out'), '-', join(dir, 'in')], 'ke hoach nam 2025\n');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'out', 'stdin'), 'utf8')).toBe('kế hoạch năm 2025\n');
    expect(readFileSync(join(dir, 'out', 'a.txt'), 'utf8')).toBe('Tình hình kinh tế năm 2023\n');
  });

  it('mirrors a directory into --out-dir (only *.txt), with a report', () => {
    const dir = tree();
    const r = run(['--out-dir', join(dir, 'out'), '--report', join(dir, 'report.json'), '--jobs', '2', join(dir, 'in')]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'out', 'a.txt'), 'utf8')).toBe('Tình hình kinh tế năm 2023\n');
    expect(readFileSync(join(dir, 'out', 'sub', 'b.txt'), 'utf8')).toBe('kế hoạch năm 2024\n');
    expect(existsSync(join(dir, 'out', 'skip.md'))).toBe(false);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.files).toHaveLength(2);
    expect(report.files[0]).toMatchObject({ syllables: 5, changed: 4 });
    expect(report.files[0].lowConfidence).toBeGreaterThanOrEqual(0);
    expect(report.files[0].ms).toBeGreaterThanOrEqual(0);
  });

  it('leaves a marked file as it is and restores a partly marked one, and the report says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vi-restore-'));
    mkdirSync(join(dir, 'in'));
    const marked = 'Ông ấy nói rằng chúng tôi sẽ cố gắng hơn nữa.\nTôi đi học về nhà, mẹ tôi đang nấu cơm.\n';
    writeFileSync(join(dir, 'in', 'a.txt'), marked);
    writeFileSync(join(dir, 'in', 'b.txt'), 'Tình hình thực hiện ke hoach nam 2024.\n');
    const r = run(['--out-dir', join(dir, 'out'), '--report', join(dir, 'report.json'), join(dir, 'in')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'a.txt'), 'utf8')).toBe(marked);
    expect(readFileSync(join(dir, 'out', 'b.txt'), 'utf8')).toBe('Tình hình thực hiện kế hoạch năm 2024.\n');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.files.map((f: { changed: number }) => f.changed)).toEqual([0, 3]);
  });

  it('fixes files in place, keeping a backup when asked', () => {
    const dir = tree();
    const a = join(dir, 'in', 'a.txt');
    expect(run(['--in-place', '--backup', a, join(dir, 'in', 'sub', 'b.txt')]).status).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe('Tình hình kinh tế năm 2023\n');
    expect(readFileSync(`${a}.bak`, 'utf8')).toBe('Tinh hinh kinh te nam 2023\n');
    expect(readdirSync(join(dir, 'in')).sort()).toEqual(['a.txt', 'a.txt.bak', 'skip.md', 'sub']);
  });

  it('keeps going past bad inputs, naming each in one line, and exits 1', () => {
    const dir = tree();
    writeFileSync(join(dir, 'in', 'binary.txt'), Buffer.from([0x61, 0x00, 0x62]));
    writeFileSync(join(dir, 'in', 'latin1.txt'), Buffer.concat([Buffer.from('dong 1\nca '), Buffer.from([0xe9]), Buffer.from(' phe\n')]));
    const r = run(['--out-dir', join(dir, 'out'), join(dir, 'in'), join(dir, 'missing.txt')]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('missing.txt'))).toMatch(/no such file/);
    expect(lines.find((l) => l.includes('binary.txt'))).toMatch(/binary file \(NUL byte at line 1, byte 1\)/);
    expect(lines.find((l) => l.includes('latin1.txt'))).toMatch(/invalid UTF-8 at line 2, byte 10/);
    noStack(r.stderr);
    expect(readFileSync(join(dir, 'out', 'a.txt'), 'utf8')).toBe('Tình hình kinh tế năm 2023\n');
    expect(existsSync(join(dir, 'out', 'binary.txt'))).toBe(false);
    expect(existsSync(join(dir, 'out', 'latin1.txt'))).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('keeps the permissions of a file it rewrites in place (a private file stays private)', () => {
    const dir = tree();
    const file = join(dir, 'in', 'a.txt');
    chmodSync(file, 0o600);
    expect(run(['--in-place', '--backup', file, join(dir, 'in', 'sub', 'b.txt')]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('Tình hình kinh tế năm 2023\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}.bak`).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('interrupted (SIGINT), leaves the file as it was and no temporary file', async () => {
    const dir = tree();
    const file = join(dir, 'in', 'big.txt');
    const text = 'Tinh hinh kinh te nam 2023 tang truong kha.\n'.repeat(100000); // 4.4 MB: a second or so
    writeFileSync(file, text);
    const child = spawn(process.execPath, [CLI, '--in-place', file]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGINT');
    const [code, signal] = await once(child, 'exit');
    expect(signal).toBe(null);
    expect(readdirSync(join(dir, 'in')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const now = readFileSync(file, 'utf8');
    // Interrupted (130): as it was. Had it finished first (0): restored whole.
    if (code === 130) expect(now === text).toBe(true);
    else expect([code, now.length, stripDiacritics(now) === text]).toEqual([0, text.length, true]);
  });

  it('never touches an in-place file it cannot read as text', () => {
    const dir = tree();
    const bad = join(dir, 'in', 'bad.txt');
    const bytes = Buffer.from([0x6e, 0x61, 0x6d, 0xff]);
    writeFileSync(bad, bytes);
    expect(run(['--in-place', bad, join(dir, 'in', 'a.txt')]).status).toBe(1);
    expect(readFileSync(bad)).toEqual(bytes);
  });

  it('prints no progress bar when stderr is not a terminal', () => {
    const dir = tree();
    const r = run(['--out-dir', join(dir, 'out'), join(dir, 'in')]);
    expect(r.stderr).toBe('');
  });

  // util-linux `script` gives the CLI a terminal; skipped where it is missing.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('draws a progress bar on a terminal (files, MiB, syllables/s), and none with --quiet', () => {
    const dir = tree();
    const inTerminal = (args: string[]) =>
      spawnSync('script', ['-qec', [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'], {
        encoding: 'utf8',
      });
    const shown = inTerminal(['--out-dir', join(dir, 'out'), join(dir, 'in')]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/\r\[#+\] +2\/2 files +0\.0\/0\.0 MiB +\d+k syl\/s/);
    const quiet = inTerminal(['--quiet', '--out-dir', join(dir, 'out2'), join(dir, 'in')]);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toContain('files');
    expect(readFileSync(join(dir, 'out2', 'sub', 'b.txt'), 'utf8')).toBe('kế hoạch năm 2024\n');
    // One input: a bar for a large one written to a file (MiB done of the whole), none for a small one.
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'Tinh hinh kinh te nam 2023 tang truong kha.\n'.repeat(30000)); // 1.3 MB
    const one = inTerminal(['--output', join(dir, 'big.out'), big]);
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/\r\[#{24}\] +1\.3\/1\.3 MiB +\d+k syl\/s +\r?\nvi-restore: wrote /);
    expect(one.stdout).not.toContain('files');
    const small = inTerminal(['--output', join(dir, 'small.out'), join(dir, 'in', 'a.txt')]);
    expect(small.stdout).not.toContain('MiB');
  });
});

describe('vi-restore CLI: directories', () => {
  it('follows links to folders but walks no folder twice (a link back up the tree)', () => {
    const dir = tree();
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'in', 'a.txt'), 'nam\n');
    writeFileSync(join(dir, 'in', 'sub', 'b.txt'), 'nam\n');
    symlinkSync('..', join(dir, 'in', 'sub', 'up'));
    symlinkSync('missing.txt', join(dir, 'in', 'broken.txt'));
    const r = run(['--quiet', '--out-dir', 'out', 'in'], undefined, dir);
    expect(r.stderr).toBe(`vi-restore: ${join('in', 'broken.txt')}: no such file or directory\n`);
    expect(r.status).toBe(1);
    expect(readdirSync(join(dir, 'out'), { recursive: true }).sort()).toEqual(['a.txt', 'sub', join('sub', 'b.txt')]);
  });
});

describe('vi-restore CLI: outputs that cannot be written', () => {
  // A file where a folder should be: fails the same way for every user, root included.
  const blocked = () => {
    const dir = tree();
    writeFileSync(join(dir, 'file'), 'x');
    writeFileSync(join(dir, 'a.txt'), 'nam\n');
    return dir;
  };

  it.each([
    [['--output', 'file/x.txt', 'a.txt'], 'vi-restore: a.txt: cannot write file/x.txt: not a directory\n'],
    [['--out-dir', 'file', 'a.txt'], 'vi-restore: a.txt: cannot write file/a.txt: not a directory\n'],
    [['train', '--out', 'file/m.bin', 'a.txt'], 'vi-restore: cannot write file/m.bin: not a directory\n'],
    [['--report', 'file/r.json', '--out-dir', 'out', 'a.txt'], 'vi-restore: cannot write file/r.json: not a directory\n'],
  ])('%j: one line naming the output, exit 1, no stack', (args, message) => {
    const dir = blocked();
    const r = run(args, undefined, dir);
    expect(r.stderr).toBe(message);
    expect(r.status).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    const dir = tree();
    writeFileSync(join(dir, 'big.txt'), 'xin chao cac ban\n'.repeat(100_000));
    const child = spawn(process.execPath, [CLI, join(dir, 'big.txt')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const [code] = await once(child, 'close');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('vi-restore CLI: usage', () => {
  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['--model'], '--model needs a value'],
    [['--jobs', 'x'], '--jobs takes a positive whole number'],
    [['--tone-style', 'neu'], '--tone-style takes old, new or auto'],
    [['a.txt', 'b.txt'], 'need --out-dir DIR or --in-place'],
    [['--backup', 'a.txt'], '--backup goes with --in-place'],
    [['--in-place'], '--in-place rewrites files: give FILE or DIR, not standard input'],
    [['--in-place', '-'], '--in-place rewrites files: give FILE or DIR, not standard input'],
    [['train'], 'train needs at least one FILE or DIR'],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const r = run(args, '');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(message);
    noStack(r.stderr);
  });

  it('--help lists every option with examples; --version prints the version', () => {
    const help = run(['--help']).stdout;
    for (const flag of [
      '--ocr',
      '--model',
      '--out-dir',
      '--in-place',
      '--backup',
      '--json',
      '--report',
      '--jobs',
      '--quiet',
      '--out',
      '--order',
      '--tone-style',
      '--evaluate',
      '--no-background',
      '--background',
    ]) {
      expect(help).toContain(flag);
    }
    expect(help).toContain('examples:');
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('rejects a file that is not a model, in one line', () => {
    const dir = tree();
    writeFileSync(join(dir, 'bad.bin'), 'not a model');
    const r = run(['--model', join(dir, 'bad.bin')], 'nam');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not a vi-restore model/);
  });

  it('names a missing --model file in plain words', () => {
    const r = run(['--model', '/no/such/model.bin'], 'nam');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('vi-restore: --model /no/such/model.bin: no such file or directory\n');
  });
});

describe('vi-restore train', () => {
  it('builds a model from files and directories, says what it learnt, and the model restores', () => {
    const dir = tree();
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, '1.txt'), 'Hợp tác xã nông nghiệp tăng trưởng tốt.\n');
    writeFileSync(join(corpus, '2.txt'), 'Nông nghiệp tăng trưởng ổn định.\n');
    const model = join(dir, 'm.bin');
    const t = run(['train', '--out', model, '--order', '2', corpus]);
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/trained on 2 file\(s\), \d+ tokens: .* bigrams, .* trigrams \(order 2/);
    expect(run(['--model', model], 'Nong nghiep tang truong\n').stdout).toBe('Nông nghiệp tăng trưởng\n');
  });

  it('leaves out sentences written without marks, and says how many', () => {
    const dir = tree();
    writeFileSync(join(dir, 'c.txt'), 'Nông nghiệp tăng trưởng ổn định.\nNong nghiep tang truong on dinh.\n');
    const t = run(['train', '--out', join(dir, 'm.bin'), join(dir, 'c.txt')]);
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/^trained on 1 file\(s\), \d+ tokens \(1 sentence\(s\) without marks left out\): /);
  });

  it('uses the background counts of common words unless --no-background, and says which', () => {
    const dir = tree();
    writeFileSync(join(dir, 'c.txt'), 'Con mèo nằm trên ghế.\n');
    const withIt = join(dir, 'a.bin');
    const without = join(dir, 'b.bin');
    const summary = run(['train', '--out', withIt, join(dir, 'c.txt')]).stdout;
    expect(summary).toContain('the built-in background');
    expect(summary).toMatch(/6 distinct words seen \(and \d{3,} common word\(s\) of the background\)/);
    expect(run(['train', '--no-background', '--out', without, join(dir, 'c.txt')]).stdout).toContain('no background');
    expect(run(['--model', withIt], 'cua\n').stdout).toBe('của\n');
    expect(run(['--model', without], 'cua\n').stdout).not.toBe('của\n');
  });

  it('adds the counts of --background FILE|DIR to the built-in ones, names a bad one, and refuses it with --no-background', () => {
    const dir = tree();
    writeFileSync(join(dir, 'c.txt'), 'Con mèo nằm trên ghế.\n');
    mkdirSync(join(dir, 'general'));
    writeFileSync(join(dir, 'general', 'a.txt'), 'Con diệc trắng. Con diệc xám.\n');
    writeFileSync(join(dir, 'general', 'b.txt'), 'Nuôi diệc.\n');
    const model = join(dir, 'm.bin');
    const builtIn = join(dir, 'b.bin');
    const t = run(['train', '--background', join(dir, 'general'), '--out', model, join(dir, 'c.txt')]);
    expect(t.status).toBe(0);
    expect(t.stdout).toContain('the built-in background plus the counts of 2 file(s)');
    expect(run(['train', '--out', builtIn, join(dir, 'c.txt')]).status).toBe(0);
    // diệc, three times in those files, once in the built-in counts (too few to be proposed); của, from the
    // built-in counts, still there
    expect(run(['--model', model], 'con diec, cua\n').stdout).toBe('con diệc, của\n');
    expect(run(['--model', builtIn], 'con diec, cua\n').stdout).toBe('con điếc, của\n');
    const bad = run(['train', '--background', join(dir, 'missing.txt'), '--out', model, join(dir, 'c.txt')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(`vi-restore: ${join(dir, 'missing.txt')}: no such file or directory\n`);
    const both = run(['train', '--background', join(dir, 'general'), '--no-background', '--out', model, join(dir, 'c.txt')]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--background and --no-background do not go together/);
  });

  it('with --evaluate, also says how many words of held-out lines a model trained on the rest restores', () => {
    const dir = tree();
    const model = join(dir, 'm.bin');
    const docs = ['resolution-412-hung-yen-2023.txt', 'action-programme-hai-duong-red-river-2023.txt', 'report-hai-duong-h1-2024.txt'];
    const paths = docs.map((d) => new URL(`../data/${d}`, import.meta.url).pathname);
    const t = run(['train', '--evaluate', '--out', model, ...paths, join(dir, 'missing.txt')]);
    expect(t.status).toBe(1); // the missing file, named once on stderr
    expect(t.stderr.trim().split('\n')).toHaveLength(1);
    const m = t.stdout.match(/held-out check: ([\d.]+) % of (\d+) words restored right/);
    expect(Number(m?.[1])).toBeGreaterThan(85); // 94.23 % when written
    expect(Number(m?.[2])).toBeGreaterThan(2000);
    const tiny = run(['train', '--evaluate', '--out', model], undefined, undefined);
    expect(tiny.status).toBe(2); // train needs an input
    writeFileSync(join(dir, 'short.txt'), 'Nông nghiệp tăng trưởng.\n');
    expect(run(['train', '--evaluate', '--out', model, join(dir, 'short.txt')]).stdout).toContain('no line to hold out');
    // A held-out line written without marks is no gold: with only such lines to hold out, none is.
    const lines = Array.from({ length: 20 }, (_, i) =>
      i % 10 === 9 ? 'Nong nghiep tang truong on dinh.' : 'Nông nghiệp tăng trưởng ổn định.',
    );
    writeFileSync(join(dir, 'bare.txt'), `${lines.join('\n')}\n`);
    expect(run(['train', '--evaluate', '--out', model, join(dir, 'bare.txt')]).stdout).toContain('no line to hold out');
  });

  it('skips a bad file, naming it in one line, and trains on the rest (exit 1)', () => {
    const dir = tree();
    writeFileSync(join(dir, 'good.txt'), 'Nông nghiệp tăng trưởng ổn định.\n');
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x6e, 0xc3, 0x28, 0x0a]));
    const model = join(dir, 'm.bin');
    const t = run(['train', '--out', model, join(dir, 'bad.txt'), join(dir, 'good.txt')]);
    expect(t.status).toBe(1);
    expect(t.stderr).toBe(`vi-restore: ${join(dir, 'bad.txt')}: invalid UTF-8 at line 1, byte 1\n`);
    expect(t.stdout).toMatch(/^trained on 1 file\(s\)/);
    expect(run(['--model', model], 'Nong nghiep\n').stdout).toBe('Nông nghiệp\n');
  });

  it('writes nothing when no input can be read', () => {
    const dir = tree();
    const t = run(['train', '--out', join(dir, 'm.bin'), join(dir, 'missing.txt')]);
    expect(t.status).toBe(1);
    expect(t.stderr).toBe(`vi-restore: ${join(dir, 'missing.txt')}: no such file or directory\nvi-restore: nothing to train on\n`);
    expect(existsSync(join(dir, 'm.bin'))).toBe(false);
  });
});
