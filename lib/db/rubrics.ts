// Rubric versions as instructors manage them. Every change is a new immutable row: a save, an import
// and a revert each add version N+1 on top of the version the instructor started from (optimistic
// concurrency: a save on a stale base is a 409 that shows both sides, and nothing is overwritten).
// Publishing makes a version active and queues the re-score of past attempts (lib/practice/rescore.ts).
import "server-only";
import { getContentBank } from "@/lib/content/bank";
import { canonicalJson, sha256 } from "@/lib/content/fingerprint";
import { rubricSchema, type Rubric } from "@/lib/content/schema";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format/text";
import { diffRubrics, summariseDiff, validateRubricDraft } from "@/lib/rubrics";
import { ACTIVE_FIRST } from "./active-version";
import { recordAudit } from "./audit";
import type { Prisma } from "./generated/client";
import type { Db } from "./prisma";
import { forgetLiveVersion } from "./questions";

export interface VersionSummary {
  id: string;
  version: number;
  source: "content" | "instructor";
  note: string | null;
  authorName: string | null;
  createdAt: Date;
  publishedAt: Date | null;
  isActive: boolean;
  isLatest: boolean;
  revertedFromVersion: number | null;
}

export interface VersionDetail extends VersionSummary {
  rubric: Rubric;
}

const versionFields = {
  id: true,
  version: true,
  source: true,
  note: true,
  createdAt: true,
  publishedAt: true,
  revertedFromVersion: true,
  rubric: true,
  rubricHash: true,
  author: { select: { name: true } },
} satisfies Prisma.RubricVersionSelect;

type VersionRow = Prisma.RubricVersionGetPayload<{ select: typeof versionFields }>;

function activeOf(rows: VersionRow[]): VersionRow | undefined {
  return rows
    .filter((row) => row.publishedAt)
    .sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || b.version - a.version)[0];
}

function toDetail(row: VersionRow, activeId: string | undefined, latestVersion: number): VersionDetail {
  return {
    id: row.id,
    version: row.version,
    source: row.source,
    note: row.note,
    authorName: row.author?.name ?? null,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    isActive: row.id === activeId,
    isLatest: row.version === latestVersion,
    revertedFromVersion: row.revertedFromVersion,
    rubric: rubricSchema.parse(row.rubric),
  };
}

function toSummary(detail: VersionDetail): VersionSummary {
  const { rubric: _rubric, ...summary } = detail;
  return summary;
}

async function questionRow(db: Db | Prisma.TransactionClient, slug: string) {
  const row = await db.question.findFirst({ where: { slug, archivedAt: null }, select: { id: true, slug: true, title: true, track: true, level: true, sourcePath: true } });
  if (!row) throw new AppError("not_found", `There is no question "${slug}".`);
  return row;
}

async function versionRows(db: Db | Prisma.TransactionClient, questionId: string) {
  return db.rubricVersion.findMany({ where: { questionId }, orderBy: { version: "desc" }, select: versionFields });
}

function details(rows: VersionRow[]): VersionDetail[] {
  const active = activeOf(rows);
  const latest = rows[0]?.version ?? 0;
  return rows.map((row) => toDetail(row, active?.id, latest));
}

export async function getRubricWorkspace(db: Db, { slug }: { slug: string }) {
  const bankQuestion = getContentBank().questions.find((question) => question.slug === slug);
  const row = await db.question.findFirst({ where: { slug, archivedAt: null }, select: { id: true, slug: true, title: true, track: true, level: true, sourcePath: true } });
  if (!row || !bankQuestion) return null;
  const all = details(await versionRows(db, row.id));
  const active = all.find((version) => version.isActive);
  const latest = all[0];
  if (!active || !latest) return null;
  return {
    question: { ...row, prompt: bankQuestion.prompt, modelAnswer: bankQuestion.modelAnswer },
    active,
    latest,
    versions: all.map(toSummary),
  };
}

