import type { Prisma } from "./generated/client";

/**
 * A question's active rubric version is the one published most recently, so publishing an older
 * version (or a revert) makes it active again. Use as `orderBy` on rubric versions.
 */
export const ACTIVE_FIRST = [{ publishedAt: { sort: "desc", nulls: "last" } }, { version: "desc" }] satisfies Prisma.RubricVersionOrderByWithRelationInput[];
