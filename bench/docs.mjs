import { readFileSync } from 'node:fs';

const here = (p) => new URL(`../data/${p}`, import.meta.url);

/** The clean documents, by the short names the benchmark uses. */
export const CLEAN = {
  '000 resolution 88 (held out)': 'resolution-88-hai-duong-2023.txt',
  '001 resolution 412': 'resolution-412-hung-yen-2023.txt',
  '002 action programme': 'action-programme-hai-duong-red-river-2023.txt',
  '003 report H1 2024': 'report-hai-duong-h1-2024.txt',
};

export const readData = (file) => readFileSync(here(file), 'utf8');
