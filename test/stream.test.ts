import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, lineCut, readAhead, readChunks, readText, withLookahead } from '../src/cli/stream.js';

async function* items<T>(xs: T[]): AsyncGenerator<T> {
  for (const x of xs) yield x;
}

describe('withLookahead', () => {
  it.each([
    [[], []],
    [['a'], [['a', false]]],
    [
      ['a', 'b', 'c'],
      [
        ['a', true],
        ['b', true],
        ['c', false],
      ],
    ],
  ])('%j → %j', async (input, expected) => {
    const out: [string, boolean][] = [];
    for await (const pair of withLookahead(items(input as string[]))) out.push(pair);
    expect(out).toEqual(expected);
  });
});

describe('readAhead', () => {
  it.each([
    [['ab', 'cd', 'ef'], 3, true],
    [['ab', 'cd', 'ef'], 4, true],
    [['ab', 'cd', 'ef'], 6, false],
    [['ab'], 1, false],
    [[], 1, false],
  ])('%j, %i characters ahead: more follow? %s', async (input, chars, more) => {
    const ahead = await readAhead(items(input), chars);
    expect(ahead.more).toBe(more);
    const out: string[] = [];
    for await (const x of ahead.items) out.push(x);
    expect(out).toEqual(input);
  });
});

describe('lineCut', () => {
  it.each([
    ['after the last line break', 'Tinh hinh.\nKinh te\nnam', 19],
    ['a line break last', 'nam 2023\n', 9],
    ['no line break: before the last token', 'Tinh hinh kinh te', 15],
  ])('%s', (_, text, at) => {
    expect(lineCut(text)).toBe(at);
  });
});

describe('readChunks and readText check UTF-8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vi-restore-stream-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, ...parts: (string | number[])[]) => {
    const file = join(dir, name);
    writeFileSync(file, Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))));
    return file;
  };
  const readAll = async (file: string) => {
    let text = '';
    for await (const chunk of readChunks(file)) text += chunk;
    return text;
  };
  // 65,535 bytes first: the next character straddles the first read (64 KiB).
  const edge = 'a'.repeat(65535);

  it.each([
    ['a character split by a read', [edge, 'ệ b\n'], `${edge}ệ b\n`],
    ['a four-byte character split by a read', [edge, '𝔸 x'], `${edge}𝔸 x`],
    ['a byte-order mark, kept', ['\ufeffTinh hinh'], '\ufeffTinh hinh'],
  ])('%s', async (_, parts, expected) => {
    const file = write('ok.txt', ...parts);
    expect(await readAll(file)).toBe(expected);
    expect(readText(file)).toBe(expected);
  });

  it.each([
    ['a Latin-1 byte', ['ab\ncd', [0xe9], 'f'], 'invalid UTF-8 at line 2, byte 5'],
    ['a surrogate encoded', ['ab ', [0xed, 0xa0, 0x80]], 'invalid UTF-8 at line 1, byte 3'],
    ['an overlong form cut short at the end', ['ab ', [0xe0, 0x80]], 'invalid UTF-8 at line 1, byte 3'],
    ['a bad byte after the first read', [edge, '\nx', [0xff]], 'invalid UTF-8 at line 2, byte 65537'],
    ['a character cut short at the end', ['ab ', [0xe1, 0xbb]], 'invalid UTF-8 at line 1, byte 3 (truncated character at the end)'],
    ['a NUL byte', ['ab\n', [0]], 'binary file (NUL byte at line 2, byte 3)'],
  ])('%s', async (_, parts, message) => {
    const file = write('bad.txt', ...parts);
    await expect(readAll(file)).rejects.toThrow(new InputError(message));
    expect(() => readText(file)).toThrow(message);
  });
});
