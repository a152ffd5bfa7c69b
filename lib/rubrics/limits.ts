// The limits of a rubric, in one place: the zod schema (lib/content/schema.ts), the validator's
// messages (validate.ts) and the rubric editor (components/rubric-editor) all read them from here.
// Browser-safe and import-free, so anything can depend on it without a cycle.

export const RUBRIC_LIMITS = {
  minItems: 6,
  maxItems: 12,
  labelMin: 3,
  labelMax: 120,
  weightMax: 5,
  nearMin: 2,
  nearMax: 80,
  sentenceMin: 8,
  sentenceMax: 400,
} as const;
