import { createHash } from "node:crypto";

/** JSON with sorted keys, so equal values always serialise (and hash) the same way. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
