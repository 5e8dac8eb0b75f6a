import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reason } from './io.js';

/** One input of a run: where to read it, its name relative to what was given, or why it cannot be read. */
export interface Input {
  path: string;
  /** Name under --out-dir: relative to a DIR argument, the base name for a FILE argument. */
  rel: string;
  error?: string;
}

/**
 * Every *.txt below `dir`, sorted. Links to folders are followed, but a folder already walked (`seen`, by
 * its real path) is not walked again, so a link back up the tree ends there instead of going round.
 */
function walk(dir: string, root: string, out: Input[], seen: Set<string>): void {
  let entries: string[];
  try {
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = readdirSync(dir).sort();
  } catch (err) {
    out.push({ path: dir, rel: relative(root, dir), error: reason(err) });
    return;
  }
  for (const name of entries) {
    const path = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch (err) {
      if (name.endsWith('.txt')) out.push({ path, rel: relative(root, path), error: reason(err) }); // e.g. a broken link
      continue;
    }
    if (isDir) walk(path, root, out, seen);
    else if (name.endsWith('.txt')) out.push({ path, rel: relative(root, path) });
  }
}

/** Expand FILE and DIR arguments (directories: every *.txt below them, sorted). Never throws. */
export function expandInputs(args: readonly string[]): Input[] {
  const out: Input[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    if (arg === '-') {
      out.push({ path: '-', rel: 'stdin' });
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch (err) {
      out.push({ path: arg, rel: arg, error: reason(err) });
      continue;
    }
    if (isDir) walk(arg, arg, out, seen);
    else out.push({ path: arg, rel: arg.split(/[\\/]/).pop() as string });
  }
  return out;
}
