import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";

const ARTIFACTS = "artifacts/e2e";
let browser: Browser;
let page: Page;
const baseUrl = inject("baseUrl");

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(() => browser?.close());

describe("a candidate browsing the question bank", () => {
  it("goes from the home page to a question, filters, and reveals the model answer", async () => {
    await page.goto(baseUrl);
    const count = Number(await page.getByTestId("question-count").textContent());
    expect(count).toBeGreaterThanOrEqual(10);

    await page.getByTestId("start-practising").click();
    await page.waitForURL(`${baseUrl}/questions`);
    const cards = page.getByTestId("question-card");
    expect(await cards.count()).toBe(count);

    await page.getByTestId("filter-level").selectOption("final-boss");
    await page.waitForURL(/level=final-boss/);
    await expect.poll(() => page.getByTestId("result-count").textContent()).toMatch(new RegExp(`^\\d+ of ${count} questions$`));
    const bossCards = await cards.count();
    expect(bossCards).toBeGreaterThan(0);
    expect(bossCards).toBeLessThan(count);
    for (const badge of await cards.locator("text=Final boss").all()) expect(await badge.isVisible()).toBe(true);

    await page.getByTestId("filter-level").selectOption("");
    await page.getByTestId("filter-q").fill("RabbitMQ");
    await page.waitForURL(/q=RabbitMQ/);
    await page.getByRole("link", { name: /What Kafka is, why it exists/ }).click();
    await page.waitForURL(`${baseUrl}/questions/kafka-what-and-why`);

    await expect.poll(() => page.getByTestId("question-prompt").textContent()).toMatch(/RabbitMQ/);
    const modelAnswer = page.getByTestId("model-answer");
    expect(await modelAnswer.isVisible()).toBe(false);
    await page.getByTestId("reveal-model-answer").click();
    expect(await modelAnswer.isVisible()).toBe(true);
    expect(await page.getByTestId("reveal-model-answer").getAttribute("aria-expanded")).toBe("true");
    expect(await modelAnswer.textContent()).toMatch(/append-only log/);
    await page.screenshot({ path: `${ARTIFACTS}/question-with-model-answer.png`, fullPage: true });

    expect(await page.getByTestId("demo-link").getAttribute("href")).toBe("/demos/retention-replay");
    await page.getByTestId("demo-link").click();
    await page.waitForURL(`${baseUrl}/demos/retention-replay`);
    expect(await page.getByTestId("demo-step").count()).toBeGreaterThan(2);
    expect(await page.getByTestId("demo-steps").textContent()).toMatch(/Leader: \d/);
    await page.screenshot({ path: `${ARTIFACTS}/demo-retention-replay.png`, fullPage: true });
  });

  it("says what the question was checked against, with its sources one click away", async () => {
    await page.goto(`${baseUrl}/questions/kafka-retention-replay`);
    const provenance = page.getByTestId("checked-against");
    expect(await provenance.locator("summary").textContent()).toMatch(/^Checked against Kafka 4\.4 · \d+ sources$/);
    const links = provenance.locator("a");
    expect(await links.first().isVisible()).toBe(false);
    await provenance.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await links.first().isVisible()).toBe(true);
    expect(await links.count()).toBeGreaterThanOrEqual(2);
    for (const href of await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""))) expect(href).toMatch(/^https:\/\//);
  });

  it("keeps a typed draft across a reload", async () => {
    await page.goto(`${baseUrl}/questions/kafka-what-and-why`);
    await page.getByTestId("answer-input").fill("Kafka is a distributed append-only log.");
    await page.reload();
    await expect.poll(() => page.getByTestId("answer-input").inputValue()).toBe("Kafka is a distributed append-only log.");
  });

  it("scores an answer that waves the right practices away, and says so", async () => {
    await page.goto(`${baseUrl}/questions/kafka-retention-replay`);
    await page.getByTestId("answer-input").fill(
      "Consumers read records by offset and the records stay until retention removes them. Compaction keeps the latest value per key, but I'd stay away from it, it only makes things harder. " +
        "Resetting a group's offsets to replay a week of data is a recipe for trouble, so I would not replay from Kafka at all.",
    );
    await page.getByTestId("submit-answer").click();
    await page.getByTestId("feedback").waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "score-section");
    expect(Number(await page.getByTestId("score").textContent())).toBeLessThanOrEqual(3);
    const waved = page.locator('[data-testid="tighten-up-point"][data-reason="rejected"]');
    expect(await waved.count()).toBeGreaterThan(0);
    expect(await waved.first().textContent()).toContain("You waved this away");
    expect(await page.locator('[data-testid="checklist-item"][data-state="rejected"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/feedback-waved-away.png`, fullPage: true });
  });

  it("puts what the answer got wrong first, and explains the scorer in words with the identifiers behind a disclosure", async () => {
    await page.goto(`${baseUrl}/questions/kafka-delivery-guarantees`);
    await page.getByTestId("answer-input").fill(
      "For payments I'd use acks=all and enable.idempotence=true so retries never duplicate a write. Exactly-once is the default in Kafka, so nothing else is needed: " +
        "the idempotent producer alone makes the whole pipeline exactly-once end to end.",
    );
    await page.getByTestId("submit-answer").click();
    await page.getByTestId("feedback").waitFor({ timeout: 20_000 });
    const order = await page.evaluate(() => ["misconceptions", "tighten-up", "nailed"].map((id) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect().top ?? -1));
    expect(order[0]).toBeGreaterThan(0);
    expect(order[0]).toBeLessThan(order[1]!);
    expect(await page.getByTestId("misconceptions").locator("h2").textContent()).toBe("What you got wrong");
    // No internal labels in view: the scorer is a sentence, the checklist version sits behind "How this was scored".
    expect(await page.getByTestId("score-section").innerText()).not.toMatch(/\bc-[0-9a-f]{10}\b/);
    expect(await page.getByTestId("rubric-version").isVisible()).toBe(false);
    await page.getByText("How this was scored").click();
    expect(await page.getByTestId("rubric-version").isVisible()).toBe(true);
    expect(await page.getByTestId("rubric-version").textContent()).toMatch(/^c-[0-9a-f]{10}$/);
    expect(await page.getByTestId("how-scored").innerText()).toContain("using your own words as evidence");
    await page.screenshot({ path: `${ARTIFACTS}/feedback-misconceptions-first.png`, fullPage: true });
  });

  it("offers a skip link as the first stop for keyboard users", async () => {
    await page.goto(baseUrl);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });

  it("switches to dark mode and remembers it", async () => {
    await page.goto(baseUrl);
    await page.getByRole("button", { name: /Switch to dark theme/ }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    // The theme must already be applied when <body> is first parsed — before anything can paint —
    // or every load flashes light first.
    await page.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        if (!document.body) return;
        (window as unknown as { darkAtFirstBody?: boolean }).darkAtFirstBody = document.documentElement.classList.contains("dark");
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { darkAtFirstBody?: boolean }).darkAtFirstBody)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/home-dark.png`, fullPage: true });
  });

  it("shows a helpful page for a question that does not exist", async () => {
    const response = await page.goto(`${baseUrl}/questions/no-such-question`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("We could not find that page");
  });
});
