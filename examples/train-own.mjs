// Train a model on your own clean texts (every .txt file under a folder), save it, load it back and use it.
// Files are read one at a time as training asks for them, so a large corpus never sits in memory whole.
// Run from the repository root after `npm run build`:
//   node examples/train-own.mjs CORPUS_DIR MODEL.bin ["text to restore"]
// (The CLI does the same: `vi-restore train --out MODEL.bin CORPUS_DIR`, then `vi-restore --model MODEL.bin FILE`.)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, restore, serializeModel, train } from '../dist/index.js';

const [corpus, out, text = 'Tinh hinh kinh te nam 2023 tiep tuc phat trien'] = process.argv.slice(2);
if (!corpus || !out) {
  console.error('usage: node examples/train-own.mjs CORPUS_DIR MODEL.bin ["text to restore"]');
  process.exit(2);
}

const files = readdirSync(corpus, { recursive: true })
  .map(String)
  .filter((name) => name.toLowerCase().endsWith('.txt'))
  .sort();

// A generator: train() takes any iterable of strings and reads the next file only when it needs it.
function* texts() {
  for (const name of files) yield readFileSync(join(corpus, name), 'utf8');
}

const started = performance.now();
// Words and word pairs your corpus seldom or never shows get a share by how common they are in a background: by
// default built-in counts from government documents (whose words seen twice or more are proposed too);
// `{ background: wordCounts(generalTexts) }` for general text of your own (`wordCounts` is exported too),
// `{ background: false }` for none.
const model = train(texts(), { order: 3 });
const bytes = serializeModel(model);
writeFileSync(out, bytes);
const { tokens, trainedWords, backgroundWords = 0 } = model.info;
console.log(
  `trained on ${files.length} file(s): ${tokens} tokens, ${trainedWords} distinct words (+${backgroundWords} of the background), ${model.lm.biNext.length} bigrams,`,
);
console.log(
  `${model.lm.triNext.length} trigrams; ${(bytes.length / 1024).toFixed(0)} KiB written to ${out} in ${(performance.now() - started).toFixed(0)} ms`,
);

// A saved model loads without parsing text, and restores exactly as the one just trained.
const loaded = loadModel(readFileSync(out));
console.log(`${text}\n  → ${restore(text, { model: loaded })}`);
