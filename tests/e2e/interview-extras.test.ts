// The mock interview's voice input, skip and follow-up questions in a real Chromium. Voice goes through
// the browser engine (the app has no OPENAI_API_KEY under test), with the Web Speech API replaced by a
// scripted recogniser that "hears" a fixed sentence. Screenshots go to /tmp/shots/.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadContentBank, type Question } from "@/lib/content/load";
import { chooseFollowUp, type FollowUpChoice } from "@/lib/practice/follow-up";
import { scoreWithRules } from "@/lib/scoring";
import { signUp } from "../support/app-server";
import { cookiesFor, launchBrowser } from "../support/browser";

const SHOTS = "/tmp/shots";
const baseUrl = inject("baseUrl");
const database = new pg.Client({ connectionString: inject("databaseUrl") });
const bank = loadContentBank();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SPOKEN = "Kafka keeps an append-only log per partition, and each consumer group tracks its own offsets so it can replay history.";
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

/** A stand-in for the Web Speech API: start() "hears" window.__spoken as one final phrase; stop() ends. */
function installFakeSpeech(spoken: string) {
  const w = window as unknown as Record<string, unknown>;
  w.__spoken = spoken;
  w.__recognitionStarts = 0;
  class FakeRecognition extends EventTarget {
    continuous = false;
    interimResults = false;
    lang = "";
    maxAlternatives = 1;
    onresult: ((event: unknown) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    onend: ((event: Event) => void) | null = null;
    onstart: ((event: Event) => void) | null = null;
    start() {
      w.__recognitionStarts = (w.__recognitionStarts as number) + 1;
      setTimeout(() => {
        const result = Object.assign([{ transcript: String(w.__spoken), confidence: 0.92 }], { isFinal: true });
        this.onresult?.({ resultIndex: 0, results: [result] });
      }, 150);
    }
    stop() {
      setTimeout(() => this.onend?.(new Event("end")), 20);
    }
    abort() {
      this.onend?.(new Event("end"));
    }
  }
  w.SpeechRecognition = FakeRecognition;
  w.webkitSpeechRecognition = FakeRecognition;
}

async function account(name: string, ip: string): Promise<{ email: string; cookie: string }> {
  const email = `interview-${name.toLowerCase()}-${Date.now()}@example.com`;
  return { email, cookie: await signUp(baseUrl, { email, password: "interview-password-1", name }, ip) };
}

async function pageWith(cookie: string, options: { width?: number; dark?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.dark ? "dark" : "light" });
  contexts.push(context);
  await context.addInitScript(installFakeSpeech, SPOKEN);
  await context.addCookies(cookiesFor(cookie, baseUrl));
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return page;
}

/**
 * Serious or critical axe-core violations on `path`, in light and dark mode, in a context of its own
 * (CSP bypassed only so axe can be injected), the shared feedback view included.
 */
async function axeViolations(cookie: string, path: string, ready: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, bypassCSP: true });
    contexts.push(context);
    await context.addInitScript(installFakeSpeech, SPOKEN);
    await context.addCookies(cookiesFor(cookie, baseUrl));
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
    await page.getByTestId(ready).first().waitFor();
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
      return (await axe.run(document)).violations;
    });
    found.push(
      ...violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => `${colorScheme}: ${violation.id} at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
    );
    await context.close();
  }
  return found;
}

async function startInterview(page: Page, timing: "after_each" | "at_end"): Promise<{ id: string; slugs: string[] }> {
  await page.goto(`${baseUrl}/interview`);
  await page.getByTestId("track-kafka").check();
  await page.getByTestId(`timing-${timing}`).check();
  await page.getByTestId("start-interview").click();
  await page.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  const { rows } = await database.query<{ questionSlugs: string[] }>(`SELECT "questionSlugs" FROM "MockSession" WHERE id = $1`, [id]);
  return { id, slugs: rows[0]!.questionSlugs };
}

const headingText = (page: Page) => page.locator("#interview-step-heading").textContent();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

/** True when the page scrolls sideways (wider content than the viewport). */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

/** Markdown follow-ups as the page shows them (inline code and emphasis become plain text). */
const plain = (markdown: string) => markdown.replace(/[`*_]/g, "");

