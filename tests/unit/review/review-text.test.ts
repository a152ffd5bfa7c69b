import { describe, expect, it } from "vitest";
import { changeSinceLastTime, describeReviewContext, moreCount } from "@/components/review/review-text";

describe("describeReviewContext", () => {
  it("names the last score and the points it missed, then where the review sits in today's queue", () => {
    expect(describeReviewContext({ lastScore: 4, missedCount: 2, isDue: true, dueCount: 4 })).toBe(
      "Last time you scored 4.0 and missed 2 required points. 3 more due today after this one.",
    );
    expect(describeReviewContext({ lastScore: 8.7, missedCount: 1, isDue: true, dueCount: 1 })).toBe(
      "Last time you scored 8.7 and missed 1 required point. This is the last question due today.",
    );
    expect(describeReviewContext({ lastScore: 10, missedCount: 0, isDue: false, dueCount: 0 })).toBe("Last time you scored 10.0. Nothing is due today; this is an early review.");
  });

  it("says nothing about last time when there was none", () => {
    const text = describeReviewContext({ lastScore: null, missedCount: 0, isDue: false, dueCount: 2 });
    expect(text).toBe("2 other questions are due today.");
    expect(text).not.toContain("Last time");
  });
});

describe("changeSinceLastTime", () => {
  it("compares at the one decimal both scores are shown with", () => {
    expect(changeSinceLastTime(8.7, 4)).toBe("up from 4.0 last time");
    expect(changeSinceLastTime(3.2, 6.25)).toBe("down from 6.3 last time");
    expect(changeSinceLastTime(5.04, 5)).toBe("the same as last time");
    expect(changeSinceLastTime(5, null)).toBeNull();
  });
});

describe("moreCount", () => {
  it("counts what a cut list leaves out", () => {
    expect(moreCount(8, 20)).toBe("and 12 more");
    expect(moreCount(8, 1208)).toBe("and 1,200 more");
    expect(moreCount(8, 8)).toBe("");
  });
});
