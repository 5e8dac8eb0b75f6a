import { describe, expect, it } from 'vitest';
import { chunkStyle, styleVotes } from '../src/cli/style.js';

describe('styleVotes', () => {
  it.each([
    ['Hoà bình, khoẻ mạnh', { shown: 2, balance: 2 }],
    ['Hòa bình, thủy lợi, khoẻ', { shown: 3, balance: -1 }],
    ['năm 2024, kế hoạch', { shown: 0, balance: 0 }], // marked, but no word where the conventions differ
    ['hoa binh, “thuy loi” — 2024', { shown: 0, balance: 0 }], // quotes and dashes are not letters
    ['', { shown: 0, balance: 0 }],
    ['— “Hoà” 😀 thuỷ', { shown: 2, balance: 2 }], // past the quotes and an astral symbol, marked words still count
    ['hoa\u0300 binh', { shown: 1, balance: 1 }], // a combining mark (NFD) is a mark past ASCII too
  ])('%j → %j', (text, votes) => {
    expect(styleVotes(text)).toEqual(votes);
  });

  it('adds up over the parts of a text', () => {
    const a = 'Hoà bình.\n';
    const b = 'Thủy lợi, sức khỏe.\n';
    const whole = styleVotes(a + b);
    expect(whole).toEqual({ shown: styleVotes(a).shown + styleVotes(b).shown, balance: styleVotes(a).balance + styleVotes(b).balance });
  });
});

describe('chunkStyle', () => {
  it.each([
    [{ shown: 0, balance: 0 }, 'hoa binh', 'auto'], // the file shows nothing: each chunk as it is
    [{ shown: 3, balance: 3 }, 'hoa binh', 'new'], // an unmarked chunk of a new-style file
    [{ shown: 3, balance: -3 }, 'năm nay', 'old'], // marked words that show no convention
    [{ shown: 3, balance: 3 }, 'Hoà bình', 'auto'], // the chunk shows a convention itself
    [{ shown: 2, balance: 0 }, 'hoa binh', 'auto'], // the file shows both alike: the model's, chunk by chunk
  ] as const)('file %j, chunk %j → %s', (file, chunk, style) => {
    expect(chunkStyle(file, chunk)).toBe(style);
  });
});
