// The instructor studio against a real Postgres: versions with optimistic concurrency, publishing and
// re-scoring with the originals kept, overrides, the audit log, import/export, and who may call what.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as overrideRoute } from "@/app/api/instructor/attempts/[id]/override/route";
import { GET as auditRoute } from "@/app/api/instructor/audit/route";
import { POST as benchRoute } from "@/app/api/instructor/questions/[slug]/bench/route";
import { POST as importRoute } from "@/app/api/instructor/questions/[slug]/import/route";
import { GET as listQuestionsRoute } from "@/app/api/instructor/questions/route";
import { DELETE as deleteSampleRoute } from "@/app/api/instructor/questions/[slug]/samples/[id]/route";
import { GET as listSamplesRoute, POST as addSampleRoute } from "@/app/api/instructor/questions/[slug]/samples/route";
import { GET as exportRoute } from "@/app/api/instructor/questions/[slug]/versions/[version]/export/route";
import { POST as publishRoute } from "@/app/api/instructor/questions/[slug]/versions/[version]/publish/route";
import { POST as revertRoute } from "@/app/api/instructor/questions/[slug]/versions/[version]/revert/route";
import { GET as getVersionRoute } from "@/app/api/instructor/questions/[slug]/versions/[version]/route";
import { GET as workspaceRoute, POST as saveRoute } from "@/app/api/instructor/questions/[slug]/versions/route";
import { GET as rescoreRoute } from "@/app/api/instructor/rescore/[id]/route";
import { getContentBank } from "@/lib/content/bank";
import { loadContentBank } from "@/lib/content/load";
import type { Rubric } from "@/lib/content/schema";
import { listAuditEvents } from "@/lib/db/audit";
import { db } from "@/lib/db/prisma";
import { syncQuestionBank } from "@/lib/db/question-sync";
import { getScoringContext } from "@/lib/db/questions";
import { getRescoreJob } from "@/lib/db/rescore";
import { getRubricStats, getRubricVersion, getRubricWorkspace, listInstructorQuestions, publishRubricVersion, saveRubricVersion } from "@/lib/db/rubrics";
import { getScoreHistory } from "@/lib/db/scores";
import { runRescoreJob } from "@/lib/instructor/rescore";
import { enqueueRescore, stopQueue } from "@/lib/jobs/queue";
import { startWorkers } from "@/lib/jobs/workers";
import { submitAnswer } from "@/lib/practice/submit";
import { setupAppDatabase } from "../support/app-database";
import type { TempDatabase } from "../support/database";
import { createTestUser, requestAs, type TestUser } from "../support/users";

const SLUG = "kafka-what-and-why";
let database: TempDatabase;
let candidate: TestUser;
let instructor: TestUser;
let admin: TestUser;

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

beforeAll(async () => {
  database = await setupAppDatabase({ OFFSET_SUBMITS_PER_MINUTE: "100" });
  candidate = await createTestUser("candidate", "Cara");
  instructor = await createTestUser("instructor", "Ines");
  admin = await createTestUser("admin", "Ada");
});
afterAll(async () => {
  await stopQueue();
  await db().$disconnect();
  await database.drop();
});

async function workspace(slug = SLUG) {
  const found = await getRubricWorkspace(db(), { slug });
  if (!found) throw new Error(`no workspace for ${slug}`);
  return found;
}

/** The active rubric with the first required item's weight and label changed. */
function edited(rubric: Rubric, weight: number, label = "Edited label for the test"): Rubric {
  const index = rubric.items.findIndex((item) => item.kind === "required");
  return { items: rubric.items.map((item, i) => (i === index ? { ...item, weight, label } : item)) };
}

