import type { LanguageModel } from '../model/lm.js';
import { swap } from '../model/twins.js';

/** A 32-bit mix of an n-gram's words (any order-sensitive hash will do; `salt` picks one of two). */
function mix(a: number, b: number, c: number, salt: number): number {
  let h = Math.imul(a ^ salt, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 13) ^ c, 0xc2b2ae3d);
  return h ^ (h >>> 16);
}

const SALTS = [0x1b873593, 0x27d4eb2f];

/**
 * Do both directions hold the same pairs and triples, read each its own way? Compared as multisets by two
 * sums of 32-bit hashes (both tables hold each n-gram once): a linear pass, no lookups.
 */
export function sameNgrams(fw: LanguageModel, bw: LanguageModel): boolean {
  if (fw.order !== bw.order || fw.biNext.length !== bw.biNext.length || fw.triNext.length !== bw.triNext.length) return false;
  const none = 0x7fffffff;
  for (const salt of SALTS) {
    let forward = 0;
    let backward = 0;
    for (let i = 0; i < fw.biNext.length; i++) {
      forward = (forward + mix(fw.biPrev[i] as number, fw.biNext[i] as number, none, salt)) | 0;
      backward = (backward + mix(swap(bw.biNext[i] as number), swap(bw.biPrev[i] as number), none, salt)) | 0;
    }
    for (let t = 0; t < fw.triNext.length; t++) {
      const f = fw.triContext[t] as number;
      const b = bw.triContext[t] as number;
      forward = (forward + mix(fw.biPrev[f] as number, fw.biNext[f] as number, fw.triNext[t] as number, salt)) | 0;
      backward = (backward + mix(swap(bw.triNext[t] as number), swap(bw.biNext[b] as number), swap(bw.biPrev[b] as number), salt)) | 0;
    }
    if (forward !== backward) return false;
  }
  return true;
}
