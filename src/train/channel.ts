import { type Channel, opCost, PRIOR_CHANNEL } from '../candidates/channel.js';
import { stripDiacritics } from '../strip.js';
import { tokenize } from '../tokenize/index.js';

/** Pseudo-counts with which the prior channel smooths the learnt one. */
const SMOOTH = 2;
/** Word pairs whose unaccented forms differ by more than this share of letters are not paired. */
const MAX_PAIR_DISTANCE = 0.6;

const words = (line: string, ocr: boolean) =>
  tokenize(line.normalize('NFC'), { ocr })
    .filter((t) => t.kind === 'word')
    .map((t) => t.text.toLowerCase());

/** A digit or symbol in an OCR token usually stands for a letter: it costs less to pair against one. */
const STAND_IN = /[^\p{L}]/u;
const STAND_IN_COST = 0.4;

/** Edit distance of clean letters `a` against OCR characters `b`, stand-ins cheap. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0] as number;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j] as number;
      const ch = b[j - 1] as string;
      const sub = a[i - 1] === ch ? 0 : STAND_IN.test(ch) ? STAND_IN_COST : 1;
      d[j] = Math.min(t + 1, (d[j - 1] as number) + 1, prev + sub);
      prev = t;
    }
  }
  return d[b.length] as number;
}

/**
 * Pair the words of a clean line with the tokens of its OCR'd version, by an alignment on their
 * unaccented letters; pairs too unlike each other are dropped.
 * @example pairWords('có 13/15 chỉ tiêu', 'c6 13/15 chi tiéu') // [['có','c6'], ['chỉ','chi'], ['tiêu','tiéu']]
 */
export function pairWords(clean: string, ocr: string): [string, string][] {
  const g = words(clean, false);
  const o = words(ocr, true);
  const sim = (x: string, y: string) => distance(stripDiacritics(x), stripDiacritics(y)) / Math.max(x.length, y.length);
  if (g.length === o.length) {
    // Same number of words: pair them in order (the usual case), dropping only pairs nothing alike.
    return g.flatMap((w, k) => (sim(w, o[k] as string) <= MAX_PAIR_DISTANCE ? [[w, o[k] as string] as [string, string]] : []));
  }
  const d = Array.from({ length: g.length + 1 }, (_, i) => Array.from({ length: o.length + 1 }, (_, j) => i + j));
  const at = (i: number, j: number) => (d[i] as number[])[j] as number;
  for (let i = 1; i <= g.length; i++)
    for (let j = 1; j <= o.length; j++)
      (d[i] as number[])[j] = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + 2 * sim(g[i - 1] as string, o[j - 1] as string),
      );
  const out: [string, string][] = [];
  for (let i = g.length, j = o.length; i > 0 && j > 0; ) {
    const s = sim(g[i - 1] as string, o[j - 1] as string);
    if (at(i, j) === at(i - 1, j - 1) + 2 * s) {
      if (s <= MAX_PAIR_DISTANCE) out.push([g[i - 1] as string, o[j - 1] as string]);
      i--, j--;
    } else if (at(i, j) === at(i - 1, j) + 1) i--;
    else j--;
  }
  return out.reverse();
}

type Counts = Map<string, Map<string, number>>;

/** Best character alignment of one pair under `channel`; adds its operations to `counts`, returns its cost. */
function alignPair(channel: Channel, intended: string, observed: string, counts: Counts): number {
  const I = [...intended];
  const O = [...observed];
  const n = I.length;
  const m = O.length;
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY));
  const back: [number, number, string, string][][] = Array.from({ length: n + 1 }, () => []);
  (cost[0] as Float64Array)[0] = 0;
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= m; j++) {
      const row = cost[i] as Float64Array;
      const tryOp = (pi: number, pj: number, c: string, o: string) => {
        const v = ((cost[pi] as Float64Array)[pj] as number) + opCost(channel, c, o);
        if (v < (row[j] as number)) (row[j] = v), ((back[i] as [number, number, string, string][])[j] = [pi, pj, c, o]);
      };
      if (i > 0) tryOp(i - 1, j, I[i - 1] as string, '');
      if (i > 0 && j > 0) tryOp(i - 1, j - 1, I[i - 1] as string, O[j - 1] as string);
      if (i > 0 && j > 1) tryOp(i - 1, j - 2, I[i - 1] as string, (O[j - 2] as string) + (O[j - 1] as string));
      if (j > 0) tryOp(i, j - 1, '', O[j - 1] as string);
    }
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [pi, pj, c, o] = (back[i] as [number, number, string, string][])[j] as [number, number, string, string];
    const row = counts.get(c) ?? new Map<string, number>();
    row.set(o, (row.get(o) ?? 0) + 1);
    counts.set(c, row);
    i = pi;
    j = pj;
  }
  return (cost[n] as Float64Array)[m] as number;
}

/** Characters OCR leaves behind a vowel in place of its mark (`mod` mô, `cé` cố, `c6` có, `vi` vì). */
const STRAY_MARKS = ['d', 'é', '6', 'i'];
/** Starting cost of a marked vowel read as its plain vowel plus one stray mark (dev 2-fold CV +0.15 %). */
const STRAY_SPLIT_COST = 4;
const MARKED_VOWELS = 'ăâêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';

/**
 * Where EM starts: the prior channel, plus a fair chance for a marked vowel to come out as its plain
 * vowel followed by a stray mark. Without it the first alignment explains `mod` as ô→o plus an inserted
 * `d`, and EM never finds the split.
 */
export const START_CHANNEL: Channel = {
  ...PRIOR_CHANNEL,
  ops: Object.fromEntries(
    [...MARKED_VOWELS].map((c) => [c, Object.fromEntries(STRAY_MARKS.map((x) => [`${c.normalize('NFD')[0]}${x}`, STRAY_SPLIT_COST]))]),
  ),
};

/**
 * Estimate an OCR channel from (intended word, observed token) pairs by Viterbi EM: align every pair
 * under the current costs, count the character operations, re-estimate the costs, repeat.
 * The prior channel smooths the estimates; `weights` are carried over from `start` unchanged.
 */
export function learnChannel(pairs: readonly [string, string][], iterations = 5, start: Channel = START_CHANNEL): Channel {
  let channel = start;
  for (let it = 0; it < iterations; it++) {
    const counts: Counts = new Map();
    for (const [g, o] of pairs) alignPair(channel, g, o, counts);
    let observedChars = 0;
    for (const row of counts.values()) for (const [o, k] of row) observedChars += k * o.length;
    const ops: Channel['ops'] = {};
    for (const [c, row] of counts) {
      let n = 0;
      for (const k of row.values()) n += k;
      const table: Record<string, number> = {};
      for (const [o, k] of row) {
        table[o] =
          c === ''
            ? -Math.log((k + 0.1) / (observedChars + 1))
            : -Math.log((k + SMOOTH * Math.exp(-opCost(PRIOR_CHANNEL, c, o))) / (n + SMOOTH));
      }
      ops[c] = table;
    }
    channel = { ...channel, ops };
  }
  return channel;
}
