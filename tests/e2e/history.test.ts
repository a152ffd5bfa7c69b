// History in a real Chromium, on histories written straight into the database at chosen times and
// scores: the consistent-gaps summary agrees with the heat map beside it, the score trend draws
// scores of 0 and 10 clear of the axes, and its time axis never repeats a label (times within one
// day, dates across days), in the browser's own time zone. Screenshots go to /tmp/shots/.
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadContentBank, type Question } from "@/lib/content/load";
import { insertAttempt, saveScore } from "@/lib/db/attempts";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import type { ScoreResult } from "@/lib/scoring";
import { signUp } from "../support/app-server";
import { cookiesFor, launchBrowser } from "../support/browser";

const SHOTS = "/tmp/shots";
const baseUrl = inject("baseUrl");
// Not the server's zone (UTC): tick labels and the day under them must follow the browser's.
const TIME_ZONE = "Europe/Berlin";
const bank = loadContentBank();
const question = (slug: string): Question => bank.questions.find((candidate) => candidate.slug === slug)!;
const ARCH = question("kafka-architecture");
const LAG = question("kafka-consumer-lag");
const LATE = question("stream-late-data");
const required = (q: Question) => q.rubric.items.filter((item) => item.kind === "required").map((item) => item.id);

let db: Db;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const cookies: Record<"fresh" | "regular", string> = { fresh: "", regular: "" };

/** A ScoreResult in which exactly the `met` items are met. */
function resultFor(q: Question, met: string[], score: number): ScoreResult {
  return {
    question: q.slug,
    score,
    scorer: "rules",
    rubricVersion: "e2e",
    rulesVersion: "e2e",
    items: q.rubric.items.map((item) => ({
      id: item.id,
      label: item.label,
      kind: item.kind,
      weight: item.weight,
      met: met.includes(item.id),
      evidence: [],
      spans: [],
      highlights: [],
      decidedBy: "rules" as const,
      hint: item.hint,
      correction: item.correction,
    })),
    feedback: { summary: `Scored ${score}`, nailed: [], tightenUp: [], misconceptions: [], flags: [] },
    breakdown: { coverage: score / 10, raw: score, penalty: 0 },
    modelAnswer: "",
  };
}

async function record(userId: string, q: Question, at: string, met: string[], score: number) {
  const row = await db.question.findUniqueOrThrow({
    where: { slug: q.slug },
    select: { id: true, rubricVersions: { take: 1, orderBy: { version: "desc" }, select: { id: true } } },
  });
  const rubricVersionId = row.rubricVersions[0]!.id;
  const { id } = await insertAttempt(db, { userId, questionId: row.id, rubricVersionId, answer: `An answer scored ${score}.`, answerSource: "typed", timeSpentMs: 60_000 });
  await saveScore(db, { attemptId: id, rubricVersionId, result: resultFor(q, met, score), reason: "initial" });
  await db.attempt.update({ where: { id }, data: { createdAt: new Date(at) } });
}

