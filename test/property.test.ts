import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../src/cli/count.js';
import { restore, restoreDetailed, stripDiacritics, tokenize } from '../src/index.js';

/** Fixed seed so a failure reproduces; fast-check prints the seed and the shrunk counterexample. */
const SEED = 20240412;
const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns });

const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((cp) => String.fromCodePoint(cp));

/** One code point (or lone surrogate) at a time, weighted towards the characters that make text hard. */
const hardChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: codePoint(0x61, 0x7a), weight: 4 }, // a-z
  { arbitrary: fc.constantFrom(' ', '\n', '\r\n', '\t', '.', ',', '-', '/', '%', '…', '²', '¹'), weight: 3 },
  { arbitrary: codePoint(0, 0x1f), weight: 1 }, // C0 controls
  { arbitrary: codePoint(0x0300, 0x036f), weight: 1 }, // combining marks
  { arbitrary: codePoint(0x1ea0, 0x1ef9), weight: 2 }, // Vietnamese precomposed letters
  { arbitrary: fc.constantFrom('đ', 'Đ', 'ư', 'Ư', 'ơ', 'Ơ', 'ă', 'Ă', 'ß', 'İ', 'ı', 'ﬁ', 'ǅ', 'ẞ'), weight: 1 },
  { arbitrary: codePoint(0x4e00, 0x9fff), weight: 1 }, // CJK
  { arbitrary: codePoint(0x1f300, 0x1faff), weight: 1 }, // emoji
  { arbitrary: fc.constantFrom('👨‍👩‍👧', '🇻🇳', '👍🏽', '\u200d', '\ufe0f', '\ufeff'), weight: 1 },
  { arbitrary: codePoint(0xd800, 0xdfff), weight: 1 }, // lone surrogates
  { arbitrary: fc.constantFrom('¢', '€', '&', '§', '¥', '©', '$', '0', '1', '6', '8'), weight: 1 }, // OCR letter stand-ins
);

const anyText = fc.string({ unit: hardChar, maxLength: 80 });

const SYLLABLES = [
  'nam',
  'hoa',
  'tinh',
  'duong',
  'Dương',
  'HÀ',
  'ke',
  'hoach',
  'thuc',
  'hien',
  'kinh',
  'te',
  'xa',
  'hoi',
  'phat',
  'trien',
  'dau',
  'tu',
  'uy',
  'ban',
  'nhan',
  'dan',
  'nghi',
  'quyet',
  'ngay',
  'thang',
  'giai',
  'phap',
  'nong',
  'nghiep',
  'hiện',
  'kê',
  'hoà',
  'Ha\u0300', // decomposed
  'DUONG',
  'gi',
  'qua',
  'ngoai',
  'nguyen',
  'xyz',
  'c6',
  'nghi¢p',
];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '.\n', '\n', '\n\n', '\r\n', '\t', ' - ', '/', ' (', ') ', ': ', '; ', '…', '"', '¹²'];

const syllable = fc
  .tuple(fc.constantFrom(...SYLLABLES), fc.constantFrom('as-is', 'lower', 'upper', 'title'))
  .map(([s, c]) =>
    c === 'lower' ? s.toLowerCase() : c === 'upper' ? s.toUpperCase() : c === 'title' ? s.charAt(0).toUpperCase() + s.slice(1) : s,
  );
const separator = fc.oneof(
  { arbitrary: fc.constantFrom(...SEPARATORS), weight: 5 },
  { arbitrary: fc.nat({ max: 100_000 }).map((n) => ` ${n} `), weight: 1 },
  { arbitrary: fc.tuple(fc.nat(99), fc.nat(99)).map(([a, b]) => ` ${a},${b}% `), weight: 1 },
);
/** Vietnamese-like text: syllables (plain, marked, decomposed, OCR-ish) joined by spaces, punctuation, newlines and numbers. */
const vietText = fc
  .array(fc.tuple(syllable, separator), { maxLength: 30 })
  .chain((pairs) => fc.constantFrom('', '\n', '.').map((end) => pairs.map(([w, s]) => w + s).join('') + end));

