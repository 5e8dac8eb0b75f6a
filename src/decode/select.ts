/**
 * The value that would sit at index `k` if `a[0..n)` were sorted ascending (quickselect: average
 * linear time, no allocation). Reorders `a[0..n)`.
 * @example nthSmallest(Float64Array.of(5, 1, 4, 2), 4, 1) // 2
 */
export function nthSmallest(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    // Median of three as the pivot, moved to a[hi].
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < (a[lo] as number)) swap(a, mid, lo);
    if ((a[hi] as number) < (a[lo] as number)) swap(a, hi, lo);
    if ((a[mid] as number) < (a[hi] as number)) swap(a, mid, hi);
    const pivot = a[hi] as number;
    let store = lo;
    for (let i = lo; i < hi; i++) {
      if ((a[i] as number) < pivot) swap(a, i, store++);
    }
    swap(a, store, hi);
    if (store === k) return pivot;
    if (store < k) lo = store + 1;
    else hi = store - 1;
  }
  return a[k] as number;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}
