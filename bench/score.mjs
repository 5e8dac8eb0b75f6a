// Alpha-syllable accuracy, the same measure as shared/tools/vi-score.py: tokens \w+ or one symbol,
// syllables compared as (letters without tone, tone) so hòa = hoà, lines aligned one to one when the
// line counts match, tokens aligned by edit distance within a line.
const TONES = { '\u0300': 1, '\u0301': 2, '\u0303': 3, '\u0309': 4, '\u0323': 5 };
const TOKEN = /[\p{L}\p{M}\p{N}_]+|[^\p{L}\p{M}\p{N}_\s]/gu;

function canon(tok, foldCase) {
  let tone = 0;
  let kept = '';
  for (const ch of tok.normalize('NFD')) {
    if (TONES[ch]) tone = TONES[ch];
    else kept += ch;
  }
  kept = kept.normalize('NFC');
  return `${foldCase ? kept.toLowerCase() : kept}#${tone}`;
}

const isAlpha = (t) => /\p{L}/u.test(t);

function alignLine(gold, hyp, foldCase, tally) {
  const g = gold.map((t) => canon(t, foldCase));
  const h = hyp.map((t) => canon(t, foldCase));
  const n = g.length;
  const m = h.length;
  const cost = (i, j) => (g[i] === h[j] ? 0 : 1);
  const d = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = 1; i <= n; i++) d[i][0] = d[i - 1][0] + (isAlpha(gold[i - 1]) ? 1 : 0.5);
  for (let j = 1; j <= m; j++) d[0][j] = d[0][j - 1] + (isAlpha(hyp[j - 1]) ? 1 : 0.5);
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      d[i][j] = Math.min(
        d[i - 1][j - 1] + cost(i - 1, j - 1),
        d[i - 1][j] + (isAlpha(gold[i - 1]) ? 1 : 0.5),
        d[i][j - 1] + (isAlpha(hyp[j - 1]) ? 1 : 0.5),
      );
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i][j] === d[i - 1][j - 1] + cost(i - 1, j - 1)) {
      if (isAlpha(gold[i - 1])) {
        tally.n++;
        if (cost(i - 1, j - 1) === 0) tally.ok++;
        else tally.errors.push([gold[i - 1], hyp[j - 1]]);
      }
      i--;
      j--;
    } else if (i > 0 && d[i][j] === d[i - 1][j] + (isAlpha(gold[i - 1]) ? 1 : 0.5)) {
      if (isAlpha(gold[i - 1])) tally.n++, tally.errors.push([gold[i - 1], '']);
      i--;
    } else {
      if (isAlpha(hyp[j - 1])) tally.ins++;
      j--;
    }
  }
}

/** Score a restored text against its gold: accuracy case-insensitive and case-sensitive, top errors. */
export function scoreTexts(goldText, hypText) {
  const gl = goldText.normalize('NFC').split('\n');
  const hl = hypText.normalize('NFC').split('\n');
  const pairs = gl.length === hl.length ? gl.map((g, k) => [g, hl[k]]) : [[goldText, hypText]];
  const result = {};
  for (const [name, fold] of [
    ['insensitive', true],
    ['sensitive', false],
  ]) {
    const tally = { n: 0, ok: 0, ins: 0, errors: [] };
    for (const [g, h] of pairs) alignLine(g.match(TOKEN) ?? [], h.match(TOKEN) ?? [], fold, tally);
    const counts = new Map();
    for (const [a, b] of tally.errors) counts.set(`${a}→${b}`, (counts.get(`${a}→${b}`) ?? 0) + 1);
    result[name] = {
      syllables: tally.n,
      accuracy: tally.ok / Math.max(tally.n, 1),
      errorRate: (tally.n - tally.ok + tally.ins) / Math.max(tally.n, 1),
      topErrors: [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15),
    };
  }
  return { lineAligned: gl.length === hl.length, ...result };
}
