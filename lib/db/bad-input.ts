// The safety net behind input validation: PostgreSQL refusing a value (a NUL byte in text, a string
// that is not a UUID) is the client's mistake, so it answers 400, not 500. Routes validate first and
// name the field; this catches whatever a route forgot.
const BAD_INPUT_SQLSTATES = new Set([
  "22021", // character_not_in_repertoire: NUL in text
  "22P02", // invalid_text_representation: e.g. not a UUID
  "22P05", // untranslatable_character
  "22001", // string_data_right_truncation
]);
// Prisma's own codes: value too long for the column, inconsistent column data (bad UUID), invalid value.
const BAD_INPUT_PRISMA_CODES = new Set(["P2000", "P2007", "P2023"]);

export function isBadInputError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === "string" && (BAD_INPUT_SQLSTATES.has(code) || BAD_INPUT_PRISMA_CODES.has(code))) return true;
  const adapter = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta?.driverAdapterError?.cause;
  if (adapter && typeof adapter.originalCode === "string" && BAD_INPUT_SQLSTATES.has(adapter.originalCode)) return true;
  const originalCode = (cause as { originalCode?: unknown } | undefined)?.originalCode;
  if (typeof originalCode === "string" && BAD_INPUT_SQLSTATES.has(originalCode)) return true;
  return isBadInputError(cause, depth + 1);
}