async function account(name: keyof typeof cookies, ip: string): Promise<string> {
  const email = `history-${name}-${Date.now()}@example.com`;
  cookies[name] = await signUp(baseUrl, { email, password: "history-password-1", name }, ip);
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function historyPage(who: keyof typeof cookies, { width = 1280, dark = false } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: dark ? "dark" : "light", timezoneId: TIME_ZONE });
  contexts.push(context);
  if (dark) await context.addInitScript(() => localStorage.setItem("offset-theme", "dark"));
  await context.addCookies(cookiesFor(cookies[who], baseUrl));
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${baseUrl}/history`);
  await page.getByTestId("heat-map").waitFor();
  await page.locator('[data-testid="score-trend"] .recharts-line-dot').first().waitFor();
  return page;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  db = createPrismaClient(inject("databaseUrl"));
  browser = await launchBrowser();

  // A new candidate's one day (6 December in Berlin): kafka-architecture scored 0 then 10, consumer
  // lag and late data once each. Every point of consumer lag after the third was missed every time
  // it was asked (once), so the heat map shows rows at 100%.
  const fresh = await account("fresh", "10.13.0.1");
  await record(fresh, ARCH, "2025-12-06T08:05:00Z", [], 0);
  await record(fresh, ARCH, "2025-12-06T09:40:00Z", required(ARCH), 10);
  await record(fresh, LAG, "2025-12-06T12:15:00Z", required(LAG).slice(0, 3), 4);
  await record(fresh, LATE, "2025-12-06T15:30:00Z", required(LATE).slice(0, 4), 6);

  // A regular over two and a half weeks: four kafka-architecture answers that always leave out the
  // first point and mostly the second and third, three consumer-lag answers that mostly miss the last.
  const regular = await account("regular", "10.13.0.2");
  const [a1, a2, a3, ...archRest] = required(ARCH);
  await record(regular, ARCH, "2025-11-03T10:00:00Z", archRest, 3);
  await record(regular, ARCH, "2025-11-05T10:00:00Z", [...archRest], 4.5);
  await record(regular, ARCH, "2025-11-10T10:00:00Z", [a2!, a3!, ...archRest], 7);
  await record(regular, ARCH, "2025-11-17T10:00:00Z", archRest, 6);
  const lag = required(LAG);
  await record(regular, LAG, "2025-11-04T10:00:00Z", lag.slice(0, -1), 5);
  await record(regular, LAG, "2025-11-12T10:00:00Z", lag, 6.5);
  await record(regular, LAG, "2025-11-18T10:00:00Z", lag.slice(0, -1), 6);
  expect(a1).toBeTruthy();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await db?.$disconnect();
});

interface HeatRowSeen {
  key: string;
  consistent: boolean;
  missed: number;
  asked: number;
  percent: number;
}

async function heatRows(page: Page): Promise<HeatRowSeen[]> {
  return page.getByTestId("heat-row").evaluateAll((rows) =>
    rows.map((row) => {
      const total = row.querySelector('[data-testid="heat-row-total"]')!.textContent ?? "";
      const [, percent, missed, asked] = /(\d+)%\s*(\d+) of (\d+)/.exec(total) ?? [];
      return { key: row.getAttribute("data-key")!, consistent: row.getAttribute("data-consistent") === "true", missed: Number(missed), asked: Number(asked), percent: Number(percent) };
    }),
  );
}

/** The phrase naming the answers both sections count: "your 4 scored answers in the week of …". */
const scopeOf = (text: string) => /your (?:one|[\d,]+) scored answers? (?:in|since) [^.,:(]+/.exec(text)?.[0]?.trim();

/** The checks every history must pass: the summary says nothing the heat map contradicts. */
async function expectGapsToAgree(page: Page) {
  const rows = await heatRows(page);
  const summary = page.getByTestId("consistent-gaps");
  const headline = (await page.getByTestId("gaps-headline").textContent()) ?? "";
  const mostlyMissed = rows.filter((row) => row.missed * 2 > row.asked);
  if (mostlyMissed.length > 0) expect(headline).not.toMatch(/No point is missed|Nothing missed/);
  for (const row of rows) expect(row.consistent, row.key).toBe(row.asked >= 3 && row.missed * 2 > row.asked);
  // Each named gap is a heat-map row marked as one, with the very same counts.
  for (const gap of await summary.getByTestId("consistent-gap").all()) {
    const key = (await gap.getAttribute("data-key"))!;
    const [, missed, asked] = /\((\d+)\/(\d+)\)/.exec((await gap.getByTestId("gap-rate").textContent()) ?? "") ?? [];
    expect(rows.find((row) => row.key === key)).toMatchObject({ consistent: true, missed: Number(missed), asked: Number(asked) });
  }
  // The same answers: both sections name them in the same words.
  const scope = scopeOf(headline);
  expect(scope).toBeTruthy();
  expect(scopeOf((await page.getByTestId("heat-map-scope").textContent()) ?? "")).toBe(scope);
  return { rows, headline, kind: await summary.getAttribute("data-summary") };
}

async function axisLabels(page: Page): Promise<string[]> {
  return page.locator('[data-testid="score-trend"] .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
}

describe("history", () => {
  it("does not say no point is missed beside a heat map of points missed every time", async () => {
    const page = await historyPage("fresh");
    const { rows, headline, kind } = await expectGapsToAgree(page);
    expect(rows.some((row) => row.percent === 100)).toBe(true);
    expect(kind).toBe("tentative");
    expect(headline).toContain("No consistent gap yet across your 4 scored answers in the week of 1 December 2025");
    expect(await page.getByTestId("consistent-gap").count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/history-fresh-1280.png`, fullPage: true });
  });

  it("names the consistent gaps the heat map marks, with the same counts", async () => {
    const page = await historyPage("regular");
    const { rows, headline, kind } = await expectGapsToAgree(page);
    expect(kind).toBe("gaps");
    expect(headline).toBe("Across your 7 scored answers since the week of 3 November 2025, 4 points are missed more often than not. Work them into your next answers.");
    expect(await page.getByTestId("consistent-gap").count()).toBe(3);
    expect(rows.filter((row) => row.consistent)).toHaveLength(4);
    expect(await page.getByTestId("heat-row-consistent").count()).toBe(4);
    expect(await page.getByTestId("consistent-gaps").textContent()).toContain("And one point more, marked in the heat map below.");
    await page.screenshot({ path: `${SHOTS}/history-regular-1280.png`, fullPage: true });
  });

  it("draws scores of 0 and 10 inside the chart, clear of the axis and the top edge", async () => {
    const page = await historyPage("fresh");
    const chart = page.getByTestId("score-trend");
    const geometry = await chart.locator("svg.recharts-surface").first().evaluate((svg) => {
      const number = (element: Element | null, name: string) => Number(element?.getAttribute(name));
      const yTicks = [...svg.querySelectorAll(".recharts-yAxis-tick-labels text")].map((text) => ({ label: text.textContent, y: number(text, "y") }));
      return {
        dots: [...svg.querySelectorAll("circle.recharts-line-dot")].map((dot) => ({ name: dot.getAttribute("name"), cy: number(dot, "cy"), r: number(dot, "r") })),
        axisY: number(svg.querySelector(".recharts-xAxis .recharts-cartesian-axis-line"), "y1"),
        y0: yTicks.find((tick) => tick.label === "0")?.y,
        y10: yTicks.find((tick) => tick.label === "10")?.y,
      };
    });
    // One dot per score: four attempts, three questions, all lines shown.
    expect(geometry.dots).toHaveLength(4);
    const arch = geometry.dots.filter((dot) => dot.name === ARCH.title);
    expect(arch.map((dot) => dot.cy)).toEqual([geometry.y0, geometry.y10]);
    const [zero, ten] = arch;
    expect(geometry.axisY - zero!.cy).toBeGreaterThanOrEqual(zero!.r + 6); // not on the x axis line
    expect(ten!.cy - ten!.r).toBeGreaterThanOrEqual(6); // not cut off at the top
    await chart.screenshot({ path: `${SHOTS}/history-trend-ends.png` });
  });

  it("labels one day's attempts by time, with the day once under them", async () => {
    const page = await historyPage("fresh");
    const labels = await axisLabels(page);
    expect(labels).toEqual(["10:00", "12:00", "14:00", "16:00"]); // Berlin time
    expect(await page.getByTestId("trend-axis-caption").textContent()).toBe("6 Dec 2025");
  });

  it("labels weeks of attempts by date, never the same label twice", async () => {
    const page = await historyPage("regular");
    const labels = await axisLabels(page);
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^\d{1,2} [A-Z][a-z]{2,3}$/);
    expect(await page.getByTestId("trend-axis-caption").count()).toBe(0);
  });

  it("reads well on a phone and in dark mode", { timeout: 240_000 }, async () => {
    for (const who of ["fresh", "regular"] as const) {
      for (const [width, dark] of [
        [390, false],
        [390, true],
        [1280, true],
      ] as const) {
        const page = await historyPage(who, { width, dark });
        await expectGapsToAgree(page);
        const labels = await axisLabels(page);
        expect(labels.length).toBeGreaterThanOrEqual(1);
        expect(new Set(labels).size).toBe(labels.length);
        // Nothing wider than the screen but the heat map, which scrolls inside its own box.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `${SHOTS}/history-${who}-${width}${dark ? "-dark" : ""}.png`, fullPage: true });
        for (const section of ["trend", "gaps", "heat-map"]) {
          await page.locator(`#${section}`).screenshot({ path: `${SHOTS}/history-${who}-${width}${dark ? "-dark" : ""}-${section}.png` });
        }
      }
    }
    expect(pageErrors).toEqual([]);
  });
});
