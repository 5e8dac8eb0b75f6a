import { describe, expect, it } from 'vitest';
import { sentences } from '../src/normalize/index.js';
import { tokenize } from '../src/tokenize/index.js';

const texts = (s: string) => tokenize(s).map((t) => t.text);
const kinds = (s: string) => tokenize(s).map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it.each([
    ['8,16%', 'number'],
    ['184.123', 'number'],
    ['08/12/2023', 'number'],
    ['88/NQ-HĐND', 'code'],
    ['216/BC-UBND', 'code'],
    ['https://haiduong.gov.vn/tin-tuc?id=5', 'link'],
    ['www.example.vn', 'link'],
    ['ubnd@haiduong.gov.vn', 'link'],
    ['⁴⁴', 'footnote'],
    ['Dương', 'word'],
    ['Đầu', 'word'], // a word that starts past ASCII
    ['tình'.normalize('NFD'), 'word'], // combining marks
    ['tình𝐀x', 'word'], // a letter outside the basic plane (a surrogate pair) inside a word
    ['ǅinh', 'word'],
  ])('keeps %s whole as a %s', (text, kind) => {
    expect(kinds(` ${text} `)).toEqual(['space: ', `${kind}:${text}`, 'space: ']);
  });

  it('splits footnote superscripts from the word they are glued to', () => {
    expect(texts('chậm⁴⁴, CCN¹⁹.')).toEqual(['chậm', '⁴⁴', ',', ' ', 'CCN', '¹⁹', '.']);
  });

  /** The words a text's tokens mark as those of paths, file names and options. */
  const pathWords = (text: string, options = {}) =>
    tokenize(text, options)
      .filter((t) => t.kind === 'path')
      .map((t) => t.text);

  it.each([
    ['xem /usr/share/doc/quilt/ nhé', ['usr', 'share', 'doc', 'quilt']],
    ['(/usr/share/doc)', ['usr', 'share', 'doc']],
    ['doc/autotools-dev/README.Debian.gz,', ['doc', 'autotools', 'dev', 'README', 'Debian', 'gz']],
    ['sửa configure.ac.', ['configure', 'ac']],
    ['tệp quilt.pdf.gz', ['quilt', 'pdf', 'gz']],
    ['~/.bashrc/x', ['bashrc', 'x']],
    ['dùng --no-group nhé', ['no', 'group']],
    ['--block-size=CỠ', ['block', 'size']],
    ['(--to)', ['to']],
  ])('marks the words of the path, file name or option in %j as path words', (text, words) => {
    expect(pathWords(text)).toEqual(words);
    expect(texts(text).join('')).toBe(text);
  });

  it.each([
    'ngay/thang/nam sinh', // bare words joined by slashes
    '[=</duong/dan/>]]', // a placeholder of words
    'bi_mat.htm', // a Vietnamese file name, its letters bare
    'kinh te.Tinh hinh', // a missing space after a full stop
    'tăng/giảm',
    'định dạng Th/Ng/NNam.', // a date format's words, before a sentence's full stop
    '[<d.so>…]', // a placeholder's abbreviation (đ.số), not a shared object
    'kinh te--xa hoi', // dashes between words
    '--Tang cuong', // a bullet
  ])('leaves the words of %j words', (text) => {
    expect(pathWords(text)).toEqual([]);
  });

  it('marks an option and leaves the placeholder after it words', () => {
    expect(kinds('[--exec-path[=</duong/dan/>]]').filter((k) => !k.startsWith('punct'))).toEqual([
      'path:exec',
      'path:path',
      'word:duong',
      'word:dan',
    ]);
  });

  it('leaves paths to the OCR channel in OCR mode, and their words plain words when asked (training)', () => {
    expect(pathWords('/usr/share/doc', { ocr: true })).toEqual([]);
    expect(pathWords('/usr/share/doc', { paths: false })).toEqual([]);
  });

  it('keeps a link without its sentence-final full stop', () => {
    expect(texts('xem https://a.vn/x.')).toEqual(['xem', ' ', 'https://a.vn/x', '.']);
  });

  it.each(['Tình hình thực hiện kế hoạch năm 2023.\n\nSố: 88/NQ-HĐND', '\u0000\t\r\n 😀 中文 \ud800 x\u0301 ', 'a'.repeat(1000), ''])(
    'round-trips %j',
    (text) => {
      expect(texts(text).join('')).toBe(text);
    },
  );
});

describe('sentences', () => {
  const keys = (s: string) => {
    const tokens = tokenize(s);
    return sentences(tokens).map((idx) => idx.map((i) => tokens[i]?.text).join(' '));
  };
  it('ends at full stops, blank lines and lines that start with a capital', () => {
    expect(keys('Một hai. Ba\nbốn\nNăm sáu\n\nbảy')).toEqual(['Một hai .', 'Ba bốn', 'Năm sáu', 'bảy']);
  });
  it('leaves punctuation inside a sentence and footnote marks out of the context, brackets and quotes in', () => {
    expect(keys('yếu kém, trong - nội; tại¹².')).toEqual(['yếu kém trong nội tại .']);
    expect(keys('yếu kém, trong (nội) “tại”¹².')).toEqual(['yếu kém trong ( nội ) “ tại ” .']);
  });
});

describe('tokenize in OCR mode', () => {
  const ocrKinds = (s: string) => tokenize(s, { ocr: true }).map((t) => `${t.kind}:${t.text}`);

  it.each([
    ['c6 16n', ['word:c6', 'space: ', 'word:16n']],
    ['thôn20', ['word:thôn', 'number:20']], // a footnote number glued on
    ['xã5', ['word:xã5']], // one digit: a misread letter
    ['a20', ['word:a20']], // one letter before the digits
    ['20a', ['word:20a']],
    ['n$20', ['word:n$20']], // the digits must follow a letter
  ])('%s', (text, expected) => {
    expect(ocrKinds(text)).toEqual(expected);
  });

  it('reads a long run of dashed numbers (no code: no slash and letter) as numbers and dashes', () => {
    const run = '1-'.repeat(10_000);
    const tokens = tokenize(run, { ocr: true });
    expect(tokens).toHaveLength(20_000);
    expect(tokens.every((t) => t.kind === (t.text === '-' ? 'punct' : 'number'))).toBe(true);
    expect(kinds('12-3/NQ-HĐND')).toEqual(['code:12-3/NQ-HĐND']);
  });

  it('reads a very long run of letters and digits as one word, losslessly', () => {
    const long = 'ă1'.repeat(20_000);
    expect(tokenize(long, { ocr: true }).map((t) => t.text)).toEqual([long]);
  });
});
