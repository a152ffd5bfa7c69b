// Calendar days as they appear in URLs and forms (YYYY-MM-DD), read as UTC midnights.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day (YYYY-MM-DD) as UTC midnight, or null when it is not a real day (2026-02-31). */
export function parseDay(value: string): Date | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 2000 || year > 2100) return null;
  return date;
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
