// Row ids are UUIDs. A 36-character string of hex digits and dashes in the wrong places is not one,
// and PostgreSQL rejects it with an error; check the shape first so a bad id answers 404, not 500.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
