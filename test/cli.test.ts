import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const run = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });

describe('vi-restore CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vi-restore-'));

  it('restores standard input to standard output', () => {
    const r = run([], 'ke hoach nam 2024\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('kế hoạch năm 2024\n');
  });

  it('restores a file, with a model it trained itself', () => {
    const corpus = join(dir, 'corpus.txt');
    writeFileSync(corpus, 'Hợp tác xã nông nghiệp tăng trưởng tốt.\nNông nghiệp tăng trưởng ổn định.\n');
    const model = join(dir, 'm.bin');
    const t = run(['train', '--out', model, corpus]);
    expect(t.status).toBe(0);
    expect(t.stderr).toMatch(/trained on \d+ tokens/);
    const input = join(dir, 'in.txt');
    writeFileSync(input, 'Nong nghiep tang truong\n');
    const r = run(['--model', model, input]);
    expect(r.stdout).toBe('Nông nghiệp tăng trưởng\n');
  });

  it('says what is wrong in one line and exits 2 on a usage error', () => {
    const r = run(['--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('vi-restore: unknown option --bogus');
  });

  it('names a missing file without a stack trace and exits 1', () => {
    const r = run([join(dir, 'missing.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.txt/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a file that is not a model', () => {
    const bad = join(dir, 'bad.bin');
    writeFileSync(bad, 'not a model');
    const r = run(['--model', bad], 'nam');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a vi-restore model/);
  });

  it('writes --output atomically', () => {
    const outPath = join(dir, 'out', 'x.txt');
    const r = run(['--output', outPath], 'nam 2024');
    expect(r.status).toBe(0);
    expect(readFileSync(outPath, 'utf8')).toBe('năm 2024');
  });
});
