import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Make a folder and its parents; a file in the way is "not a directory" (Node says EEXIST). */
export function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') (err as NodeJS.ErrnoException).code = 'ENOTDIR';
    throw err;
  }
}

/** Remove a temporary file if it is there, never throwing (it is cleanup after another error). */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing was there to remove, or nothing can be done
  }
}

/** How the name of every temporary file this process writes beside `path` starts (worker threads share the pid). */
export function tempPrefix(path: string): string {
  return `.${basename(path)}.${process.pid}.`;
}

/**
 * On Ctrl-C (SIGINT) or SIGTERM, remove this process's temporary files beside `paths` (its threads' too), then exit as
 * a process killed by that signal does (130, 143): every output is as it was before the run, or whole.
 */
export function removeTempsOnSignal(paths: readonly string[]): void {
  const byDir = new Map<string, Set<string>>();
  for (const path of paths) {
    const prefixes = byDir.get(dirname(path)) ?? new Set<string>();
    prefixes.add(tempPrefix(path));
    byDir.set(dirname(path), prefixes);
  }
  const clean = () => {
    for (const [dir, prefixes] of byDir) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue; // not made yet: nothing of ours in it
      }
      for (const name of names) if (name.endsWith('.tmp') && [...prefixes].some((p) => name.startsWith(p))) removeQuietly(join(dir, name));
    }
  };
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      clean();
      process.exit(code);
    });
  }
}

/**
 * Move a finished temporary file over `path`, giving it the permissions of the file it replaces (a private file
 * rewritten in place stays private), if there is one.
 */
export function replaceWith(tmp: string, path: string): void {
  const mode = statSync(path, { throwIfNoEntry: false })?.mode;
  if (mode !== undefined) chmodSync(tmp, mode & 0o7777);
  renameSync(tmp, path);
}

/** Write a file atomically: a temporary file beside it, then a rename (see {@link replaceWith}). */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  const tmp = join(dir, `${tempPrefix(path)}tmp`);
  try {
    makeDir(dir);
    writeFileSync(tmp, data);
    replaceWith(tmp, path);
  } catch (err) {
    removeQuietly(tmp);
    throw new Error(`cannot write ${path}: ${reason(err)}`);
  }
}

const PLAIN_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

/** A file error in a few plain words (`no such file or directory`), not Node's `ENOENT: …, open 'x'`. */
export function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return (code && PLAIN_REASONS[code]) ?? (err as Error).message;
}
