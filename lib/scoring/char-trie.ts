// A character trie stored as one flat transition table. The scorer walks its tries once per character of
// every answer, and with a catalogue of tens of thousands of phrases a Map per node made those lookups the
// scorer's single largest cost; an array index per step is several times cheaper.
//
// Nodes are numbers: ROOT is 1 and 0 means "no such node", so a failed step reads as falsy. Characters that
// phrases are written in (a–z, 0–9, ".", "-", "_") take one slot each; any other character is looked up in a
// side map, which stays empty for the bank today.

const SLOT_OF = new Int8Array(128).fill(-1);
for (let code = 97; code <= 122; code++) SLOT_OF[code] = code - 97;
for (let code = 48; code <= 57; code++) SLOT_OF[code] = 26 + code - 48;
SLOT_OF[46] = 36; // "."
SLOT_OF[45] = 37; // "-"
SLOT_OF[95] = 38; // "_"
const SLOTS = 39;
/** Above every UTF-16 code unit, so (node, code) pairs of the side map never collide. */
const CODE_SPAN = 0x10000;

export class CharTrie {
  static readonly ROOT = 1;
  private transitions = new Int32Array(SLOTS * 256);
  private readonly others = new Map<number, number>();
  private withChildren = new Uint8Array(256);
  /** Nodes in use, counting the unused id 0. */
  size = 2;

  /** The node reached from `node` by the character `code`, or 0. */
  next(node: number, code: number): number {
    if (code < 128) {
      const slot = SLOT_OF[code]!;
      if (slot >= 0) return this.transitions[node * SLOTS + slot]!;
    }
    return this.others.get(node * CODE_SPAN + code) ?? 0;
  }

  /** Whether any character goes on from `node`. */
  hasChildren(node: number): boolean {
    return this.withChildren[node] === 1;
  }

  /** A new node that no character reaches (e.g. the start of a phrase's next word). */
  addNode(): number {
    const node = this.size++;
    if ((node + 1) * SLOTS > this.transitions.length) {
      const grown = new Int32Array(this.transitions.length * 2);
      grown.set(this.transitions);
      this.transitions = grown;
    }
    if (node >= this.withChildren.length) {
      const grown = new Uint8Array(this.withChildren.length * 2);
      grown.set(this.withChildren);
      this.withChildren = grown;
    }
    return node;
  }

  /** The child of `node` by `code`, created when missing. */
  child(node: number, code: number): number {
    const existing = this.next(node, code);
    if (existing) return existing;
    const created = this.addNode();
    const slot = code < 128 ? SLOT_OF[code]! : -1;
    if (slot >= 0) this.transitions[node * SLOTS + slot] = created;
    else this.others.set(node * CODE_SPAN + code, created);
    this.withChildren[node] = 1;
    return created;
  }

  /** Drops the spare capacity once the trie is built. */
  seal(): void {
    this.transitions = this.transitions.slice(0, this.size * SLOTS);
    this.withChildren = this.withChildren.slice(0, this.size);
  }
}