describe("who may use the instructor API", () => {
  const calls: Array<[string, (user: TestUser | null) => Promise<Response>]> = [
    ["GET questions", (user) => listQuestionsRoute(requestAs(user, "/api/instructor/questions"))],
    ["GET versions", (user) => workspaceRoute(requestAs(user, `/api/instructor/questions/${SLUG}/versions`), params({ slug: SLUG }))],
    ["POST versions", (user) => saveRoute(requestAs(user, `/api/instructor/questions/${SLUG}/versions`, { method: "POST", body: { baseVersion: 1, rubric: { items: [] } } }), params({ slug: SLUG }))],
    ["GET version", (user) => getVersionRoute(requestAs(user, `/api/instructor/questions/${SLUG}/versions/1`), params({ slug: SLUG, version: "1" }))],
    ["POST publish", (user) => publishRoute(requestAs(user, `/api/instructor/questions/${SLUG}/versions/999/publish`, { method: "POST" }), params({ slug: SLUG, version: "999" }))],
    ["POST revert", (user) => revertRoute(requestAs(user, `/api/instructor/questions/${SLUG}/versions/999/revert`, { method: "POST", body: { baseVersion: 1 } }), params({ slug: SLUG, version: "999" }))],
    ["GET export", (user) => exportRoute(requestAs(user, `/api/instructor/questions/${SLUG}/versions/1/export`), params({ slug: SLUG, version: "1" }))],
    ["POST import", (user) => importRoute(requestAs(user, `/api/instructor/questions/${SLUG}/import`, { method: "POST", body: { markdown: "x", baseVersion: 1 } }), params({ slug: SLUG }))],
    ["POST bench", (user) => benchRoute(requestAs(user, `/api/instructor/questions/${SLUG}/bench`, { method: "POST", body: { rubric: { items: [] } } }), params({ slug: SLUG }))],
    ["GET rescore", (user) => rescoreRoute(requestAs(user, "/api/instructor/rescore/00000000-0000-0000-0000-000000000000"), params({ id: "00000000-0000-0000-0000-000000000000" }))],
    ["POST override", (user) => overrideRoute(requestAs(user, "/api/instructor/attempts/00000000-0000-0000-0000-000000000000/override", { method: "POST", body: { score: 5, comment: "x" } }), params({ id: "00000000-0000-0000-0000-000000000000" }))],
    ["GET audit", (user) => auditRoute(requestAs(user, "/api/instructor/audit"))],
    ["GET samples", (user) => listSamplesRoute(requestAs(user, `/api/instructor/questions/${SLUG}/samples`), params({ slug: SLUG }))],
    ["POST samples", (user) => addSampleRoute(requestAs(user, `/api/instructor/questions/${SLUG}/samples`, { method: "POST", body: {} }), params({ slug: SLUG }))],
    ["DELETE sample", (user) => deleteSampleRoute(requestAs(user, `/api/instructor/questions/${SLUG}/samples/x`, { method: "DELETE" }), params({ slug: SLUG, id: "x" }))],
  ];

  it.each(calls)("%s: 401 signed out, 403 JSON for a candidate, allowed for instructors and admins", async (_name, call) => {
    const anonymous = await call(null);
    expect(anonymous.status).toBe(401);
    const forbidden = await call(candidate);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    for (const user of [instructor, admin]) {
      const allowed = await call(user);
      expect([401, 403]).not.toContain(allowed.status);
    }
  });
});

