// The whole candidate journey in a real Chromium: sign up, practise a question, read the feedback
// and its evidence, see it in history with a trend, then sit a full five-question mock interview
// and read its summary. Screenshots of each stage are kept in artifacts/e2e/.
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";

const ARTIFACTS = "artifacts/e2e";
const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;

const ANSWER =
  "Kafka is a distributed, append-only commit log. LinkedIn built it because every system had a point-to-point pipe to every other one. " +
  "Each topic is split into partitions spread across brokers, so writes and reads scale in parallel. " +
  "Consumers keep an offset per partition, so after a crash they resume where they left off, and they can rewind to replay history. " +
  "Records are retained for a configured period, say seven days, whether or not anyone has read them. " +
  "A database holds the current state and updates rows in place; Kafka keeps the history of changes. " +
  "RabbitMQ pushes each message to a consumer and deletes it once acknowledged, while Kafka consumers pull and many consumer groups read the same topic independently.";

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { "x-forwarded-for": "10.77.0.1" } });
  page = await context.newPage();
});
afterAll(() => browser?.close());

async function practise(answer: string) {
  await page.goto(`${baseUrl}/questions/kafka-what-and-why`);
  await page.getByTestId("answer-input").fill(answer);
  await page.getByTestId("submit-answer").click();
  await page.waitForURL(/\/attempts\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await page.getByTestId("feedback").waitFor();
}

describe("a candidate's journey", () => {
  it("signs up", async () => {
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByTestId("auth-name").fill("Grace");
    await page.getByTestId("auth-email").fill(`grace-${Date.now()}@example.com`);
    await page.getByTestId("auth-password").fill("a-strong-password-1");
    await page.getByTestId("auth-submit").click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.getByTestId("user-name").textContent()).toBe("Grace");
  });

  it("practises a question and gets feedback with evidence from the answer", async () => {
    await practise(ANSWER);
    const score = Number(await page.getByTestId("score").textContent());
    expect(score).toBeGreaterThanOrEqual(7);
    expect(await page.getByTestId("scorer").textContent()).toBe("Rules scorer");
    // Focus lands on the score, in view, so keyboard and screen-reader users hear it first.
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "score-section");
    expect(await page.getByTestId("score").isVisible()).toBe(true);
    expect(await page.getByTestId("score").evaluate((element) => element.getBoundingClientRect().top >= 0 && element.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
    const met = page.locator('[data-testid="checklist-item"][data-met="true"]');
    expect(await met.count()).toBeGreaterThanOrEqual(5);
    // Evidence is quoted from the answer and highlighted in it.
    expect(await page.getByTestId("nailed").textContent()).toContain("partitions spread across brokers");
    await met.first().click();
    expect(await page.locator('[data-testid="highlighted-answer"] mark.ring-2').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/journey-1-feedback.png`, fullPage: true });
    // Only on arrival from a submission: opening the attempt again leaves focus alone.
    await page.reload();
    await page.getByTestId("feedback").waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).not.toBe("score-section");
  });

  it("sees both attempts in history with a score trend", async () => {
    const firstScore = Number(await page.getByTestId("score").textContent());
    expect(await page.getByTestId("score-change").count()).toBe(0);
    await practise("Kafka is a log with partitions. Consumers track offsets.");
    // The second try says how it compares with the first.
    const secondScore = Number(await page.getByTestId("score").textContent());
    const delta = Math.round((secondScore - firstScore) * 10) / 10;
    expect(await page.getByTestId("score-change").textContent()).toContain(
      delta === 0 ? "Same as your last try" : `${delta > 0 ? "+" : "−"}${Math.abs(delta).toFixed(1)} since your last try`,
    );
    await page.goto(`${baseUrl}/history`);
    await page.getByTestId("attempts-table").waitFor();
    expect(await page.getByTestId("attempts-table").locator("tbody tr").count()).toBe(2);
    // The chart measures its box in the browser before it draws, so wait for the drawing itself.
    await page.getByTestId("score-trend").locator("svg.recharts-surface").first().waitFor();
    expect(await page.getByTestId("score-trend").locator("svg.recharts-surface .recharts-line").count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/journey-2-history.png`, fullPage: true });
    // Filters live in the URL: a track with no attempts empties the table, clearing restores it.
    await page.getByTestId("filter-track").selectOption("streaming");
    await page.waitForURL(/track=streaming/);
    await page.getByTestId("history-no-match").waitFor();
    await page.getByTestId("filter-track").selectOption("");
    await page.waitForURL(`${baseUrl}/history`);
    await page.getByTestId("attempts-table").waitFor();
  });

  it("sits a full five-question mock interview and reads the summary", async () => {
    await page.goto(`${baseUrl}/interview`);
    await page.getByTestId("track-kafka").check();
    await page.getByTestId("timing-after_each").check();
    await page.getByTestId("start-interview").click();
    await page.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
    for (let position = 1; position <= 5; position++) {
      await page.getByTestId("answer-input").fill(`${ANSWER} (answer ${position})`);
      await page.getByTestId("submit-interview-answer").click();
      await page.getByTestId("feedback").waitFor({ timeout: 20_000 });
      if (position === 1) await page.screenshot({ path: `${ARTIFACTS}/journey-3-interview-feedback.png`, fullPage: true });
      const next = page.getByTestId(position < 5 ? "next-question" : "finish-interview").or(page.getByTestId("next-question"));
      await next.first().click();
      if (position < 5) await page.getByTestId("answer-input").waitFor();
    }
    await page.getByTestId("summary-table").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("summary-row").count()).toBe(5);
    expect(Number.parseFloat(await page.getByTestId("summary-average").textContent() ?? "")).toBeGreaterThan(0);
    expect(await page.getByTestId("assessment-headline").textContent()).toBeTruthy();
    await page.screenshot({ path: `${ARTIFACTS}/journey-4-interview-summary.png`, fullPage: true });
  });
});
