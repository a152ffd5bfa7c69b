// What changed between two rubric versions: per item (matched by id) for the history view and audit
// log, and line by line for the side-by-side YAML view. Browser-safe.
import { diffLines } from "diff";
import type { Rubric, RubricItem } from "@/lib/content/schema";
import { plural } from "@/lib/format/text";
import { RUBRIC_ITEM_FIELDS } from "./validate";

export interface ItemChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RubricDiff {
  added: RubricItem[];
  removed: RubricItem[];
  /** Items present in both versions (same id) whose fields differ, in the new version's order. */
  changed: Array<{ id: string; label: string; changes: ItemChange[] }>;
  /** True when the items kept from the old version appear in a different order. */
  reordered: boolean;
  /** Items present in both versions with every field equal. */
  unchanged: number;
  identical: boolean;
}

export function diffRubrics(before: Rubric, after: Rubric): RubricDiff {
  const beforeById = new Map(before.items.map((item) => [item.id, item]));
  const afterIds = new Set(after.items.map((item) => item.id));
  const added = after.items.filter((item) => !beforeById.has(item.id));
  const removed = before.items.filter((item) => !afterIds.has(item.id));
  const changed: RubricDiff["changed"] = [];
  let unchanged = 0;
  for (const item of after.items) {
    const old = beforeById.get(item.id);
    if (!old) continue;
    const changes: ItemChange[] = [];
    for (const field of RUBRIC_ITEM_FIELDS) {
      if (field === "id") continue;
      if (!sameValue(old[field], item[field])) changes.push({ field, before: old[field], after: item[field] });
    }
    if (changes.length > 0) changed.push({ id: item.id, label: item.label, changes });
    else unchanged++;
  }
  const keptBefore = before.items.map((item) => item.id).filter((id) => afterIds.has(id));
  const keptAfter = after.items.map((item) => item.id).filter((id) => beforeById.has(id));
  const reordered = keptBefore.some((id, index) => keptAfter[index] !== id);
  return { added, removed, changed, reordered, unchanged, identical: added.length === 0 && removed.length === 0 && changed.length === 0 && !reordered };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => value === b[index]);
  return a === b;
}

/**
 * One line for audit logs and conflict messages, e.g.
 * "added 1 item (rf-three), removed 0, changed 2 (weight of acks-all, concept of isr)".
 */
export function summariseDiff(diff: RubricDiff): string {
  if (diff.identical) return "no changes";
  const ids = (items: RubricItem[]) => (items.length > 0 ? ` (${shortList(items.map((item) => item.id))})` : "");
  const changes = diff.changed.map(({ id, changes }) => `${joinFields(changes.map((change) => change.field))} of ${id}`);
  const parts = [
    `added ${plural(diff.added.length, "item")}${ids(diff.added)}`,
    `removed ${diff.removed.length}${ids(diff.removed)}`,
    `changed ${diff.changed.length}${changes.length > 0 ? ` (${shortList(changes)})` : ""}`,
  ];
  if (diff.reordered) parts.push("reordered");
  return parts.join(", ");
}

function joinFields(fields: string[]): string {
  return fields.length <= 1 ? (fields[0] ?? "") : `${fields.slice(0, -1).join(", ")} and ${fields.at(-1)}`;
}

function shortList(entries: string[], max = 4): string {
  return entries.length <= max ? entries.join(", ") : `${entries.slice(0, max).join(", ")} and ${entries.length - max} more`;
}

export interface DiffRow {
  kind: "same" | "added" | "removed" | "changed";
  left: { line: number; text: string } | null;
  right: { line: number; text: string } | null;
}

/**
 * A side-by-side line diff: unchanged lines pair up, a run of removed lines followed by a run of added
 * lines pairs row by row into "changed" rows, and what is left over of either run stands alone.
 */
export function sideBySide(beforeText: string, afterText: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let leftLine = 1;
  let rightLine = 1;
  let pendingRemoved: string[] = [];
  const flushRemoved = () => {
    for (const text of pendingRemoved) rows.push({ kind: "removed", left: { line: leftLine++, text }, right: null });
    pendingRemoved = [];
  };
  for (const change of diffLines(beforeText, afterText, { ignoreNewlineAtEof: true, stripTrailingCr: true })) {
    const lines = splitLines(change.value);
    if (change.removed) {
      flushRemoved();
      pendingRemoved = lines;
    } else if (change.added) {
      const paired = Math.min(pendingRemoved.length, lines.length);
      for (let index = 0; index < paired; index++) {
        rows.push({ kind: "changed", left: { line: leftLine++, text: pendingRemoved[index]! }, right: { line: rightLine++, text: lines[index]! } });
      }
      for (const text of pendingRemoved.slice(paired)) rows.push({ kind: "removed", left: { line: leftLine++, text }, right: null });
      for (const text of lines.slice(paired)) rows.push({ kind: "added", left: null, right: { line: rightLine++, text } });
      pendingRemoved = [];
    } else {
      flushRemoved();
      for (const text of lines) rows.push({ kind: "same", left: { line: leftLine++, text }, right: { line: rightLine++, text } });
    }
  }
  flushRemoved();
  return rows;
}

function splitLines(value: string): string[] {
  const lines = value.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
