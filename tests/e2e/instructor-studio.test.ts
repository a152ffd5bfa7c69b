// The instructor's loop in a real Chromium: a candidate has answered a question; the instructor
// raises the weight of a rubric item the answer meets, sees the test bench score that answer higher
// under the draft, saves version 2, publishes it, watches the re-score finish, and the candidate's
// history and attempt page show the new score next to the original. Screenshots go to artifacts/e2e/.
import { mkdirSync } from "node:fs";
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signUp } from "../support/app-server";
import { launchBrowser } from "../support/browser";

const ARTIFACTS = "artifacts/e2e";
const baseUrl = inject("baseUrl");
const SLUG = "kafka-architecture";
const ITEM = "topic-partitions";
// Meets a couple of the rubric's points and misses most, so a heavier met point moves the score.
const ANSWER = "Topics are split into partitions that are spread over the brokers. Consumers in a group divide the partitions between them.";

const database = new pg.Client({ connectionString: inject("databaseUrl") });
let browser: Browser;
let instructor: Page;
let candidateContext: BrowserContext;
let attemptId = "";
let originalScore = 0;
const pageErrors: string[] = [];

async function contextWith(cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
    }),
  );
  return context;
}

async function account(name: string, role: "candidate" | "instructor", ip: string): Promise<string> {
  const email = `studio-${role}-${Date.now()}@example.com`;
  const cookie = await signUp(baseUrl, { email, password: `${role}-password-1`, name }, ip);
  await database.query(`UPDATE "user" SET role = $1 WHERE email = $2`, [role, email]);
  return cookie;
}

/** The draft's score for the candidate's attempt in the bench table, once a run has finished. */
async function benchScoreOfAttempt(): Promise<number> {
  const cell = instructor.locator(`[data-testid="bench-row"][data-row-id="${attemptId}"] [data-testid="bench-draft-score"]`);
  await cell.waitFor();
  return Number(await cell.textContent());
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await database.connect();
  browser = await launchBrowser();

  const candidateCookie = await account("Cyra Candidate", "candidate", "10.66.0.1");
  const created = await fetch(`${baseUrl}/api/attempts`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: candidateCookie },
    body: JSON.stringify({ question: SLUG, answer: ANSWER }),
  });
  expect(created.status).toBe(201);
  const body = (await created.json()) as { attempt: { id: string; score: { score: number } | null } };
  attemptId = body.attempt.id;
  const stored = await database.query(`SELECT score FROM "Score" WHERE "attemptId" = $1 AND "isCurrent"`, [attemptId]);
  originalScore = Number(stored.rows[0].score);
  candidateContext = await contextWith(candidateCookie);

  const instructorContext = await contextWith(await account("Ines Instructor", "instructor", "10.66.0.2"));
  instructor = await instructorContext.newPage();
  instructor.on("pageerror", (error) => pageErrors.push(error.message));
});
afterAll(async () => {
  await browser?.close();
  await database.end();
});