describe("saving rubric versions", () => {
  it("adds version N+1 with its author and note, and leaves the active version alone", async () => {
    const before = await workspace();
    const response = await saveRoute(
      requestAs(instructor, `/api/instructor/questions/${SLUG}/versions`, { method: "POST", body: { baseVersion: before.latest.version, rubric: edited(before.active.rubric, 2.5), note: "Weigh the log more" } }),
      params({ slug: SLUG }),
    );
    expect(response.status).toBe(201);
    const { version } = (await response.json()) as { version: { version: number; authorName: string; note: string; isActive: boolean; source: string } };
    expect(version).toMatchObject({ version: before.latest.version + 1, authorName: "Ines", note: "Weigh the log more", isActive: false, source: "instructor" });
    const after = await workspace();
    expect(after.active.version).toBe(before.active.version);
    expect(after.versions.map((summary) => summary.version)).toEqual([before.latest.version + 1, ...before.versions.map((summary) => summary.version)]);
  });

  it("two saves on the same base: exactly one lands, the other gets a 409 with both changes", async () => {
    const base = await workspace();
    const save = (weight: number) =>
      saveRoute(
        requestAs(instructor, `/api/instructor/questions/${SLUG}/versions`, { method: "POST", body: { baseVersion: base.latest.version, rubric: edited(base.active.rubric, weight, `Label ${weight}`) } }),
        params({ slug: SLUG }),
      );
    const responses = await Promise.all([save(1.5), save(3.5)]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    const conflict = (await responses.find((response) => response.status === 409)!.json()) as {
      error: { code: string; message: string; details: { baseVersion: number; latest: { version: number }; theirs: { changed: unknown[] }; yours: { changed: unknown[] } } };
    };
    expect(conflict.error.code).toBe("conflict");
    expect(conflict.error.message).toContain(`after you started from version ${base.latest.version}`);
    expect(conflict.error.details.latest.version).toBe(base.latest.version + 1);
    expect(conflict.error.details.theirs.changed.length).toBeGreaterThan(0);
    expect(conflict.error.details.yours.changed.length).toBeGreaterThan(0);
    expect((await workspace()).latest.version).toBe(base.latest.version + 1);
  });

  it("refuses an invalid rubric, naming each problem and where, and stores nothing", async () => {
    const base = await workspace();
    const broken = {
      items: base.active.rubric.items.map((item, index) =>
        index === 0 ? { ...item, weight: -1 } : index === 1 ? { ...item, concept: ["acks ... "] } : index === 2 ? { ...item, id: base.active.rubric.items[3]!.id } : item,
      ),
    };
    const response = await saveRoute(
      requestAs(instructor, `/api/instructor/questions/${SLUG}/versions`, { method: "POST", body: { baseVersion: base.latest.version, rubric: broken } }),
      params({ slug: SLUG }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { field: string; details: { issues: Array<{ path: string; message: string }> } } };
    expect(body.error.field).toBe("rubric");
    const paths = body.error.details.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["items.0.weight", expect.stringMatching(/^items\.1\.concept/), expect.stringMatching(/^items\.[23]\.id$/)]));
    const noRequired = { items: base.active.rubric.items.map((item) => (item.kind === "required" ? { ...item, kind: "bonus" as const } : item)) };
    const second = await saveRubricVersion(db(), { slug: SLUG, baseVersion: base.latest.version, rubric: noRequired, actorId: instructor.id }).catch((error: unknown) => error);
    expect(second).toMatchObject({ code: "bad_request" });
    expect((second as { details: { issues: Array<{ message: string }> } }).details.issues.map((issue) => issue.message).join(" ")).toMatch(/required/);
    expect((await workspace()).latest.version).toBe(base.latest.version);
  });

  it("refuses to save a rubric identical to the latest version", async () => {
    const base = await workspace();
    await expect(saveRubricVersion(db(), { slug: SLUG, baseVersion: base.latest.version, rubric: base.latest.rubric, actorId: instructor.id })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("identical"),
    });
  });
});

