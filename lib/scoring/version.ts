// Stable identifiers stored with every result, so a score can always be traced to what produced it.
// Browser-safe: the rubric editor computes versions client-side, so no node:crypto here.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { parseConceptPattern, setsUsed } from "@/lib/content/concept-pattern";
import type { Rubric, Vocabulary } from "@/lib/content/schema";

/** Bump when matching, negation, injection handling or the score formula change behaviour. */
export const RULES_VERSION = "rules-2";

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * "c-" + the first 10 hex digits of sha256 over the rubric and the synonym sets it uses, in canonical
 * JSON. Editing a pattern, weight, hint or a used synonym set changes it; reformatting the file does not.
 * Instructor versions from the database (e.g. "v3") are passed as an override instead.
 */
export function rubricContentVersion(rubric: Rubric, vocabulary: Vocabulary): string {
  const cached = versionCache.get(rubric)?.get(vocabulary);
  if (cached) return cached;
  const version = computeVersion(rubric, vocabulary);
  const byVocabulary = versionCache.get(rubric) ?? new WeakMap<Vocabulary, string>();
  byVocabulary.set(vocabulary, version);
  versionCache.set(rubric, byVocabulary);
  return version;
}

const versionCache = new WeakMap<Rubric, WeakMap<Vocabulary, string>>();

function computeVersion(rubric: Rubric, vocabulary: Vocabulary): string {
  const sets = new Set<string>();
  for (const item of rubric.items) for (const pattern of item.concept) for (const set of setsUsed(parseConceptPattern(pattern))) sets.add(set);
  const used = Object.fromEntries([...sets].sort().map((name) => [name, vocabulary[name] ?? null]));
  const json = JSON.stringify(canonical({ rubric, sets: used }));
  return `c-${bytesToHex(sha256(utf8ToBytes(json))).slice(0, 10)}`;
}