/**
 * An answer that says every point of the question in its own "say it like this" words except one, for
 * which the rules' result leaves that point the weakest and one of the question's follow-ups is about
 * it: the follow-up the page must ask.
 */
function answerMissingAFollowedUpPoint(question: Question): { text: string; dropped: Question["rubric"]["items"][number]; choice: FollowUpChoice } {
  for (const dropped of question.rubric.items.filter((item) => item.kind === "required")) {
    const text = question.rubric.items.flatMap((item) => (item.hint && item.id !== dropped.id && item.kind !== "misconception" ? [item.hint] : [])).join(" ");
    const result = scoreWithRules({ question, answer: text, vocabulary: bank.vocabulary, claims: bank.claims });
    const standings = result.items.map((item) => ({ id: item.id, met: item.met, ...(item.depth ? { depth: item.depth } : {}), ...(item.rejection ? { rejected: true } : {}) }));
    const choice = chooseFollowUp({ followUps: question.followUps, rubric: question.rubric, standings });
    if (choice?.match === "weakest" && choice.weakest?.id === dropped.id && choice.weakest.state === "missed") return { text, dropped, choice };
  }
  throw new Error(`no single missed point of ${question.slug} has a follow-up of its own`);
}

/** Waits for the server's re-render after an action to reach the given step. */
async function waitForStage(page: Page, stage: string) {
  await page.waitForSelector(`[data-testid="interview-session"][data-stage="${stage}"]`, { timeout: 20_000 });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await database.connect();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await database.end();
});

