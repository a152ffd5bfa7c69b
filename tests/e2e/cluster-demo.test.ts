// The live mini-cluster in a real Chromium: a question page opens its cluster on demand; on the
// delivery-guarantees demo acks=1 and a leader crash lose an acknowledged record and the lab says so;
// on the consumer-lag demo a consumer past the partition count sits idle and the challenge is met
// once the group fits the partitions; a shared link replays exactly the same run. Guided steps tick off
// when the learner does them with the controls; "Do it for me" never completes a challenge; completed
// challenges show on /demos, per browser and per account. Screenshots go to artifacts/e2e/.
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";

const ARTIFACTS = "artifacts/e2e";
const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (error) => pageErrors.push(error.message));
});
afterAll(() => browser?.close());

/** Everything a replay must reproduce, read off the page. */
async function snapshot(target: Page) {
  const lab = target.getByTestId("cluster-lab");
  return {
    now: await lab.getAttribute("data-now"),
    lanes: await target.$$eval('[data-testid="lane"]', (lanes) => lanes.map((lane) => `${lane.getAttribute("data-tp")}:${lane.getAttribute("data-leo")}/${lane.getAttribute("data-hw")}`)),
    consumers: await target.$$eval('[data-testid="consumer-row"]', (rows) => rows.map((row) => `${row.getAttribute("data-consumer")}=${row.getAttribute("data-status")}`)),
    lost: await target.getByTestId("lost-total").textContent(),
    challenge: await target.getByTestId("challenge").getAttribute("data-met"),
  };
}

/** The URL once the lab has written its latest run into it (it does so 400 ms after the last action). */
async function sharedUrl(target: Page): Promise<string> {
  await target.waitForTimeout(800);
  const url = await target.evaluate(() => window.location.href);
  expect(url).toContain("run=");
  return url;
}

