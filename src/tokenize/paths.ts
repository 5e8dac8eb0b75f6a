import { couldBeSyllable } from '../orthography/syllable.js';
import type { Token } from './index.js';

/**
 * File paths (`/usr/share/doc/quilt/`, `~/.bashrc/x`, `doc/autotools-dev/README.Debian.gz`) and file names with a
 * common extension (`configure.ac`, `quilt.pdf.gz`), in ASCII: their letters are no Vietnamese words to mark
 * (`doc` is no `độc` there). A path starts with `/`, `~/`, `./` or `../` and has two parts or more; one without
 * such a start needs three parts and a `.`, `_`, `-` or digit somewhere. Either must have a part that could be
 * no syllable (see {@link foreign}), so that bare words joined by slashes (`</cac/duong/dan>` in a translation's
 * placeholder) or in a Vietnamese file name (`bi_mat.htm`) stay words.
 */
const PART = String.raw`[\w+-](?:[\w.+-]*[\w+-])?`; // a part never ends in a full stop (a sentence's)
const PATH = new RegExp(
  String.raw`(?<![\p{L}\p{N}\p{M}_./~-])(?:(?:~|\.{1,2})?(?:\/\.?${PART}){2,}\/?|${PART}(?:\/${PART}){2,}\/?)(?![\p{L}\p{N}\p{M}])`,
  'gu',
);

/**
 * A command-line option (`--no-group`, `--sep-string`, up to an `=`): two dashes glued to ASCII words, which
 * Vietnamese prose never writes, the first in lower case (`--Tăng` may be a bullet). Its words are no Vietnamese (`--to` is
 * no `--tờ`), whatever they look like.
 */
const OPTION = /(?<![\p{L}\p{N}\p{M}_-])--[a-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\p{L}\p{N}\p{M}_])/gu;

/** A path that starts at a root (`/`, `~/`, `./`, `../`); one that does not needs a character no word has. */
const ROOTED = /^(?:~|\.{1,2})?\//;
const NOT_WORDS = /[\d._-]/;

/** Extensions that make a dotted ASCII name a file name. */
const EXTENSIONS =
  'gz|xz|bz2|zst|zip|tar|tgz|txt|pdf|html?|xml|json|ya?ml|toml|js|mjs|ts|css|c|h|cc|cpp|hpp|py|sh|pl|rb|go|rs|java|md|rst|tex|ac|am|in|cfg|conf|ini|deb|dsc|changes|diff|patch|orig|png|jpe?g|gif|svg|odt|ods|odp|docx?|xlsx?|pptx?|csv|log|mk|po|pot|mo|so|exe|dll|iso|img';
const FILE = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_.])[\\w+-]+(?:\\.[\\w+-]+)*\\.(?:${EXTENSIONS})(?![\\p{L}\\p{N}\\p{M}_])`, 'gu');

const LETTER_RUN = /[A-Za-z]{2,}/g; // a lone letter (`d.so` for đ.số) says nothing

/**
 * Does a text have a run of two letters or more that could be no Vietnamese syllable (`usr`, `configure`)?
 * @example foreign('/usr/share/doc') // true; foreign('/cac/duong/dan') // false
 */
function foreign(text: string): boolean {
  for (const [run] of text.matchAll(LETTER_RUN)) if (!couldBeSyllable(run)) return true;
  return false;
}

/** Does token `i` (a `/` or `.` before an ASCII letter, or `--` before one) suggest a path or file name around it? */
function suggests(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.kind !== 'punct' || (t.text !== '/' && t.text !== '.' && t.text !== '-')) return false;
  const next = t.text === '-' && tokens[i + 1]?.text === '-' ? tokens[i + 2] : tokens[i + 1];
  if (next?.kind !== 'word') return false;
  const c = next.text.charCodeAt(0) | 0x20;
  return c >= 0x61 && c <= 0x7a;
}

/** Paths and file names (see {@link PATH}, {@link FILE}) in `chunk`, a run of text with no space, at `offset`. */
function spansIn(chunk: string, offset: number, spans: [number, number][]): void {
  for (const m of chunk.matchAll(PATH))
    if (foreign(m[0]) && (ROOTED.test(m[0]) || NOT_WORDS.test(m[0]))) spans.push([offset + m.index, offset + m.index + m[0].length]);
  for (const m of chunk.matchAll(OPTION)) spans.push([offset + m.index, offset + m.index + m[0].length]);
  for (const m of chunk.matchAll(FILE))
    if (foreign(m[0].slice(0, m[0].lastIndexOf('.')))) spans.push([offset + m.index, offset + m.index + m[0].length]);
}

/**
 * Mark the words of each path, file name and option of `text` as `path` tokens, in place: kept as written, yet
 * words to the language model, as training reads them (`usr`, `share`, `doc`; `doc` is no `độc` there). Only runs of
 * text without spaces that hold a `/` or `.` before an ASCII letter, or `--` before one, are searched.
 * @example markPaths(text, tokenize(text)) // 'see /usr/share/doc/' → 'usr', 'share' and 'doc' of kind 'path'
 */
export function markPaths(text: string, tokens: Token[]): Token[] {
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!suggests(tokens, i)) continue;
    let a = i;
    while (a > 0 && (tokens[a - 1] as Token).kind !== 'space') a--;
    let b = i + 1;
    while (b + 1 < tokens.length && (tokens[b + 1] as Token).kind !== 'space') b++;
    const start = (tokens[a] as Token).start;
    const last = tokens[b] as Token;
    spansIn(text.slice(start, last.start + last.text.length), start, spans);
    i = b;
  }
  if (spans.length === 0) return tokens;
  spans.sort((x, y) => x[0] - y[0]);
  let s = 0;
  for (const t of tokens) {
    while (s < spans.length && (spans[s] as [number, number])[1] <= t.start) s++;
    const span = spans[s];
    if (t.kind === 'word' && span && span[0] <= t.start && t.start + t.text.length <= span[1]) t.kind = 'path';
  }
  return tokens;
}