describe("voice input and skipping in a mock interview", () => {
  let page: Page;
  let session: { id: string; slugs: string[] };

  beforeAll(async () => {
    const ivy = await account("Ivy", "10.82.0.1");
    page = await pageWith(ivy.cookie);
    session = await startInterview(page, "after_each");
  });

  it("offers the same voice control as practice, puts what was heard into the answer, and stores the answer as spoken", async () => {
    const voice = page.getByTestId("voice-button");
    await voice.waitFor();
    expect(await voice.getAttribute("data-voice-strategy")).toBe("browser");
    expect(await voice.textContent()).toContain("Record");
    await voice.click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="answer-input"]') as HTMLTextAreaElement | null)?.value.includes("append-only log"));
    expect(await voice.getAttribute("data-voice-phase")).toBe("listening");
    await page.getByTestId("voice-recording").waitFor();
    // Submitting waits while the microphone is on.
    expect(await page.getByTestId("submit-interview-answer").isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/interview-voice-1280.png`, fullPage: true });
    await voice.click();
    await page.waitForSelector('[data-testid="voice-button"][data-voice-phase="idle"]');
    expect(await page.getByTestId("answer-input").inputValue()).toBe(SPOKEN);

    await page.getByTestId("submit-interview-answer").click();
    await page.getByTestId("feedback").waitFor({ timeout: 20_000 });
    const { rows } = await database.query<{ answerSource: string; answer: string }>(
      `SELECT "answerSource", answer FROM "Attempt" WHERE "mockSessionId" = $1 AND "mockPosition" = 0`,
      [session.id],
    );
    expect(rows).toEqual([{ answerSource: "voice", answer: SPOKEN }]);
  });

  it("skips a question without a confirmation, offers to undo it, and brings the draft back on undo", async () => {
    await page.getByTestId("next-question").first().click();
    await waitForStage(page, "question");
    expect(await headingText(page)).toBe(bank.questions.find((question) => question.slug === session.slugs[1])!.title);
    await page.getByTestId("answer-input").fill("A first thought I want to keep.");
    const skip = page.getByTestId("skip-question");
    expect(await skip.textContent()).toBe("Skip this question");
    // Clearly secondary: not the filled primary button.
    expect(await skip.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
      await page.getByTestId("submit-interview-answer").evaluate((element) => getComputedStyle(element).backgroundColor),
    );
    await skip.click();
    await page.getByTestId("skip-notice").waitFor({ timeout: 20_000 });
    expect(await headingText(page)).toBe(bank.questions.find((question) => question.slug === session.slugs[2])!.title);
    expect(await page.getByTestId("skip-notice").textContent()).toContain("You skipped question 2");
    // Focus moves to the new question, not back to the top of the document.
    await page.waitForFunction(() => document.activeElement?.id === "interview-step-heading");
    expect(await page.getByTestId("step-announcement").textContent()).toContain("Question 2 skipped");
    await page.screenshot({ path: `${SHOTS}/interview-skipped-1280.png`, fullPage: true });
    // Nothing was stored as an attempt for the skip.
    const attempts = await database.query(`SELECT 1 FROM "Attempt" WHERE "mockSessionId" = $1 AND "mockPosition" = 1`, [session.id]);
    expect(attempts.rowCount).toBe(0);

    await page.getByTestId("undo-skip").click();
    await page.waitForFunction(
      (title) => document.getElementById("interview-step-heading")?.textContent === title,
      bank.questions.find((question) => question.slug === session.slugs[1])!.title,
      { timeout: 20_000 },
    );
    expect(await page.getByTestId("skip-notice").count()).toBe(0);
    expect(await page.getByTestId("answer-input").inputValue()).toBe("A first thought I want to keep.");
    expect(await focusedId(page)).toBe("interview-step-heading");
  });

  it("shows skipped questions as Skipped in the summary, counted as 0, with their model answer", async () => {
    for (const position of [1, 2, 3, 4]) {
      await page.getByTestId("skip-question").click();
      await page.getByTestId("skip-notice").filter({ hasText: `You skipped question ${position + 1}` }).waitFor({ timeout: 20_000 });
    }
    await waitForStage(page, "ready-to-finish");
    await page.getByTestId("finish-interview").click();
    await page.getByTestId("summary-table").waitFor({ timeout: 20_000 });
    const rows = page.getByTestId("summary-row");
    expect(await rows.count()).toBe(5);
    expect(await page.getByTestId("summary-table").getByTestId("row-skipped").count()).toBe(4);
    // The score column (after topic and level): Q1 has its score, Q2 to Q5 say Skipped.
    const scoreCell = (row: number) => rows.nth(row).locator("td").nth(2);
    expect(await scoreCell(1).textContent()).toContain("Skipped");
    expect(await scoreCell(0).textContent()).not.toContain("Skipped");
    const first = Number.parseFloat((await scoreCell(0).textContent()) ?? "");
    expect(Number.parseFloat((await page.getByTestId("summary-average").textContent()) ?? "")).toBeCloseTo(Math.round((first / 5) * 10) / 10, 5);
    expect(await page.getByTestId("assessment-overview").textContent()).toContain("you skipped as 0");

    const toggle = page.getByTestId("feedback-toggle").nth(1);
    expect(await toggle.textContent()).toContain("Skipped");
    await toggle.click();
    const modelAnswer = page.getByTestId("skipped-model-answer");
    await modelAnswer.waitFor();
    expect(await modelAnswer.textContent()).toContain("Model answer");
    expect((await modelAnswer.textContent())!.length).toBeGreaterThan(300);
    await page.screenshot({ path: `${SHOTS}/interview-summary-skipped-1280.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

describe("the interviewer's follow-up", () => {
  let cookie: string;
  let page: Page;
  let session: { id: string; slugs: string[] };
  let first: Question;
  let plan: ReturnType<typeof answerMissingAFollowedUpPoint>;

  beforeAll(async () => {
    ({ cookie } = await account("Jo", "10.82.0.2"));
    page = await pageWith(cookie);
    session = await startInterview(page, "after_each");
    first = bank.questions.find((question) => question.slug === session.slugs[0])!;
    plan = answerMissingAFollowedUpPoint(first);
  });

  it("follows an answer with the question's own follow-up on the point the answer missed", async () => {
    await page.getByTestId("answer-input").fill(plan.text);
    await page.getByTestId("submit-interview-answer").click();
    await page.getByTestId("follow-up").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("follow-up-prompt").textContent()).toBe(plain(first.followUps[plan.choice.index]!));
    // The score is shown with it, and the full feedback (whose checklist shows the point as missed) is below.
    expect(await page.getByTestId("follow-up").textContent()).toContain("Your answer scored");
    await page.getByTestId("feedback").waitFor();
    const missed = page.locator(`[data-testid="checklist-item"][data-state="missed"]`, { hasText: plan.dropped.label });
    expect(await missed.count()).toBe(1);
    // The reply box has the same voice control as the answer.
    expect(await page.getByTestId("follow-up").getByTestId("voice-button").getAttribute("data-voice-strategy")).toBe("browser");
    expect(await page.getByTestId("step-announcement").textContent()).toContain("The interviewer has a follow-up question");
    await page.screenshot({ path: `${SHOTS}/interview-follow-up-1280.png`, fullPage: true });
    const { rows } = await database.query<{ prompt: string; targetItemIds: string[]; status: string; source: string }>(
      `SELECT prompt, "targetItemIds", status, source FROM "MockFollowUp" WHERE "sessionId" = $1 AND position = 0`,
      [session.id],
    );
    expect(rows).toEqual([{ prompt: first.followUps[plan.choice.index], targetItemIds: [plan.dropped.id], status: "asked", source: "list" }]);
    expect(await axeViolations(cookie, `/interview/${session.id}`, "follow-up")).toEqual([]);
  });

  it("scores a spoken reply against the point the follow-up pressed on, and shows it with the feedback", async () => {
    await page.evaluate((spoken) => ((window as unknown as { __spoken: string }).__spoken = spoken), plan.dropped.hint!);
    const card = page.getByTestId("follow-up");
    await card.getByTestId("voice-button").click();
    await page.waitForFunction(() => ((document.querySelector('[data-testid="follow-up-input"]') as HTMLTextAreaElement | null)?.value.length ?? 0) > 20);
    await card.getByTestId("voice-button").click();
    await page.waitForSelector('[data-testid="follow-up"] [data-testid="voice-button"][data-voice-phase="idle"]');
    await page.getByTestId("answer-follow-up").click();
    const result = page.getByTestId("follow-up-result");
    await result.waitFor({ timeout: 20_000 });
    expect(await result.getAttribute("data-status")).toBe("answered");
    const score = Number(await page.getByTestId("follow-up-score").textContent());
    expect(score).toBeGreaterThanOrEqual(6);
    expect(await page.getByTestId("follow-up-target").textContent()).toBe(plan.dropped.label);
    const point = result.getByTestId("follow-up-point");
    expect(await point.getAttribute("data-met")).toBe("true");
    // Focus moves to the result; screen readers hear the reply's score.
    await page.waitForFunction(() => document.activeElement?.id === "follow-up-result-heading");
    expect(await page.getByTestId("step-announcement").textContent()).toContain(`Your follow-up reply scored ${score.toFixed(1)} out of 10`);
    // The main answer's feedback is still there, unchanged, under it.
    expect(await page.getByTestId("feedback").count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/interview-follow-up-scored-1280.png`, fullPage: true });
    const { rows } = await database.query<{ status: string; answerSource: string; score: number }>(
      `SELECT status, "answerSource", score FROM "MockFollowUp" WHERE "sessionId" = $1 AND position = 0`,
      [session.id],
    );
    expect(rows).toEqual([{ status: "answered", answerSource: "voice", score }]);
    // A follow-up is not an attempt: history still holds the one answer.
    const attempts = await database.query(`SELECT 1 FROM "Attempt" WHERE "mockSessionId" = $1`, [session.id]);
    expect(attempts.rowCount).toBe(1);
  });

  it("fits a 390 px phone without sideways scrolling, and lets the follow-up be skipped there", async () => {
    const phone = await pageWith(cookie, { width: 390 });
    await phone.goto(`${baseUrl}/interview/${session.id}`);
    await phone.getByTestId("follow-up-result").waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
    await phone.getByTestId("next-question").first().click();
    await waitForStage(phone, "question");
    expect(await scrollsSideways(phone)).toBe(false);
    expect(await phone.getByTestId("skip-question").isVisible()).toBe(true);
    expect(await phone.getByTestId("voice-button").isVisible()).toBe(true);
    await phone.getByTestId("answer-input").fill(bank.questions.find((question) => question.slug === session.slugs[1])!.rubric.items.find((item) => item.kind === "required")!.hint!);
    await phone.getByTestId("submit-interview-answer").click();
    await phone.getByTestId("follow-up").waitFor({ timeout: 20_000 });
    expect(await scrollsSideways(phone)).toBe(false);
    await phone.screenshot({ path: `${SHOTS}/interview-follow-up-390.png`, fullPage: true });
    await phone.getByTestId("skip-follow-up").click();
    await phone.waitForSelector('[data-testid="follow-up-result"][data-status="skipped"]', { timeout: 20_000 });
    expect(await scrollsSideways(phone)).toBe(false);
  });

  it("shows each follow-up's result in the summary", async () => {
    await page.goto(`${baseUrl}/interview/${session.id}`);
    await page.getByTestId("next-question").first().click();
    for (const position of [2, 3, 4]) {
      await page.getByTestId("skip-question").click();
      await page.getByTestId("skip-notice").filter({ hasText: `You skipped question ${position + 1}` }).waitFor({ timeout: 20_000 });
    }
    await page.getByTestId("finish-interview").click();
    await page.getByTestId("summary-table").waitFor({ timeout: 20_000 });
    const followUps = page.getByTestId("summary-table").getByTestId("row-follow-up");
    expect(await followUps.nth(0).textContent()).toMatch(/^\d+\.\d \/ 10$/);
    expect(await followUps.nth(1).textContent()).toBe("Skipped");
    expect(await followUps.nth(2).textContent()).toBe("—");
    expect(await page.getByTestId("assessment-overview").textContent()).toContain("you covered it in 1 of the 1 follow-up you answered (1 skipped)");
    await page.getByTestId("feedback-toggle").first().click();
    expect(await page.getByTestId("follow-up-result").getAttribute("data-status")).toBe("answered");
    await page.screenshot({ path: `${SHOTS}/interview-summary-follow-ups-1280.png`, fullPage: true });
    const phone = await pageWith(cookie, { width: 390, dark: true });
    await phone.goto(`${baseUrl}/interview/${session.id}`);
    await phone.getByTestId("summary-list").waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
    expect(await phone.getByTestId("list-follow-up").count()).toBe(2);
    await phone.screenshot({ path: `${SHOTS}/interview-summary-390-dark.png`, fullPage: true });
    expect(await axeViolations(cookie, `/interview/${session.id}`, "summary-table")).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe("the follow-up with feedback at the end", () => {
  it("comes right after the answer, without its score, and gives way to the next question", async () => {
    const { cookie } = await account("Kai", "10.82.0.3");
    const page = await pageWith(cookie);
    const session = await startInterview(page, "at_end");
    const first = bank.questions.find((question) => question.slug === session.slugs[0])!;
    await page.getByTestId("answer-input").fill(first.rubric.items.find((item) => item.kind === "required")!.hint!);
    await page.getByTestId("submit-interview-answer").click();
    await waitForStage(page, "follow-up");
    expect(first.followUps.map(plain)).toContain(await page.getByTestId("follow-up-prompt").textContent());
    // Like a real interviewer: no score, no feedback, and the progress shows only a tick.
    const card = await page.getByTestId("follow-up").textContent();
    expect(card).toContain("no score yet");
    expect(card).not.toMatch(/scored \d/);
    expect(await page.getByTestId("feedback").count()).toBe(0);
    expect(await page.getByTestId("interview-progress").locator("li").first().textContent()).toContain("✓");
    await page.waitForFunction(() => document.activeElement?.id === "interview-step-heading");
    await page.screenshot({ path: `${SHOTS}/interview-follow-up-at-end-1280.png`, fullPage: true });
    await page.getByTestId("skip-follow-up").click();
    await waitForStage(page, "question");
    expect(await headingText(page)).toBe(bank.questions.find((question) => question.slug === session.slugs[1])!.title);
    expect(pageErrors).toEqual([]);
  });
});
