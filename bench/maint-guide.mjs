#!/usr/bin/env node
// A corpus of another domain for bench/domain.mjs: the Debian New Maintainers' Guide in Vietnamese (Debian
// package maint-guide-vi: /usr/share/doc/maint-guide-vi/maint-guide.vi.txt.gz), technical prose of 170 kB, a
// small corpus such as a user may have. One text file per chapter (ch1.txt ... ch9.txt); lines with fewer than
// two marked letters (commands, file listings, English) are dropped, and the rest trimmed.
// The guide is the Debian project's (GPL-2+): build the corpus locally, never commit it.
//   node bench/maint-guide.mjs OUT_DIR [GUIDE_TXT_GZ]
// Without the package installed: apt-get download maint-guide-vi && dpkg-deb -x maint-guide-vi_*.deb x,
// then GUIDE_TXT_GZ is x/usr/share/doc/maint-guide-vi/maint-guide.vi.txt.gz.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/giu;
/** A chapter starts at a line "Chương N. Title" (the table of contents above the first one is left out). */
const CHAPTER = /^Chương\s\d+\./u;

const [outDir, guide = '/usr/share/doc/maint-guide-vi/maint-guide.vi.txt.gz'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node bench/maint-guide.mjs OUT_DIR [GUIDE_TXT_GZ]');
  process.exit(2);
}
const chapters = [];
for (const line of gunzipSync(readFileSync(guide)).toString('utf8').normalize('NFC').split('\n')) {
  if (CHAPTER.test(line)) chapters.push([]);
  const kept = line.trim();
  if (chapters.length > 0 && (kept.match(MARKED)?.length ?? 0) >= 2) chapters[chapters.length - 1].push(kept);
}
mkdirSync(outDir, { recursive: true });
for (const [i, lines] of chapters.entries()) writeFileSync(join(outDir, `ch${i + 1}.txt`), `${lines.join('\n')}\n`);
console.log(`${chapters.length} chapters, ${chapters.reduce((n, c) => n + c.length, 0)} lines written to ${outDir}`);