describe("an instructor edits, tests, saves and publishes a rubric", () => {
  it("sees the question's statistics in the studio", async () => {
    await instructor.goto(`${baseUrl}/instructor`, { waitUntil: "networkidle" });
    const row = instructor.locator('[data-testid="instructor-question-row"]', { hasText: "Brokers, topics, partitions" });
    expect(await row.count()).toBe(1);
    await instructor.goto(`${baseUrl}/instructor/questions/${SLUG}`, { waitUntil: "networkidle" });
    await instructor.getByTestId("item-stats").waitFor();
    expect(await instructor.getByTestId("version-row-1").getAttribute("data-active")).toBe("true");
  });

  it("grades an answer by hand for the test bench, and is told what is missing first", async () => {
    await instructor.getByTestId("sample-label").fill("Partitions only");
    await instructor.getByTestId("sample-add").click();
    expect(await instructor.getByTestId("sample-text-error").textContent()).toMatch(/Paste the answer/);
    expect(await instructor.getByTestId("sample-expectedScore-error").textContent()).toMatch(/0 to 10/);
    await instructor.getByTestId("sample-score").fill("3");
    await instructor.getByTestId("sample-text").fill("A topic is split into partitions, and that is about all there is to say.");
    await instructor.getByTestId("sample-add").click();
    await instructor.getByTestId("graded-sample").filter({ hasText: "Partitions only" }).waitFor();
    expect(await instructor.getByTestId("samples-status").textContent()).toMatch(/Added/);
  });

  it("raises an item's weight and watches the test bench score the candidate's answer higher", async () => {
    await instructor.goto(`${baseUrl}/instructor/questions/${SLUG}/edit`, { waitUntil: "networkidle" });
    await instructor.getByTestId("rubric-editor").waitFor();
    await instructor.getByTestId("bench-run").click();
    await instructor.getByTestId("bench-results").waitFor();
    const before = await benchScoreOfAttempt();
    expect(before).toBeCloseTo(originalScore, 1);
    // The hand-graded answer is on the bench, with the score the instructor gave it.
    const graded = instructor.locator('[data-testid="bench-row"]', { hasText: "Partitions only" });
    expect(await graded.locator("td").first().textContent()).toBe("3.0");

    const ids = await instructor.$$eval('input[data-testid^="item-id-"]', (inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    const index = ids.indexOf(ITEM);
    expect(index).toBeGreaterThanOrEqual(0);
    await instructor.getByTestId(`item-weight-${index}`).fill("5");
    expect(await instructor.getByTestId("issue-summary").getAttribute("data-count")).toBe("0");
    expect(await instructor.getByTestId("dirty-state").textContent()).toMatch(/unsaved/i);

    await instructor.getByTestId("bench-run").click();
    await instructor.waitForFunction(
      ([id, previous]) => {
        const cell = document.querySelector(`[data-testid="bench-row"][data-row-id="${id}"] [data-testid="bench-draft-score"]`);
        return cell !== null && Number(cell.textContent) !== previous;
      },
      [attemptId, before] as const,
      { timeout: 15_000 },
    );
    const after = await benchScoreOfAttempt();
    expect(after).toBeGreaterThan(before);
    await instructor.getByTestId("bench-panel").screenshot({ path: `${ARTIFACTS}/studio-1-bench.png` });
  });

  it("saves version 2 and publishes it; past attempts are re-scored in the background", async () => {
    await instructor.getByTestId("save-note").fill("Splitting topics into partitions is the heart of the answer: weigh it more.");
    await instructor.getByTestId("save-version").click();
    await instructor.getByTestId("save-status").filter({ hasText: "Saved as version 2" }).waitFor();

    await instructor.goto(`${baseUrl}/instructor/questions/${SLUG}`, { waitUntil: "networkidle" });
    await instructor.getByTestId("publish-2").click();
    await instructor.getByTestId("rescore-progress").waitFor();
    await instructor.locator('[data-testid="rescore-done"][data-status="done"]').waitFor({ timeout: 30_000 });
    expect(await instructor.getByTestId("version-row-2").getAttribute("data-active")).toBe("true");
    await instructor.screenshot({ path: `${ARTIFACTS}/studio-2-published.png`, fullPage: true });

    const scores = await database.query(`SELECT score, "isCurrent", reason FROM "Score" WHERE "attemptId" = $1 ORDER BY "createdAt"`, [attemptId]);
    expect(scores.rows).toHaveLength(2);
    expect(Number(scores.rows[0].score)).toBe(originalScore);
    expect(scores.rows[0].isCurrent).toBe(false);
    expect(scores.rows[1]).toMatchObject({ isCurrent: true, reason: "rescore" });
  });

  it("the candidate sees the new score, the version, and the original", async () => {
    const page = await candidateContext.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${baseUrl}/history`, { waitUntil: "networkidle" });
    const previous = page.getByTestId("history-previous-score").first();
    await previous.waitFor();
    expect(await previous.textContent()).toContain(`was ${originalScore.toFixed(1)}, re-scored v2`);
    await page.screenshot({ path: `${ARTIFACTS}/studio-3-candidate-history.png`, fullPage: true });

    await page.goto(`${baseUrl}/attempts/${attemptId}`, { waitUntil: "networkidle" });
    const current = Number(await page.getByTestId("score").first().textContent());
    expect(current).toBeGreaterThan(originalScore);
    expect(await page.getByTestId("score-history").textContent()).toMatch(/version 2|v2/);
    await page.getByTestId("score-history").locator("summary").click();
    await page.getByTestId("original-score-link").click();
    await page.waitForURL(/score=/);
    expect(Number(await page.getByTestId("score").first().textContent())).toBe(originalScore);
    await page.screenshot({ path: `${ARTIFACTS}/studio-4-original-score.png`, fullPage: true });
    await page.close();
  });

  it("checks a sentence against the shared false claims, copies one into the rubric, and reads the trap answers on the bench", async () => {
    // A question whose rubric has room for one more item (kafka-architecture's is at the 12-item limit).
    await instructor.goto(`${baseUrl}/instructor/questions/kafka-retention-replay/edit?base=1`, { waitUntil: "networkidle" });
    const panel = instructor.getByTestId("claims-panel");
    await panel.waitFor();
    expect(await panel.textContent()).toMatch(/scored against all \d+ claims/);
    await instructor.getByTestId("claims-search").fill("compaction");
    const first = instructor.getByTestId("claim").first();
    expect((await first.textContent())!.toLowerCase()).toContain("compact");

    await instructor.getByTestId("claims-trial").fill("Kafka deletes every message as soon as a consumer has read it.");
    await instructor.getByTestId("claims-trial-result").filter({ hasText: /Makes (a false claim|\d+ false claims)/ }).waitFor();
    await instructor.getByTestId("claims-trial").fill("Records stay in the log after they are read; retention decides when they go.");
    await instructor.getByTestId("claims-trial-result").filter({ hasText: "Makes none" }).waitFor();

    const before = await instructor.$$eval('input[data-testid^="item-id-"]', (inputs) => inputs.length);
    const claimId = await first.getAttribute("data-claim-id");
    await first.getByTestId("claim-add").click();
    const ids = await instructor.$$eval('input[data-testid^="item-id-"]', (inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(ids).toHaveLength(before + 1);
    expect(ids.at(-1)).toBe(claimId);

    await instructor.getByTestId("bench-run").click();
    await instructor.getByTestId("bench-results").waitFor();
    const traps = await instructor.$$eval('[data-testid="bench-trap"]', (lines) => lines.map((line) => line.getAttribute("data-archetype")));
    expect(traps).toEqual(expect.arrayContaining(["false-confident", "reversed", "injection"]));
    await instructor.getByTestId("claims-panel").screenshot({ path: `${ARTIFACTS}/studio-5-claims.png` });
  });

  it("threw no errors in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
