// The score trend's time axis (lib/history/time-axis.ts): round ticks, distinct labels that fit the range.
import { describe, expect, it } from "vitest";
import { timeAxis } from "@/lib/history/time-axis";

const at = (iso: string) => Date.parse(iso);
const labels = (times: string[], options: Parameters<typeof timeAxis>[1] = { timeZone: "UTC" }) => timeAxis(times.map(at), options).ticks.map((tick) => tick.label);

describe("timeAxis", () => {
  it("labels times, not one date four times, when every attempt is on one day (the reported bug)", () => {
    const axis = timeAxis(["2025-12-06T09:02:00Z", "2025-12-06T09:40:00Z", "2025-12-06T14:10:00Z", "2025-12-06T16:30:00Z"].map(at), { timeZone: "UTC" });
    expect(axis.ticks).toEqual([
      { value: at("2025-12-06T10:00:00Z"), label: "10:00" },
      { value: at("2025-12-06T12:00:00Z"), label: "12:00" },
      { value: at("2025-12-06T14:00:00Z"), label: "14:00" },
      { value: at("2025-12-06T16:00:00Z"), label: "16:00" },
    ]);
    expect(axis.caption).toBe("6 Dec 2025");
    expect(axis.domain).toEqual([at("2025-12-06T09:02:00Z"), at("2025-12-06T16:30:00Z")]);
  });

  it("steps down to minutes for attempts minutes apart", () => {
    expect(labels(["2025-12-06T09:02:00Z", "2025-12-06T09:05:30Z"])).toEqual(["09:02", "09:03", "09:04", "09:05"]);
    expect(labels(["2025-12-06T09:00:00Z", "2025-12-06T09:50:00Z"])).toEqual(["09:00", "09:15", "09:30", "09:45"]);
  });

  it("gives a single attempt one tick at its time, centred in an hour either side", () => {
    const axis = timeAxis([at("2025-12-06T09:02:10Z")], { timeZone: "UTC" });
    expect(axis.ticks).toEqual([{ value: at("2025-12-06T09:02:10Z"), label: "09:02" }]);
    expect(axis.domain).toEqual([at("2025-12-06T08:02:10Z"), at("2025-12-06T10:02:10Z")]);
    expect(axis.caption).toBe("6 Dec 2025");
  });

  it("marks midnight with the new date when a few hours cross it", () => {
    const axis = timeAxis([at("2025-12-06T21:10:00Z"), at("2025-12-07T03:00:00Z")], { timeZone: "UTC" });
    expect(axis.ticks.map((tick) => tick.label)).toEqual(["22:00", "7 Dec", "02:00"]);
    expect(axis.caption).toBe("6–7 Dec 2025");
    expect(timeAxis([at("2025-11-30T22:00:00Z"), at("2025-12-01T02:00:00Z")], { timeZone: "UTC" }).caption).toBe("30 Nov – 1 Dec 2025");
    expect(timeAxis([at("2025-12-31T22:00:00Z"), at("2026-01-01T02:00:00Z")], { timeZone: "UTC" }).caption).toBe("31 Dec 2025 – 1 Jan 2026");
  });

  it("labels dates across days, Mondays across weeks, months across months", () => {
    expect(labels(["2025-12-01T09:00:00Z", "2025-12-06T15:00:00Z"])).toEqual(["2 Dec", "3 Dec", "4 Dec", "5 Dec", "6 Dec"]);
    expect(labels(["2025-11-10T09:00:00Z", "2025-12-06T15:00:00Z"])).toEqual(["17 Nov", "24 Nov", "1 Dec"]);
    expect(labels(["2025-09-10T09:00:00Z", "2025-12-06T15:00:00Z"])).toEqual(["Oct 2025", "Nov 2025", "Dec 2025"]);
    expect(labels(["2023-01-10T09:00:00Z", "2025-12-06T15:00:00Z"])).toEqual(["Jul 2023", "Jan 2024", "Jul 2024", "Jan 2025", "Jul 2025"]);
    expect(timeAxis([at("2025-12-01T09:00:00Z"), at("2025-12-06T15:00:00Z")], { timeZone: "UTC" }).caption).toBeNull();
  });

  it("widens a day and a bit to the whole days around it, so there are dates on both sides", () => {
    const axis = timeAxis([at("2025-12-06T09:00:00Z"), at("2025-12-07T15:00:00Z")], { timeZone: "UTC" });
    expect(axis.ticks.map((tick) => tick.label)).toEqual(["6 Dec", "7 Dec", "8 Dec"]);
    expect(axis.domain).toEqual([at("2025-12-06T00:00:00Z"), at("2025-12-08T00:00:00Z")]);
  });

  it("follows the viewer's time zone: days and hours are theirs", () => {
    const times = ["2025-12-06T02:00:00Z", "2025-12-06T04:30:00Z"];
    expect(labels(times, { timeZone: "America/New_York" })).toEqual(["21:00", "22:00", "23:00"]);
    expect(timeAxis(times.map(at), { timeZone: "America/New_York" }).caption).toBe("5 Dec 2025");
    expect(labels(times, { timeZone: "Asia/Kolkata" })).toEqual(["08:00", "09:00", "10:00"]); // a half-hour offset, round hours still
  });

  it("keeps labels distinct across clock changes", () => {
    const back = labels(["2026-10-25T00:10:00Z", "2026-10-25T02:50:00Z"], { timeZone: "Europe/London" });
    expect(new Set(back).size).toBe(back.length);
    expect(labels(["2026-03-29T00:10:00Z", "2026-03-29T03:50:00Z"], { timeZone: "Europe/London" })).toEqual(["02:00", "03:00", "04:00"]);
  });

  it("has no ticks without times", () => {
    expect(timeAxis([])).toMatchObject({ ticks: [], caption: null });
  });

  it("holds for any range: distinct labels, ascending ticks inside the domain, at most maxTicks", () => {
    let state = 2025;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const zones = ["UTC", "Europe/London", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"];
    const spans = [0, 30_000, 5 * 60_000, 3_600_000, 10 * 3_600_000, 86_400_000, 3 * 86_400_000, 40 * 86_400_000, 400 * 86_400_000, 3000 * 86_400_000];
    for (let trial = 0; trial < 600; trial++) {
      const start = Date.UTC(2020, 0, 1) + Math.floor(random() * 8 * 365 * 86_400_000);
      const span = spans[trial % spans.length]! * (0.5 + random());
      const times = [start, start + span * random(), start + span];
      const maxTicks = 2 + Math.floor(random() * 6);
      const timeZone = zones[Math.floor(random() * zones.length)]!;
      const axis = timeAxis(times, { maxTicks, timeZone });
      const context = JSON.stringify({ times, maxTicks, timeZone, ticks: axis.ticks });
      expect(axis.ticks.length, context).toBeGreaterThanOrEqual(1);
      expect(axis.ticks.length, context).toBeLessThanOrEqual(maxTicks);
      expect(new Set(axis.ticks.map((tick) => tick.label)).size, context).toBe(axis.ticks.length);
      for (let index = 1; index < axis.ticks.length; index++) expect(axis.ticks[index]!.value, context).toBeGreaterThan(axis.ticks[index - 1]!.value);
      for (const tick of axis.ticks) {
        expect(tick.value, context).toBeGreaterThanOrEqual(axis.domain[0]);
        expect(tick.value, context).toBeLessThanOrEqual(axis.domain[1]);
      }
      expect(axis.domain[0]).toBeLessThanOrEqual(Math.min(...times));
      expect(axis.domain[1]).toBeGreaterThanOrEqual(Math.max(...times));
      // Within one day the ticks are times; across days, never a bare time without its date nearby.
      if (axis.caption === null) expect(axis.ticks.every((tick) => !/^\d\d:\d\d$/.test(tick.label)), context).toBe(true);
    }
  });
});
