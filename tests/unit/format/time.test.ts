// The one home of time formatting: config durations, virtual time, the lab clock, stopwatches, event times.
import { describe, expect, it } from "vitest";
import {
  formatClock,
  formatEventTime,
  formatMinutesAndSeconds,
  formatMinutesSeconds,
  formatMs,
  formatSignedMinutesSeconds,
  formatTimeSpent,
  formatVirtualTime,
} from "@/lib/format/time";

describe("formatMs: a configured duration in its largest exact unit", () => {
  it.each([
    [0, "0 s"],
    [250, "250 ms"],
    [1500, "1500 ms"],
    [2000, "2 s"],
    [30_000, "30 s"],
    [90_000, "90 s"],
    [60_000, "1 min"],
    [600_000, "10 min"],
    [3_600_000, "60 min"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});

describe("formatVirtualTime: the lab's and the walkthrough's time stamps", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [999.6, "1000 ms"],
    [1000, "1 s"],
    [1250, "1.3 s"],
    [12_500, "12.5 s"],
    [59_000, "59 s"],
    [60_000, "1 min"],
    [200_000, "3 min 20 s"],
    [3_600_000, "60 min"],
  ])("%d ms → %s", (ms, text) => {
    expect(formatVirtualTime(ms)).toBe(text);
  });
});

describe("formatClock: a running clock of fixed width", () => {
  it.each([
    [0, "00:00.0"],
    [99, "00:00.0"],
    [61_234, "01:01.2"],
    [600_000, "10:00.0"],
    [6_000_000, "100:00.0"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});

describe("formatMinutesSeconds: a stopwatch in whole seconds", () => {
  it.each([
    [0, "0:00"],
    [-5, "0:00"],
    [40, "0:40"],
    [75.9, "1:15"],
    [600, "10:00"],
  ])("%d s → %s", (seconds, text) => {
    expect(formatMinutesSeconds(seconds)).toBe(text);
  });
});

describe("formatEventTime: event time as hh:mm:ss", () => {
  it.each([
    [0, "00:00:00"],
    [5 * 60_000, "00:05:00"],
    [59_999, "00:00:59.999"],
    [3_600_000 + 61_005, "01:01:01.005"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatEventTime(ms)).toBe(text);
  });
});

describe("formatSignedMinutesSeconds: a countdown that can run over", () => {
  it.each([
    [0, "0:00"],
    [5, "0:05"],
    [-5, "-0:05"],
    [600, "10:00"],
    [-61, "-1:01"],
  ])("%d s → %s", (seconds, text) => {
    expect(formatSignedMinutesSeconds(seconds)).toBe(text);
  });
});

describe("formatTimeSpent: time on an answer, without a zero part", () => {
  it.each([
    [400, "0 s"],
    [40_000, "40 s"],
    [59_499, "59 s"],
    [59_500, "1 min"],
    [120_000, "2 min"],
    [125_400, "2 min 5 s"],
    [3_600_000, "60 min"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatTimeSpent(ms)).toBe(text);
  });
});

describe("formatMinutesAndSeconds: time on an answer, always in minutes and seconds", () => {
  it.each([
    [400, "0 min 0 s"],
    [40_000, "0 min 40 s"],
    [120_000, "2 min 0 s"],
    [125_600, "2 min 6 s"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatMinutesAndSeconds(ms)).toBe(text);
  });
});
