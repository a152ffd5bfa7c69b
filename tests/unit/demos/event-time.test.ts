// Event times as the window demos write them, read by the produce form and written by the windows table.
import { describe, expect, it } from "vitest";
import { formatEventTimeShort, parseEventTime } from "@/lib/demos/event-time";

const MINUTE = 60_000;

describe("event times", () => {
  it("reads minutes and seconds as the steps write them", () => {
    expect(parseEventTime("0:40")).toBe(40_000);
    expect(parseEventTime("0:59.999")).toBe(MINUTE - 1);
    expect(parseEventTime("0:59.9")).toBe(59_900);
    expect(parseEventTime("12:00")).toBe(12 * MINUTE);
    expect(parseEventTime(" 13:00 ")).toBe(13 * MINUTE);
    expect(parseEventTime("90:00")).toBe(90 * MINUTE);
    expect(parseEventTime("1:05:00")).toBe(65 * MINUTE);
  });

  it("refuses what is not a time, and seconds or minutes past 59 where they are a part", () => {
    for (const text of ["", "40", "0:4", "0:60", "1:60:00", "abc", "-0:10", "0:10.1234", "25:00:00"]) expect(parseEventTime(text), text).toBeNull();
  });

  it("writes them back the same way", () => {
    for (const text of ["0:00", "0:40", "0:59.999", "12:00", "1:05:00"]) expect(formatEventTimeShort(parseEventTime(text)!)).toBe(text);
    expect(formatEventTimeShort(-5)).toBe("0:00");
  });
});
