// A character trie stored as flat typed arrays. The scorer walks its tries once per character of every
// answer, and with a catalogue of tens of thousands of phrases a Map per node made those lookups the
// scorer's single largest cost; an array index per step is several times cheaper.
//
// While it is built, every node has a full row of slots. Sealed, most nodes (nine in ten have one child or
// none) keep only their few edges, and only nodes with many children keep a row: the catalogue's start trie
// shrinks from some 13 MB of rows to under 1 MB, and a walk that fits the processor's cache runs faster.
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
/** A sealed node with more children than this keeps a full row; one with fewer lists its edges. */
const MAX_LISTED_EDGES = 4;
/** Above every UTF-16 code unit, so (node, code) pairs of the side map never collide. */
const CODE_SPAN = 0x10000;

export class CharTrie {
  static readonly ROOT = 1;
  private transitions = new Int32Array(SLOTS * 256);
  private readonly others = new Map<number, number>();
  private withChildren = new Uint8Array(256);
  /** Nodes in use, counting the unused id 0. */
  size = 2;

  // Sealed form: per node, `where` is -(row + 1) for a node with a row in `rows`, or, for a node that lists its
  // edges, (first edge << 3) | edge count, its edges being edgeSlot/edgeChild[first edge …].
  private where: Int32Array | undefined;
  private rows = new Int32Array(0);
  private edgeSlot = new Uint8Array(0);
  private edgeChild = new Int32Array(0);

  /** The node reached from `node` by the character `code`, or 0. */
  next(node: number, code: number): number {
    if (code < 128) {
      const slot = SLOT_OF[code]!;
      if (slot >= 0) {
        const where = this.where;
        if (where === undefined) return this.transitions[node * SLOTS + slot]!;
        const at = where[node]!;
        if (at < 0) return this.rows[(-at - 1) * SLOTS + slot]!;
        for (let e = at >> 3, end = e + (at & 7); e < end; e++) if (this.edgeSlot[e] === slot) return this.edgeChild[e]!;
        return 0;
      }
    }
    return this.others.get(node * CODE_SPAN + code) ?? 0;
  }

  /** Whether any character goes on from `node`. */
  hasChildren(node: number): boolean {
    return this.withChildren[node] === 1;
  }

  /** A new node that no character reaches (e.g. the start of a phrase's next word). */
  addNode(): number {
    if (this.where) throw new Error("a sealed trie takes no new nodes");
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
    if (this.where) throw new Error("a sealed trie takes no new nodes");
    const existing = this.next(node, code);
    if (existing) return existing;
    const created = this.addNode();
    const slot = code < 128 ? SLOT_OF[code]! : -1;
    if (slot >= 0) this.transitions[node * SLOTS + slot] = created;
    else this.others.set(node * CODE_SPAN + code, created);
    this.withChildren[node] = 1;
    return created;
  }

  /** Packs the trie once it is built (see the note at the top); no node may be added after. */
  seal(): void {
    const where = new Int32Array(this.size);
    const rows: number[] = [];
    const edgeSlot: number[] = [];
    const edgeChild: number[] = [];
    for (let node = 0; node < this.size; node++) {
      const row = this.transitions.subarray(node * SLOTS, (node + 1) * SLOTS);
      let children = 0;
      for (let slot = 0; slot < SLOTS; slot++) if (row[slot]) children++;
      if (children > MAX_LISTED_EDGES) {
        where[node] = -(rows.length / SLOTS + 1);
        rows.push(...row);
        continue;
      }
      where[node] = (edgeSlot.length << 3) | children;
      for (let slot = 0; slot < SLOTS; slot++) {
        if (!row[slot]) continue;
        edgeSlot.push(slot);
        edgeChild.push(row[slot]!);
      }
    }
    this.rows = Int32Array.from(rows);
    this.edgeSlot = Uint8Array.from(edgeSlot);
    this.edgeChild = Int32Array.from(edgeChild);
    this.where = where;
    this.transitions = new Int32Array(0);
    this.withChildren = this.withChildren.slice(0, this.size);
  }
}
