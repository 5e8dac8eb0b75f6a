import { describe, expect, it } from 'vitest';
import {
  addsOnlyDStroke,
  gluedToNumber,
  inAbbreviationPlace,
  inApostropheWord,
  isAbbreviation,
  isCode,
} from '../src/candidates/abbreviation.js';
import { isMidSentenceCapital } from '../src/candidates/capitals.js';
import { IdentifierRuns, inIdentifier } from '../src/candidates/identifier.js';
import { isValidSyllable } from '../src/orthography/syllable.js';
import { type Token, tokenize } from '../src/tokenize/index.js';

/** A test of a word in its context, asked of the word `word` of `text`. */
const at =
  (test: (tokens: readonly Token[], i: number) => boolean) =>
  (text: string, word: string): boolean => {
    const tokens = tokenize(text);
    return test(
      tokens,
      tokens.findIndex((t) => t.text === word),
    );
  };

describe('gluedToNumber', () => {
  it.each([
    ['khi CO2 thai ra', 'CO', true],
    ['nuoc H2O', 'O', true],
    ['tang 5ha dat', 'ha', true],
    ['nhap SO1 va SO2', 'SO', true],
    ['nam 2023 tang', 'nam', false],
    ['so 88/NQ-HDND', 'so', false],
  ])('%s: %s → %s', (text, word, expected) => {
    expect(at(gluedToNumber)(text, word)).toBe(expected);
  });
});

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
    expect(at(isAbbreviation)(text, word)).toBe(expected);
  });
});

describe('inAbbreviationPlace', () => {
  it.each([
    ['thue VAT 10%', 'VAT', true],
    ['in SỐ dòng', 'SỐ', true], // marked, but in the same place
    ['cua HĐT, tinh', 'HĐT', true],
    ['ĐÚNG SỐ dòng', 'SỐ', false], // a run of capitals
    ['in SỐ', 'in', false], // lower case
  ])('%s: %s → %s', (text, word, expected) => {
    expect(at(inAbbreviationPlace)(text, word)).toBe(expected);
  });
});

describe('isCode', () => {
  const facts = { words: new Set(['so']), codes: new Set(['gui']), wordShare: 0.8 };
  it.each([
    [undefined, 'vat', true], // a model without facts: every abbreviation is a code
    [facts, 'gui', true], // seen as a code
    [facts, 'so', false], // seen as a word
    [facts, 'ten', false], // unseen: most were words
    [{ ...facts, wordShare: 0.1 }, 'ten', true], // unseen: most were codes
  ])('%j %s → %s', (f, letters, expected) => {
    expect(isCode(f, letters)).toBe(expected);
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
    expect(at(inApostropheWord)(text, word)).toBe(expected);
  });
});

describe('inIdentifier', () => {
  const identifier = (tokens: readonly Token[], i: number) => inIdentifier(tokens, i, isValidSyllable);
  it.each([
    ['goi bfd_mach_o_read', 'mach', true], // `bfd`, `read` are no syllables: code
    ['goi bfd_mach_o_read', 'o', true],
    ['goi bfd_mach_o_read', 'goi', false], // a space apart
    ['dat GTK_CAN_DEFAULT', 'CAN', true],
    ['R_68K_TLS_LE32', 'LE', true],
    ['<tên_bfd>', 'tên', true], // a placeholder: training decides whether it is marked
    ['đối_tượng_vĩ_đại', 'tượng', false], // all syllables: words
    ['BIỂU_THỨC1 hoặc', 'THỨC', false], // a glued number is no foreign word
    ['tấn⁶ và CCN¹⁹', 'tấn', false], // no `_`
    ['file_name', 'file', true],
    ['mach-o', 'mach', false], // only `_` joins an identifier
  ])('%s: %s → %s', (text, word, expected) => {
    expect(at(identifier)(text, word)).toBe(expected);
  });
});

describe('IdentifierRuns', () => {
  it('looks at a run once, however many of its words are asked about', () => {
    let looked = 0;
    const runs = new IdentifierRuns((w) => (looked++, isValidSyllable(w)));
    const tokens = tokenize(`goi ${'mach_'.repeat(50_000)}read`);
    let found = 0;
    tokens.forEach((t, i) => {
      if (t.kind === 'word' && runs.has(tokens, i)) found++;
    });
    expect(found).toBe(50_001); // every part of the identifier, `goi` apart
    expect(looked).toBeLessThanOrEqual(50_002); // each word of the run once (quadratic before: 2.5e9)
  });
});

describe('isMidSentenceCapital', () => {
  it.each([
    ['vung Dong Bac', 'Dong', true],
    ['vung Dong Bac', 'Bac', true],
    ['tinh Hai Duong, Hung Yen', 'Hung', true], // after a comma
    ['Dong Bac', 'Dong', false], // starts the line
    ['het. Dong Bac', 'Dong', false], // starts a sentence
    ['het\nDong Bac', 'Dong', false], // starts a line
    ['vung DONG BAC', 'DONG', false], // capitals throughout: a heading, not a name
    ['vung dong bac', 'dong', false],
  ])('%s: %s → %s', (text, word, expected) => {
    const tokens = tokenize(text);
    expect(
      isMidSentenceCapital(
        tokens,
        tokens.findIndex((t) => t.text === word),
      ),
    ).toBe(expected);
  });
});
