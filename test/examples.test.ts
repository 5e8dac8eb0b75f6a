import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const example = (file: string, args: string[] = []) =>
  spawnSync(process.execPath, [join(ROOT, 'examples', file), ...args], { encoding: 'utf8', cwd: ROOT });

describe('examples/ run as their README says', () => {
  it('node.mjs restores its lines and shows the least sure word', () => {
    const r = example('node.mjs');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('→ Tình hình thực hiện kế hoạch năm 2023');
    expect(r.stdout).toContain('→ HỘI ĐỒNG NHÂN DÂN TỈNH HẢI DƯƠNG');
    expect(r.stdout).toContain('→ Ông ấy nói rằng kế hoạch năm 2024 đã hoàn thành vượt mức.');
    expect(r.stdout).toMatch(/confidence \d\.\d{3}/);
  });

  it('batch-folder.mjs mirrors a folder tree into the output folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vi-restore-example-'));
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'in', 'a.txt'), 'Tinh hinh kinh te nam 2023\n');
    writeFileSync(join(dir, 'in', 'sub', 'b.txt'), 'Ké hoach nim 2024\n');
    writeFileSync(join(dir, 'in', 'notes.md'), 'skipped');
    const r = example('batch-folder.mjs', [join(dir, 'in'), join(dir, 'out'), '--ocr']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'a.txt'), 'utf8')).toBe('Tình hình kinh tế năm 2023\n');
    expect(readFileSync(join(dir, 'out', 'sub', 'b.txt'), 'utf8')).toBe('Kế hoạch năm 2024\n');
    expect(r.stdout).toContain('restored 2 of 2 file(s)');
  });

  it('train-own.mjs trains on a folder, saves the model, loads it back and restores with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vi-restore-example-'));
    mkdirSync(join(dir, 'corpus', 'law'), { recursive: true });
    writeFileSync(join(dir, 'corpus', 'a.txt'), 'Hợp đồng lao động có hiệu lực từ ngày ký.\n');
    writeFileSync(join(dir, 'corpus', 'law', 'b.txt'), 'Người lao động được hưởng lương theo hợp đồng.\n');
    const r = example('train-own.mjs', [join(dir, 'corpus'), join(dir, 'law.bin'), 'Nguoi lao dong ky hop dong']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^trained on 2 file\(s\): \d+ tokens/);
    expect(r.stdout).toContain('→ Người lao động ký hợp đồng');
  });

  it('batch-folder.mjs with no folder prints its usage and exits 2', () => {
    const r = example('batch-folder.mjs');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: /);
  });
});
