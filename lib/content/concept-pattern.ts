// The small language rubric concepts are written in, so instructors can edit them as text.
//
//   pattern := term ( "..." term )*         every term must appear, near each other (same sentence,
//                                          or within `near` words when the item sets it), any order
//   term    := alternative ( "|" alternative )*   any one alternative will do; parentheses optional
//   alternative := phrase | "{" set "}"     a phrase of words, or a synonym set from content/vocabulary/*.yml
//   word    := letters/digits/config-key characters; a trailing "*" matches any ending (partition*);
//              a lone "*" between two words stands for exactly one word of any kind ("where * left off")
//
// Examples:
//   "acks=all | acks=-1 | {all-isr-ack}"
//   "(consumer* | instances) ... partition* ... (idle | no more than | at most)"
//   "min.insync.replicas=2"
// Matching (normalisation, numbers as words, typos, negation) is the scorer's job; this module only
// parses and validates the syntax, so `npm run content:check` can point at a broken pattern.

export type ConceptAlternative = { kind: "phrase"; text: string } | { kind: "set"; name: string };
export interface ConceptTerm {
  alternatives: ConceptAlternative[];
}
export interface ConceptPattern {
  source: string;
  terms: ConceptTerm[];
}

export class PatternSyntaxError extends Error {}

const NEAR = "...";

export function parseConceptPattern(source: string): ConceptPattern {
  const trimmed = source.trim();
  if (!trimmed) throw new PatternSyntaxError("empty pattern");
  const terms = trimmed.split(NEAR).map((rawTerm, index) => parseTerm(rawTerm, index, source));
  return { source, terms };
}

function parseTerm(rawTerm: string, index: number, source: string): ConceptTerm {
  let text = rawTerm.trim();
  if (!text) throw new PatternSyntaxError(`"${source}": term ${index + 1} is empty (a "..." with nothing on one side)`);
  if (text.startsWith("(") || text.endsWith(")")) {
    if (!(text.startsWith("(") && text.endsWith(")"))) {
      throw new PatternSyntaxError(`"${source}": unbalanced parentheses in "${text}"`);
    }
    text = text.slice(1, -1).trim();
  }
  if (/[()]/.test(text)) {
    throw new PatternSyntaxError(`"${source}": parentheses can only wrap a whole term, found "${rawTerm.trim()}"`);
  }
  const alternatives = text.split("|").map((part) => parseAlternative(part.trim(), source));
  return { alternatives };
}

function parseAlternative(part: string, source: string): ConceptAlternative {
  if (!part) throw new PatternSyntaxError(`"${source}": empty alternative (check for "||" or a stray "|")`);
  const set = /^\{([a-z0-9][a-z0-9-]*)\}$/.exec(part);
  if (set?.[1]) return { kind: "set", name: set[1] };
  if (/[{}]/.test(part)) {
    throw new PatternSyntaxError(`"${source}": a synonym set must stand alone as {name}, found "${part}"`);
  }
  const words = part.split(/\s+/);
  words.forEach((word, index) => {
    if (word.slice(0, -1).includes("*")) {
      throw new PatternSyntaxError(`"${source}": "*" may only end a word, found "${word}"`);
    }
    if (word === "*" && (index === 0 || index === words.length - 1)) {
      throw new PatternSyntaxError(`"${source}": a lone "*" must sit between two words, found "${part}"`);
    }
  });
  return { kind: "phrase", text: part };
}

/** Names of every synonym set the pattern refers to. */
export function setsUsed(pattern: ConceptPattern): string[] {
  return pattern.terms.flatMap((term) =>
    term.alternatives.flatMap((alternative) => (alternative.kind === "set" ? [alternative.name] : [])),
  );
}