export async function getRubricVersion(db: Db, { slug, version }: { slug: string; version: number }): Promise<VersionDetail | null> {
  const row = await db.question.findFirst({ where: { slug, archivedAt: null }, select: { id: true } });
  if (!row) return null;
  return details(await versionRows(db, row.id)).find((detail) => detail.version === version) ?? null;
}

export type RubricAction = "rubric.save" | "rubric.import" | "rubric.revert";

export interface SaveRubricInput {
  slug: string;
  /** The version the instructor started from; the save is refused (409) when it is no longer the latest. */
  baseVersion: number;
  rubric: unknown;
  note?: string | null;
  actorId: string;
  action?: RubricAction;
  revertedFromVersion?: number;
}

/** Throws AppError bad_request with `details.issues` for an invalid rubric, conflict (409) for a stale base. */
export async function saveRubricVersion(db: Db, input: SaveRubricInput): Promise<VersionDetail> {
  const check = validateRubricDraft(input.rubric, getContentBank().vocabulary);
  if (!check.ok) {
    const first = check.issues[0]!;
    throw new AppError("bad_request", check.issues.length === 1 ? first.message : `${first.message} (and ${check.issues.length - 1} more)`, {
      field: "rubric",
      details: { issues: check.issues },
    });
  }
  const rubric = check.rubric;
  const rubricHash = sha256(canonicalJson(rubric));
  const note = input.note?.trim() || null;
  if (note && note.length > 500) throw new AppError("bad_request", "The note is longer than 500 characters.", { field: "note" });

  return db.$transaction(async (tx) => {
    const question = await questionRow(tx, input.slug);
    // Serialises saves on one question, so two saves on the same base cannot both pass the check.
    await tx.$queryRaw`SELECT id FROM "Question" WHERE id = ${question.id}::uuid FOR UPDATE`;
    const rows = await versionRows(tx, question.id);
    const all = details(rows);
    const latest = all[0]!;
    const base = all.find((version) => version.version === input.baseVersion);
    if (!base) throw new AppError("bad_request", `Version ${input.baseVersion} of "${input.slug}" does not exist.`, { field: "baseVersion" });
    if (latest.version !== input.baseVersion) {
      const theirs = diffRubrics(base.rubric, latest.rubric);
      throw new AppError(
        "conflict",
        `Version ${latest.version} was saved${latest.authorName ? ` by ${latest.authorName}` : ""} after you started from version ${input.baseVersion} (${summariseDiff(theirs)}). Nothing was overwritten: review both changes, then save on top of version ${latest.version}.`,
        { field: "baseVersion", details: { baseVersion: input.baseVersion, latest, theirs, yours: diffRubrics(base.rubric, rubric) } },
      );
    }
    if (rows[0]!.rubricHash === rubricHash) {
      throw new AppError("bad_request", `This rubric is identical to version ${latest.version}: there is nothing new to save.`, { field: "rubric" });
    }
    const created = await tx.rubricVersion.create({
      data: {
        questionId: question.id,
        version: latest.version + 1,
        source: "instructor",
        rubric,
        rubricHash,
        note,
        authorId: input.actorId,
        revertedFromVersion: input.revertedFromVersion ?? null,
      },
      select: versionFields,
    });
    const action = input.action ?? "rubric.save";
    const change = summariseDiff(diffRubrics(latest.rubric, rubric));
    const verb = action === "rubric.revert" ? `Reverted to v${input.revertedFromVersion} as` : action === "rubric.import" ? "Imported" : "Saved";
    await recordAudit(tx, {
      actorId: input.actorId,
      action,
      questionId: question.id,
      rubricVersionId: created.id,
      summary: `${verb} v${created.version} of ${question.slug}: ${change}`,
      details: { version: created.version, baseVersion: input.baseVersion, note, revertedFromVersion: input.revertedFromVersion ?? null },
    });
    const activeId = all.find((version) => version.isActive)?.id;
    return toDetail(created, activeId, created.version);
  });
}

