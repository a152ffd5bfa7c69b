// The sealed trie packs nodes two ways (a full row for many children, an edge list for few): every walk
// must reach the same nodes before and after sealing.
import { describe, expect, it } from "vitest";
import { CharTrie } from "@/lib/scoring/char-trie";

const WORDS = ["acks", "ackall", "broker", "brokers", "bx", "by", "bz", "b1", "b.", "b-", "b_", "idempotence", "café", "zk"];

function build(): { trie: CharTrie; ends: Map<string, number> } {
  const trie = new CharTrie();
  const ends = new Map<string, number>();
  for (const word of WORDS) {
    let node = CharTrie.ROOT;
    for (const ch of word) node = trie.child(node, ch.charCodeAt(0));
    ends.set(word, node);
  }
  return { trie, ends };
}

function walk(trie: CharTrie, text: string): number {
  let node = CharTrie.ROOT;
  for (const ch of text) if (node) node = trie.next(node, ch.charCodeAt(0));
  return node;
}

describe("CharTrie", () => {
  it("reaches the same node for every word and prefix once sealed, rows and edge lists alike", () => {
    const { trie, ends } = build();
    const probes = [...new Set(WORDS.flatMap((word) => [...word].map((_, k) => word.slice(0, k + 1))))];
    const before = probes.map((probe) => walk(trie, probe));
    trie.seal();
    expect(probes.map((probe) => walk(trie, probe))).toEqual(before);
    for (const [word, node] of ends) expect(walk(trie, word)).toBe(node);
    // "b" has ten children (a row); "ack" has two (an edge list).
    expect(walk(trie, "b")).not.toBe(0);
    expect(walk(trie, "ack")).not.toBe(0);
  });

  it("answers 0 for characters no word continues with, in both forms", () => {
    const { trie } = build();
    trie.seal();
    expect(walk(trie, "bq")).toBe(0);
    expect(walk(trie, "acx")).toBe(0);
    expect(walk(trie, "q")).toBe(0);
    expect(walk(trie, "cafe")).toBe(0);
    expect(trie.hasChildren(walk(trie, "broker"))).toBe(true);
    expect(trie.hasChildren(walk(trie, "brokers"))).toBe(false);
  });

  it("takes no new nodes once sealed", () => {
    const { trie } = build();
    trie.seal();
    expect(() => trie.child(CharTrie.ROOT, "k".charCodeAt(0))).toThrow(/sealed/);
  });
});