describe("publishing and re-scoring", () => {
  const SCORED_SLUG = "kafka-architecture";
  const answers = [
    "Brokers store partitions of topics. Each partition has a leader and followers that replicate it, and consumers in a group share partitions.",
    "Kafka has producers and consumers.",
    "Topics are split into partitions spread over brokers; replication keeps copies on other brokers; the controller elects leaders; consumer groups commit offsets.",
  ];

  it("re-scores every past attempt under the new version, keeping each original score and an instructor's override", async () => {
    const attemptIds: string[] = [];
    for (const answer of answers) attemptIds.push((await submitAnswer(db(), { userId: candidate.id, questionSlug: SCORED_SLUG, answer })).attemptId);
    const originals = await db().score.findMany({ where: { attemptId: { in: attemptIds } }, select: { id: true, attemptId: true, score: true, rubricVersionId: true } });
    expect(originals).toHaveLength(3);

    // An override on the first attempt: it must stay current through the re-score.
    const overrideResponse = await overrideRoute(
      requestAs(instructor, `/api/instructor/attempts/${attemptIds[0]}/override`, { method: "POST", body: { score: 9.5, comment: "You covered the controller well; the rubric missed it." } }),
      params({ id: attemptIds[0]! }),
    );
    expect(overrideResponse.status).toBe(201);
    const reviewScore = async () => (await db().reviewItem.findFirstOrThrow({ where: { userId: candidate.id, question: { slug: SCORED_SLUG } } })).lastScore;
    // Not the last try, so the review queue keeps the last try's score.
    expect(await reviewScore()).toBe(originals.find((score) => score.attemptId === attemptIds[2])!.score);

    const base = await workspace(SCORED_SLUG);
    // Make every required item worth much more: scores change in a way we can predict the direction of.
    const heavier: Rubric = { items: base.active.rubric.items.map((item) => (item.kind === "required" ? { ...item, weight: Math.min(5, item.weight * 2) } : item)) };
    const saved = await saveRubricVersion(db(), { slug: SCORED_SLUG, baseVersion: base.latest.version, rubric: heavier, note: "Required items count double", actorId: instructor.id });
    const queued: string[] = [];
    const published = await publishRubricVersion(db(), { slug: SCORED_SLUG, version: saved.version, actorId: instructor.id }, async (id) => {
      queued.push(id);
    });
    expect(published).toMatchObject({ version: saved.version, attemptsToRescore: 3 });
    expect(queued).toEqual([published.rescoreJobId]);
    expect((await getRescoreJob(db(), { id: published.rescoreJobId! }))).toMatchObject({ status: "queued", total: 3, processed: 0 });

    const outcome = await runRescoreJob(db(), { id: published.rescoreJobId!, batchSize: 2 });
    expect(outcome).toEqual({ status: "done", processed: 3, rescored: 3, failed: 0 });
    expect(await getRescoreJob(db(), { id: published.rescoreJobId! })).toMatchObject({ status: "done", total: 3, processed: 3, failed: 0, version: saved.version });

    for (const [index, attemptId] of attemptIds.entries()) {
      const history = await getScoreHistory(db(), { attemptId });
      const original = originals.find((score) => score.attemptId === attemptId)!;
      // The original row is untouched.
      expect(history[0]).toMatchObject({ id: original.id, score: original.score, isOriginal: true, reason: "initial", versionNumber: base.active.version });
      const rescore = history.find((entry) => entry.reason === "rescore");
      expect(rescore).toMatchObject({ versionNumber: saved.version, scorer: "rules" });
      const current = history.filter((entry) => entry.isCurrent);
      expect(current).toHaveLength(1);
      if (index === 0) expect(current[0]).toMatchObject({ reason: "override", score: 9.5, actorName: "Ines" });
      else expect(current[0]!.id).toBe(rescore!.id);
    }
    // The review queue shows the last try's new current score.
    const lastRescore = (await getScoreHistory(db(), { attemptId: attemptIds[2]! })).find((entry) => entry.isCurrent)!;
    expect(await reviewScore()).toBe(lastRescore.score);

    // Running the job again (a pg-boss retry) adds nothing.
    await db().rescoreJob.update({ where: { id: published.rescoreJobId! }, data: { status: "running" } });
    expect(await runRescoreJob(db(), { id: published.rescoreJobId! })).toMatchObject({ processed: 3, rescored: 0 });
    expect(await db().score.count({ where: { attemptId: { in: attemptIds }, reason: "rescore" } })).toBe(3);

    // New answers are scored under the published version at once.
    const context = await getScoringContext(db(), SCORED_SLUG);
    expect(context?.rubricVersionNumber).toBe(saved.version);

    const events = await listAuditEvents(db(), { slug: SCORED_SLUG });
    expect(events.map((event) => event.action)).toEqual(["rescore.finish", "rescore.finish", "rescore.start", "rubric.publish", "rubric.save", "score.override"]);
    expect(events.find((event) => event.action === "score.override")!.summary).toContain("→ 9.5");
    expect(events.every((event) => event.actorName === "Ines")).toBe(true);
  });

  it("publishing an older version makes it active again; a version cannot be published twice in a row", async () => {
    const base = await workspace("kafka-architecture");
    const older = base.versions.find((summary) => !summary.isActive)!;
    const published = await publishRubricVersion(db(), { slug: "kafka-architecture", version: older.version, actorId: admin.id }, async () => {});
    expect((await workspace("kafka-architecture")).active.version).toBe(older.version);
    expect((await getScoringContext(db(), "kafka-architecture"))?.rubricVersionNumber).toBe(older.version);
    await runRescoreJob(db(), { id: published.rescoreJobId! });
    await expect(publishRubricVersion(db(), { slug: "kafka-architecture", version: older.version, actorId: admin.id }, async () => {})).rejects.toMatchObject({ code: "conflict" });
  });

  it("computes per-item hit rates and the score distribution over current scores", async () => {
    const stats = (await getRubricStats(db(), { slug: "kafka-architecture" }))!;
    expect(stats.attempts).toBe(3);
    expect(stats.distribution.reduce((sum, count) => sum + count, 0)).toBe(3);
    const current = await db().score.findMany({ where: { isCurrent: true, attempt: { question: { slug: "kafka-architecture" } } }, include: { items: true } });
    for (const item of stats.items) {
      const rows = current.flatMap((score) => score.items.filter((row) => row.itemId === item.itemId));
      expect(item.scored).toBe(rows.length);
      expect(item.hits).toBe(rows.filter((row) => row.met).length);
    }
    const row = (await listInstructorQuestions(db())).find((question) => question.slug === "kafka-architecture")!;
    expect(row.attempts).toBe(3);
    expect(row.meanScore).toBeCloseTo(current.reduce((sum, score) => sum + score.score, 0) / 3, 1);
    expect(row.mostMissed?.hitRate).toBe(Math.min(...stats.items.filter((item) => item.kind !== "misconception" && item.scored > 0).map((item) => item.hitRate)));
  });
});

