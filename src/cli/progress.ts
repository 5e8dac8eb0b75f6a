/** A one-line progress bar on stderr: files done, syllables per second, time left. Silent when disabled. */
export function createProgress(totalFiles: number, enabled: boolean) {
  const started = performance.now();
  let files = 0;
  let syllables = 0;
  let last = 0;
  const draw = (force: boolean) => {
    const now = performance.now();
    if (!enabled || (!force && now - last < 100)) return;
    last = now;
    const secs = (now - started) / 1000;
    const rate = syllables / Math.max(secs, 1e-3);
    const left = files > 0 ? ((totalFiles - files) * secs) / files : Number.NaN;
    const width = 24;
    const filled = Math.round((files / Math.max(totalFiles, 1)) * width);
    const eta = Number.isFinite(left) ? `${Math.ceil(left)}s left` : '';
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${files}/${totalFiles} files  ${Math.round(rate / 1000)}k syl/s  ${eta}   `,
    );
  };
  return {
    syllables(n: number) {
      syllables += n;
      draw(false);
    },
    file() {
      files++;
      draw(true);
    },
    finish() {
      if (enabled) process.stderr.write('\n');
    },
  };
}
