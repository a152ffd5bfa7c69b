// A question as scoring needs it: the markdown (prompt, model answer) joined with its database row
// and the rubric version that is live right now (instructor versions will land here too).
import { getContentBank } from "@/lib/content/bank";
import type { Question } from "@/lib/content/load";
import { rubricSchema, type Rubric } from "@/lib/content/schema";
import { syncQuestionBank } from "./question-sync";
import { ACTIVE_FIRST } from "./active-version";
import type { Db } from "./prisma";

export interface ScoringContext {
  question: Question & { rubric: Rubric };
  questionId: string;
  rubricVersionId: string;
  rubricVersionNumber: number;
  /** Shown to people and stored with scores, e.g. "v3". */
  rubricVersionLabel: string;
}

// Rubric versions are never edited once written (a change is a new version), so the parsed rubric
// for a version id can be reused for the life of the process. Reusing the same object also lets
// the scorer reuse its compiled matchers, which are cached by object identity.
const parsedRubrics = new Map<string, Rubric>();

function rubricOfVersion(id: string, json: unknown): Rubric {
  let rubric = parsedRubrics.get(id);
  if (!rubric) {
    rubric = rubricSchema.parse(json);
    parsedRubrics.set(id, rubric);
  }
  return rubric;
}

// Which rubric version is live changes only when a new version is published; looking it up on
// every submission cost two queries per answer. A short-lived memo keeps submissions cheap, and a
// newly published version takes effect within LIVE_VERSION_TTL_MS.
const LIVE_VERSION_TTL_MS = 10_000;
const liveVersions = new Map<string, { row: NonNullable<Awaited<ReturnType<typeof findLive>>>; until: number }>();

async function findLiveCached(db: Db, slug: string) {
  const memo = liveVersions.get(slug);
  if (memo && memo.until > Date.now()) return memo.row;
  const row = await findLive(db, slug);
  if (row) liveVersions.set(slug, { row, until: Date.now() + LIVE_VERSION_TTL_MS });
  return row;
}

export async function getScoringContext(db: Db, slug: string): Promise<ScoringContext | null> {
  const bank = getContentBank();
  const question = bank.questions.find((candidate) => candidate.slug === slug);
  if (!question) return null;
  let row = await findLiveCached(db, slug);
  if (!row) {
    // The file appeared after start-up (e.g. while developing): mirror the bank and look again.
    await syncQuestionBank(db, bank);
    row = await findLiveCached(db, slug);
  }
  const version = row?.rubricVersions[0];
  if (!row || !version) return null;
  return {
    question: { ...question, rubric: rubricOfVersion(version.id, version.rubric) },
    questionId: row.id,
    rubricVersionId: version.id,
    rubricVersionNumber: version.version,
    rubricVersionLabel: `v${version.version}`,
  };
}

/** Called after a publish, so this process scores with the new version at once (others within LIVE_VERSION_TTL_MS). */
export function forgetLiveVersion(slug: string) {
  liveVersions.delete(slug);
}

function findLive(db: Db, slug: string) {
  return db.question.findFirst({
    where: { slug, archivedAt: null },
    select: {
      id: true,
      rubricVersions: { where: { publishedAt: { not: null } }, orderBy: ACTIVE_FIRST, take: 1, select: { id: true, version: true, rubric: true } },
    },
  });
}
