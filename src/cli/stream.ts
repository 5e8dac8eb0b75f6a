import { createReadStream, readFileSync } from 'node:fs';
import { lastSentenceCut, lastSentenceEnd, lastTokenStart } from '../normalize/cut.js';
import { scanUtf8 } from './utf8.js';

/** Text is restored in pieces of about this many characters, cut at a blank line or a line break. */
export const CHUNK_CHARS = 1 << 16;

/** How {@link readChunks} cuts: chunks of about `size` characters (default {@link CHUNK_CHARS}), each ended where `cut` says. */
export interface ChunkOptions {
  size?: number;
  cut?: (text: string, size: number) => number;
}

/** Something wrong with an input's bytes (binary, not UTF-8): the file is skipped and named. */
export class InputError extends Error {}

function countLines(bytes: Uint8Array, end: number): number {
  let lines = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < end; i = bytes.indexOf(0x0a, i + 1)) lines++;
  return lines;
}

/**
 * Where a chunk ends: at the last line that begins a sentence in its second half, so that the pieces restore
 * as the whole text would; else (a very long line) after a sentence's end inside it, else after its last line
 * break (a wrapped sentence may then lose its context), else before the last token after white space: never
 * inside a token.
 */
function cutPoint(text: string, size: number): number {
  const half = size / 2;
  for (const cut of [lastSentenceCut(text, half), lastSentenceEnd(text, half)]) if (cut >= 0) return cut;
  const line = text.lastIndexOf('\n');
  if (line >= 0) return line + 1;
  const token = lastTokenStart(text, 0);
  return token > 0 ? token : text.length;
}

/**
 * Decodes a run of bytes; `fatal` makes it throw at an invalid sequence, natively and fast; `ignoreBOM` keeps a
 * byte-order mark as text, so that it is written back like every other character.
 */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * How many bytes of `bytes` end in a complete character: all of them unless the last few start a sequence
 * that the next read may finish (looked at from the end, at most three bytes back).
 */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let j = n - 1; j >= 0 && j >= n - 4; j--) {
    const c = bytes[j] as number;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: its lead is further back
    const { bad, complete } = scanUtf8(bytes.subarray(j));
    return bad >= 0 ? n : j + complete;
  }
  return n;
}

/**
 * Check and decode bytes read so far (`lines` lines and `offset` bytes came before them): throws
 * {@link InputError} at a NUL byte or an invalid UTF-8 sequence; returns the text of the bytes that end in a
 * complete character, and how many those are. The native decoder checks; the scanner only finds the fault.
 */
function checkBytes(bytes: Uint8Array, lines: number, offset: number): { text: string; complete: number } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(`binary file (NUL byte at line ${lines + countLines(bytes, nul) + 1}, byte ${offset + nul})`);
  const complete = completeLength(bytes);
  try {
    return { text: strict.decode(bytes.subarray(0, complete)), complete };
  } catch {
    const { bad } = scanUtf8(bytes);
    const at = bad >= 0 ? bad : complete;
    throw new InputError(`invalid UTF-8 at line ${lines + countLines(bytes, at) + 1}, byte ${offset + at}`);
  }
}

function truncated(lines: number, offset: number): InputError {
  return new InputError(`invalid UTF-8 at line ${lines + 1}, byte ${offset} (truncated character at the end)`);
}

/**
 * Read a whole file (or stdin for `-`) as UTF-8 text at once, checked like {@link readChunks}.
 */
export function readText(path: string): string {
  const bytes = readFileSync(path === '-' ? 0 : path);
  const { text, complete } = checkBytes(bytes, 0, 0);
  if (complete < bytes.length) throw truncated(countLines(bytes, complete), complete);
  return text;
}

/** Where a chunk that only needs whole tokens ends: after its last line break (see {@link cutPoint}). */
export function lineCut(text: string, size = CHUNK_CHARS): number {
  const line = text.lastIndexOf('\n');
  return line >= 0 ? line + 1 : cutPoint(text, size);
}

/**
 * Read a file (or stdin for `-`) as UTF-8 text in line-aligned chunks, never the whole file at once, each cut
 * where `options.cut` says (by default where the pieces restore as the whole text would: {@link cutPoint}).
 * Throws {@link InputError} naming the line and byte of a NUL byte or an invalid UTF-8 sequence.
 */
export async function* readChunks(path: string, { size = CHUNK_CHARS, cut = cutPoint }: ChunkOptions = {}): AsyncGenerator<string> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 16 });
  let pending = new Uint8Array(0);
  let offset = 0;
  let lines = 0;
  let text = '';
  for await (const piece of stream as AsyncIterable<Uint8Array>) {
    const bytes = new Uint8Array(pending.length + piece.length);
    bytes.set(pending);
    bytes.set(piece, pending.length);
    const checked = checkBytes(bytes, lines, offset);
    const { complete } = checked;
    text += checked.text;
    lines += countLines(bytes, complete);
    offset += complete;
    pending = bytes.slice(complete);
    while (text.length >= size) {
      const at = cut(text, size);
      yield text.slice(0, at);
      text = text.slice(at);
    }
  }
  if (pending.length > 0) throw truncated(lines, offset);
  if (text) yield text;
}

/**
 * Read `items` ahead until they hold `chars` characters or end: whether more follow, and all of them, those read
 * ahead first (held in memory, so `chars` bounds what is held).
 */
export async function readAhead(items: AsyncIterable<string>, chars: number): Promise<{ more: boolean; items: AsyncIterable<string> }> {
  const it = items[Symbol.asyncIterator]();
  const held: string[] = [];
  let n = 0;
  let next = await it.next();
  while (!next.done && n < chars) {
    held.push(next.value);
    n += next.value.length;
    next = await it.next();
  }
  const first = next;
  async function* all(): AsyncGenerator<string> {
    yield* held;
    for (let r = first; !r.done; r = await it.next()) yield r.value;
  }
  return { more: !first.done, items: all() };
}

/** Each item of `items` with whether another follows it (read one ahead). */
export async function* withLookahead<T>(items: AsyncIterable<T>): AsyncGenerator<[T, boolean]> {
  let held: { item: T } | undefined;
  for await (const item of items) {
    if (held) yield [held.item, true];
    held = { item };
  }
  if (held) yield [held.item, false];
}
