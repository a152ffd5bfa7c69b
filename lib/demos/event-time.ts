// Event times as the window demos write them: minutes and seconds since the demo's epoch ("0:40",
// "12:00", "0:59.999"), with hours in front past an hour ("1:05:00"). The produce form reads them and
// the windows table writes them, so what a learner types is what the steps say.
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The longest event time the form accepts: a day. */
export const MAX_EVENT_TIME_MS = 24 * HOUR;

/** "m:ss", "m:ss.SSS" or "h:mm:ss[.SSS]" → milliseconds; null when it is not one of those. */
export function parseEventTime(text: string): number | null {
  const match = /^\s*(?:(\d{1,2}):(?=\d{2}:))?(\d{1,4}):(\d{2})(?:\.(\d{1,3}))?\s*$/.exec(text);
  if (!match) return null;
  const [, hours, minutes, seconds, fraction] = match;
  if (Number(seconds) > 59 || (hours !== undefined && Number(minutes) > 59)) return null;
  const ms = Number(hours ?? 0) * HOUR + Number(minutes) * MINUTE + Number(seconds) * SECOND + Number((fraction ?? "").padEnd(3, "0"));
  return ms <= MAX_EVENT_TIME_MS ? ms : null;
}

/** Milliseconds → "0:40", "0:59.999", "13:00", "1:05:00". */
export function formatEventTimeShort(ms: number): string {
  const whole = Math.max(0, Math.floor(ms));
  const hours = Math.floor(whole / HOUR);
  const minutes = Math.floor((whole % HOUR) / MINUTE);
  const seconds = Math.floor((whole % MINUTE) / SECOND);
  const millis = whole % SECOND;
  const tail = `${String(seconds).padStart(2, "0")}${millis ? `.${String(millis).padStart(3, "0")}` : ""}`;
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${tail}` : `${minutes}:${tail}`;
}
