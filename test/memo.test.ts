import { describe, expect, it } from 'vitest';
import { remembered } from '../src/memo.js';

describe('remembered', () => {
  it('works an answer out once per distinct argument, undefined answers too', () => {
    const calls: string[] = [];
    const f = remembered((s) => {
      calls.push(s);
      return s === 'none' ? undefined : s.length;
    });
    expect(['ab', 'ab', 'none', 'none', 'xyz', 'ab'].map(f)).toEqual([2, 2, undefined, undefined, 3, 2]);
    expect(calls).toEqual(['ab', 'none', 'xyz']);
  });

  it('forgets everything past its limit, and answers the same afterwards', () => {
    let calls = 0;
    const f = remembered((s) => {
      calls++;
      return s.toUpperCase();
    }, 3);
    for (const s of ['a', 'b', 'c', 'a']) f(s);
    expect(calls).toBe(3);
    expect(f('d')).toBe('D'); // a fourth: the first three are forgotten
    expect(f('a')).toBe('A');
    expect(calls).toBe(5);
  });
});