/** Clean sentences of a training document. One source line has a typo (`tiêu thủ công` for `tiểu thủ công`) the restorer rightly fixes. */
const CORRECT_LINES = readFileSync(new URL('../data/resolution-412-hung-yen-2023.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim().length > 0 && !l.includes('tiêu thủ công'));

const lineCount = (s: string) => s.split('\n').length;

describe('restore: properties', () => {
  it('never throws on any string and returns a string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(typeof restore(text)).toBe('string');
      }),
      params(300),
    );
  });

  it.each([
    ['arbitrary text', anyText],
    ['Vietnamese-like text', vietText],
  ] as const)('changes only diacritics in plain mode (%s)', (_name, arb) => {
    fc.assert(
      fc.property(arb, (text) => {
        expect(stripDiacritics(restore(text))).toBe(stripDiacritics(text));
      }),
      params(300),
    );
  });

  it('leaves already-correct Vietnamese unchanged (single lines and runs of lines)', () => {
    expect(CORRECT_LINES.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CORRECT_LINES), { minLength: 1, maxLength: 3 }), (lines) => {
        const text = lines.join('\n');
        expect(restore(text)).toBe(text);
      }),
      params(60),
    );
  });

  it.each([
    ['plain', false],
    ['OCR', true],
  ] as const)('gives the text restoreDetailed gives, token by token (%s mode)', (_name, ocr) => {
    fc.assert(
      fc.property(fc.oneof(anyText, vietText), (text) => {
        const joined = restoreDetailed(text, { ocr })
          .map((t) => t.output)
          .join('');
        expect(restore(text, { ocr })).toBe(joined);
      }),
      params(200),
    );
  });

  it('never throws in OCR mode and keeps the number of lines', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, vietText), (text) => {
        const out = restore(text, { ocr: true });
        expect(typeof out).toBe('string');
        expect(lineCount(out)).toBe(lineCount(text));
      }),
      params(200),
    );
  });
});

describe('tokenize: properties', () => {
  it.each([[{}], [{ ocr: true }]])('joining the tokens gives the input back (options %j)', (options) => {
    fc.assert(
      fc.property(fc.oneof(anyText, vietText, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const tokens = tokenize(text, options);
        expect(tokens.map((t) => t.text).join('')).toBe(text);
        for (const t of tokens) expect(t.text.length).toBeGreaterThan(0);
      }),
      params(500),
    );
  });
});

/** mulberry32: a small seeded PRNG, so the big inputs are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomCodePoints(count: number, seed: number): string {
  const rnd = prng(seed);
  const pick = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    let cp: number;
    if (r < 0.35) cp = pick(0x61, 0x7a);
    else if (r < 0.5) cp = 0x20;
    else if (r < 0.55) cp = 0x0a;
    else if (r < 0.65) cp = pick(0x1ea0, 0x1ef9);
    else if (r < 0.72) cp = pick(0x1f300, 0x1faff);
    else if (r < 0.8) cp = pick(0x4e00, 0x9fff);
    else if (r < 0.85) cp = pick(0, 0x1f);
    else cp = pick(0, 0x10ffff);
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // lone surrogates only where we put one on purpose
    parts.push(String.fromCodePoint(cp));
  }
  parts.splice(count >> 1, 0, '\ud800');
  return parts.join('');
}

describe('restore: big and bad inputs', () => {
  it('restores 300 000 random code points (emoji, CJK, controls, one lone surrogate)', () => {
    const text = randomCodePoints(300_000, 1);
    expect(text).toContain('\ud800');
    const out = restore(text);
    expect(typeof out).toBe('string');
    expect(stripDiacritics(out)).toBe(stripDiacritics(text));
  }, 30_000);

  it('restores 1 MB of random ASCII noise', () => {
    const rnd = prng(2);
    const bytes = new Uint8Array(1 << 20);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 128);
    const text = new TextDecoder().decode(bytes);
    const out = restore(text);
    expect(out.length).toBe(text.length);
  }, 30_000);

  it.each([[42], [null], [undefined], [{}], [['nam']]])('restore(%j) throws a TypeError', (bad) => {
    expect(() => restore(bad as unknown as string)).toThrow(TypeError);
  });

  it('restores the empty string to itself', () => {
    expect(restore('')).toBe('');
    expect(restore('', { ocr: true })).toBe('');
  });
});

describe('countWords (the CLI counter of syllables)', () => {
  it('counts what /\\p{L}+/gu matches, on any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(countWords(text)).toBe(text.match(/\p{L}+/gu)?.length ?? 0);
      }),
      params(3000),
    );
  });
});