describe("re-scoring through the real queue", () => {
  it("publishing hands the job to pg-boss, whose worker re-scores every attempt", async () => {
    const slug = "stream-windowing";
    const ids = [];
    for (const answer of ["Tumbling windows are fixed and do not overlap.", "Hopping windows overlap: a record can land in several windows.", "Session windows close after a gap of inactivity per key."]) {
      ids.push((await submitAnswer(db(), { userId: candidate.id, questionSlug: slug, answer })).attemptId);
    }
    await startWorkers();
    const base = await workspace(slug);
    const saved = await saveRubricVersion(db(), { slug, baseVersion: base.latest.version, rubric: edited(base.active.rubric, 4.5), actorId: admin.id });
    const { rescoreJobId } = await publishRubricVersion(db(), { slug, version: saved.version, actorId: admin.id }, enqueueRescore);
    await expect.poll(async () => (await getRescoreJob(db(), { id: rescoreJobId! }))?.status, { timeout: 30_000, interval: 250 }).toBe("done");
    const rescored = await db().score.findMany({ where: { attemptId: { in: ids }, reason: "rescore", isCurrent: true }, select: { rubricVersion: { select: { version: true } } } });
    expect(rescored.map((score) => score.rubricVersion?.version)).toEqual([saved.version, saved.version, saved.version]);
    expect(await db().score.count({ where: { attemptId: { in: ids }, reason: "initial", isCurrent: false } })).toBe(3);
  });
});

