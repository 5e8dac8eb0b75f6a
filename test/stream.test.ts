import { describe, expect, it } from 'vitest';
import { withLookahead } from '../src/cli/stream.js';

async function* items<T>(xs: T[]): AsyncGenerator<T> {
  for (const x of xs) yield x;
}

describe('withLookahead', () => {
  it.each([
    [[], []],
    [['a'], [['a', false]]],
    [
      ['a', 'b', 'c'],
      [
        ['a', true],
        ['b', true],
        ['c', false],
      ],
    ],
  ])('%j → %j', async (input, expected) => {
    const out: [string, boolean][] = [];
    for await (const pair of withLookahead(items(input as string[]))) out.push(pair);
    expect(out).toEqual(expected);
  });
});