export async function revertRubricVersion(db: Db, input: { slug: string; toVersion: number; baseVersion: number; actorId: string; note?: string | null }) {
  const target = await getRubricVersion(db, { slug: input.slug, version: input.toVersion });
  if (!target) throw new AppError("not_found", `Version ${input.toVersion} of "${input.slug}" does not exist.`);
  return saveRubricVersion(db, {
    slug: input.slug,
    baseVersion: input.baseVersion,
    rubric: target.rubric,
    note: input.note?.trim() || `Revert to v${input.toVersion}`,
    actorId: input.actorId,
    action: "rubric.revert",
    revertedFromVersion: input.toVersion,
  });
}

/** The attempts a publish re-scores: every scored first answer to the question (follow-ups have no rubric). */
export function countAttemptsToRescore(db: Db | Prisma.TransactionClient, question: { id: string } | { slug: string }): Promise<number> {
  const which = "id" in question ? { questionId: question.id } : { question: { slug: question.slug } };
  return db.attempt.count({ where: { ...which, parentAttemptId: null, status: "scored" } });
}

export interface PublishOutcome {
  version: number;
  rescoreJobId: string | null;
  attemptsToRescore: number;
}

/**
 * Makes a version active and, when the question has scored attempts, creates the re-score job.
 * `enqueue` hands the job to the queue once the transaction has committed.
 */
