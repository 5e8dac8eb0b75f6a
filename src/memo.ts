/** Past this many distinct arguments a remembered function forgets them all and starts afresh (bounded memory). */
export const MEMO_LIMIT = 1 << 15;

/**
 * `fn` remembering its answers, for a pure function of a string that a text calls with few distinct arguments
 * many times (its words), where working an answer out costs far more than looking it up.
 * @example const styleOf = remembered(toneStyleOf)
 */
export function remembered<T>(fn: (key: string) => T, limit = MEMO_LIMIT): (key: string) => T {
  let answers = new Map<string, T>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as T;
    const value = fn(key);
    if (answers.size >= limit) answers = new Map();
    answers.set(key, value);
    return value;
  };
}
