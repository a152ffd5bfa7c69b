// Small wording helpers shared by every part of the app that writes sentences about counts.

/** "1 record", "3 records"; pass the plural when it is not the singular plus "s" ("1 copy", "2 copies"). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** plural with the count grouped in thousands, for counts that grow large: "1 attempt", "12,500 attempts". */
export function pluralGrouped(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? singular : pluralForm}`;
}