describe("the live mini-cluster", () => {
  it("loads on a question page only when asked for", async () => {
    await page.goto(`${baseUrl}/questions/kafka-delivery-guarantees`, { waitUntil: "networkidle" });
    const embed = page.getByTestId("live-cluster");
    await embed.waitFor();
    expect(await page.getByTestId("cluster-diagram").count()).toBe(0);
    await page.getByTestId("open-live-cluster").click();
    await page.getByTestId("cluster-diagram").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("broker").count()).toBe(3);
    await embed.screenshot({ path: `${ARTIFACTS}/demo-1-embedded.png` });
  });

  it("names every lab button with its visible text, so voice control and screen readers agree (axe label-content-name-mismatch)", async () => {
    await page.goto(`${baseUrl}/demos/acks-durability`, { waitUntil: "networkidle" });
    await page.getByTestId("cluster-diagram").waitFor();
    const mismatches = await page.$$eval("button[aria-label]", (buttons) =>
      buttons
        .map((button) => ({ label: button.getAttribute("aria-label") ?? "", text: (button.textContent ?? "").replace(/\s+/g, " ").trim() }))
        .filter(({ label, text }) => text && /\w/.test(text) && !label.toLowerCase().includes(text.toLowerCase())),
    );
    expect(mismatches).toEqual([]);
    expect(await page.getByRole("button", { name: /^\+1 s/ }).textContent()).toBe("+1 s");
    expect(await page.getByRole("button", { name: /^\+10 s/ }).textContent()).toBe("+10 s");
  });

  it("acks=1 and a leader crash: an acknowledged record is lost, and the lab explains why", async () => {
    await page.goto(`${baseUrl}/demos/acks-durability`, { waitUntil: "networkidle" });
    await page.getByTestId("cluster-diagram").waitFor();
    await page.getByTestId("producer-acks").selectOption("1");
    await page.getByTestId("producer-apply").click();
    await page.getByTestId("advance-1s").click();
    expect(await page.getByTestId("lost-total").textContent()).toContain("0");

    // Broker 1 leads payments-0 in this scenario.
    expect(await page.locator('[data-testid="replica"][data-broker="1"][data-role="leader"]').count()).toBe(1);
    await page.getByTestId("kill-broker-1").click();
    await page.getByTestId("advance-10s").click();

    const lost = Number((await page.getByTestId("lost-total").textContent())!.replace(/\D+/g, ""));
    expect(lost).toBeGreaterThan(0);
    const explanation = page.locator('[data-testid="event-log"] [data-kind="acked-loss"]').first();
    await explanation.waitFor();
    const text = (await explanation.textContent())!;
    expect(text).toMatch(/acks=1/);
    expect(text).toMatch(/lost|gone/i);
    // Another broker leads now.
    expect(await page.locator('[data-testid="replica"][data-role="leader"]').count()).toBe(1);
    expect(await page.locator('[data-testid="replica"][data-broker="1"][data-role="leader"]').count()).toBe(0);
    // acks=1 does not meet the challenge, and it says why.
    expect(await page.getByTestId("challenge").getAttribute("data-met")).toBe("false");
    expect(await page.getByTestId("challenge-status").textContent()).toMatch(/lost/);
    await page.screenshot({ path: `${ARTIFACTS}/demo-2-acks1-loss.png`, fullPage: true });
  });

  it("a consumer past the partition count sits idle; fitting the group to the partitions meets the challenge", async () => {
    await page.goto(`${baseUrl}/demos`, { waitUntil: "networkidle" });
    expect(await page.getByTestId("demo-card").count()).toBeGreaterThanOrEqual(13);
    await page.getByRole("link", { name: "Diagnosing consumer lag" }).click();
    await page.waitForURL(/\/demos\/consumer-lag$/);
    await page.getByTestId("cluster-diagram").waitFor();
    expect(await page.getByTestId("challenge").getAttribute("data-met")).toBe("false");
    expect(await page.locator('[data-testid="lane"]').count()).toBe(4);

    for (let i = 0; i < 3; i++) await page.getByTestId("add-consumer").click();
    await page.getByTestId("advance-1s").click();
    await page.getByTestId("advance-1s").click();
    const rows = page.getByTestId("consumer-row");
    expect(await rows.count()).toBe(5);
    const idle = page.locator('[data-testid="consumer-row"][data-status="idle"]');
    expect(await idle.count()).toBe(1);
    expect(await page.locator('[data-testid="consumer"][data-status="idle"]').count()).toBe(1);
    await page.locator('[data-testid="event-log"] [data-kind="idle-consumer"]').first().waitFor();
    expect(await page.getByTestId("challenge-status").textContent()).toMatch(/idle/);
    await page.screenshot({ path: `${ARTIFACTS}/demo-3-idle-consumer.png`, fullPage: true });

    // Four consumers for four partitions catch up with 600 records/s.
    await idle.getByTestId("remove-consumer").click();
    for (let i = 0; i < 3; i++) await page.getByTestId("advance-10s").click();
    await page.locator('[data-testid="challenge"][data-met="true"]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("challenge-status").textContent()).toMatch(/none idle/);
    expect(await page.locator('[data-testid="consumer-row"][data-status="idle"]').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/demo-4-challenge-met.png`, fullPage: true });
  });

  it("a shared link replays the same run", async () => {
    const before = await snapshot(page);
    const url = await sharedUrl(page);
    const other = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await other.goto(url, { waitUntil: "networkidle" });
    await other.getByTestId("cluster-diagram").waitFor();
    expect(await snapshot(other)).toEqual(before);
    expect(before.challenge).toBe("true");
    await other.screenshot({ path: `${ARTIFACTS}/demo-5-replayed.png`, fullPage: true });
    await other.close();

    // A link that was tampered with starts fresh and says why, instead of crashing.
    const broken = await browser.newPage();
    await broken.goto(`${baseUrl}/demos/consumer-lag?run=not-a-run`, { waitUntil: "networkidle" });
    await broken.getByTestId("run-problem").waitFor();
    expect(await broken.getByTestId("cluster-lab").getAttribute("data-now")).not.toBe(before.now);
    await broken.close();
  });

  it("threw no errors in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});

/** A visitor of their own: a fresh browser context (own localStorage and cookies) from its own address. */
async function visitor(address: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { "x-forwarded-for": address } });
  const target = await context.newPage();
  target.on("pageerror", (error) => pageErrors.push(error.message));
  return { context, page: target };
}

async function openLab(target: Page, scenario: string) {
  await target.goto(`${baseUrl}/demos/${scenario}`, { waitUntil: "networkidle" });
  await target.getByTestId("cluster-diagram").waitFor();
}

const stepsDone = (target: Page) => target.getByTestId("steps-done").textContent();
/** Waits until the element with `testId` reads exactly `text` (the panels under the diagram render a moment later). */
const reads = (target: Page, testId: string, text: string) =>
  target.waitForFunction(([id, expected]) => document.querySelector(`[data-testid="${id}"]`)?.textContent === expected, [testId, text] as const);
const challengeProgress = (target: Page) => target.getByTestId("challenge").getAttribute("data-progress");

async function send(target: Page, key: string, count: number, eventTime?: string) {
  await target.getByTestId("produce-key").fill(key);
  await target.getByTestId("produce-count").fill(String(count));
  if (eventTime !== undefined) await target.getByTestId("produce-time").fill(eventTime);
  await target.getByTestId("produce-send").click();
}

/** key-partitioning's three steps with the lab's own controls, which also meets its challenge. */
async function partitionKeysByHand(target: Page) {
  await send(target, "alice", 4);
  await send(target, "bob", 4);
  await target.getByTestId("advance-1s").click();
  await target.getByTestId("topic-partitions").fill("6");
  await target.getByTestId("topic-apply").click();
  await target.getByTestId("advance-10s").click();
}

describe("guided steps and the challenge, by hand and done for you", () => {
  it("a step done with the controls ticks off, and the next one comes up", async () => {
    const { context, page: lab } = await visitor("10.13.0.1");
    await openLab(lab, "cluster-tour");
    expect(await stepsDone(lab)).toBe("0 of 4 done");
    // The produce form starts on the key the steps use.
    expect(await lab.getByTestId("produce-key").inputValue()).toBe("customer-1");
    await send(lab, "customer-1", 3);
    await lab.getByTestId("advance-1s").click();
    await lab.waitForFunction(() => document.querySelector('[data-testid="steps-done"]')?.textContent === "1 of 4 done");
    const steps = lab.getByTestId("guided-step");
    expect(await steps.nth(0).getAttribute("data-state")).toBe("done");
    expect(await steps.nth(0).getAttribute("data-done-by")).toBe("you");
    expect(await steps.nth(0).textContent()).toMatch(/by you.*Notice: All three land on the same partition/);
    expect(await steps.nth(1).getAttribute("data-state")).toBe("current");
    expect(await steps.nth(1).textContent()).toContain("Add a second consumer to group 'billing'.");
    expect(await steps.nth(1).getByTestId("do-it-for-me").count()).toBe(1);
    // The second step by hand too.
    await lab.getByTestId("add-consumer").click();
    await lab.waitForFunction(() => document.querySelector('[data-testid="steps-done"]')?.textContent === "2 of 4 done");
    expect(await steps.nth(1).getAttribute("data-done-by")).toBe("you");
    expect(await challengeProgress(lab)).toBe("open");
    await lab.screenshot({ path: `${ARTIFACTS}/demo-6-steps-by-hand.png`, fullPage: true });
    await context.close();
  });

  it("'Do it for me' teaches the steps but never completes the challenge; the learner's own run does, and /demos shows it", async () => {
    const { context, page: lab } = await visitor("10.13.0.2");
    await openLab(lab, "key-partitioning");
    for (let i = 0; i < 3; i++) {
      await lab.locator('[data-testid="guided-step"][data-state="current"]').getByTestId("do-it-for-me").click();
      // Focus moves to the step just done, which now says what to notice.
      await lab.waitForFunction((index) => document.activeElement === document.querySelectorAll('[data-testid="guided-step"]')[index], i);
    }
    expect(await stepsDone(lab)).toBe("3 of 3 done");
    expect(await lab.locator('[data-testid="guided-step"][data-done-by="lab"]').count()).toBe(3);
    // The cluster is in the challenge's state, but the lab got it there.
    expect(await lab.getByTestId("challenge").getAttribute("data-met")).toBe("true");
    expect(await challengeProgress(lab)).toBe("done-for-you");
    expect(await lab.getByTestId("challenge-status").textContent()).toMatch(/^Done for you — now try the challenge yourself\./);
    expect(await lab.getByTestId("challenge-status").textContent()).not.toMatch(/Challenge complete/);
    expect(await lab.evaluate(() => localStorage.getItem("offset-demo-progress"))).toBeNull();
    await lab.screenshot({ path: `${ARTIFACTS}/demo-7-done-for-you.png`, fullPage: true });

    // "Reset and try it yourself" starts an own run.
    await lab.getByTestId("try-yourself").click();
    expect(await stepsDone(lab)).toBe("0 of 3 done");
    expect(await challengeProgress(lab)).toBe("open");
    expect(await lab.getByTestId("try-yourself").count()).toBe(0);
    expect(await lab.getByTestId("produce-key").inputValue()).toBe("alice");
    await partitionKeysByHand(lab);
    await lab.locator('[data-testid="challenge"][data-progress="complete"]').waitFor({ timeout: 10_000 });
    expect(await stepsDone(lab)).toBe("3 of 3 done");
    expect(await lab.locator('[data-testid="guided-step"][data-done-by="you"]').count()).toBe(3);
    expect(await lab.getByTestId("challenge-status").textContent()).toMatch(/^Challenge complete\. Key '[^']+' has records on partitions/);
    await lab.getByText("Saved in this browser.").waitFor();
    expect(JSON.parse((await lab.evaluate(() => localStorage.getItem("offset-demo-progress")))!)).toHaveProperty("key-partitioning");
    await lab.screenshot({ path: `${ARTIFACTS}/demo-8-complete.png`, fullPage: true });

    // The index shows it: one done, with a badge on its card only.
    await lab.goto(`${baseUrl}/demos`, { waitUntil: "networkidle" });
    await lab.locator('[data-testid="demo-card"][data-scenario="key-partitioning"] [data-testid="demo-done"]').waitFor();
    expect(await lab.getByTestId("demo-done").count()).toBe(1);
    expect(await lab.getByTestId("demo-progress-count").textContent()).toBe("1 of 15 done");
    expect(await lab.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("1");
    expect(await lab.getByTestId("demo-progress").textContent()).toMatch(/kept in this browser; sign in to keep it with your account/);
    await lab.screenshot({ path: `${ARTIFACTS}/demo-9-index-progress.png`, fullPage: true });
    // Back on the scenario, a fresh lab says it was done before.
    await openLab(lab, "key-partitioning");
    expect(await lab.getByTestId("challenge-done-before").textContent()).toMatch(/^✓ You completed it on \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    await context.close();
  });

  it("keeps a signed-in learner's completions with their account, seen from another browser", async () => {
    const email = `lab-${Date.now()}@example.com`;
    const first = await visitor("10.13.0.3");
    await first.page.goto(`${baseUrl}/sign-up`);
    await first.page.getByTestId("auth-name").fill("Lin");
    await first.page.getByTestId("auth-email").fill(email);
    await first.page.getByTestId("auth-password").fill("a-strong-password-1");
    await first.page.getByTestId("auth-submit").click();
    await first.page.waitForURL(`${baseUrl}/`);
    await openLab(first.page, "key-partitioning");
    await partitionKeysByHand(first.page);
    await first.page.getByText("Saved to your account and this browser.").waitFor({ timeout: 10_000 });
    await first.context.close();

    // Another browser: nothing in its localStorage, yet /demos shows the account's completion once signed in.
    const second = await visitor("10.13.0.4");
    await second.page.goto(`${baseUrl}/demos`, { waitUntil: "networkidle" });
    expect(await second.page.getByTestId("demo-done").count()).toBe(0);
    await second.page.goto(`${baseUrl}/sign-in?next=/demos`);
    await second.page.getByTestId("auth-email").fill(email);
    await second.page.getByTestId("auth-password").fill("a-strong-password-1");
    await second.page.getByTestId("auth-submit").click();
    await second.page.waitForURL(`${baseUrl}/demos`);
    await second.page.locator('[data-testid="demo-card"][data-scenario="key-partitioning"] [data-testid="demo-done"]').waitFor();
    expect(await second.page.getByTestId("demo-progress-count").textContent()).toBe("1 of 15 done");
    expect(await second.page.getByTestId("demo-progress").textContent()).toMatch(/saved to your account and this browser/);
    expect(await second.page.evaluate(() => localStorage.getItem("offset-demo-progress"))).toBeNull();
    await second.context.close();
  });
});

describe("controls for every step", () => {
  it("time-windows: clicks sent by event time and a hopping window, all by hand, complete the challenge", async () => {
    const { context, page: lab } = await visitor("10.13.0.5");
    await openLab(lab, "time-windows");
    expect(await lab.getByTestId("produce-key").inputValue()).toBe("/home");
    // A time that is not m:ss is refused with a hint, and nothing is sent.
    await lab.getByTestId("produce-time").fill("40");
    expect(await lab.getByTestId("produce-send").isDisabled()).toBe(true);
    expect(await lab.getByTestId("produce-time").getAttribute("aria-invalid")).toBe("true");
    for (const time of ["0:10", "0:40", "0:59.999", "1:00"]) await send(lab, "/home", 1, time);
    expect(await lab.getByTestId("produce-send").textContent()).toBe("Send record at 1:00");
    await lab.getByTestId("advance-1s").click();
    await lab.waitForFunction(() => document.querySelector('[data-testid="steps-done"]')?.textContent === "1 of 2 done");
    await lab.locator('[data-testid="stream-windows"]', { hasText: "[0:00, 1:00)" }).waitFor();
    // Hopping windows: a new one every 30 s.
    expect(await lab.getByTestId("window-apply").isDisabled()).toBe(true);
    await lab.getByTestId("window-advance").selectOption(String(30_000));
    expect(await lab.getByTestId("window-kind").textContent()).toMatch(/^Hopping windows/);
    await lab.getByTestId("window-apply").click();
    await lab.getByTestId("advance-1s").click();
    await lab.locator('[data-testid="challenge"][data-progress="complete"]').waitFor({ timeout: 10_000 });
    expect(await stepsDone(lab)).toBe("2 of 2 done");
    // The new version of the app counts hopping windows.
    await lab.locator('[data-testid="stream-windows"]', { hasText: "hopping windows" }).filter({ hasText: "[0:30, 1:30)" }).waitFor();
    await lab.screenshot({ path: `${ARTIFACTS}/demo-10-windows-by-hand.png`, fullPage: true });
    await context.close();
  });

  it("retention-replay, transactions-eos and idempotent-producer: a new group, a transaction and a lost acknowledgement by hand", async () => {
    const { context, page: lab } = await visitor("10.13.0.6");
    await openLab(lab, "retention-replay");
    await lab.getByTestId("advance-10s").click();
    await lab.waitForFunction(() => document.querySelector('[data-testid="steps-done"]')?.textContent === "1 of 4 done");
    expect(await lab.getByTestId("consumer-group").inputValue()).toBe("billing");
    await lab.getByTestId("consumer-group").fill("replay");
    await lab.getByText("A new group has no committed offsets").waitFor();
    await lab.getByTestId("add-consumer").click();
    await lab.locator('[data-testid="consumer-row"]', { hasText: "group replay" }).waitFor();
    await lab.waitForFunction(() => document.querySelector('[data-testid="steps-done"]')?.textContent === "2 of 4 done");
    await lab.getByTestId("advance-1s").click();
    await lab.locator('[data-testid="challenge"][data-progress="complete"]').waitFor({ timeout: 10_000 });

    await openLab(lab, "transactions-eos");
    await lab.getByTestId("advance-1s").click();
    await lab.getByTestId("tx-commit").click();
    await reads(lab, "tx-counts", "1 / 0");
    await lab.waitForFunction(() => document.querySelector('[data-testid="steps-done"]')?.textContent === "1 of 3 done");
    await lab.getByTestId("advance-1s").click();
    await lab.getByTestId("tx-abort").click();
    await reads(lab, "tx-counts", "1 / 1");
    await lab.waitForFunction(() => document.querySelector('[data-testid="steps-done"]')?.textContent === "2 of 3 done");

    await openLab(lab, "idempotent-producer");
    await lab.getByTestId("drop-ack").click();
    await reads(lab, "acks-to-lose", "1 acknowledgement will be lost");
    await send(lab, "card-42", 1);
    await lab.getByTestId("advance-1s").click();
    await lab.getByTestId("advance-1s").click();
    await lab.getByTestId("advance-1s").click();
    await lab.waitForFunction(() => document.querySelector('[data-testid="steps-done"]')?.textContent === "1 of 2 done");
    await reads(lab, "acks-to-lose", "");
    await lab.locator('[data-testid="delivery-tally"]', { hasText: "duplicates written1" }).waitFor();
    await context.close();
  });

  it("threw no errors in these pages either", () => {
    expect(pageErrors).toEqual([]);
  });
});
