import { describe, expect, it } from 'vitest';
import { addsOnlyDStroke, inApostropheWord, isAbbreviation } from '../src/candidates/abbreviation.js';
import { tokenize } from '../src/tokenize/index.js';

/** Whether the word `word` of `text` reads as an abbreviation. */
function reads(text: string, word: string): boolean {
  const tokens = tokenize(text);
  const i = tokens.findIndex((t) => t.text === word);
  return isAbbreviation(tokens, i);
}

describe('isAbbreviation', () => {
  it.each([
    ['thue VAT 10%', 'VAT', true],
    ['VAT tang', 'VAT', true],
    ['nop thue VAT', 'VAT', true],
    ['cua HDT, tinh', 'HDT', true],
    ['THONG QUA ke hoach', 'THONG', false], // more than three capitals
    ['Dieu 1. BAN HANH quy che', 'BAN', false], // a run of capitals
    ['BAN HANH', 'BAN', false], // a heading in capitals
    ['VAT', 'VAT', false], // alone on its line
    ['VAT\nthue', 'VAT', false], // alone on its line
    ['thue Vat 10%', 'Vat', false], // not all capitals
    ['thue V 10%', 'V', false], // one letter
    ['nha may BOT Hai Duong', 'BOT', true],
    ['tháng VẬT tư', 'VẬT', false], // marked: a word, not a code
  ])('%s: %s → %s', (text, word, expected) => {
    expect(reads(text, word)).toBe(expected);
  });
});

describe('addsOnlyDStroke', () => {
  it.each([
    ['hđnd', true],
    ['vat', true],
    ['vật', false],
    ['đà', false],
    ['ư', false],
  ])('%s → %s', (form, expected) => {
    expect(addsOnlyDStroke(form)).toBe(expected);
  });
});

describe('inApostropheWord', () => {
  it.each([
    ["don't", 'don', true],
    ["don't", 't', true],
    ['O\u2019Brien', 'Brien', true],
    ["'xin chao'", 'xin', false], // a quotation mark, not an apostrophe inside a word
    ["'xin chao'", 'chao', false],
    ["nam 2023's", 'nam', false],
  ])('%s: %s → %s', (text, word, expected) => {
    const tokens = tokenize(text);
    expect(
      inApostropheWord(
        tokens,
        tokens.findIndex((t) => t.text === word),
      ),
    ).toBe(expected);
  });
});
