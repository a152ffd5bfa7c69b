// The "Consistent gaps" summary, in words, read off the heat map it sits beside: the same answers
// (the map's periods), the same misses and the same threshold, so the two can never disagree.
import { CONSISTENT_GAP_MIN_ASKED } from "./gaps";
import type { HeatMap, HeatRow } from "./heat-map";

/** How many gaps the summary names; the heat map marks the rest. */
export const GAPS_NAMED = 3;

export type GapSummary =
  /** Consistent gaps: the first GAPS_NAMED are named, `more` are left to the heat map. */
  | { kind: "gaps"; headline: string; named: HeatRow[]; more: number; footnote: string | null }
  /** Points missed more often than not, but none in enough answers to call it a habit. */
  | { kind: "tentative"; headline: string; detail: string }
  /** Something missed now and then, nothing more often than not. */
  | { kind: "occasional"; headline: string }
  /** Nothing missed at all. */
  | { kind: "clear"; headline: string }
  | { kind: "empty"; headline: string };

/** "your 5 scored answers since Mar 2026": the answers both the summary and the heat map count. */
export function heatMapScope(map: Pick<HeatMap, "basedOn" | "columns">): string {
  const first = map.columns[0];
  if (!first) return "your scored answers";
  const answers = map.basedOn === 1 ? "your one scored answer" : `your ${map.basedOn.toLocaleString("en")} scored answers`;
  return `${answers} ${map.columns.length === 1 ? "in" : "since"} ${first.longLabel}`;
}

const points = (count: number) => (count === 1 ? "one point" : `${count.toLocaleString("en")} points`);

export function gapSummary(map: HeatMap): GapSummary {
  if (map.itemCount === 0) return { kind: "empty", headline: "No scored answers here yet." };
  const scope = heatMapScope(map);
  const gaps = map.consistentGaps;
  if (gaps.length > 0) {
    // Named only if the heat map draws them too, so each named figure can be found there.
    const inMap = new Set(map.rows.map((row) => row.key));
    const drawn = gaps.filter((gap) => inMap.has(gap.key));
    const named = drawn.slice(0, GAPS_NAMED);
    const more = gaps.length - named.length;
    const marked = drawn.length - named.length;
    const one = gaps.length === 1;
    return {
      kind: "gaps",
      headline: `Across ${scope}, ${one ? "one point is" : `${points(gaps.length)} are`} missed more often than not. Work ${one ? "it" : "them"} into your next answers.`,
      named,
      more,
      footnote: more === 0 ? null : marked === more ? `And ${points(more)} more, marked in the heat map below.` : `And ${points(more)} more; the heat map below marks ${points(marked)} of them.`,
    };
  }
  if (map.tentativeGaps > 0) {
    const one = map.tentativeGaps === 1;
    return {
      kind: "tentative",
      headline: `No consistent gap yet across ${scope}: a point needs at least ${CONSISTENT_GAP_MIN_ASKED} answers to its question to count as one.`,
      detail: `${one ? "One point was" : `${points(map.tentativeGaps)} were`} missed more often than not in fewer answers than that. Answer ${one ? "its question" : "those questions"} again to see whether ${one ? "it sticks" : "they stick"}; the heat map below shows what you missed.`,
    };
  }
  if (map.rows.length > 0) {
    return { kind: "occasional", headline: `No point is missed more often than not across ${scope}. The heat map below shows what slips now and then.` };
  }
  return { kind: "clear", headline: `Nothing missed across ${scope}: every required point covered, and no misconception claimed.` };
}