describe("overrides", () => {
  it("names what is wrong with a bad override and changes nothing", async () => {
    const { attemptId } = await submitAnswer(db(), { userId: candidate.id, questionSlug: "kafka-topic-design", answer: "Use the customer id as the key so each customer's events stay in order." });
    for (const [body, field] of [
      [{ score: 11, comment: "Too generous" }, "score"],
      [{ score: 7.25, comment: "Two decimals" }, "score"],
      [{ score: 7, comment: "   " }, "comment"],
    ] as const) {
      const response = await overrideRoute(requestAs(instructor, `/api/instructor/attempts/${attemptId}/override`, { method: "POST", body }), params({ id: attemptId }));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    expect(await getScoreHistory(db(), { attemptId })).toHaveLength(1);
  });
});

describe("revert, export and import", () => {
  const SLUG2 = "kafka-consumer-lag";

  it("revert creates a new version equal to an old one", async () => {
    const base = await workspace(SLUG2);
    const v2 = await saveRubricVersion(db(), { slug: SLUG2, baseVersion: base.latest.version, rubric: edited(base.active.rubric, 4), actorId: instructor.id });
    const response = await revertRoute(
      requestAs(instructor, `/api/instructor/questions/${SLUG2}/versions/${base.active.version}/revert`, { method: "POST", body: { baseVersion: v2.version } }),
      params({ slug: SLUG2, version: String(base.active.version) }),
    );
    expect(response.status).toBe(201);
    const { version } = (await response.json()) as { version: { version: number; revertedFromVersion: number; rubric: Rubric } };
    expect(version).toMatchObject({ version: v2.version + 1, revertedFromVersion: base.active.version });
    expect(version.rubric).toEqual(base.active.rubric);
  });

  it("exports a version into the question's markdown and imports it back as a new version", async () => {
    const base = await workspace(SLUG2);
    const exported = await exportRoute(requestAs(instructor, `/api/instructor/questions/${SLUG2}/versions/${base.latest.version - 1}/export`), params({ slug: SLUG2, version: String(base.latest.version - 1) }));
    expect(exported.headers.get("content-type")).toContain("text/markdown");
    expect(exported.headers.get("content-disposition")).toContain(`${SLUG2}.md`);
    const markdown = await exported.text();
    const original = readFileSync(`content/questions/${SLUG2}.md`, "utf8");
    // The body is untouched; only the rubric in the frontmatter differs.
    expect(markdown.slice(markdown.indexOf("\n---", 4))).toBe(original.slice(original.indexOf("\n---", 4)));
    const response = await importRoute(
      requestAs(instructor, `/api/instructor/questions/${SLUG2}/import`, { method: "POST", body: { markdown, baseVersion: base.latest.version } }),
      params({ slug: SLUG2 }),
    );
    expect(response.status).toBe(201);
    const { version } = (await response.json()) as { version: { version: number; rubric: Rubric } };
    expect(version.version).toBe(base.latest.version + 1);
    expect(version.rubric).toEqual((await getRubricVersion(db(), { slug: SLUG2, version: base.latest.version - 1 }))!.rubric);
    const events = await listAuditEvents(db(), { slug: SLUG2 });
    expect(events[0]).toMatchObject({ action: "rubric.import", version: version.version });
  });

  it("rejects malformed frontmatter, naming the line, and stores nothing", async () => {
    const base = await workspace(SLUG2);
    const original = readFileSync(`content/questions/${SLUG2}.md`, "utf8");
    const lines = original.split("\n");
    const weightLine = lines.findIndex((line) => /^\s+weight:/.test(line));
    lines[weightLine] = lines[weightLine]!.replace(/weight:.*/, "weight: [unclosed");
    const response = await importRoute(
      requestAs(instructor, `/api/instructor/questions/${SLUG2}/import`, { method: "POST", body: { markdown: lines.join("\n"), baseVersion: base.latest.version } }),
      params({ slug: SLUG2 }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; details: { issues: Array<{ line?: number }> } } };
    expect(body.error.details.issues[0]!.line).toBeGreaterThanOrEqual(weightLine + 1);
    expect(body.error.details.issues[0]!.line).toBeLessThanOrEqual(weightLine + 2);
    expect(body.error.message).toMatch(/line \d+/);
    const otherQuestion = readFileSync("content/questions/kafka-topic-design.md", "utf8");
    const wrong = await importRoute(
      requestAs(instructor, `/api/instructor/questions/${SLUG2}/import`, { method: "POST", body: { markdown: otherQuestion, baseVersion: base.latest.version } }),
      params({ slug: SLUG2 }),
    );
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain("kafka-topic-design");
    expect((await workspace(SLUG2)).latest.version).toBe(base.latest.version);
  });
});

describe("the test bench", () => {
  it("scores calibration answers and chosen attempts under the draft and the active version", async () => {
    const base = await workspace(SLUG);
    const { attemptId } = await submitAnswer(db(), { userId: candidate.id, questionSlug: SLUG, answer: "Kafka is a distributed commit log that keeps records after they are read, so many consumer groups can replay them." });
    const draft = { items: base.active.rubric.items.filter((item, index) => item.kind !== "bonus" || index % 2 === 0) };
    const response = await benchRoute(
      requestAs(instructor, `/api/instructor/questions/${SLUG}/bench`, { method: "POST", body: { rubric: draft, attemptIds: [attemptId] } }),
      params({ slug: SLUG }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      draft: { rows: Array<{ id: string; source: string; expected: number; actual: number }>; spearman: number; mae: number };
      published: { rows: Array<{ id: string; actual: number }>; spearman: number };
      publishedVersion: number;
    };
    const calibrationCount = (JSON.parse(readFileSync(`tests/fixtures/calibration/tune/${SLUG}.json`, "utf8")) as { answers: unknown[] }).answers.length;
    expect(body.draft.rows).toHaveLength(calibrationCount + 2);
    expect(body.draft.rows.find((row) => row.source === "model-answer")).toMatchObject({ expected: 10 });
    expect(body.draft.rows.find((row) => row.id === attemptId)).toMatchObject({ source: "attempt" });
    expect(body.published.rows).toHaveLength(body.draft.rows.length);
    expect(body.published.spearman).toBeGreaterThan(0.8);
    expect(body.publishedVersion).toBe(base.active.version);

    const invalid = await benchRoute(requestAs(instructor, `/api/instructor/questions/${SLUG}/bench`, { method: "POST", body: { rubric: { items: [] } } }), params({ slug: SLUG }));
    expect(invalid.status).toBe(400);
  });
});

describe("graded answers", () => {
  const SAMPLE_SLUG = "kafka-partition-count";
  const url = `/api/instructor/questions/${SAMPLE_SLUG}/samples`;
  const add = (body: unknown) => addSampleRoute(requestAs(instructor, url, { method: "POST", body }), params({ slug: SAMPLE_SLUG }));

  it("are added, scored by the bench, listed, deleted, and audited", async () => {
    const strong = "More partitions mean more parallel consumers, since a group can use at most one consumer per partition; size for the peak throughput divided by what one consumer handles.";
    const created = await add({ label: "  Knows the ceiling  ", text: strong, expectedScore: 7.5 });
    expect(created.status).toBe(201);
    const { sample } = (await created.json()) as { sample: { id: string; label: string; expectedScore: number } };
    expect(sample).toMatchObject({ label: "Knows the ceiling", expectedScore: 7.5 });
    expect((await add({ label: "Off topic", text: "I like trains.", expectedScore: 0 })).status).toBe(201);

    const listed = await listSamplesRoute(requestAs(instructor, url), params({ slug: SAMPLE_SLUG }));
    const { samples } = (await listed.json()) as { samples: Array<{ id: string; label: string }> };
    expect(samples.map((row) => row.label)).toEqual(["Knows the ceiling", "Off topic"]);

    const base = await workspace(SAMPLE_SLUG);
    const bench = await benchRoute(requestAs(instructor, `/api/instructor/questions/${SAMPLE_SLUG}/bench`, { method: "POST", body: { rubric: base.active.rubric } }), params({ slug: SAMPLE_SLUG }));
    const report = (await bench.json()) as { draft: { rows: Array<{ id: string; source: string; expected: number; actual: number }> } };
    const graded = report.draft.rows.filter((row) => row.source === "instructor");
    expect(graded.map((row) => [row.id, row.expected])).toEqual([
      [sample.id, 7.5],
      [samples[1]!.id, 0],
    ]);
    expect(graded[0]!.actual).toBeGreaterThan(graded[1]!.actual);

    const deleted = await deleteSampleRoute(requestAs(instructor, `${url}/${sample.id}`, { method: "DELETE" }), params({ slug: SAMPLE_SLUG, id: sample.id }));
    expect(deleted.status).toBe(204);
    const again = await deleteSampleRoute(requestAs(instructor, `${url}/${sample.id}`, { method: "DELETE" }), params({ slug: SAMPLE_SLUG, id: sample.id }));
    expect(again.status).toBe(404);
    expect(await db().gradedSample.count({ where: { question: { slug: SAMPLE_SLUG } } })).toBe(1);

    const audit = await listAuditEvents(db(), { slug: SAMPLE_SLUG });
    const deletion = audit.find((event) => event.action === "sample.delete");
    expect(deletion?.summary).toContain("Knows the ceiling");
    expect(audit.filter((event) => event.action === "sample.add")).toHaveLength(2);
    const stored = await db().auditEvent.findFirst({ where: { action: "sample.delete" }, select: { details: true, actorId: true } });
    expect(stored).toMatchObject({ actorId: instructor.id, details: { text: strong } });
  });

  it.each([
    [{ text: "An answer", expectedScore: 5 }, "label"],
    [{ label: "  ", text: "An answer", expectedScore: 5 }, "label"],
    [{ label: "No text", text: "", expectedScore: 5 }, "text"],
    [{ label: "Too high", text: "An answer", expectedScore: 11 }, "expectedScore"],
    [{ label: "Not a half point", text: "An answer", expectedScore: 6.3 }, "expectedScore"],
    [{ label: "Not a number", text: "An answer", expectedScore: "7" }, "expectedScore"],
    [{ label: "Too long", text: "x".repeat(20_001), expectedScore: 5 }, "text"],
  ])("refuses %j, naming %s, and stores nothing", async (body, field) => {
    const before = await db().gradedSample.count();
    const response = await add(body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { field: string; message: string } };
    expect(error.field).toBe(field);
    expect(error.message).toMatch(new RegExp(field));
    expect(await db().gradedSample.count()).toBe(before);
  });

  it("answers 404 for an unknown question or sample", async () => {
    const unknown = await addSampleRoute(requestAs(instructor, "/api/instructor/questions/nope/samples", { method: "POST", body: { label: "x", text: "y", expectedScore: 1 } }), params({ slug: "nope" }));
    expect(unknown.status).toBe(404);
    const missing = await deleteSampleRoute(requestAs(instructor, `${url}/00000000-0000-0000-0000-000000000000`, { method: "DELETE" }), params({ slug: SAMPLE_SLUG, id: "00000000-0000-0000-0000-000000000000" }));
    expect(missing.status).toBe(404);
  });
});

describe("the markdown stays the seed", () => {
  it("a changed markdown rubric does not replace an instructor's active version", async () => {
    const SLUG3 = "kafka-delivery-guarantees";
    const base = await workspace(SLUG3);
    const mine = await saveRubricVersion(db(), { slug: SLUG3, baseVersion: base.latest.version, rubric: edited(base.active.rubric, 3), actorId: instructor.id });
    await publishRubricVersion(db(), { slug: SLUG3, version: mine.version, actorId: instructor.id }, async () => {});
    const bank = loadContentBank();
    const changed = bank.questions.map((question) =>
      question.slug === SLUG3 ? { ...question, contentHash: "changed", rubric: edited(question.rubric, 1.25, "Changed in git") } : question,
    );
    await syncQuestionBank(db(), { questions: changed });
    const after = await workspace(SLUG3);
    expect(after.latest).toMatchObject({ version: mine.version + 1, source: "content", publishedAt: null });
    expect(after.active.version).toBe(mine.version);
    expect(getContentBank().questions.length).toBeGreaterThan(0);
  });
});
