import type { Model } from '../model/index.js';

/**
 * A prefix tree of the model's letter-only words in flat typed arrays: node n's children are the
 * edges `first[n]` to `first[n + 1] - 1`, edge e spells `alphabet[letter[e]]` and leads to node `child[e]`.
 */
export interface Trie {
  alphabet: string[];
  first: Int32Array;
  letter: Int32Array;
  child: Int32Array;
  /** Vocabulary id of the word that ends at each node, or -1. */
  id: Int32Array;
  /** Letters in the longest word. */
  depth: number;
}

const LETTERS = /^\p{L}+$/u;

interface BuildNode {
  letters: string[];
  nodes: BuildNode[];
  id: number;
}

/** Number the nodes breadth first, so each node's children are consecutive, in the order they were added. */
function flatten(root: BuildNode): Trie {
  const alphabet: string[] = [];
  const letterIndex = new Map<string, number>();
  const order: BuildNode[] = [root];
  const depths = [0];
  for (let i = 0; i < order.length; i++) {
    for (const node of (order[i] as BuildNode).nodes) {
      order.push(node);
      depths.push((depths[i] as number) + 1);
    }
  }
  const first = new Int32Array(order.length + 1);
  const letter = new Int32Array(order.length - 1);
  const child = new Int32Array(order.length - 1);
  const id = new Int32Array(order.length);
  let edge = 0;
  let next = 1;
  order.forEach((node, n) => {
    first[n] = edge;
    id[n] = node.id;
    node.letters.forEach((ch) => {
      let a = letterIndex.get(ch);
      if (a === undefined) {
        a = alphabet.length;
        alphabet.push(ch);
        letterIndex.set(ch, a);
      }
      letter[edge] = a;
      child[edge++] = next++;
    });
  });
  first[order.length] = edge;
  let depth = 0;
  for (const d of depths) depth = Math.max(depth, d);
  return { alphabet, first, letter, child, id, depth };
}

/** The prefix tree of the model's words made only of letters, built once per model. */
export function buildTrie(model: Model): Trie {
  const root: BuildNode = { letters: [], nodes: [], id: -1 };
  for (const [id, word] of model.lm.vocab.entries()) {
    if (!LETTERS.test(word)) continue;
    let node = root;
    for (const ch of word) {
      const at = node.letters.indexOf(ch);
      if (at >= 0) node = node.nodes[at] as BuildNode;
      else {
        const next: BuildNode = { letters: [], nodes: [], id: -1 };
        node.letters.push(ch);
        node.nodes.push(next);
        node = next;
      }
    }
    node.id = id;
  }
  return flatten(root);
}
