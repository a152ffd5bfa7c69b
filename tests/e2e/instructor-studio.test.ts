// The instructor's loop in a real Chromium: a candidate has answered a question; the instructor
// raises the weight of a rubric item the answer meets, sees the test bench score that answer higher
// under the draft, saves version 2, publishes it, watches the re-score finish, and the candidate's
// history and attempt page show the new score next to the original. Screenshots go to artifacts/e2e/.
import { mkdirSync } from "node:fs";
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signUp } from "../support/app-server";
import { cookiesFor, launchBrowser } from "../support/browser";

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
  await context.addCookies(cookiesFor(cookie, baseUrl));
  return context;
}

async function account(name: string, role: "candidate" | "instructor", ip: string): Promise<string> {
  const email = `studio-${role}-${Date.now()}@example.com`;
  const cookie = await signUp(baseUrl, { email, password: `${role}-password-1`, name }, ip);
  await database.query(`UPDATE "user" SET role = $1 WHERE email = $2`, [role, email]);
  return cookie;
}

/** The attempts a publish of SLUG re-scores, counted as the server counts them (other files may add some). */
async function attemptsToRescore(): Promise<number> {
  const result = await database.query(
    `SELECT count(*)::int AS n FROM "Attempt" a JOIN "Question" q ON q.id = a."questionId"
      WHERE q.slug = $1 AND a."parentAttemptId" IS NULL AND a.status = 'scored'`,
    [SLUG],
  );
  return Number(result.rows[0].n);
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

  it("fits the Rubric items table at 1280 px, and scrolls it within its card, by keyboard too, at 390 px", async () => {
    const page = await instructor.context().newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    try {
      // kafka-architecture has rates to draw; kafka-consumer-lag has the longest item ids and no answers yet.
      for (const slug of [SLUG, "kafka-consumer-lag"]) {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(`${baseUrl}/instructor/questions/${slug}`, { waitUntil: "networkidle" });
        const frame = page.getByTestId("item-stats-frame");
        await frame.waitFor();
        const wide = await page.evaluate(() => {
          const card = document.getElementById("items")!.getBoundingClientRect();
          const scroller = document.querySelector('[data-testid="item-stats-frame-scroller"]')!;
          const headers = [...document.querySelectorAll('[data-testid="item-stats"] thead th')].map((th) => th.getBoundingClientRect());
          return {
            overflow: scroller.scrollWidth - scroller.clientWidth,
            headers: headers.length,
            outside: headers.filter((header) => header.right > card.right || header.left < card.left).length,
          };
        });
        expect(wide).toEqual({ overflow: 0, headers: 4, outside: 0 });
        expect(await frame.getAttribute("data-scrollable")).toBe("false");
        expect(await page.getByTestId("item-stats-frame-hint").count()).toBe(0);
        if (slug === SLUG) await frame.screenshot({ path: `${ARTIFACTS}/studio-0-items-1280.png` });
      }

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${baseUrl}/instructor/questions/${SLUG}`, { waitUntil: "networkidle" });
      const frame = page.getByTestId("item-stats-frame");
      await page.waitForFunction(() => document.querySelector('[data-testid="item-stats-frame"]')?.getAttribute("data-scrollable") === "true");
      expect(await page.getByTestId("item-stats-frame-hint").textContent()).toMatch(/Scroll sideways/);
      const scroller = page.getByTestId("item-stats-frame-scroller");
      expect(await scroller.getAttribute("role")).toBe("region");
      expect(await scroller.getAttribute("aria-label")).toMatch(/Rubric items/);
      // Narrow, the table scrolls inside its card: the page itself does not scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      /** How far the last column ("Answers") sticks out past the scroll area's right edge, in pixels. */
      const lastColumnHidden = () =>
        page.evaluate(() => {
          const area = document.querySelector('[data-testid="item-stats-frame-scroller"]')!.getBoundingClientRect();
          const last = [...document.querySelectorAll('[data-testid="item-stats"] thead th')].at(-1)!.getBoundingClientRect();
          return Math.round(last.right - area.right);
        });
      expect(await lastColumnHidden()).toBeGreaterThan(20);
      await frame.screenshot({ path: `${ARTIFACTS}/studio-0-items-390.png` });
      // Reachable by keyboard: the scroll area is in the tab order and the arrow keys move it.
      await scroller.focus();
      for (let press = 0; press < 12; press++) await page.keyboard.press("ArrowRight");
      await page.waitForFunction(() => {
        const area = document.querySelector('[data-testid="item-stats-frame-scroller"]')!;
        return area.scrollLeft + area.clientWidth >= area.scrollWidth - 1;
      });
      expect(await lastColumnHidden()).toBeLessThanOrEqual(1);
    } finally {
      await page.close();
    }
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

  it("brings the test bench results into view at 1280×800, moves focus to them and announces a summary", async () => {
    const page = await instructor.context().newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${baseUrl}/instructor/questions/${SLUG}/edit`, { waitUntil: "networkidle" });
      await page.getByTestId("rubric-editor").waitFor();
      expect(await page.getByTestId("bench-summary").textContent()).toBe("");
      // As a keyboard user finds it: the page at the top, the side panel scrolled down to the bench's button.
      await page.evaluate(() => {
        const run = document.querySelector<HTMLButtonElement>('[data-testid="bench-run"]')!;
        const panel = document.querySelector<HTMLElement>('[data-testid="editor-side-panel"]')!;
        window.scrollTo(0, 0);
        panel.scrollTop = run.offsetTop;
        run.focus({ preventScroll: true });
      });
      const hiddenBefore = await page.evaluate(() => {
        const panel = document.querySelector('[data-testid="editor-side-panel"]')!.getBoundingClientRect();
        return panel.bottom > window.innerHeight;
      });
      expect(hiddenBefore).toBe(true); // the trap: the panel's lower part sits below the fold
      await page.keyboard.press("Enter");
      await page.getByTestId("bench-results").waitFor();

      const heading = page.getByTestId("bench-results-heading");
      await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "bench-results-heading");
      expect(await heading.textContent()).toBe("Results");
      // Once the smooth scroll settles: the whole panel on screen below the site header, the heading and
      // the agreement figures inside the panel's visible part.
      await page.waitForFunction(() => {
        const header = document.querySelector("body > header, header")!.getBoundingClientRect();
        const panel = document.querySelector('[data-testid="editor-side-panel"]')!.getBoundingClientRect();
        const heading = document.querySelector('[data-testid="bench-results-heading"]')!.getBoundingClientRect();
        const figures = document.querySelector('[data-testid="bench-agreement-published"]')!.getBoundingClientRect();
        return (
          panel.top >= header.bottom - 1 &&
          panel.bottom <= window.innerHeight &&
          heading.top >= panel.top &&
          figures.bottom <= panel.bottom &&
          heading.top >= header.bottom
        );
      });
      const geometry = await page.evaluate(() => {
        const panel = document.querySelector('[data-testid="editor-side-panel"]')!;
        return { panelScrolls: panel.scrollHeight > panel.clientHeight, panelScrollTop: panel.scrollTop };
      });
      expect(geometry.panelScrolls).toBe(true);
      expect(geometry.panelScrollTop).toBeGreaterThan(0);

      const summary = await page.getByTestId("bench-summary").textContent();
      expect(summary).toMatch(/^Test bench finished: \d+ answers scored\. Your draft: Spearman (\d\.\d\d|—), MAE \d\.\d\d; published v1: Spearman/);
      expect(await page.getByTestId("bench-summary").getAttribute("role")).toBe("status");
      await page.screenshot({ path: `${ARTIFACTS}/studio-1-bench-in-view.png` });

      // A second run brings its results back into view as well, even after reading elsewhere.
      await page.evaluate(() => {
        document.querySelector<HTMLElement>('[data-testid="editor-side-panel"]')!.scrollTop = 0;
        window.scrollTo(0, 0);
      });
      await page.getByTestId("bench-run").focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => {
        const panel = document.querySelector('[data-testid="editor-side-panel"]')!;
        const heading = document.querySelector('[data-testid="bench-results-heading"]');
        if (!heading || document.activeElement !== heading) return false;
        const where = heading.getBoundingClientRect();
        const area = panel.getBoundingClientRect();
        return where.top >= area.top && where.bottom <= area.bottom && area.bottom <= window.innerHeight;
      });
    } finally {
      await page.close();
    }
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
    const expected = await attemptsToRescore();
    expect(expected).toBeGreaterThanOrEqual(1);
    const dialog = instructor.getByTestId("publish-confirm");
    const dialogOpen = () => dialog.evaluate((element) => (element as HTMLDialogElement).open);
    const focusInDialog = () => instructor.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="publish-confirm"]')));

    // Publishing asks first, and says what will happen.
    await instructor.getByTestId("publish-2").click();
    await dialog.waitFor();
    expect(await dialogOpen()).toBe(true);
    expect(await instructor.getByRole("dialog", { name: "Publish version 2?" }).count()).toBe(1);
    expect(await instructor.getByTestId("publish-confirm-version").textContent()).toBe("v2 becomes the active rubric, in place of v1. Every new answer is scored with it.");
    expect(await instructor.getByTestId("publish-confirm-rescore").textContent()).toContain(
      `${expected} past ${expected === 1 ? "attempt" : "attempts"} will be re-scored with v2 in the background`,
    );
    expect(await instructor.getByTestId("publish-confirm-originals").textContent()).toMatch(/^Every original score is kept\./);
    expect(await instructor.getByTestId("publish-confirm-confirm").textContent()).toBe(`Publish v2 and re-score ${expected} ${expected === 1 ? "attempt" : "attempts"}`);
    // Focus starts on Cancel and Tab cannot leave the dialog.
    expect(await instructor.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    for (let press = 0; press < 4; press++) {
      await instructor.keyboard.press(press % 2 ? "Shift+Tab" : "Tab");
      expect(await focusInDialog()).toBe(true);
    }
    await instructor.screenshot({ path: `${ARTIFACTS}/studio-2-publish-confirm.png` });

    // Cancel and Escape both leave everything as it was, with focus back on the Publish button.
    const focused = () => instructor.evaluate(() => document.activeElement?.getAttribute("data-testid"));
    await instructor.getByTestId("publish-confirm-cancel").click();
    await expect.poll(dialogOpen).toBe(false);
    await expect.poll(focused).toBe("publish-2");
    await instructor.keyboard.press("Enter");
    await expect.poll(dialogOpen).toBe(true);
    await instructor.keyboard.press("Escape");
    await expect.poll(dialogOpen).toBe(false);
    await expect.poll(focused).toBe("publish-2");
    expect(await instructor.getByTestId("version-row-2").getAttribute("data-active")).toBe("false");
    const version2 = await database.query(
      `SELECT rv."publishedAt" FROM "RubricVersion" rv JOIN "Question" q ON q.id = rv."questionId" WHERE q.slug = $1 AND rv.version = 2`,
      [SLUG],
    );
    expect(version2.rows[0].publishedAt).toBeNull();

    await instructor.getByTestId("publish-2").click();
    await instructor.getByTestId("publish-confirm-confirm").click();
    expect(await dialogOpen()).toBe(false);
    await instructor.getByTestId("rescore-progress").waitFor();
    // The Publish button is gone; focus stays with the outcome.
    expect(await focused()).toBe("versions-status-focus");
    await instructor.locator('[data-testid="rescore-done"][data-status="done"]').waitFor({ timeout: 30_000 });
    expect(await instructor.getByTestId("version-row-2").getAttribute("data-active")).toBe("true");
    expect(await instructor.getByTestId("rescore-done").textContent()).toContain("originals kept");
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
    // Claims checked by value (defaults) apply as they are and have nothing to copy: take the first that can be copied.
    const first = instructor.getByTestId("claim").filter({ has: instructor.getByTestId("claim-add") }).first();
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
