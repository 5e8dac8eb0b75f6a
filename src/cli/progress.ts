/** A single input smaller than this gets no progress bar: it is done before one would help. */
export const PROGRESS_MIN_BYTES = 1 << 20;

const MIB = 1 << 20;

/** What a progress bar counts towards: the number of files, and their bytes in all when known. */
export interface ProgressTotals {
  files: number;
  bytes?: number;
}

/**
 * A one-line progress bar on stderr: files done (of several), MiB done of the whole, syllables per second and time
 * left, by bytes when the total is known (files), else by files. Silent when disabled.
 */
export function createProgress(totals: ProgressTotals, enabled: boolean) {
  const started = performance.now();
  let files = 0;
  let bytes = 0;
  let syllables = 0;
  let last = 0;
  /** Is the bar on the screen, its line not ended yet? */
  let shown = false;
  const draw = (force: boolean) => {
    const now = performance.now();
    if (!enabled || (!force && now - last < 100)) return;
    last = now;
    const secs = (now - started) / 1000;
    const rate = syllables / Math.max(secs, 1e-3);
    // By bytes, but whole once every file is (a file that failed counts none of its bytes).
    const done = files >= totals.files ? 1 : totals.bytes ? Math.min(bytes / totals.bytes, 1) : files / Math.max(totals.files, 1);
    const left = done > 0 ? (secs * (1 - done)) / done : Number.NaN;
    const width = 24;
    const filled = Math.round(done * width);
    const parts = [`[${'#'.repeat(filled)}${' '.repeat(width - filled)}]`];
    if (totals.files > 1) parts.push(`${files}/${totals.files} files`);
    if (totals.bytes) parts.push(`${(bytes / MIB).toFixed(1)}/${(totals.bytes / MIB).toFixed(1)} MiB`);
    parts.push(`${Math.round(rate / 1000)}k syl/s`);
    if (Number.isFinite(left) && done < 1) parts.push(`${Math.ceil(left)}s left`);
    process.stderr.write(`\r${parts.join('  ')}   `);
    shown = true;
  };
  return {
    /** Some syllables (in `bytes` bytes of input) are done. */
    chunk(n: number, chunkBytes: number) {
      syllables += n;
      bytes += chunkBytes;
      draw(false);
    },
    file() {
      files++;
      draw(true);
    },
    /** End the bar's line, so that a message can follow on its own (the bar is drawn again below it). */
    pause() {
      if (shown) process.stderr.write('\n');
      shown = false;
    },
    finish() {
      this.pause();
    },
  };
}
