// The live mini-cluster in a real Chromium: a question page opens its cluster on demand; on the
// delivery-guarantees demo acks=1 and a leader crash lose an acknowledged record and the lab says so;
// on the consumer-lag demo a consumer past the partition count sits idle and the challenge is met
// once the group fits the partitions; a shared link replays exactly the same run. Screenshots go to
// artifacts/e2e/.
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
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
