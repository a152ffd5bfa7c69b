// Diffs between rubric versions: per item (by id) and line by line.
import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import type { Rubric } from "@/lib/content/schema";
import { diffRubrics, rubricToYaml, sideBySide, summariseDiff, type DiffRow } from "@/lib/rubrics";

const bank = loadContentBank();
const before = bank.questions.find((question) => question.slug === "kafka-isr-and-min-insync")!.rubric;
const copy = (): Rubric => structuredClone(before);
const ids = before.items.map((item) => item.id);

describe("diffRubrics", () => {
  it("finds nothing between a rubric and its copy", () => {
    const diff = diffRubrics(before, copy());
    expect(diff).toEqual({ added: [], removed: [], changed: [], reordered: false, unchanged: before.items.length, identical: true });
    expect(summariseDiff(diff)).toBe("no changes");
  });

  it("an added item", () => {
    const after = copy();
    const extra = { ...after.items[0]!, id: "rf-three", label: "Replication factor three" };
    after.items.splice(3, 0, extra);
    const diff = diffRubrics(before, after);
    expect(diff.added).toEqual([extra]);
    expect(diff).toMatchObject({ removed: [], changed: [], reordered: false, unchanged: before.items.length, identical: false });
    expect(summariseDiff(diff)).toBe("added 1 item (rf-three), removed 0, changed 0");
  });

  it("a removed item", () => {
    const after = copy();
    const [gone] = after.items.splice(1, 1);
    const diff = diffRubrics(before, after);
    expect(diff.removed).toEqual([gone]);
    expect(diff).toMatchObject({ added: [], changed: [], reordered: false, unchanged: before.items.length - 1, identical: false });
    expect(summariseDiff(diff)).toBe(`added 0 items, removed 1 (${gone!.id}), changed 0`);
  });

  it("changed fields, each with before and after, including an optional field appearing", () => {
    const after = copy();
    after.items[2]!.weight = 2.5;
    after.items[2]!.concept = [...after.items[2]!.concept, "acks=all ... isr"];
    after.items[0]!.near = 20;
    const diff = diffRubrics(before, after);
    expect(diff.changed).toEqual([
      { id: ids[0], label: before.items[0]!.label, changes: [{ field: "near", before: undefined, after: 20 }] },
      {
        id: ids[2],
        label: before.items[2]!.label,
        changes: [
          { field: "weight", before: before.items[2]!.weight, after: 2.5 },
          { field: "concept", before: before.items[2]!.concept, after: after.items[2]!.concept },
        ],
      },
    ]);
    expect(diff).toMatchObject({ added: [], removed: [], reordered: false, unchanged: before.items.length - 2, identical: false });
    expect(summariseDiff(diff)).toBe(`added 0 items, removed 0, changed 2 (near of ${ids[0]}, weight and concept of ${ids[2]})`);
  });

  it("a reorder alone: same items, different order", () => {
    const after = copy();
    after.items.reverse();
    const diff = diffRubrics(before, after);
    expect(diff).toEqual({ added: [], removed: [], changed: [], reordered: true, unchanged: before.items.length, identical: false });
    expect(summariseDiff(diff)).toBe("added 0 items, removed 0, changed 0, reordered");
  });

  it("removing an item does not count as reordering the rest; swapping two does", () => {
    const removed = copy();
    removed.items.splice(0, 1);
    expect(diffRubrics(before, removed).reordered).toBe(false);
    const swapped = copy();
    [swapped.items[4], swapped.items[5]] = [swapped.items[5]!, swapped.items[4]!];
    expect(diffRubrics(before, swapped).reordered).toBe(true);
  });

  it("a renamed id is a removal and an addition", () => {
    const after = copy();
    after.items[1] = { ...after.items[1]!, id: "lag-time" };
    const diff = diffRubrics(before, after);
    expect(diff.added.map((item) => item.id)).toEqual(["lag-time"]);
    expect(diff.removed.map((item) => item.id)).toEqual([ids[1]]);
  });

  it("summaries stay one line when many items change", () => {
    const after = copy();
    for (const item of after.items) item.weight = item.weight === 1 ? 2 : 1;
    const summary = summariseDiff(diffRubrics(before, after));
    expect(summary).toBe(`added 0 items, removed 0, changed ${before.items.length} (${ids.slice(0, 4).map((id) => `weight of ${id}`).join(", ")} and ${before.items.length - 4} more)`);
    expect(summary).not.toContain("\n");
  });
});

describe("sideBySide", () => {
  const kinds = (rows: DiffRow[]) => rows.map((row) => row.kind);

  it("pairs a replaced line into one changed row and numbers both sides", () => {
    const rows = sideBySide("a\nb\nc\n", "a\nB\nc\nd\n");
    expect(rows).toEqual([
      { kind: "same", left: { line: 1, text: "a" }, right: { line: 1, text: "a" } },
      { kind: "changed", left: { line: 2, text: "b" }, right: { line: 2, text: "B" } },
      { kind: "same", left: { line: 3, text: "c" }, right: { line: 3, text: "c" } },
      { kind: "added", left: null, right: { line: 4, text: "d" } },
    ]);
  });

  it("pairs runs of unequal length and leaves the rest standing alone", () => {
    expect(kinds(sideBySide("x\n1\n2\n3\ny\n", "x\nA\ny\n"))).toEqual(["same", "changed", "removed", "removed", "same"]);
    expect(kinds(sideBySide("x\n1\ny\n", "x\nA\nB\nC\ny\n"))).toEqual(["same", "changed", "added", "added", "same"]);
    expect(kinds(sideBySide("x\n1\ny\n", "x\ny\n"))).toEqual(["same", "removed", "same"]);
  });

  it("on real rubric YAML: one weight changed shows one changed row and nothing else", () => {
    const after = copy();
    after.items[3]!.weight = 1.5;
    const left = rubricToYaml(before);
    const right = rubricToYaml(after);
    const rows = sideBySide(left, right);
    const changed = rows.filter((row) => row.kind !== "same");
    expect(changed).toEqual([
      { kind: "changed", left: { line: expect.any(Number), text: `    weight: ${before.items[3]!.weight}` }, right: { line: expect.any(Number), text: "    weight: 1.5" } },
    ]);
    expect(rows).toHaveLength(left.trimEnd().split("\n").length);
    // Every line of both texts appears once, in order.
    expect(rows.flatMap((row) => (row.left ? [row.left.text] : []))).toEqual(left.trimEnd().split("\n"));
    expect(rows.flatMap((row) => (row.right ? [row.right.text] : []))).toEqual(right.trimEnd().split("\n"));
  });

  it("ignores a missing newline at the end and CRLF line endings", () => {
    expect(kinds(sideBySide("a\nb", "a\r\nb\n"))).toEqual(["same", "same"]);
    expect(sideBySide("", "")).toEqual([]);
  });
});
