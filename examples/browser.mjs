// The page's script: restores the textarea's text with the ESM build, entirely in the browser.
// The library has no Node built-ins and no dependencies at run time, so the browser loads ../dist/index.js as is.
import { restore, restoreDetailed } from '../dist/index.js';

const input = document.querySelector('#input');
const output = document.querySelector('#output');
const ocr = document.querySelector('#ocr');
const status = document.querySelector('#status');
const button = document.querySelector('#restore');

button.addEventListener('click', () => {
  const started = performance.now();
  const text = input.value;
  output.value = restore(text, { ocr: ocr.checked });
  const unsure = restoreDetailed(text, { ocr: ocr.checked }).filter((t) => t.kind === 'word' && t.confidence < 0.6);
  const ms = (performance.now() - started).toFixed(0);
  status.textContent =
    `${ms} ms` + (unsure.length ? ` · unsure: ${unsure.map((t) => `${t.output} (${t.confidence.toFixed(2)})`).join(', ')}` : '');
});
button.disabled = false;
status.textContent = 'ready';
