#!/usr/bin/env node
// A corpus of another domain for bench/domain.mjs: the Vietnamese translations of program messages a
// Debian-like system already has (/usr/share/locale/vi/LC_MESSAGES/*.mo, one text file per catalog).
// Each translated message becomes lines of text; lines with fewer than two marked letters (untranslated
// or English) are dropped, and so are the ISO code lists (names of countries and languages, not prose).
// The translations belong to their programs (mostly GPL): build the corpus locally, never commit it.
//   node bench/debian-messages.mjs OUT_DIR [LOCALE_DIR]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/giu;

/** The translated strings of a compiled gettext catalog (.mo), plural forms each on its own. */
export function moStrings(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, true);
  const little = magic === 0x950412de;
  if (!little && magic !== 0xde120495) throw new Error('not a gettext .mo file');
  const u32 = (at) => view.getUint32(at, little);
  const n = u32(8);
  const translations = u32(16);
  const out = [];
  const text = new TextDecoder('utf-8');
  for (let i = 0; i < n; i++) {
    const length = u32(translations + 8 * i);
    const offset = u32(translations + 8 * i + 4);
    const s = text.decode(bytes.subarray(offset, offset + length));
    if (s.startsWith('Project-Id-Version') || s.includes('Content-Type:')) continue; // the catalog's header
    out.push(...s.split('\0'));
  }
  return out;
}

const [outDir, localeDir = '/usr/share/locale/vi/LC_MESSAGES'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node bench/debian-messages.mjs OUT_DIR [LOCALE_DIR]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
let files = 0;
let lines = 0;
for (const name of readdirSync(localeDir).filter((f) => f.endsWith('.mo') && !f.startsWith('iso_'))) {
  const kept = moStrings(readFileSync(join(localeDir, name)))
    .flatMap((s) => s.normalize('NFC').split('\n'))
    .map((l) => l.replaceAll('\t', ' ').trim())
    .filter((l) => (l.match(MARKED)?.length ?? 0) >= 2);
  if (kept.length === 0) continue;
  writeFileSync(join(outDir, `${basename(name, '.mo')}.txt`), `${kept.join('\n')}\n`);
  files++;
  lines += kept.length;
}
console.log(`${files} catalogs, ${lines} lines written to ${outDir}`);
