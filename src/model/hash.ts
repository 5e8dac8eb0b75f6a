/** The home slot of a pair of non-negative 31-bit integers in an open-addressing table of `mask + 1` slots. */
export function slotOf(a: number, b: number, mask: number): number {
  const h = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1);
  return (h ^ (h >>> 16)) & mask;
}
