// Request bodies of the instructor API, validated with the field they name on failure. The rubric
// itself is checked by lib/rubrics (all issues at once, with paths), so here it is just "present".
import { z } from "zod";
import { MAX_ANSWER_CHARS } from "@/lib/scoring/rules";

const version = z.number({ message: "must be a version number" }).int().positive();
const note = z.string().max(500, "must be at most 500 characters").optional().nullable();

export const saveVersionBody = z.object({ baseVersion: version, rubric: z.unknown().refine((value) => value !== undefined, "is required"), note });
export const revertBody = z.object({ baseVersion: version, note });
export const importBody = z.object({ markdown: z.string().min(1, "is empty: paste or upload the question's markdown file"), baseVersion: version, note });
export const benchBody = z.object({
  rubric: z.unknown().refine((value) => value !== undefined, "is required"),
  attemptIds: z.array(z.string()).max(50, "at most 50 attempts per run").optional(),
});
export const gradedSampleBody = z.object({
  label: z.string({ message: "is required" }).trim().min(1, "is required: a few words that say what kind of answer this is").max(120, "must be at most 120 characters"),
  text: z.string({ message: "is required" }).trim().min(1, "is required: paste the answer to grade").max(MAX_ANSWER_CHARS, `must be at most ${MAX_ANSWER_CHARS.toLocaleString("en")} characters`),
  expectedScore: z
    .number({ message: "must be a number from 0 to 10" })
    .min(0, "must be a number from 0 to 10")
    .max(10, "must be a number from 0 to 10")
    .refine((score) => Number.isInteger(score * 2), "must be a whole or half point (e.g. 6 or 6.5)"),
});
export const overrideBody = z.object({ score: z.number({ message: "must be a number from 0 to 10" }), comment: z.string() });

/** Route segment `[version]` → a positive integer, or null. */
export function parseVersionParam(raw: string): number | null {
  return /^[1-9][0-9]{0,6}$/.test(raw) ? Number(raw) : null;
}
