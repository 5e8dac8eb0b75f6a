// The general background text of data/background/ (see data/README.md), for the build scripts.
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../data/background/', import.meta.url);

/** The files, in name order. */
export const GENERAL = () =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();

/** Their texts. */
export const generalTexts = () => GENERAL().map((f) => readFileSync(new URL(f, dir), 'utf8'));
