// The score trend's time axis: where the ticks go and what they say. Ticks fall on round wall-clock
// times in the viewer's time zone (every 2 hours, every day, every month…), the step being the
// smallest that keeps to `maxTicks`; labels say the time within one day, the date across days, the
// month across months, and no two are ever the same.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 5 January 1970, a Monday: weekly ticks fall on Mondays. */
const FIRST_MONDAY = 4 * DAY;

export interface TimeTick {
  /** Epoch milliseconds. */
  value: number;
  label: string;
}

export interface TimeAxis {
  domain: [number, number];
  ticks: TimeTick[];
  /** The day (or days) when the ticks only say a time: "6 Dec 2025", "6–7 Dec 2025". */
  caption: string | null;
}

export interface TimeAxisOptions {
  maxTicks?: number;
  /** An IANA zone; the runtime's own when left out (the browser's, in the chart). */
  timeZone?: string;
}

type Step = { kind: "fixed"; ms: number; offset?: number } | { kind: "months"; months: number };

// From one minute to ten years; fixed steps are in wall-clock milliseconds (no DST in wall time).
const STEPS: Step[] = [
  ...[1, 2, 5, 10, 15, 30].map((minutes): Step => ({ kind: "fixed", ms: minutes * MINUTE })),
  ...[1, 2, 3, 6, 12].map((hours): Step => ({ kind: "fixed", ms: hours * HOUR })),
  { kind: "fixed", ms: DAY },
  { kind: "fixed", ms: 2 * DAY },
  { kind: "fixed", ms: 7 * DAY, offset: FIRST_MONDAY },
  { kind: "fixed", ms: 14 * DAY, offset: FIRST_MONDAY },
  ...[1, 2, 3, 6, 12, 24, 60, 120].map((months): Step => ({ kind: "months", months })),
];

interface Zone {
  /** The wall-clock time at `t`, written as if it were UTC. */
  wall(t: number): number;
  /** The instant whose wall-clock time is `w` (the later one when a clock change repeats it). */
  instant(w: number): number;
  time: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  dayYear: Intl.DateTimeFormat;
  month: Intl.DateTimeFormat;
}

const zones = new Map<string, Zone>();

function zoneFor(timeZone: string | undefined): Zone {
  const key = timeZone ?? "";
  const cached = zones.get(key);
  if (cached) return cached;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23",
  });
  const wall = (t: number) => {
    const field: Record<string, number> = {};
    for (const part of parts.formatToParts(t)) if (part.type !== "literal") field[part.type] = Number(part.value);
    const whole = Date.UTC(field.year!, field.month! - 1, field.day!, field.hour!, field.minute!, field.second!);
    return whole + (((t % 1000) + 1000) % 1000);
  };
  const zone: Zone = {
    wall,
    instant(w) {
      // The offset at a first guess, then at the instant it gives: right on either side of a change.
      const guess = w - (wall(w) - w);
      return w - (wall(guess) - guess);
    },
    time: new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    day: new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" }),
    dayYear: new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" }),
    month: new Intl.DateTimeFormat("en-GB", { timeZone, month: "short", year: "numeric" }),
  };
  zones.set(key, zone);
  return zone;
}

const wallDay = (w: number) => Math.floor(w / DAY);

/** Wall-clock tick positions of `step` in [fromW, toW]. */
function wallTicks(step: Step, fromW: number, toW: number, limit: number): number[] {
  const ticks: number[] = [];
  if (step.kind === "fixed") {
    const offset = step.offset ?? 0;
    for (let w = Math.ceil((fromW - offset) / step.ms) * step.ms + offset; w <= toW && ticks.length <= limit; w += step.ms) ticks.push(w);
    return ticks;
  }
  const from = new Date(fromW);
  let index = from.getUTCFullYear() * 12 + from.getUTCMonth();
  if (Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1) < fromW) index++;
  index = Math.ceil(index / step.months) * step.months;
  for (; ticks.length <= limit; index += step.months) {
    const w = Date.UTC(Math.floor(index / 12), index % 12, 1);
    if (w > toW) break;
    ticks.push(w);
  }
  return ticks;
}

