/**
 * An open-addressing hash from a non-negative integer key (below 2^53) to an entry index,
 * in two typed arrays. Built once when a model loads; lookups allocate nothing.
 */
export interface HashIndex {
  keys: Float64Array;
  values: Int32Array;
  mask: number;
}

function slot(key: number, mask: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) >>> 0;
  return (Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> 0) & mask;
}

/** Index `keys[i] → i` for every i. */
export function buildHash(keyOf: (i: number) => number, count: number): HashIndex {
  let size = 16;
  while (size < count * 2) size *= 2;
  const keys = new Float64Array(size).fill(-1);
  const values = new Int32Array(size);
  const mask = size - 1;
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    let s = slot(key, mask);
    while (keys[s] !== -1) s = (s + 1) & mask;
    keys[s] = key;
    values[s] = i;
  }
  return { keys, values, mask };
}

/** The entry index stored for `key`, or -1. */
export function lookup(index: HashIndex, key: number): number {
  const { keys, mask } = index;
  let s = slot(key, mask);
  for (;;) {
    const k = keys[s] as number;
    if (k === key) return index.values[s] as number;
    if (k === -1) return -1;
    s = (s + 1) & mask;
  }
}
