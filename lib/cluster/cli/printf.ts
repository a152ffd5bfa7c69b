// Just enough of Java's printf for the Kafka tools' formats: "%-Ns" pads on the right to N, "%s" as is.

/** `%-{width}s`: left-justified, padded with spaces, never truncated. */
function padRight(value: string, width: number): string {
  return value.length >= width ? value : value + " ".repeat(width - value.length);
}

/** Applies a list of column widths (null = plain %s) joined by single spaces, like "%-Gs %-Ts ... %s". */
export function formatColumns(values: readonly string[], widths: readonly (number | null)[]): string {
  return values.map((value, i) => {
    const width = widths[i];
    return width === null || width === undefined ? value : padRight(value, width);
  }).join(" ");
}
