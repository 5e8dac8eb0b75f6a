#!/usr/bin/env node
// A corpus of another domain for bench/domain.mjs: the Vietnamese LibreOffice help (Debian package
// libreoffice-help-vi: HTML pages under /usr/share/libreoffice/help/vi/text), software-manual prose. Each
// paragraph, heading, list item or table cell becomes a line; lines with fewer than two marked letters
// (untranslated or English) are dropped. One text file per part of the help (swriter, scalc, shared, ...).
// The help belongs to LibreOffice (MPL-2.0): build the corpus locally, never commit it.
//   node bench/libreoffice-help.mjs OUT_DIR [HELP_DIR]
// Without the package installed: apt-get download libreoffice-help-vi && dpkg-deb -x libreoffice-help-vi_*.deb x,
// then HELP_DIR is x/usr/share/libreoffice/help/vi/text.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/giu;
const BLOCK = /<\/?(?:p|h[1-6]|li|td|th|tr|div|br|title)\b[^>]*>/gi;
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text lines of an HTML page: one per block element, tags dropped, entities decoded, spaces collapsed. */
export function htmlLines(html) {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(BLOCK, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function* pages(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* pages(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

const [outDir, helpDir = '/usr/share/libreoffice/help/vi/text'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node bench/libreoffice-help.mjs OUT_DIR [HELP_DIR]');
  process.exit(2);
}
const parts = new Map();
for (const path of pages(helpDir)) {
  const part = relative(helpDir, path).split(sep)[0];
  const kept = htmlLines(readFileSync(path, 'utf8').normalize('NFC')).filter((l) => (l.match(MARKED)?.length ?? 0) >= 2);
  if (!parts.has(part)) parts.set(part, []);
  parts.get(part).push(...kept);
}
mkdirSync(outDir, { recursive: true });
let lines = 0;
for (const [part, kept] of parts) {
  if (kept.length === 0) continue;
  writeFileSync(join(outDir, `${part}.txt`), `${kept.join('\n')}\n`);
  lines += kept.length;
}
console.log(`${parts.size} parts, ${lines} lines written to ${outDir}`);
