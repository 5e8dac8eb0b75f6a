import { baseLetter } from '../orthography/letters.js';

/**
 * The OCR noisy channel: what each intended letter (lower case, with its marks) comes out as in the
 * OCR text, as costs in nats (−log P). `ops[intended][observed]`: `observed` is 0–2 characters;
 * `ops['']` holds insertions of stray characters. Learned from aligned text by `scripts/learn-channel.mjs`.
 */
export interface Channel {
  ops: Record<string, Record<string, number>>;
  /** Cost of an operation the table does not list: same plain letter (a mark lost or changed), other. */
  fallback: { sameBase: number; other: number; deletion: number; insertion: number; split: number };
  /** Decoder weights: channel cost scale, penalty for any non-exact reading, penalty for keeping an unknown token. */
  weights: { scale: number; inexact: number; keepUnknown: number };
  /** Accuracy the learner measured for these weights by two-fold cross-validation on its development lines. */
  crossValidated?: number;
}

/** A starting channel for learning: marks may drop, a few classic confusions, everything else dear. */
export const PRIOR_CHANNEL: Channel = {
  ops: {},
  fallback: { sameBase: 2.5, other: 9, deletion: 7, insertion: 6, split: 10 },
  weights: { scale: 1, inexact: 2, keepUnknown: 8 },
};

/** Cost of intended `c` producing `o` (0–2 observed characters). */
export function opCost(channel: Channel, c: string, o: string): number {
  const listed = channel.ops[c]?.[o];
  if (listed !== undefined) return listed;
  const f = channel.fallback;
  if (c === '') return o.length === 1 ? f.insertion : Number.POSITIVE_INFINITY;
  if (o === '') return f.deletion;
  if (o.length === 2) return f.split;
  if (o === c) return 0;
  return baseLetter(o) === baseLetter(c) ? f.sameBase : f.other;
}