/** The last tick of `step` at or before `w`, and the first at or after it. */
function floorTo(step: Step, w: number): number {
  const ticks = wallTicks(step, w - stepLength(step), w, 2);
  return ticks.at(-1) ?? w;
}
function ceilTo(step: Step, w: number): number {
  return wallTicks(step, w, w + stepLength(step), 1)[0] ?? w;
}
/** At least one step, whatever the month. */
const stepLength = (step: Step) => (step.kind === "fixed" ? step.ms : step.months * 31 * DAY);

/** "6 Dec 2025", "6–7 Dec 2025", "30 Nov – 1 Dec 2025", "31 Dec 2025 – 1 Jan 2026". */
function dayRange(zone: Zone, first: number, last: number): string {
  const [a, b] = [zone.dayYear.formatToParts(first), zone.dayYear.formatToParts(last)];
  const get = (parts: Intl.DateTimeFormatPart[], type: string) => parts.find((part) => part.type === type)?.value ?? "";
  const [aDay, aMonth, aYear] = [get(a, "day"), get(a, "month"), get(a, "year")];
  const [bDay, bMonth, bYear] = [get(b, "day"), get(b, "month"), get(b, "year")];
  if (aYear !== bYear) return `${aDay} ${aMonth} ${aYear} – ${bDay} ${bMonth} ${bYear}`;
  if (aMonth !== bMonth) return `${aDay} ${aMonth} – ${bDay} ${bMonth} ${bYear}`;
  if (aDay !== bDay) return `${aDay}–${bDay} ${bMonth} ${bYear}`;
  return `${bDay} ${bMonth} ${bYear}`;
}

export function timeAxis(times: readonly number[], { maxTicks = 5, timeZone }: TimeAxisOptions = {}): TimeAxis {
  const finite = times.filter(Number.isFinite);
  if (finite.length === 0) return { domain: [0, 1], ticks: [], caption: null };
  const zone = zoneFor(timeZone);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const [minW, maxW] = [zone.wall(min), zone.wall(max)];
  const oneDay = wallDay(minW) === wallDay(maxW);
  // A single moment gets an hour either side, so its dot sits in the middle rather than on an edge.
  const domain: [number, number] = min === max ? [min - HOUR, max + HOUR] : [min, max];
  const limit = Math.max(1, maxTicks);

  const span = maxW - minW;
  let chosen: { step: Step; walls: number[] } | undefined;
  for (const step of STEPS) {
    // Across a day or more, times of day would repeat: whole days at least.
    if (span >= DAY && step.kind === "fixed" && step.ms < DAY) continue;
    const walls = wallTicks(step, minW, maxW, limit);
    if (walls.length <= limit) {
      chosen = { step, walls };
      break;
    }
  }
  // A day and a half holds one midnight only: widen the axis to the whole days (weeks, months) around
  // the points, so there are dates on both sides of them rather than a single lonely tick.
  if (chosen && chosen.walls.length < 2 && span > 0 && limit >= 3) {
    const fromW = floorTo(chosen.step, minW);
    const toW = ceilTo(chosen.step, maxW);
    chosen = { step: chosen.step, walls: wallTicks(chosen.step, fromW, toW, limit) };
    domain[0] = zone.instant(fromW);
    domain[1] = zone.instant(toW);
  }
  // Steps under a day only ever cover less than a day, so a time of day cannot repeat; the tick at
  // midnight says the new date instead, and the caption says which days.
  const subDay = chosen?.step.kind === "fixed" && chosen.step.ms < DAY;
  const label = (value: number, w: number) => {
    if (oneDay) return zone.time.format(value);
    if (subDay) return w % DAY === 0 ? zone.day.format(value) : zone.time.format(value);
    if (!chosen) return zone.dayYear.format(value);
    return chosen.step.kind === "months" ? zone.month.format(value) : zone.day.format(value);
  };

  const ticks: TimeTick[] = [];
  const seen = new Set<string>();
  // Closer together than the smallest step (or one moment): the first point is the only tick.
  const points = chosen && chosen.walls.length > 0 ? chosen.walls.map((w) => ({ w, value: zone.instant(w) })) : [{ w: minW, value: min }];
  for (const { w, value } of points) {
    const text = label(value, w);
    // Round steps give distinct labels already; this guards a clock change that repeats an hour.
    if (seen.has(text) || value < domain[0] || value > domain[1]) continue;
    seen.add(text);
    ticks.push({ value, label: text });
  }
  const caption = oneDay || subDay ? dayRange(zone, min, max) : null;
  return { domain, ticks, caption };
}
