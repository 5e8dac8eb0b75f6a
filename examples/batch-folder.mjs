// Restore every .txt file of a folder and its subfolders into an output folder (same relative names), with the library API.
// Run from the repository root after `npm run build`:
//   node examples/batch-folder.mjs IN_DIR [OUT_DIR] [--ocr]
// OUT_DIR defaults to IN_DIR-restored. --ocr also repairs OCR misreadings (digits and symbols read for letters).
// A file that cannot be read or written is named on stderr and the others go on; the exit code is then 1.
// (The CLI does all this and more: `vi-restore --out-dir OUT_DIR IN_DIR`.)
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createRestorer } from '../dist/index.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const ocr = process.argv.includes('--ocr');
const [inArg, outArg] = args;
if (!inArg) {
  console.error('usage: node examples/batch-folder.mjs IN_DIR [OUT_DIR] [--ocr]');
  process.exit(2);
}
if (!existsSync(inArg) || !statSync(inArg).isDirectory()) {
  console.error(`not a folder: ${inArg}`);
  process.exit(1);
}
const inDir = resolve(inArg);
const outDir = resolve(outArg ?? `${inDir}-restored`);

// One restorer for all files: the built-in model is decoded once.
const restorer = createRestorer();
const files = readdirSync(inDir, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.txt'))
  .map((e) => relative(inDir, join(e.parentPath ?? e.path, e.name)))
  .filter((name) => !resolve(inDir, name).startsWith(`${outDir}/`))
  .sort();
if (files.length === 0) {
  console.error(`no .txt files in ${inArg}`);
  process.exit(1);
}

let failed = 0;
for (const name of files) {
  const started = performance.now();
  const target = join(outDir, name);
  try {
    const text = readFileSync(join(inDir, name), 'utf8');
    const restored = restorer.restore(text, { ocr });
    mkdirSync(dirname(target), { recursive: true });
    // Write beside the target, then rename: a reader never sees half a file.
    writeFileSync(`${target}.tmp`, restored);
    renameSync(`${target}.tmp`, target);
    const ms = (performance.now() - started).toFixed(0);
    console.log(`${name}: ${text.length} chars → ${target} (${ms} ms${ocr ? ', ocr' : ''})`);
  } catch (err) {
    failed++;
    console.error(`${name}: ${err.code ?? err.message}`);
  }
}
console.log(`restored ${files.length - failed} of ${files.length} file(s) into ${outDir}`);
process.exitCode = failed ? 1 : 0;
