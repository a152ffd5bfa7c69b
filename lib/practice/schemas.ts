// Input shapes shared by the JSON API and the forms, validated once with zod.
import { z } from "zod";
import { parseDay } from "@/lib/dates";

export const submitAttemptSchema = z
  .object({
    question: z.string({ message: "is required (a question slug such as kafka-architecture)" }).trim().min(1, "is required").max(120),
    answer: z.string({ message: "is required (the answer text)" }),
    idempotencyKey: z.string().trim().min(8, "must be 8–100 characters").max(100, "must be 8–100 characters").optional(),
    timeSpentMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).optional(),
    answerSource: z.enum(["typed", "voice"]).optional(),
  })
  .strict();

const day = z.string().transform((value, ctx) => {
  const date = parseDay(value);
  if (!date) ctx.addIssue({ code: "custom", message: "must be a real date like 2026-01-31" });
  return date ?? new Date(NaN);
});

export const listAttemptsQuerySchema = z.object({
  page: z.coerce.number().int().min(1, "must be 1 or more").default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "must be at most 100").default(20),
  question: z.string().trim().max(120).optional(),
  track: z.string().trim().max(60).optional(),
  from: day.optional(),
  // The end day is inclusive, as on the history page: everything before the next midnight.
  to: day.transform((date) => new Date(date.getTime() + 86_400_000)).optional(),
  minScore: z.coerce.number().min(0).max(10).optional(),
  maxScore: z.coerce.number().min(0).max(10).optional(),
});

/** Query strings as an object, dropping empty values (an empty filter means "any"). */
export function queryObject(url: string | URL): Record<string, string> {
  const params = new URL(url).searchParams;
  return Object.fromEntries([...params].filter(([, value]) => value.trim() !== ""));
}