export async function publishRubricVersion(
  db: Db,
  { slug, version, actorId }: { slug: string; version: number; actorId: string },
  enqueue: (rescoreJobId: string) => Promise<void>,
): Promise<PublishOutcome> {
  const outcome = await db.$transaction(async (tx) => {
    const question = await questionRow(tx, slug);
    await tx.$queryRaw`SELECT id FROM "Question" WHERE id = ${question.id}::uuid FOR UPDATE`;
    const all = details(await versionRows(tx, question.id));
    const target = all.find((detail) => detail.version === version);
    if (!target) throw new AppError("not_found", `Version ${version} of "${slug}" does not exist.`);
    if (target.isActive) throw new AppError("conflict", `Version ${version} is already the active rubric of "${slug}".`);
    const previous = all.find((detail) => detail.isActive);
    await tx.rubricVersion.update({ where: { id: target.id }, data: { publishedAt: new Date() } });
    await recordAudit(tx, {
      actorId,
      action: "rubric.publish",
      questionId: question.id,
      rubricVersionId: target.id,
      summary: `Published v${version} of ${slug}${previous ? ` (was v${previous.version})` : ""}`,
      details: { version, previousVersion: previous?.version ?? null },
    });
    const attemptsToRescore = await countAttemptsToRescore(tx, { id: question.id });
    if (attemptsToRescore === 0) return { version, rescoreJobId: null, attemptsToRescore };
    const job = await tx.rescoreJob.create({
      data: { questionId: question.id, rubricVersionId: target.id, total: attemptsToRescore, requestedById: actorId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "rescore.start",
      questionId: question.id,
      rubricVersionId: target.id,
      summary: `Started re-scoring ${plural(attemptsToRescore, "attempt")} of ${slug} under v${version}`,
      details: { rescoreJobId: job.id, total: attemptsToRescore },
    });
    return { version, rescoreJobId: job.id, attemptsToRescore };
  });
  forgetLiveVersion(slug);
  if (outcome.rescoreJobId) {
    try {
      await enqueue(outcome.rescoreJobId);
    } catch (error) {
      await db.rescoreJob.update({
        where: { id: outcome.rescoreJobId },
        data: { status: "failed", error: "The background queue could not accept the job; publish again to retry.", finishedAt: new Date() },
      });
      throw new AppError("internal", "The version is published, but its re-score could not be queued.", { cause: error });
    }
  }
  return outcome;
}

// ---- statistics ----

export interface ItemStat {
  itemId: string;
  label: string;
  kind: "required" | "bonus" | "misconception";
  scored: number;
  hits: number;
  /** Share of scored attempts where the item was met; for a misconception, how often it fired. */
  hitRate: number;
}

export interface RubricStats {
  attempts: number;
  meanScore: number | null;
  /** Attempts per score rounded to the nearest whole number, 0..10. */
  distribution: number[];
  items: ItemStat[];
}

/** Statistics over each attempt's current score (or only scores under `version`). */
export async function getRubricStats(db: Db, { slug, version }: { slug: string; version?: number }): Promise<RubricStats | null> {
  const workspace = await getRubricWorkspace(db, { slug });
  if (!workspace) return null;
  const versionId = version === undefined ? null : (workspace.versions.find((candidate) => candidate.version === version)?.id ?? null);
  if (version !== undefined && !versionId) return null;
  const questionId = workspace.question.id;
  // Current scores only; with a version, only the attempts whose current score is under it.
  const scoreFilter = versionId
    ? { clause: `s."isCurrent" AND s."rubricVersionId" = $2::uuid`, params: [versionId] }
    : { clause: `s."isCurrent"`, params: [] as string[] };

  const summary = await db.$queryRawUnsafe<{ attempts: bigint; mean: number | null; bucket: number | null; n: bigint }[]>(
    `SELECT count(*) OVER () AS attempts, avg(s.score) OVER () AS mean, round(s.score)::int AS bucket, count(*) OVER (PARTITION BY round(s.score)) AS n
       FROM "Attempt" a JOIN "Score" s ON s."attemptId" = a.id AND ${scoreFilter.clause}
      WHERE a."questionId" = $1::uuid AND a."parentAttemptId" IS NULL`,
    questionId,
    ...scoreFilter.params,
  );
  const distribution = Array.from({ length: 11 }, () => 0);
  for (const row of summary) if (row.bucket !== null) distribution[Math.min(10, Math.max(0, row.bucket))] = Number(row.n);
  const attempts = summary.length > 0 ? Number(summary[0]!.attempts) : 0;
  const meanScore = summary.length > 0 && summary[0]!.mean !== null ? Math.round(summary[0]!.mean * 10) / 10 : null;

  const itemRows = await db.$queryRawUnsafe<{ itemId: string; scored: bigint; hits: bigint }[]>(
    `SELECT i."itemId", count(*) AS scored, count(*) FILTER (WHERE i.met) AS hits
       FROM "Attempt" a JOIN "Score" s ON s."attemptId" = a.id AND ${scoreFilter.clause}
       JOIN "ScoreItem" i ON i."scoreId" = s.id
      WHERE a."questionId" = $1::uuid AND a."parentAttemptId" IS NULL
      GROUP BY i."itemId"`,
    questionId,
    ...scoreFilter.params,
  );
  const byItem = new Map(itemRows.map((row) => [row.itemId, row]));
  const rubric = versionId ? (await getRubricVersion(db, { slug, version: version! }))!.rubric : workspace.active.rubric;
  const items = rubric.items.map((item): ItemStat => {
    const row = byItem.get(item.id);
    const scored = row ? Number(row.scored) : 0;
    const hits = row ? Number(row.hits) : 0;
    return { itemId: item.id, label: item.label, kind: item.kind, scored, hits, hitRate: scored ? hits / scored : 0 };
  });
  return { attempts, meanScore, distribution, items };
}

export interface InstructorQuestionRow {
  slug: string;
  title: string;
  track: string;
  level: string;
  activeVersion: number;
  latestVersion: number;
  unpublishedCount: number;
  attempts: number;
  meanScore: number | null;
  mostMissed: { itemId: string; label: string; hitRate: number } | null;
  lowestHitRate: number | null;
}

/** Every live question with its rubric versions and how candidates do on it, in the bank's order. */
export async function listInstructorQuestions(db: Db): Promise<InstructorQuestionRow[]> {
  const questions = await db.question.findMany({
    where: { archivedAt: null },
    select: { id: true, slug: true, title: true, track: true, level: true, rubricVersions: { orderBy: ACTIVE_FIRST, select: { version: true, publishedAt: true, rubric: true } } },
  });
  const totals = await db.$queryRaw<{ questionId: string; attempts: bigint; mean: number | null }[]>`
    SELECT a."questionId", count(*) AS attempts, avg(s.score) AS mean
      FROM "Attempt" a JOIN "Score" s ON s."attemptId" = a.id AND s."isCurrent"
     WHERE a."parentAttemptId" IS NULL
     GROUP BY a."questionId"`;
  const items = await db.$queryRaw<{ questionId: string; itemId: string; scored: bigint; hits: bigint }[]>`
    SELECT a."questionId", i."itemId", count(*) AS scored, count(*) FILTER (WHERE i.met) AS hits
      FROM "Attempt" a JOIN "Score" s ON s."attemptId" = a.id AND s."isCurrent"
      JOIN "ScoreItem" i ON i."scoreId" = s.id AND i.kind <> 'misconception'
     WHERE a."parentAttemptId" IS NULL
     GROUP BY a."questionId", i."itemId"`;
  const totalsBy = new Map(totals.map((row) => [row.questionId, row]));
  const itemsBy = new Map<string, typeof items>();
  for (const row of items) itemsBy.set(row.questionId, [...(itemsBy.get(row.questionId) ?? []), row]);
  const order = new Map(getContentBank().questions.map((question, index) => [question.slug, index]));

  return questions
    .flatMap((question): InstructorQuestionRow[] => {
      const active = question.rubricVersions.find((version) => version.publishedAt);
      if (!active) return [];
      const latestVersion = Math.max(...question.rubricVersions.map((version) => version.version));
      const activeRubric = rubricSchema.safeParse(active.rubric);
      const labels = new Map(activeRubric.success ? activeRubric.data.items.map((item) => [item.id, item.label]) : []);
      const worst = (itemsBy.get(question.id) ?? [])
        .filter((row) => labels.has(row.itemId))
        .map((row) => ({ itemId: row.itemId, label: labels.get(row.itemId)!, hitRate: Number(row.hits) / Number(row.scored) }))
        .sort((a, b) => a.hitRate - b.hitRate)[0];
      const total = totalsBy.get(question.id);
      return [
        {
          slug: question.slug,
          title: question.title,
          track: question.track,
          level: question.level,
          activeVersion: active.version,
          latestVersion,
          unpublishedCount: question.rubricVersions.filter((version) => !version.publishedAt).length,
          attempts: total ? Number(total.attempts) : 0,
          meanScore: total?.mean != null ? Math.round(total.mean * 10) / 10 : null,
          mostMissed: worst ?? null,
          lowestHitRate: worst?.hitRate ?? null,
        },
      ];
    })
    .sort((a, b) => (order.get(a.slug) ?? 999) - (order.get(b.slug) ?? 999));
}

/** Recent top-level attempts on a question, for choosing real answers to run on the test bench. */
export async function listBenchAttempts(db: Db, { slug, limit = 40 }: { slug: string; limit?: number }) {
  const rows = await db.attempt.findMany({
    where: { question: { slug }, parentAttemptId: null, status: "scored" },
    orderBy: { createdAt: "desc" },
    take: Math.min(limit, 200),
    select: {
      id: true,
      createdAt: true,
      answer: true,
      user: { select: { name: true } },
      scores: { where: { isCurrent: true }, take: 1, select: { score: true, rubricVersion: { select: { version: true } } } },
    },
  });
  return rows.map((row) => ({
    attemptId: row.id,
    createdAt: row.createdAt,
    candidateName: row.user.name,
    excerpt: row.answer.length > 160 ? `${row.answer.slice(0, 157).trimEnd()}…` : row.answer,
    currentScore: row.scores[0]?.score ?? null,
    versionNumber: row.scores[0]?.rubricVersion?.version ?? null,
  }));
}
