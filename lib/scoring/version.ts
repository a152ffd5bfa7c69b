// Stable identifiers stored with every result, so a score can always be traced to what produced it.
// Browser-safe: the rubric editor computes versions client-side, so no node:crypto here.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { parseConceptPattern, setsUsed } from "@/lib/content/concept-pattern";
import type { ClaimCatalogue } from "@/lib/content/claims";
import type { Rubric, Vocabulary } from "@/lib/content/schema";

/** Bump when matching, negation, stance, depth, injection handling or the score formula change behaviour. */
export const RULES_VERSION = "rules-18";

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
 * "c-" + the first 10 hex digits of sha256 over the rubric, the false-claim catalogue it is scored with
 * and the synonym sets both use, in canonical JSON. Editing a pattern, weight, hint, claim or a used
 * synonym set changes it; reformatting a file does not. Instructor versions from the database (e.g.
 * "v3") are passed as an override instead.
 */
export function rubricContentVersion(rubric: Rubric, vocabulary: Vocabulary, claims: ClaimCatalogue): string {
  if (claims.length === 0) claims = NO_CLAIMS;
  let byVocabulary = versionCache.get(rubric);
  if (!byVocabulary) versionCache.set(rubric, (byVocabulary = new WeakMap()));
  let byClaims = byVocabulary.get(vocabulary);
  if (!byClaims) byVocabulary.set(vocabulary, (byClaims = new WeakMap()));
  let version = byClaims.get(claims);
  if (!version) byClaims.set(claims, (version = computeVersion(rubric, vocabulary, claims)));
  return version;
}

const NO_CLAIMS: ClaimCatalogue = [];
const versionCache = new WeakMap<Rubric, WeakMap<Vocabulary, WeakMap<ClaimCatalogue, string>>>();

function computeVersion(rubric: Rubric, vocabulary: Vocabulary, claims: ClaimCatalogue): string {
  const sets = new Set<string>();
  for (const pattern of rubric.items.flatMap((item) => item.concept)) for (const set of setsUsed(parseConceptPattern(pattern))) sets.add(set);
  const used = Object.fromEntries([...sets].sort().map((name) => [name, vocabulary[name] ?? null]));
  const json = JSON.stringify(canonical({ rubric, sets: used, ...(claims.length ? { catalogue: catalogueDigest(claims, vocabulary) } : {}) }));
  return `c-${hex(json)}`;
}

// The catalogue is shared by every rubric and large; the editor versions a new draft on each keystroke,
// so its part of the hash is computed once per (catalogue, vocabulary) pair.
const digestCache = new WeakMap<ClaimCatalogue, WeakMap<Vocabulary, string>>();

function catalogueDigest(claims: ClaimCatalogue, vocabulary: Vocabulary): string {
  let byVocabulary = digestCache.get(claims);
  if (!byVocabulary) digestCache.set(claims, (byVocabulary = new WeakMap()));
  let digest = byVocabulary.get(vocabulary);
  if (digest) return digest;
  const sets = new Set<string>();
  for (const pattern of claims.flatMap((claim) => claim.concept)) for (const set of setsUsed(parseConceptPattern(pattern))) sets.add(set);
  const used = Object.fromEntries([...sets].sort().map((name) => [name, vocabulary[name] ?? null]));
  const catalogue = claims.map((claim) => ({ id: claim.id, weight: claim.weight, concept: claim.concept, near: claim.near ?? null, correction: claim.correction, claim: claim.claim }));
  digest = bytesToHex(sha256(utf8ToBytes(JSON.stringify(canonical({ catalogue, sets: used })))));
  byVocabulary.set(vocabulary, digest);
  return digest;
}

function hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, 10);
}
