/**
 * Check a run of bytes for UTF-8: where the first invalid sequence starts (-1 if none), and how many
 * bytes form whole characters (an incomplete sequence at the end may continue in the next chunk).
 */
export function scanUtf8(b: Uint8Array): { bad: number; complete: number } {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return { bad: i, complete: i };
    for (let k = 1; k < len && i + k < n; k++) if (((b[i + k] as number) & 0xc0) !== 0x80) return { bad: i, complete: i };
    if (i + 1 < n) {
      const d = b[i + 1] as number;
      if ((c === 0xe0 && d < 0xa0) || (c === 0xed && d > 0x9f) || (c === 0xf0 && d < 0x90) || (c === 0xf4 && d > 0x8f)) {
        return { bad: i, complete: i };
      }
    }
    if (i + len > n) return { bad: -1, complete: i };
    i += len;
  }
  return { bad: -1, complete: n };
}
