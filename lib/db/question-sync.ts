// Mirrors the markdown question bank into Postgres, keyed by slug. Attempts and scores point at
// these rows, so a question that disappears from content/ is archived, never deleted, and a rubric
// that changes in the markdown becomes a new rubric version instead of rewriting the old one.
import type { ContentBank, Question } from "@/lib/content/load";
import { canonicalJson, sha256 } from "@/lib/content/fingerprint";
import type { Db } from "./prisma";
import { ACTIVE_FIRST } from "./active-version";

export interface SyncReport {
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
  rubricVersionsAdded: number;
}

export async function syncQuestionBank(db: Db, bank: Pick<ContentBank, "questions">): Promise<SyncReport> {
  const report: SyncReport = { created: 0, updated: 0, unchanged: 0, archived: 0, rubricVersionsAdded: 0 };
  const existing = await db.question.findMany({
    select: {
      id: true,
      slug: true,
      contentHash: true,
      archivedAt: true,
      rubricVersions: { where: { source: "content" }, orderBy: { version: "desc" }, take: 1, select: { rubricHash: true } },
    },
  });
  // Questions whose active rubric is an instructor's: a changed markdown rubric is added as a new
  // version but not published over the instructor's work (they can compare and publish it).
  const instructorActive = await db.rubricVersion.findMany({
    where: { publishedAt: { not: null } },
    orderBy: ACTIVE_FIRST,
    distinct: ["questionId"],
    select: { questionId: true, source: true },
  });
  const bySlug = new Map(existing.map((row) => [row.slug, row]));
  const activeIsInstructors = new Set(instructorActive.filter((row) => row.source === "instructor").map((row) => row.questionId));
  const now = new Date();

  for (const question of bank.questions) {
    const row = bySlug.get(question.slug);
    if (row && row.contentHash === question.contentHash && !row.archivedAt) {
      report.unchanged++;
      continue;
    }
    const rubricHash = sha256(canonicalJson(question.rubric));
    await db.$transaction(async (tx) => {
      const saved = await tx.question.upsert({
        where: { slug: question.slug },
        create: { slug: question.slug, ...questionFields(question), syncedAt: now },
        update: { ...questionFields(question), syncedAt: now, archivedAt: null },
      });
      if (row?.rubricVersions[0]?.rubricHash === rubricHash) return;
      const keepInstructors = activeIsInstructors.has(saved.id);
      const latest = await tx.rubricVersion.aggregate({ where: { questionId: saved.id }, _max: { version: true } });
      await tx.rubricVersion.create({
        data: {
          questionId: saved.id,
          version: (latest._max.version ?? 0) + 1,
          source: "content",
          rubric: question.rubric,
          rubricHash,
          note: !row
            ? `Initial rubric from ${question.sourcePath}`
            : keepInstructors
              ? `Synced from ${question.sourcePath}; not published, because an instructor's version is active`
              : `Synced from ${question.sourcePath}`,
          publishedAt: keepInstructors ? null : now,
        },
      });
      report.rubricVersionsAdded++;
    });
    if (row) report.updated++;
    else report.created++;
  }

  const present = new Set(bank.questions.map((question) => question.slug));
  const gone = existing.filter((row) => !present.has(row.slug) && !row.archivedAt).map((row) => row.id);
  if (gone.length > 0) {
    const result = await db.question.updateMany({ where: { id: { in: gone } }, data: { archivedAt: now } });
    report.archived = result.count;
  }
  return report;
}

function questionFields(question: Question) {
  return {
    title: question.title,
    track: question.track,
    level: question.level,
    tags: question.tags,
    timeBudgetMinutes: question.timeBudgetMinutes,
    demoScenario: question.demo,
    sourcePath: question.sourcePath,
    contentHash: question.contentHash,
  };
}
