/**
 * An open-addressing hash from a pair of non-negative 31-bit integers (a word and its context) to an
 * entry index, in two typed arrays. Built once when a model loads; lookups allocate nothing and use
 * integer arithmetic only.
 */
export interface HashIndex {
  /** Keys of each slot side by side (`keys[2s]`, `keys[2s + 1]`); -1 marks an empty slot. */
  keys: Int32Array;
  values: Int32Array;
  mask: number;
}

/** The home slot of a key pair. */
export function slotOf(a: number, b: number, mask: number): number {
  const h = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1);
  return (h ^ (h >>> 16)) & mask;
}

/** Index `(first[i], second[i]) → i` for every i. */
export function buildHash(first: ArrayLike<number>, second: ArrayLike<number>): HashIndex {
  const count = first.length;
  let size = 16;
  while (size < count * 2) size *= 2;
  const keys = new Int32Array(size * 2).fill(-1);
  const values = new Int32Array(size);
  const mask = size - 1;
  for (let i = 0; i < count; i++) {
    const a = first[i] as number;
    const b = second[i] as number;
    let s = slotOf(a, b, mask);
    while (keys[2 * s] !== -1) s = (s + 1) & mask;
    keys[2 * s] = a;
    keys[2 * s + 1] = b;
    values[s] = i;
  }
  return { keys, values, mask };
}

/** The entry index stored for the pair `(a, b)`, or -1. */
export function lookup(index: HashIndex, a: number, b: number): number {
  const { keys, mask } = index;
  let s = slotOf(a, b, mask);
  for (;;) {
    const k = keys[2 * s] as number;
    if (k === a && keys[2 * s + 1] === b) return index.values[s] as number;
    if (k === -1) return -1;
    s = (s + 1) & mask;
  }
}
