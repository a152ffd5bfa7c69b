// Time as a learner reads it, in one place: durations from configs, virtual time in the cluster lab, the
// lab's toolbar clock, event times of stream records, stopwatches and the time spent on an answer. Pure
// functions, no locale.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A configured duration in its largest exact unit: "250 ms", "5 s", "10 min" (as Kafka's docs write them). */
export function formatMs(ms: number): string {
  if (ms % MINUTE === 0 && ms >= MINUTE) return `${ms / MINUTE} min`;
  if (ms % SECOND === 0) return `${ms / SECOND} s`;
  return `${ms} ms`;
}

/** Virtual time as a learner reads it: "850 ms", "12.5 s", "3 min 20 s". */
export function formatVirtualTime(ms: number): string {
  if (ms < SECOND) return `${Math.round(ms)} ms`;
  if (ms < MINUTE) {
    const seconds = ms / SECOND;
    return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
  }
  const minutes = Math.floor(ms / MINUTE);
  const seconds = Math.round((ms % MINUTE) / SECOND);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** A running clock that keeps its width: always mm:ss.t. */
export function formatClock(ms: number): string {
  const tenths = Math.floor(ms / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = Math.floor((tenths % 600) / 10);
  return `${pad(minutes)}:${pad(seconds)}.${tenths % 10}`;
}

/** Whole seconds as m:ss ("0:40", "10:00"); negative input counts as 0. */
export function formatMinutesSeconds(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(seconds / 60)}:${pad(seconds % 60)}`;
}

/** Whole seconds as m:ss with a minus sign below zero ("-0:05"): a countdown that can run over. */
export function formatSignedMinutesSeconds(totalSeconds: number): string {
  return `${totalSeconds < 0 ? "-" : ""}${formatMinutesSeconds(Math.abs(totalSeconds))}`;
}

/** Time spent on an answer, to the second, leaving out a zero part: "40 s", "2 min", "2 min 5 s". */
export function formatTimeSpent(ms: number): string {
  const seconds = Math.round(ms / SECOND);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
}

/** Time spent on an answer, to the second, always as minutes and seconds: "0 min 40 s", "2 min 0 s". */
export function formatMinutesAndSeconds(ms: number): string {
  const seconds = Math.round(ms / SECOND);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** An event time (ms since the epoch of the demo) as hh:mm:ss, with milliseconds only when there are some. */
export function formatEventTime(ms: number): string {
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  const seconds = Math.floor((ms % MINUTE) / SECOND);
  const millis = ms % SECOND;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${millis ? `.${pad(millis, 3)}` : ""}`;
}
